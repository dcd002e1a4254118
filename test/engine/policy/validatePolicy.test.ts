import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Policy } from "../../../src/engine/policy/Policy";
import { validatePolicy } from "../../../src/engine/policy/validatePolicy";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../../../src/engine/policy/characteristics";

const fieldsOf = (p: Policy): string[] => validatePolicy(p).map((e) => ("field" in e ? e.field : e.detail.id));
const zeroWeights = Object.fromEntries(CHARACTERISTIC_KEYS.map((k) => [k, 0])) as Record<CharacteristicKey, number>;

describe("validatePolicy", () => {
  it("accepts the default policy", () => {
    expect(validatePolicy(DEFAULT_POLICY)).toEqual([]);
  });

  it.each<[string, Partial<Policy>, string, string]>([
    ["a negative weight", { weights: { ...DEFAULT_POLICY.weights, paymentRecord: -1 } }, "weights.paymentRecord", "outOfRange"],
    ["all weights zero", { weights: zeroWeights }, "weights", "invalidInput"],
    ["grade bands out of order", { gradeBands: { A: 60, B: 60, C: 40 } }, "gradeBands.B", "invalidInput"],
    ["a grade band above 100", { gradeBands: { A: 101, B: 60, C: 40 } }, "gradeBands.A", "outOfRange"],
    ["letter bands out of order", { letterBands: { AAA: 90, AA: 80, A: 70, BBB: 75, BB: 50, B: 40 } }, "letterBands.BBB", "invalidInput"],
    ["a percentage above 100", { netWorthCapPercent: 150 }, "netWorthCapPercent", "outOfRange"],
    ["a negative percentage", { gradeCLimitSharePercent: -5 }, "gradeCLimitSharePercent", "outOfRange"],
    ["edges not ascending", { agingEdges: [0, 60, 30, 90, 180, 365] }, "agingEdges", "invalidInput"],
    ["percents not one longer than edges", { workingAssetsBands: { edges: [0, 1], percents: [0, 10] } }, "workingAssetsBands.percents", "invalidInput"],
    ["factors not one longer than edges", { paymentFactorBands: { edges: [0, 15], factors: [1, 0.9, 0.5, 0] } }, "paymentFactorBands.factors", "invalidInput"],
    ["a payment factor above 1", { paymentFactorBands: { edges: [0], factors: [1.2, 0] } }, "paymentFactorBands.factors.0", "outOfRange"],
    ["provision percents not one per bucket", { provisionPercents: [1, 2, 3] }, "provisionPercents", "invalidInput"],
    ["collection actions not one per level", { collectionActions: ["a", "b"] }, "collectionActions", "invalidInput"],
    ["a blank collection action", { collectionActions: [...DEFAULT_POLICY.collectionActions.slice(0, 6), " "] }, "collectionActions.6", "invalidInput"],
    ["a zero rounding unit", { roundingUnit: 0 }, "roundingUnit", "outOfRange"],
    ["a NaN parameter", { graceDays: NaN }, "graceDays", "invalidInput"],
    ["fractional terms days", { gradeTerms: { ...DEFAULT_POLICY.gradeTerms, B: { termsDays: 45.5, limitFactor: 0.8, reviewMonths: 12 } } }, "gradeTerms.B.termsDays", "invalidInput"],
    ["a limit factor above 1", { gradeTerms: { ...DEFAULT_POLICY.gradeTerms, A: { termsDays: 60, limitFactor: 1.5, reviewMonths: 12 } } }, "gradeTerms.A.limitFactor", "outOfRange"],
    ["an unknown aging basis", { agingBasis: "postingDate" as Policy["agingBasis"] }, "agingBasis", "invalidInput"],
    ["warning above critical", { warnings: { ...DEFAULT_POLICY.warnings, overdueWarnDays: 100 } }, "warnings.overdueWarnDays", "invalidInput"],
  ])("rejects %s, naming the field", (_label, change, field, kind) => {
    const errors = validatePolicy({ ...DEFAULT_POLICY, ...change });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ kind, field });
  });

  it("reports every problem, not just the first", () => {
    expect(fieldsOf({ ...DEFAULT_POLICY, roundingUnit: -1, graceDays: -1 })).toEqual(["graceDays", "roundingUnit"]);
  });

  it("accepts other consistent band layouts", () => {
    const p: Policy = {
      ...DEFAULT_POLICY,
      agingEdges: [0, 30, 60],
      provisionPercents: [1, 5, 20, 100],
      collectionEdges: [0, 30],
      collectionActions: ["none", "call", "lawyer"],
    };
    expect(validatePolicy(p)).toEqual([]);
  });
});

describe("validatePolicy: outputLanguage", () => {
  it.each([["en-US", []], ["zh-CN", []], ["de-DE", ["outputLanguage"]], [undefined, ["outputLanguage"]]])("%p → %p", (language, fields) => {
    expect(fieldsOf({ ...DEFAULT_POLICY, outputLanguage: language as Policy["outputLanguage"] })).toEqual(fields);
  });
});
