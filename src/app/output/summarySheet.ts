/** The Summary sheet: KPIs, grade distribution and top exposures. */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import type { CellValue, ConditionalFormatSpec, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { engineWords } from "../reviewText";
import { auditBlock, fraction, GRADE_FILLS, GRADE_TABLE, integer, money, MONEY, orNull, OUTPUT_TABLE_ROW, PERCENT, percent, text, titleOf, TOP_EXPOSURES_TABLE, type AuditStamp } from "./sheetParts";

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
  const g = (key: string): string => t.t(`column.gradeDistribution.${key}` as MessageId);
  const gradeRow = kpiRow + kpiLines.length + 2;
  const gradeTable: TableSpec = {
    name: GRADE_TABLE, headerRow: gradeRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text(g("grade"), 8), integer(g("customers")), integer(g("rFlagged")), money(g("exposure")), money(g("openBalance")), money(g("recommendedLimit"))],
    rows: review.gradeDistribution.map((line) => [line.grade, line.customers, line.rFlagged, line.exposure, line.openBalance, line.recommendedLimit]),
    conditionalFormats: GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: g("grade"), text: grade, fill, fontColor })),
  };
  const x = (key: string): string => t.t(`column.topExposures.${key}` as MessageId);
  const topRow = gradeRow + review.gradeDistribution.length + 3;
  const topTable: TableSpec = {
    name: TOP_EXPOSURES_TABLE, headerRow: topRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [integer(x("rank"), 6), text(x("customerId"), 12), text(x("name"), 28), text(x("grade"), 8), money(x("exposure")), money(x("limit")), percent(x("utilisationPercent"))],
    rows: review.topExposures.map((e, i) => [i + 1, e.customerId, e.name, e.grade, e.exposure, orNull(e.limit), fraction(e.utilisationPercent)]),
    conditionalFormats: [{ type: "dataBar", column: x("utilisationPercent"), color: "#5B9BD5" }],
  };
  return {
    name: t.t("sheet.summary"),
    outputId: "Summary",
    title: titleOf(t, "Summary"),
    info: [auditBlock(t, stamp), { row: kpiRow, column: 0, lines: kpiLines, formats }],
    tables: [gradeTable, topTable],
    charts: [{
      name: "GradeChart", title: t.t("chart.grade.title"), type: "columnClustered", table: GRADE_TABLE,
      categoryColumn: g("grade"), seriesColumns: [g("customers")], anchor: { row: OUTPUT_TABLE_ROW, column: 8 }, size: { widthPt: 360, heightPt: 220 },
    }],
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
