/** The Collections worklist: open overdue items by priority (credit-method.md §7). */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import { toExcelSerial } from "../../engine/dates/dayNumber";
import type { CellValue, ColumnSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { engineWords } from "../engineWords";
import { auditBlock, COLLECTIONS_TABLE, date, integer, listLayout, money, orNull, OUTPUT_TABLE_ROW, rank, text, titleOf, type AuditStamp } from "./sheetParts";

export function collectionsSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
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
  const rows = new Array<CellValue[]>(worklist.length);
  for (let i = 0; i < worklist.length; i++) {
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
    info: [auditBlock(t, stamp)],
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
