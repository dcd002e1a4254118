import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { gradeTerms } from "../../../src/engine/scoring/gradeTerms";

describe("gradeTerms", () => {
  it.each([
    ["A", 60, 1.0, 12],
    ["B", 45, 0.8, 12],
    ["C", 30, 0.5, 6],
    ["D", 0, 0, 6],
  ] as const)("gives grade %s terms %i days, factor %p, review %i months", (grade, termsDays, limitFactor, reviewMonths) => {
    expect(gradeTerms(grade, DEFAULT_POLICY)).toEqual({ termsDays, limitFactor, reviewMonths });
  });
  it("returns a copy the caller may change without touching the policy", () => {
    const t = gradeTerms("A", DEFAULT_POLICY);
    t.termsDays = 1;
    expect(DEFAULT_POLICY.gradeTerms.A.termsDays).toBe(60);
  });
});
