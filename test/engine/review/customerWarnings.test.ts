import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { toIsoDate } from "../../../src/engine/dates/dayNumber";
import { customerWarnings, type WarningFacts } from "../../../src/engine/review";

const asOf = 20_000;
const quiet: WarningFacts = {
  asOf, exposure: 0, maxDaysPastDue: 0, overdue: 0, openBalance: 0, grade: "B", isKeyAccount: false,
  lastReviewDate: asOf - 30, coveragePercent: 100, financialsPeriodEnd: asOf - 100, disputed: 0,
};
const fired = (facts: Partial<WarningFacts>) => customerWarnings({ ...quiet, ...facts }, DEFAULT_POLICY).map((w) => [w.rule, w.severity]);

describe("customerWarnings", () => {
  it("fires nothing for a quiet customer", () => {
    expect(fired({})).toEqual([]);
  });

  it.each([
    [89.99, []],
    [90, [["utilisation", "warning"]]],
    [100, [["utilisation", "warning"]]],
    [100.01, [["utilisation", "critical"]]],
  ])("utilisation %d %%", (utilisationPercent, expected) => {
    expect(fired({ utilisationPercent })).toEqual(expected);
  });

  it("treats any exposure on a zero limit as critical", () => {
    expect(fired({ limit: 0, exposure: 0.01 })).toEqual([["utilisation", "critical"]]);
    expect(fired({ limit: 0, exposure: 0 })).toEqual([]);
  });

  it.each([
    [30, []],
    [31, [["daysPastDue", "warning"]]],
    [90, [["daysPastDue", "warning"]]],
    [91, [["daysPastDue", "critical"]]],
  ])("an item %d days past due", (maxDaysPastDue, expected) => {
    expect(fired({ maxDaysPastDue })).toEqual(expected);
  });

  it.each([
    [{ overdue: 30, openBalance: 100 }, []],
    [{ overdue: 30.01, openBalance: 100 }, [["overdueShare", "warning"]]],
    [{ daysLateTrend: 10 }, []],
    [{ daysLateTrend: 10.5 }, [["daysLateTrend", "warning"]]],
    [{ previousGrade: "B" as const, grade: "C" as const }, [["gradeDown", "warning"]]],
    [{ previousGrade: "C" as const, grade: "B" as const }, []],
    [{ currentRatio: 0.99 }, [["currentRatio", "warning"]]],
    [{ debtRatio: 0.71 }, [["debtRatio", "warning"]]],
    [{ equity: -1 }, [["negativeEquity", "critical"]]],
    [{ revenueGrowth: -0.21 }, [["revenueDrop", "warning"]]],
    [{ revenueGrowth: -0.2 }, []],
    [{ altmanZone: "distress" as const }, [["altman", "warning"]]],
    [{ coveragePercent: 69.9 }, [["coverage", "warning"]]],
    [{ coveragePercent: 70 }, []],
    [{ disputed: 10_000.01 }, [["disputed", "warning"]]],
    [{ financialsPeriodEnd: undefined }, [["financials", "info"]]],
    [{ lastReviewDate: undefined }, [["reviewOverdue", "info"]]],
  ])("rule for %j", (facts, expected) => {
    expect(fired(facts)).toEqual(expected);
  });

  it("asks key accounts for a review every 6 months and others every 12", () => {
    const eightMonthsAgo = asOf - 243;
    expect(fired({ lastReviewDate: eightMonthsAgo })).toEqual([]);
    expect(fired({ lastReviewDate: eightMonthsAgo, isKeyAccount: true })).toEqual([["reviewOverdue", "warning"]]);
    expect(fired({ lastReviewDate: asOf - 400 })).toEqual([["reviewOverdue", "warning"]]);
  });

  it("gives the date that made a review or financials warning fire, as the figure and in the message", () => {
    const warnings = customerWarnings({ ...quiet, lastReviewDate: asOf - 400, financialsPeriodEnd: asOf - 560 }, DEFAULT_POLICY);
    const last = toIsoDate(asOf - 400);
    const periodEnd = toIsoDate(asOf - 560);
    expect(warnings).toEqual([
      { rule: "reviewOverdue", severity: "warning", figure: last, message: `Credit review overdue (last ${last}, due every 12 months)` },
      { rule: "financials", severity: "warning", figure: periodEnd, message: `Financials are older than 18 months (${periodEnd})` },
    ]);
  });

  it("warns about financials older than 18 months", () => {
    expect(fired({ financialsPeriodEnd: asOf - 560 })).toEqual([["financials", "warning"]]);
    expect(fired({ financialsPeriodEnd: asOf - 500 })).toEqual([]);
  });
});
