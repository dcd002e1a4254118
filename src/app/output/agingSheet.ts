/** The Aging sheet: open items by bucket per customer, with its chart (credit-method.md §7). */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import type { ColumnSpec, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import { engineWords } from "../engineWords";
import { AGING_TABLE, auditBlock, listLayout, money, OUTPUT_TABLE_ROW, text, titleOf, type AuditStamp } from "./sheetParts";

export function agingSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const { rows, totals } = review.aging;
  const labels = review.aging.labels.map(engineWords(t));
  const nameHeader = t.t("column.aging.name");
  const columns: ColumnSpec[] = [
    text(t.t("column.aging.customerId"), 12), text(nameHeader, 28), ...labels.map((l) => money(l)), money(t.t("column.aging.unapplied")), money(t.t("column.aging.total")),
  ];
  const table: TableSpec = {
    name: AGING_TABLE,
    headerRow: OUTPUT_TABLE_ROW,
    firstColumn: 0,
    columns,
    rows: rows.map((r) => [r.customerId, r.name, ...r.buckets, r.unapplied, r.total]),
    totals: [t.t("row.aging.total"), null, ...totals.buckets, totals.unapplied, totals.total],
    style: "TableStyleMedium2",
  };
  const chartRow = OUTPUT_TABLE_ROW + rows.length + 4;
  return {
    name: t.t("sheet.aging"),
    outputId: "Aging",
    title: titleOf(t, "Aging"),
    info: [auditBlock(t, stamp)],
    tables: [table],
    charts: [{
      name: "AgingChart", title: t.t("chart.aging.title"), type: "columnStacked", table: AGING_TABLE,
      categoryColumn: nameHeader, seriesColumns: [...labels], anchor: { row: chartRow, column: 1 }, size: { widthPt: 720, heightPt: 320 },
    }],
    ...listLayout(t, stamp, 2),
    tabColor: "#548235",
  };
}
