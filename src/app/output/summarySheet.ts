/**
 * The Summary sheet as a one-page committee brief (issue 15): the key figures (with the grade
 * chart beside them), then the grade distribution, the portfolio's aging, the ten largest
 * exposures (name, grade, exposure, limit, utilisation) and the critical warnings grouped by
 * customer. It prints landscape on one page.
 */
import type { CustomerReview, PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import type { CellValue, ConditionalFormatSpec, InfoBlock, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { engineWords } from "../engineWords";
import { warningText } from "../reviewText";
import {
  auditBlock, fraction, GRADE_FILLS, GRADE_TABLE, integer, money, MONEY, orNull, OUTPUT_TABLE_ROW, PERCENT, percent, printSpec, rank, text, titleOf, TOP_EXPOSURES_TABLE, type AuditStamp,
} from "./sheetParts";

export const PORTFOLIO_AGING_TABLE = "PortfolioAging";
export const CRITICAL_WARNINGS_TABLE = "CriticalWarnings";
/** Customers listed with their critical warnings; the others are counted in a line below. */
export const SUMMARY_WARNING_CUSTOMERS = 12;
/** Sheet column of the key figures' labels (their values are in the next column). */
export const SUMMARY_KPI_COLUMN = 2;

/** The customers with critical warnings, most warnings first, then largest exposure. */
function criticalCustomers(review: PortfolioReview): { customer: CustomerReview; critical: CustomerReview["warnings"] }[] {
  return review.customers
    .map((customer) => ({ customer, critical: customer.warnings.filter((w) => w.severity === "critical") }))
    .filter((c) => c.critical.length > 0)
    .sort((a, b) => b.critical.length - a.critical.length || b.customer.exposure - a.customer.exposure || a.customer.customerId.localeCompare(b.customer.customerId));
}

export function summarySheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const k = review.kpis;
  const l = (key: string): string => t.t(`summary.kpi.${key}` as MessageId);
  const kpiLines: [string, CellValue][] = [
    [l("customers"), k.customers],
    [l("openBalance"), k.openBalance],
    [l("overdue"), k.overdue],
    [l("notYetDue"), k.notDue],
    [l("creditSales"), k.creditSales],
    [l("periodDays"), review.periodDays],
    [l("dso"), orNull(k.dso)],
    [l("bestPossibleDso"), orNull(k.bestPossibleDso)],
    [l("averageDaysDelinquent"), orNull(k.add)],
    [l("cei"), fraction(k.cei)],
    [l("overdueRatio"), fraction(k.overdueRatioPercent)],
    [l("otcRating"), k.otcRating === undefined ? null : engineWords(t)(k.otcRating)],
    [l("allowance"), k.allowance],
    [l("exposure"), k.exposure],
    [l("recommendedLimit"), k.totalRecommendedLimit],
    [l("salesTop20Share"), fraction(k.salesTop20SharePercent)],
    [l("overdueTop20Share"), fraction(k.overdueTop20SharePercent)],
    [l("criticalWarnings"), k.criticalWarnings],
    [l("warnings"), k.warnings],
  ];
  const kpiRow = OUTPUT_TABLE_ROW;
  const moneyLines = ["openBalance", "overdue", "notYetDue", "creditSales", "allowance", "exposure", "recommendedLimit"];
  const formats: Record<string, string> = Object.fromEntries(moneyLines.map((key) => [l(key), MONEY]));
  for (const key of ["cei", "overdueRatio", "salesTop20Share", "overdueTop20Share"]) formats[l(key)] = PERCENT;
  for (const key of ["dso", "bestPossibleDso", "averageDaysDelinquent"]) formats[l(key)] = "0.0";
  const heading = (row: number, column: number, key: string): InfoBlock => ({ row, column, lines: [[t.t(`layout.summary.${key}` as MessageId), null]] });

  // Top to bottom: the key figures (with the grade chart beside them), then each table under a
  // heading line. Every column the key figures use is also a table column, so that the port's
  // column widths (set per table column) size them too: labels in C (the customers' names),
  // values in D.
  const kpiColumn = SUMMARY_KPI_COLUMN;
  const g = (key: string): string => t.t(`column.gradeDistribution.${key}` as MessageId);
  const gradeRow = kpiRow + kpiLines.length + 3;
  const gradeTable: TableSpec = {
    name: GRADE_TABLE, headerRow: gradeRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text(g("grade"), 8), integer(g("customers")), integer(g("rFlagged")), money(g("exposure")), money(g("openBalance")), money(g("recommendedLimit"))],
    rows: review.gradeDistribution.map((line) => [line.grade, line.customers, line.rFlagged, line.exposure, line.openBalance, line.recommendedLimit]),
    conditionalFormats: GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: g("grade"), text: grade, fill, fontColor })),
  };
  const word = engineWords(t);
  const totals = review.aging.totals;
  const agingRow = gradeRow + Math.max(1, review.gradeDistribution.length) + 3;
  const share = (amount: number): number | null => (totals.total === 0 ? null : amount / totals.total);
  const agingTable: TableSpec = {
    name: PORTFOLIO_AGING_TABLE, headerRow: agingRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text(t.t("layout.column.agingBucket")), money(t.t("layout.column.agingAmount")), percent(t.t("layout.column.agingShare"))],
    rows: [
      ...review.aging.labels.map((label, i): CellValue[] => [word(label), totals.buckets[i], share(totals.buckets[i])]),
      [t.t("column.aging.unapplied"), totals.unapplied, share(totals.unapplied)],
    ],
    totals: [t.t("row.aging.total"), totals.total, share(totals.total)],
  };
  const x = (key: string): string => t.t(`column.topExposures.${key}` as MessageId);
  const topRow = agingRow + review.aging.labels.length + 2 + 3;
  const topTable: TableSpec = {
    name: TOP_EXPOSURES_TABLE, headerRow: topRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [rank(x("rank")), text(x("customerId"), 12), text(x("name"), 28), text(x("grade"), 8), money(x("exposure")), money(x("limit")), percent(x("utilisationPercent"))],
    rows: review.topExposures.map((e, i) => [i + 1, e.customerId, e.name, e.grade, e.exposure, orNull(e.limit), fraction(e.utilisationPercent)]),
    conditionalFormats: [{ type: "dataBar", column: x("utilisationPercent"), color: "#5B9BD5" }],
  };
  // Critical warnings by customer, lined up under the top exposures' ID and Name.
  const critical = criticalCustomers(review);
  const listed = critical.slice(0, SUMMARY_WARNING_CUSTOMERS);
  const warningsRow = topRow + Math.max(1, review.topExposures.length) + 3;
  const warningsTable: TableSpec = {
    name: CRITICAL_WARNINGS_TABLE, headerRow: warningsRow, firstColumn: 1, style: "TableStyleMedium2",
    columns: [
      text(t.t("layout.column.customerId")), text(t.t("layout.column.name")), text(t.t("layout.column.grade")), money(t.t("layout.column.exposure")),
      integer(t.t("layout.column.criticalCount")),
      { ...text(t.t("layout.column.criticalWarnings"), 42), wrap: true },
    ],
    rows: listed.map(({ customer, critical: ws }) => [customer.customerId, customer.name, customer.grade, customer.exposure, ws.length, ws.map((w) => warningText(t, w)).join("\n")]),
  };
  const info: InfoBlock[] = [
    auditBlock(t, stamp),
    { row: kpiRow, column: kpiColumn, lines: kpiLines, formats },
    heading(kpiRow - 1, kpiColumn, "keyFigures"),
    heading(gradeRow - 1, 0, "grades"),
    heading(agingRow - 1, 0, "aging"),
    heading(topRow - 1, 0, "topExposures"),
    heading(warningsRow - 1, 0, "criticalWarnings"),
  ];
  if (critical.length > listed.length) {
    const after = warningsRow + Math.max(1, listed.length) + 1;
    info.push({ row: after, column: 1, lines: [[t.t("layout.summary.moreWarnings", { count: critical.length - listed.length }), null]] });
  }
  return {
    name: t.t("sheet.summary"),
    outputId: "Summary",
    title: titleOf(t, "Summary"),
    info,
    tables: [gradeTable, agingTable, topTable, warningsTable],
    charts: [{
      name: "GradeChart", title: t.t("chart.grade.title"), type: "columnClustered", table: GRADE_TABLE,
      categoryColumn: g("grade"), seriesColumns: [g("customers")], anchor: { row: kpiRow, column: kpiColumn + 2 }, size: { widthPt: 420, heightPt: 260 },
    }],
    print: printSpec(t, stamp, { pagesTall: 1 }),
    tabColor: "#7030A0",
  };
}

// ── Issue 17: the total expected loss of the default model, one KPI line after the allowance when
// the workbook has a Model sheet; the tables below the KPIs move down one row to make room.

/** The Summary sheet with the model's total expected loss among its KPIs. */
export function withExpectedLossLine(sheet: SheetSpec, t: Translator, totalExpectedLoss: number): SheetSpec {
  const label = t.t("model.summary.expectedLoss");
  const kpis = sheet.info?.find((block) => block.row === OUTPUT_TABLE_ROW);
  if (sheet.info === undefined || kpis === undefined) return sheet;
  const after = kpis.lines.findIndex(([l]) => l === t.t("summary.kpi.allowance"));
  const at = after < 0 ? kpis.lines.length : after + 1;
  const lines: [string, CellValue][] = [...kpis.lines.slice(0, at), [label, totalExpectedLoss], ...kpis.lines.slice(at)];
  return {
    ...sheet,
    info: sheet.info.map((block) => (block !== kpis ? block : { ...block, lines, formats: { ...block.formats, [label]: MONEY } })),
    tables: sheet.tables.map((table) => (table.headerRow > kpis.row ? { ...table, headerRow: table.headerRow + 1 } : table)),
  };
}
