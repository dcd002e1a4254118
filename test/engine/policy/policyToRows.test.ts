import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../../src/engine/policy/policyToRows";

const rowsByKey = new Map(policyToRows(DEFAULT_POLICY));

describe("policyToRows", () => {
  it.each<[string, string | number | boolean]>([
    ["version", "default-1"],
    ["weights.paymentRecord", 12],
    ["gradeBands.A", 80],
    ["gradeTerms.B.termsDays", 45],
    ["gradeTerms.C.limitFactor", 0.5],
    ["agingEdges", "0,30,60,90,180,365"],
    ["workingAssetsBands.edges", "-4.6,-3.9,-3.2,-2.5,-1.8,-1.1,-0.4,0.3,1"],
    ["paymentFactorBands.factors", "1,0.9,0.75,0.5,0"],
    ["collectionActions.3", "Formal dunning letter; hold new credit orders (催收函, 停止赊销)"],
    ["agingBasis", "dueDate"],
    ["fifoUnappliedCash", false],
    ["warnings.overdueCriticalDays", 90],
  ])("writes %s as %j", (key, value) => {
    expect(rowsByKey.get(key)).toEqual(value);
  });

  it("writes each key once, with the 18 weights and 7 collection actions", () => {
    const keys = policyToRows(DEFAULT_POLICY).map(([k]) => k);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.startsWith("weights."))).toHaveLength(18);
    expect(keys.filter((k) => k.startsWith("collectionActions."))).toHaveLength(7);
  });
});

