import { messageText } from "../../../src/app/reviewText";
import type { ReviewMessage } from "../../../src/engine/review/ReviewMessage";
import type { Locale } from "../../../src/i18n/locale";
import { createTranslator } from "../../../src/i18n/translator";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { rFlag, type RFlagInput } from "../../../src/engine/scoring/rFlag";

const base: RFlagInput = { grade: "A", isKeyAccount: false, maxDaysPastDue: 0, exposure: 0 };

/** The reasons rendered by the host (the engine returns ids and parameters). */
const rendered = (reasons: readonly ReviewMessage[], locale: Locale = "en-US"): string[] =>
  reasons.map((r) => messageText(createTranslator(locale), "rFlag.", r));

describe("rFlag", () => {
  it.each<[string, Partial<RFlagInput>, boolean]>([
    ["a small customer with grade D", { grade: "D" }, false],
    ["a key account with grade A, nothing overdue", { isKeyAccount: true }, false],
    ["a key account with grade C", { isKeyAccount: true, grade: "C" }, true],
    ["a key account 30 days past due (edge, not more)", { isKeyAccount: true, maxDaysPastDue: 30 }, false],
    ["a key account 31 days past due", { isKeyAccount: true, maxDaysPastDue: 31 }, true],
    ["a key account exactly at its limit", { isKeyAccount: true, exposure: 100, limit: 100 }, false],
    ["a key account over its limit", { isKeyAccount: true, exposure: 100.01, limit: 100 }, true],
    ["a large customer at the threshold with grade D", { annualCreditSales: 1_000_000, grade: "D" }, true],
    ["a customer just under the threshold with grade D", { annualCreditSales: 999_999.99, grade: "D" }, false],
    ["a key account with exposure but no limit", { isKeyAccount: true, exposure: 1e9 }, false],
  ])("%s → %p", (_label, change, isR) => {
    expect(rFlag({ ...base, ...change }, DEFAULT_POLICY).isR).toBe(isR);
  });

  it("gives every reason when flagged and none otherwise", () => {
    expect(rendered(rFlag({ ...base, isKeyAccount: true, grade: "C", maxDaysPastDue: 45 }, DEFAULT_POLICY).reasons)).toEqual([
      "key account",
      "grade C",
      "45 days past due (more than 30)",
    ]);
    expect(rFlag({ ...base, grade: "D" }, DEFAULT_POLICY).reasons).toEqual([]);
  });

  it("lists why the customer is large before the risks it shows, in the order of the rules", () => {
    const input: RFlagInput = { grade: "D", isKeyAccount: true, annualCreditSales: 2_000_000, maxDaysPastDue: 31, exposure: 101, limit: 100 };
    const flagged = rFlag(input, DEFAULT_POLICY);
    expect(flagged.isR).toBe(true);
    expect(rendered(flagged.reasons)).toEqual([
      "key account",
      "annual credit sales 2000000 at or above the large-customer threshold 1000000",
      "grade D",
      "31 days past due (more than 30)",
      "exposure 101 over limit 100",
    ]);
    expect(rendered(flagged.reasons, "zh-CN")).toEqual([
      "重要客户",
      "年赊销额 2000000 达到大客户门槛 1000000",
      "信用等级 D 级",
      "逾期 31 天（超过 30 天）",
      "信用风险敞口 101 超过信用限额 100",
    ]);
  });

  it("gives the reasons as message ids with their figures as numbers", () => {
    const input: RFlagInput = { grade: "B", isKeyAccount: false, annualCreditSales: 2_000_000, maxDaysPastDue: 31, exposure: 101, limit: 100 };
    expect(rFlag(input, DEFAULT_POLICY).reasons).toEqual([
      { id: "largeBySales", params: { sales: 2_000_000, threshold: 1_000_000 } },
      { id: "late", params: { days: 31, threshold: 30 } },
      { id: "overLimit", params: { exposure: 101, limit: 100 } },
    ]);
  });
});
