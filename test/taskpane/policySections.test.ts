import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { matchesSearch, policySectionOf } from "../../src/taskpane/policySections";

describe("policySectionOf", () => {
  it.each([
    ["version", "general"],
    ["outputLanguage", "general"],
    ["rFlagOverdueDays", "general"],
    ["weights.paymentRecord", "scoring"],
    ["minCoveragePercent", "scoring"],
    ["gradeBands.A", "grades"],
    ["letterBands.AAA", "grades"],
    ["gradeTerms.C.limitFactor", "grades"],
    ["gradeCLimitSharePercent", "limits"],
    ["workingAssetsBands.edges", "limits"],
    ["paymentFactorBands.factors", "limits"],
    ["roundingUnit", "limits"],
    ["agingEdges", "receivables"],
    ["provisionPercents", "receivables"],
    ["otcEdges", "receivables"],
    ["collectionActions.3", "collections"],
    ["lateInterestPercent", "collections"],
    ["warnings.overdueWarnDays", "warnings"],
    ["orderHoldDays", "orders"],
    ["creditManagerExcessPercent", "orders"],
    ["lgdPercent", "models"],
    ["defaultDaysPastDue", "models"],
    ["WEIGHTS.Capital", "scoring"],
    ["somethingNew", "other"],
  ])("%s is in %s", (key, section) => {
    expect(policySectionOf(key)).toBe(section);
  });

  it("puts every key of the default policy in a named section, none in 'other'", () => {
    const other = policyToRows(DEFAULT_POLICY).map(([key]) => key).filter((key) => policySectionOf(key) === "other");
    expect(other).toEqual([]);
  });
});

describe("matchesSearch", () => {
  it.each([
    ["", ["anything"], true],
    ["  ", ["anything"], true],
    ["grade", ["gradeBands.A", "Lowest composite %"], true],
    ["GRADE a", ["gradeBands.A", "Lowest composite % of grade A"], true],
    ["grade overdue", ["gradeBands.A", "Lowest composite % of grade A"], false],
    ["逾期", ["warnings.overdueWarnDays", "逾期超过该天数时预警"], true],
    ["逾期", ["weights.capital", "资本规模"], false],
    ["x", ["key", null, undefined], false],
  ] as const)("%j in %j is %s", (query, texts, expected) => {
    expect(matchesSearch(query, ...texts)).toBe(expected);
  });
});
