import "../../support/errorsInEnglish";
import { reasonsText } from "../../../src/app/reviewText";
import { customerReasons } from "../../../src/engine/review";
import type { CustomerReview } from "../../../src/engine/review/types";
import { createTranslator } from "../../../src/i18n/translator";

/** The reasons are ids and parameters; the en-US catalogue renders them as the sentence of before. */
const en = createTranslator("en-US");
const zh = createTranslator("zh-CN");

type ReasonsInput = Parameters<typeof customerReasons>[0];

const base: ReasonsInput = {
  customerId: "C1",
  name: "Acme",
  isKeyAccount: false,
  compositePercent: 68.44,
  coveragePercent: 91.6,
  paymentRecord: { source: "entered", score: 7 },
  grade: "B",
  letter: "BBB",
  isR: false,
  rReasons: [],
  decision: "tradeWithinLimit",
  quadrant: { quadrant: 1, en: "Basic customer", zh: "基础客户" },
  terms: { termsDays: 45, limitFactor: 0.8, reviewMonths: 12 },
  ratios: {},
  limit: { recommended: 120_000, bindingBasis: "workingAssets", bases: [], gradeFactor: 0.8, paymentFactor: 0.9 },
  exposure: 0,
  openBalance: 0,
  unapplied: 0,
  overdue: 0,
  overdueItems: 2,
  maxDaysPastDue: 45,
  openOrders: 0,
  disputed: 0,
  warnings: [],
};
const parts = (change: Partial<CustomerReview>) => customerReasons({ ...base, ...change });
const sentence = (change: Partial<CustomerReview>): string => reasonsText(en, { ...base, ...change, reasons: parts(change) });

describe("customerReasons", () => {
  it("gives grade, limit and overdue position in one sentence", () => {
    expect(sentence({})).toBe("B (68.4 %, coverage 92 %); limit 120,000 set by working assets (×0.8 grade, ×0.9 payment); 2 items overdue, max 45 days");
  });

  it("says when the payment record comes from behaviour, and why the customer is referred to committee", () => {
    expect(sentence({ paymentRecord: { source: "derived", score: 8 }, isR: true, rReasons: [{ id: "keyAccount", params: {} }, { id: "weakGrade", params: { grade: "C" } }], grade: "C" })).toBe(
      "C (68.4 %, coverage 92 %, payment record 8 from behaviour), R: refer to committee (key account, grade C); limit 120,000 set by working assets (×0.8 grade, ×0.9 payment); 2 items overdue, max 45 days",
    );
  });

  it("explains a missing limit and grade D's limit of 0", () => {
    expect(sentence({ limit: { bases: [], gradeFactor: 0.8, paymentFactor: 1, note: { id: "noBasis", params: {} } } })).toContain("; no limit: no basis for a limit;");
    expect(sentence({ limit: { bases: [], gradeFactor: 0.8, paymentFactor: 1, note: { id: "error", params: { field: "roundingUnit", detailId: "errorDetail.positive" } } } })).toContain(
      "; no limit: roundingUnit: must be above 0;",
    );
    expect(sentence({ limit: { bases: [], gradeFactor: 0.8, paymentFactor: 1 } })).toContain("; no limit: no basis for a limit;");
    expect(sentence({ grade: "D", limit: { recommended: 0, bases: [], gradeFactor: 0, paymentFactor: 1 } })).toContain("; limit 0: cash or prepayment only;");
  });

  it("writes amounts with separators and counts items in the singular and plural", () => {
    expect(sentence({ limit: { recommended: 1234.5, bases: [], gradeFactor: 1, paymentFactor: 1 } })).toContain("limit 1,234.50 set by ? (×1 grade, ×1 payment)");
    expect(sentence({ overdueItems: 1, maxDaysPastDue: 3 })).toMatch(/; 1 item overdue, max 3 days$/);
    expect(sentence({ overdueItems: 0 })).toMatch(/; nothing overdue$/);
  });

  it("returns message ids with their figures as numbers, never text", () => {
    expect(parts({})).toEqual([
      { id: "grade", params: { grade: "B", composite: 68.44, coverage: 91.6 } },
      { id: "limit", params: { limit: 120_000, basisId: "limitBasis.workingAssets", gradeFactor: 0.8, paymentFactor: 0.9 } },
      { id: "overdue", params: { count: 2, maxDays: 45 } },
    ]);
    expect(parts({ overdueItems: 0, isR: true }).map((p) => p.id)).toEqual(["grade", "rFlag", "limit", "nothingOverdue"]);
  });

  it("renders the same parts in Chinese with the glossary's words", () => {
    const customer = { rReasons: [{ id: "keyAccount" as const, params: {} }], reasons: parts({ isR: true }) };
    const text = reasonsText(zh, customer);
    expect(text).toBe(
      "B 级（综合评分值 68.4%，信息覆盖率 92%），R 级：提交公司高层领导决定（重要客户）；建议额度 120,000，约束依据为营运资产（等级系数 ×0.8，付款系数 ×0.9）；逾期 2 笔，最长逾期 45 天",
    );
  });
});
