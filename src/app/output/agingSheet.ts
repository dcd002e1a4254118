/**
 * The Aging sheet: open items by bucket per customer (credit-method.md §7), with a chart of a
 * stacked bar per customer when there are few enough customers to read it.
 */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import type { ColumnSpec, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import { engineWords } from "../engineWords";
import { AGING_TABLE, auditBlock, listLayout, money, OUTPUT_TABLE_ROW, text, titleOf, type AuditStamp } from "./sheetParts";

/**
 * The most customers the chart draws a bar for. Past it the bars are too thin to tell apart, and the
 * chart only costs: 100,000 customers made a 65 MB chart part that took 1.5 s to write (and
 * Excel as long to draw). The audit block then says why there is no chart.
 */
export const AGING_CHART_MAX_CUSTOMERS = 50;

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
  const drawsChart = rows.length <= AGING_CHART_MAX_CUSTOMERS;
  const omitted: [string, string] = [t.t("chart.aging.omittedLabel"), t.t("chart.aging.omitted", { customers: rows.length, max: AGING_CHART_MAX_CUSTOMERS })];
  return {
    name: t.t("sheet.aging"),
    outputId: "Aging",
    title: titleOf(t, "Aging"),
    info: [drawsChart ? auditBlock(t, stamp) : auditBlock(t, stamp, omitted)],
    tables: [table],
    charts: drawsChart ? [{
      name: "AgingChart", title: t.t("chart.aging.title"), type: "columnStacked", table: AGING_TABLE,
      categoryColumn: nameHeader, seriesColumns: [...labels], anchor: { row: chartRow, column: 1 }, size: { widthPt: 720, heightPt: 320 },
    }] : [],
    ...listLayout(t, stamp, 2),
    tabColor: "#548235",
  };
}
