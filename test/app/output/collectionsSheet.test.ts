import { collectionsSheet, EXCEL_SHEET_ROWS } from "../../../src/app/output/collectionsSheet";
import { OUTPUT_TABLE_ROW } from "../../../src/app/output/sheetParts";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { reviewPortfolio } from "../../../src/engine/review";
import type { PortfolioReview } from "../../../src/engine/review/types";
import { createTranslator } from "../../../src/i18n/translator";

const asOf = dayFromCivil(2025, 6, 30);
const stamp = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "9.9.9", policyFingerprint: "abc123", policyVersion: "v1" };
const en = createTranslator("en-US");

/** A review whose worklist has `items` overdue invoices, the older the more urgent. */
function reviewWith(items: number): PortfolioReview {
  const receivables = ledgerOf(Array.from({ length: items }, (_, i) => ({ invoiceId: `I${i + 1}`, customerId: "C1", invoiceDate: asOf - 100 - i, dueDate: asOf - 70 - i, amount: 100 })));
  const r = reviewPortfolio({ customers: [{ customerId: "C1", name: "Acme", scores: {} }], financials: [], receivables, orders: [] }, DEFAULT_POLICY, { asOf, periodDays: 90 });
  if (!r.ok) throw new Error("review failed");
  return r.value;
}

describe("collectionsSheet's cut to what a worksheet holds", () => {
  it.each([
    [0, undefined, 0, false],
    [3, undefined, 3, false],
    [3, 3, 3, false],
    [4, 3, 3, true],
    [10, 0, 0, true],
  ])("%i items with a limit of %s: %i rows, the most urgent first (cut stated: %s)", (items, limit, kept, isCut) => {
    const review = reviewWith(items);
    const whole = collectionsSheet(en, review, stamp).tables[0]!.rows;
    const sheet = collectionsSheet(en, review, stamp, limit);
    const rows = sheet.tables[0]!.rows;
    expect(rows).toEqual(whole.slice(0, kept));
    // The worklist's priority order: the oldest invoice first.
    if (kept > 0) expect(rows[0]![4]).toBe(`I${items}`);
    expect(sheet.info?.[0]?.lines).toHaveLength(isCut ? 6 : 5);
    if (isCut) expect(sheet.info?.[0]?.lines[5]).toEqual(["Rows not shown", `${items - kept} of ${items} items are not shown: an Excel sheet holds ${kept} rows of this table; the worklist is in priority order, so the most urgent are here`]);
  });

  it("states the cut in the output language", () => {
    const sheet = collectionsSheet(createTranslator("zh-CN"), reviewWith(5), stamp, 2);
    expect(sheet.info?.[0]?.lines[5]).toEqual(["未显示的行", "共 5 项中有 3 项未显示：Excel 工作表只能容纳本表 2 行；催收清单按优先级排序，此处保留的是最紧急的项目"]);
  });

  it("without a limit takes every row a worksheet has below the table's header, and no more", () => {
    // A stand-in worklist longer than a sheet: only its length and its first items are read.
    const review = reviewWith(1);
    const item = review.collections.item(0);
    const long = { ...review, collections: { length: EXCEL_SHEET_ROWS, item: () => item } } as unknown as PortfolioReview;
    const sheet = collectionsSheet(en, long, stamp, EXCEL_SHEET_ROWS + 10);
    const shown = EXCEL_SHEET_ROWS - OUTPUT_TABLE_ROW - 1;
    expect(sheet.tables[0]!.rows.length).toBe(shown);
    expect(sheet.tables[0]!.headerRow + 1 + shown).toBe(EXCEL_SHEET_ROWS);
    expect(sheet.info?.[0]?.lines[5]?.[1]).toBe("9 of 1,048,576 items are not shown: an Excel sheet holds 1,048,567 rows of this table; the worklist is in priority order, so the most urgent are here");
  });
});
