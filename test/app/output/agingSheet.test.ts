import { AGING_CHART_MAX_CUSTOMERS, agingSheet } from "../../../src/app/output/agingSheet";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { reviewPortfolio } from "../../../src/engine/review";
import type { PortfolioReview } from "../../../src/engine/review/types";
import { createTranslator } from "../../../src/i18n/translator";

const asOf = dayFromCivil(2025, 6, 30);
const stamp = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "9.9.9", policyFingerprint: "abc123", policyVersion: "v1" };

/** A review of `count` customers, each with one open invoice. */
function reviewOf(count: number): PortfolioReview {
  const ids = Array.from({ length: count }, (_, i) => `C${i + 1}`);
  const receivables = ledgerOf(ids.map((customerId, i) => ({ invoiceId: `I${i + 1}`, customerId, invoiceDate: asOf - 60, dueDate: asOf - 30 + (i % 50), amount: 100 + i })));
  const r = reviewPortfolio({ customers: ids.map((customerId) => ({ customerId, name: `Customer ${customerId}`, scores: {} })), financials: [], receivables, orders: [] }, DEFAULT_POLICY, { asOf, periodDays: 90 });
  if (!r.ok) throw new Error("review failed");
  return r.value;
}

describe("agingSheet's chart", () => {
  it.each([
    [1, true],
    [AGING_CHART_MAX_CUSTOMERS, true],
    [AGING_CHART_MAX_CUSTOMERS + 1, false],
    [500, false],
  ])("with %i customers draws one bar per customer: %s; otherwise the audit block says why there is none", (customers, draws) => {
    const sheet = agingSheet(createTranslator("en-US"), reviewOf(customers), stamp);
    expect(sheet.tables[0]!.rows).toHaveLength(customers);
    expect(sheet.charts ?? []).toHaveLength(draws ? 1 : 0);
    const lines = sheet.info![0]!.lines;
    expect(lines).toHaveLength(draws ? 5 : 6);
    if (!draws) expect(lines[5]).toEqual(["Chart", `Not drawn for ${customers} customers: one bar per customer is drawn for up to 50; the Summary has the whole ledger's aging by bucket`]);
  });

  it("says so in the output language", () => {
    const sheet = agingSheet(createTranslator("zh-CN"), reviewOf(AGING_CHART_MAX_CUSTOMERS + 1), stamp);
    expect(sheet.info![0]!.lines[5]).toEqual(["图表", "共 51 个客户，未绘制：每个客户一根柱的图表最多绘制 50 个客户；全部应收账款按账龄区间的合计见概览表"]);
  });
});
