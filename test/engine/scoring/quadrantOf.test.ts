import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { quadrantOf } from "../../../src/engine/scoring/quadrantOf";

describe("quadrantOf", () => {
  it.each([
    ["A", 5.99, 1, "Basic customer", "基础客户", false, false],
    ["B", 0, 1, "Basic customer", "基础客户", false, false],
    ["C", 5, 2, "Cash or prepayment", "要求现金或预付", true, false],
    ["D", 1, 2, "Cash or prepayment", "要求现金或预付", true, false],
    ["A", 6, 3, "Credit customer", "赊销客户", false, true],
    ["B", 10, 3, "Credit customer", "赊销客户", false, true],
    ["C", 6, 4, "Credit investigation first", "需做资信调查", true, true],
    ["D", 9, 4, "Credit investigation first", "需做资信调查", true, true],
  ] as const)("grade %s, potential %p → quadrant %i", (grade, potential, quadrant, en, zh, isHighRisk, isHighPotential) => {
    expect(quadrantOf(grade, potential, DEFAULT_POLICY)).toEqual({ quadrant, en, zh, isHighRisk, isHighPotential });
  });
  it("counts a potential that is not a number as low", () => {
    expect(quadrantOf("A", NaN, DEFAULT_POLICY).quadrant).toBe(1);
  });
  it("uses the policy's high-potential threshold", () => {
    expect(quadrantOf("A", 5, { ...DEFAULT_POLICY, highPotentialFrom: 5 }).quadrant).toBe(3);
  });
});
