/**
 * The Collections worklist: open overdue items by priority (credit-method.md §7).
 *
 * A worksheet holds 1,048,576 rows, and a ledger read from a file (issue 19 §3) can have more open
 * overdue items than the rows below the table's header. The worklist is in priority order, so the
 * sheet takes the most urgent and a line of its audit block says how many were left out and why.
 * Only the rows shown are built: at 10,000,000 invoices the worklist had about 3 million items,
 * and building a row for each before cutting them was most of the review's 3.3 GB.
 * @example collectionsSheet(en, review, stamp, 2).tables[0].rows.length //=> 2 (of 5; the stamp says "3 of 5 items are not shown")
 */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import { toExcelSerial } from "../../engine/dates/dayNumber";
import type { CellValue, ColumnSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { engineWords } from "../engineWords";
import { auditBlock, COLLECTIONS_TABLE, date, integer, listLayout, money, orNull, OUTPUT_TABLE_ROW, rank, text, titleOf, type AuditStamp } from "./sheetParts";

/** Rows of an Excel worksheet. */
export const EXCEL_SHEET_ROWS = 1_048_576;

/** `rowLimit`: the most rows the table takes (default, and at most: all a worksheet holds below its header). */
export function collectionsSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp, rowLimit?: number): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const h = (key: string): string => t.t(`column.collections.${key}` as MessageId);
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const columns: ColumnSpec[] = [
    rank(h("rank")), text(h("customerId"), 12), text(h("name"), 28), text(h("accountOwner")), text(h("invoice"), 12),
    date(h("invoiceDate")), date(h("dueDate")), integer(h("daysPastDue")), money(h("openAmount")),
    { header: h("priority"), kind: "number", numberFormat: "#,##0", width: 16 },
    money(h("interest")), money(h("amountDemanded")), text(h("disputed"), 8), text(h("action"), 44),
  ];
  const word = engineWords(t);
  const worklist = review.collections;
  const shown = Math.max(0, Math.min(worklist.length, rowLimit ?? Number.POSITIVE_INFINITY, EXCEL_SHEET_ROWS - OUTPUT_TABLE_ROW - 1));
  const rows = new Array<CellValue[]>(shown);
  for (let i = 0; i < shown; i++) {
    const c = worklist.item(i);
    rows[i] = [
      i + 1, c.customerId, c.name, orNull(c.accountOwner), c.invoiceId,
      toExcelSerial(c.invoiceDate, system), toExcelSerial(c.dueDate, system), c.daysPastDue, c.openAmount,
      c.priority, c.interest, c.amountDemanded, c.isDisputed ? yes : no, word(c.action),
    ];
  }
  return {
    name: t.t("sheet.collections"),
    outputId: "Collections",
    title: titleOf(t, "Collections"),
    info: [auditBlock(t, stamp, ...(shown < worklist.length ? [cutNote(t, shown, worklist.length)] : []))],
    tables: [{
      name: COLLECTIONS_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns, rows, style: "TableStyleMedium2",
      conditionalFormats: [
        { type: "greaterThan", column: h("daysPastDue"), value: 90, fill: "#FFC7CE", fontColor: "#9C0006" },
        { type: "textEquals", column: h("disputed"), text: yes, fill: "#FFEB9C", fontColor: "#9C5700" },
      ],
    }],
    ...listLayout(t, stamp, 3),
    tabColor: "#C55A11",
  };
}

/** The audit block's line saying how many items the sheet leaves out, since it cannot hold them all. */
function cutNote(t: Translator, shown: number, total: number): [string, string] {
  return [t.t("sheet.collections.cutLabel"), t.t("sheet.collections.cut", { shown, total, cut: total - shown })];
}
