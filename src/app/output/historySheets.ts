/**
 * The committee's sheets (issue 15): the Approved Limits register and the Review History, input
 * sheets the add-in creates once (SheetSpec.role "input") and never replaces; the Changes output
 * sheet (grade migration against the previous review, change by direction, and the trend of the
 * portfolio's overdue ratio, DSO and CEI across reviews with its chart); and the Order Log.
 * Every word comes from the catalogue (`approved.`, `history.`, `orderLog.`); columns are in a
 * fixed order, which is how the tables are read back whatever the language of their headers.
 */
import { toExcelSerial, type DateSystem } from "../../engine/dates/dayNumber";
import { MIGRATION_DIRECTIONS, MIGRATION_GRADES, type GradeMigration, type MigrationFrom, type MigrationTo } from "../../engine/review/gradeMigration";
import type { ReviewHistoryRow, ReviewRun } from "../../engine/review/reviewHistory";
import type { CellValue, ColumnSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import type { Translator } from "../../i18n/translator";
import { auditBlock, date, integer, money, orNull, OUTPUT_TABLE_ROW, percent, ratio, text, type AuditStamp } from "./sheetParts";

export const APPROVED_LIMITS_TABLE = "ApprovedLimits";
export const REVIEW_HISTORY_TABLE = "ReviewHistory";
export const REVIEW_RUNS_TABLE = "ReviewRuns";
export const ORDER_LOG_TABLE = "OrderLog";
export const MIGRATION_TABLE = "GradeMigration";
export const DIRECTION_TABLE = "MigrationDirections";
export const TREND_TABLE = "ReviewTrend";

/** The register's fields, in column order. */
export const APPROVED_FIELDS = ["customerId", "name", "decision", "approvedLimit", "approvedBy", "approvedOn", "validUntil", "comment"] as const;
export type ApprovedField = (typeof APPROVED_FIELDS)[number];
/** The Review History's fields, in column order. */
export const HISTORY_FIELDS = [
  "asOf", "generatedAt", "fingerprint", "customerId", "name", "grade", "composite", "recommendedLimit", "approvedLimit",
  "exposure", "openBalance", "overdue", "averageDaysLate", "dsoContribution", "warnings",
] as const;
/** The Review runs table's fields, in column order. */
export const RUN_FIELDS = ["asOf", "generatedAt", "fingerprint", "customers", "openBalance", "overdueRatio", "dso", "cei"] as const;
/** The Order Log's fields, in column order. */
export const ORDER_LOG_FIELDS = ["time", "asOf", "customerId", "name", "order", "exposureBefore", "exposureAfter", "limitUsed", "limitBasis", "decision", "step", "reasons", "fingerprint"] as const;
export type OrderLogField = (typeof ORDER_LOG_FIELDS)[number];

/** Header row (0-based) of the tables on the register, history and log sheets: below the title and a note. */
export const INPUT_TABLE_ROW = 3;

/** Sheet rows the first trend chart covers (240 pt at 15 pt a row) and a blank row: the second goes below. */
const TREND_CHART_ROWS = 17;

const days = (header: string): ColumnSpec => ({ header, kind: "number", numberFormat: "0.0", width: 12 });

export function approvedLimitsColumns(t: Translator): ColumnSpec[] {
  const h = (f: ApprovedField): string => t.t(`approved.column.${f}` as MessageId);
  return [text(h("customerId"), 12), text(h("name"), 28), text(h("decision"), 24), money(h("approvedLimit")), text(h("approvedBy"), 16), date(h("approvedOn")), date(h("validUntil")), text(h("comment"), 36)];
}

/**
 * The Approved Limits register as created: one row per customer of the review that creates it,
 * ID and name filled, the committee's columns blank for the user. After that the add-in never
 * writes into it (a customer added later is added by the user, or by addMissingApprovals).
 */
export function approvedLimitsSheet(t: Translator, customers: readonly { customerId: string; name: string }[]): SheetSpec {
  return {
    name: t.t("approved.sheet"),
    role: "input",
    title: t.t("approved.title"),
    info: [{ row: 1, column: 0, lines: [[t.t("approved.note"), null]] }],
    tables: [{
      name: APPROVED_LIMITS_TABLE, headerRow: INPUT_TABLE_ROW, firstColumn: 0, columns: approvedLimitsColumns(t),
      rows: customers.map((c) => [c.customerId, c.name, null, null, null, null, null, null]),
      validations: [{ type: "decimal", column: t.t("approved.column.approvedLimit"), min: 0, max: 1e12 }, { type: "date", column: t.t("approved.column.approvedOn") }, { type: "date", column: t.t("approved.column.validUntil") }],
      style: "TableStyleLight9",
    }],
    freezeRows: INPUT_TABLE_ROW + 1,
    tabColor: "#7030A0",
  };
}

export function reviewHistoryColumns(t: Translator): ColumnSpec[] {
  const h = (f: string): string => t.t(`history.column.${f}` as MessageId);
  return [
    date(h("asOf")), text(h("generatedAt"), 22), text(h("fingerprint"), 14), text(h("customerId"), 12), text(h("name"), 28), text(h("grade"), 7), percent(h("composite")),
    money(h("recommendedLimit")), money(h("approvedLimit")), money(h("exposure")), money(h("openBalance")), money(h("overdue")), days(h("averageDaysLate")), days(h("dsoContribution")), integer(h("warnings")),
  ];
}

export function reviewRunsColumns(t: Translator): ColumnSpec[] {
  const h = (f: string): string => t.t(`history.column.${f}` as MessageId);
  return [date(h("asOf")), text(h("generatedAt"), 22), text(h("fingerprint"), 14), integer(h("customers")), money(h("openBalance")), percent(h("overdueRatio")), days(h("dso")), ratio(h("cei"))];
}

/** A history row as cells, in HISTORY_FIELDS order. */
export function historyCells(r: ReviewHistoryRow, system: DateSystem): CellValue[] {
  return [
    toExcelSerial(r.asOf, system), r.generatedAt, r.fingerprint, r.customerId, r.name, r.grade, r.compositePercent / 100,
    orNull(r.recommendedLimit), orNull(r.approvedLimit), r.exposure, r.openBalance, r.overdue, orNull(r.averageDaysLate), orNull(r.dsoContribution), r.warnings,
  ];
}

/** A review run as cells, in RUN_FIELDS order. */
export function runCells(r: ReviewRun, system: DateSystem): CellValue[] {
  return [
    toExcelSerial(r.asOf, system), r.generatedAt, r.fingerprint, r.customers, r.openBalance,
    r.overdueRatioPercent === undefined ? null : r.overdueRatioPercent / 100, orNull(r.dso), orNull(r.cei),
  ];
}

/** The column of the runs table, right of the history table with one blank column between. */
export const RUNS_FIRST_COLUMN = HISTORY_FIELDS.length + 1;

/** The Review History sheet, one of the review's outputs: every review's rows, and the runs. */
export function reviewHistorySheet(t: Translator, rows: CellValue[][], runs: CellValue[][]): SheetSpec {
  return {
    name: t.t("history.sheet"),
    outputId: "Review History",
    title: t.t("history.title"),
    tables: [
      { name: REVIEW_HISTORY_TABLE, headerRow: INPUT_TABLE_ROW, firstColumn: 0, columns: reviewHistoryColumns(t), rows, style: "TableStyleLight1" },
      { name: REVIEW_RUNS_TABLE, headerRow: INPUT_TABLE_ROW, firstColumn: RUNS_FIRST_COLUMN, columns: reviewRunsColumns(t), rows: runs, style: "TableStyleLight1" },
    ],
    freezeRows: INPUT_TABLE_ROW + 1,
    tabColor: "#7F7F7F",
  };
}

const fromLabel = (t: Translator, from: MigrationFrom): string => (from === "new" ? t.t("history.migration.new") : from);
const toLabel = (t: Translator, to: MigrationTo): string => (to === "gone" ? t.t("history.migration.gone") : to);

export interface ChangesInput {
  migration?: GradeMigration;
  previousAsOf?: string;
  runs: readonly ReviewRun[];
  dateSystem: DateSystem;
}

/**
 * The Changes sheet: the grade migration matrix (customers from each grade of the previous review
 * to each grade now, new and gone included, and the exposure now of each row), the directions
 * with their customers and exposure, and the trend of every review in the history.
 */
export function changesSheet(t: Translator, input: ChangesInput, stamp: AuditStamp): SheetSpec {
  const tables: SheetSpec["tables"] = [];
  const infoLines: [string, CellValue][] = [];
  const m = input.migration;
  let row = OUTPUT_TABLE_ROW;
  if (m === undefined || input.previousAsOf === undefined) {
    infoLines.push([t.t("history.changes.none"), null]);
  } else {
    infoLines.push([t.format("history.changes.compared", { asOf: t.formatDate(stamp.asOf), previousAsOf: t.formatDate(input.previousAsOf) }), null]);
    const tos: MigrationTo[] = [...MIGRATION_GRADES, "gone"];
    const froms: MigrationFrom[] = [...MIGRATION_GRADES, "new"];
    const cell = (from: MigrationFrom, to: MigrationTo) => m.cells.find((c) => c.from === from && c.to === to);
    tables.push({
      name: MIGRATION_TABLE, headerRow: row, firstColumn: 0,
      columns: [text(t.t("history.migration.fromTo"), 10), ...tos.map((to) => integer(toLabel(t, to), 8)), money(t.t("history.migration.exposure"))],
      rows: froms.map((from) => [
        fromLabel(t, from),
        ...tos.map((to) => cell(from, to)?.customers ?? 0),
        m.cells.filter((c) => c.from === from && c.to !== "gone").reduce((sum, c) => Math.round((sum + c.exposure) * 100) / 100, 0),
      ]),
      style: "TableStyleMedium2",
    });
    row += froms.length + 3;
    tables.push({
      name: DIRECTION_TABLE, headerRow: row, firstColumn: 0,
      columns: [text(t.t("history.direction.title"), 22), integer(t.t("history.direction.customers")), money(t.t("history.direction.exposure"))],
      rows: MIGRATION_DIRECTIONS.map((d) => [t.t(`history.direction.${d}` as MessageId), m.directions[d].customers, m.directions[d].exposure]),
      style: "TableStyleMedium2",
    });
    row += MIGRATION_DIRECTIONS.length + 3;
  }
  const h = (f: string): string => t.t(`history.column.${f}` as MessageId);
  const trendColumns = [date(h("asOf")), text(h("generatedAt"), 22), percent(h("overdueRatio")), days(h("dso")), ratio(h("cei"))];
  tables.push({
    name: TREND_TABLE, headerRow: row, firstColumn: 0, columns: trendColumns,
    rows: input.runs.map((r) => [toExcelSerial(r.asOf, input.dateSystem), r.generatedAt, r.overdueRatioPercent === undefined ? null : r.overdueRatioPercent / 100, orNull(r.dso), orNull(r.cei)]),
    style: "TableStyleMedium2",
  });
  return {
    name: t.t("history.changes.sheet"),
    outputId: "Changes",
    title: t.t("history.changes.title"),
    info: [auditBlock(t, stamp), { row: 6, column: 0, lines: infoLines }],
    tables,
    // The trend as two line charts, one per scale: the overdue ratio and CEI are ratios (0–1), DSO
    // is in days (tens), which on one axis would flatten the ratios to a line along zero.
    charts: [{
      name: "ReviewTrendChart", title: t.t("history.trend.chartRatios"), type: "line", table: TREND_TABLE,
      categoryColumn: trendColumns[0]!.header, seriesColumns: [trendColumns[2]!.header, trendColumns[4]!.header],
      anchor: { row: OUTPUT_TABLE_ROW, column: 8 }, size: { widthPt: 420, heightPt: 240 },
    }, {
      name: "ReviewTrendDsoChart", title: t.t("history.trend.chartDso"), type: "line", table: TREND_TABLE,
      categoryColumn: trendColumns[0]!.header, seriesColumns: [trendColumns[3]!.header],
      anchor: { row: OUTPUT_TABLE_ROW + TREND_CHART_ROWS, column: 8 }, size: { widthPt: 420, heightPt: 240 },
    }],
    freezeRows: 0,
    tabColor: "#2F5597",
  };
}

export function orderLogColumns(t: Translator): ColumnSpec[] {
  const h = (f: OrderLogField): string => t.t(`orderLog.column.${f}` as MessageId);
  return [
    text(h("time"), 22), date(h("asOf")), text(h("customerId"), 12), text(h("name"), 24), money(h("order")), money(h("exposureBefore")), money(h("exposureAfter")),
    money(h("limitUsed")), text(h("limitBasis"), 12), text(h("decision"), 12), text(h("step"), 22), { ...text(h("reasons"), 60), wrap: true }, text(h("fingerprint"), 14),
  ];
}

/** The Order Log sheet as created by the first confirmed check. */
export function orderLogSheet(t: Translator, rows: CellValue[][]): SheetSpec {
  return {
    name: t.t("orderLog.sheet"),
    role: "input",
    title: t.t("orderLog.title"),
    tables: [{ name: ORDER_LOG_TABLE, headerRow: INPUT_TABLE_ROW, firstColumn: 0, columns: orderLogColumns(t), rows, style: "TableStyleLight1" }],
    freezeRows: INPUT_TABLE_ROW + 1,
    tabColor: "#7F7F7F",
  };
}
