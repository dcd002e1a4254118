import { warningText } from "../../../src/app/reviewText";
import { WARNING_IDS } from "../../../src/engine/review/ReviewMessage";
import { createTranslator } from "../../../src/i18n/translator";
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
      { id: "reviewOverdue", rule: "reviewOverdue", severity: "warning", figure: last, params: { last, months: 12 } },
      { id: "financialsStale", rule: "financials", severity: "warning", figure: periodEnd, params: { months: 18, periodEnd } },
    ]);
    const en = createTranslator("en-US");
    expect(warnings.map((w) => warningText(en, w))).toEqual([
      `Credit review overdue (last ${last}, due every 12 months)`,
      `Financials are older than 18 months (${periodEnd})`,
    ]);
  });

  it("warns about financials older than 18 months", () => {
    expect(fired({ financialsPeriodEnd: asOf - 560 })).toEqual([["financials", "warning"]]);
    expect(fired({ financialsPeriodEnd: asOf - 500 })).toEqual([]);
  });

  /** Facts that fire every rule once (the critical branch where there are two), and the en-US text of before. */
  const loud: WarningFacts = {
    asOf, utilisationPercent: 104.56, limit: 0, exposure: 1234.5, maxDaysPastDue: 95, overdue: 600, openBalance: 1000, daysLateTrend: 12.34,
    grade: "C", previousGrade: "A", currentRatio: 0.876, debtRatio: 0.755, revenueGrowth: -0.254, equity: -5, altmanZone: "distress",
    isKeyAccount: true, lastReviewDate: undefined, coveragePercent: 55.55, financialsPeriodEnd: undefined, disputed: 12_345.6,
  };

  it("renders every warning in en-US as the review wrote it before ids, and in zh-CN", () => {
    const warnings = customerWarnings(loud, DEFAULT_POLICY);
    const en = createTranslator("en-US");
    expect(warnings.map((w) => warningText(en, w))).toEqual([
      "Utilisation 104.6 % is over the limit",
      "Exposure 1234.50 with a limit of 0",
      "An item is 95 days past due (more than 90)",
      "60 % of the balance is overdue",
      "Paying 12.3 days later than in the prior 90 days",
      "Grade down from A to C",
      "Current ratio 0.88 is below 1",
      "Debt ratio 75.5 % is above 70 %",
      "Negative equity (net worth)",
      "Revenue down 25.4 %",
      "Altman Z′ in the distress zone",
      "No credit review on record",
      "Insufficient information: coverage 55.6 %",
      "No financial statements",
      "Disputed amount 12345.60 above 10000",
    ]);
    const zh = createTranslator("zh-CN");
    for (const w of warnings) expect(warningText(zh, w)).toMatch(/[\u4e00-\u9fff]/);
    expect(warningText(zh, warnings[0]!)).toBe("额度使用率 104.6%，已超出信用限额");
  });

  it("emits only ids of WARNING_IDS, each with a message in both catalogues", () => {
    const ids = new Set(customerWarnings(loud, DEFAULT_POLICY).map((w) => w.id));
    for (const id of ids) expect(WARNING_IDS).toContain(id);
    expect(ids.size).toBeGreaterThanOrEqual(15);
  });
});
