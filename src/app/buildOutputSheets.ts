/**
 * The output sheets of a review (credit-method.md §2–§7, audit trail §11): Credit Review,
 * Aging, Collections and Summary. Every sheet has its title in A1, the audit stamp (as-of date,
 * generated time, add-in version, policy fingerprint and version) in an info block below it,
 * and its tables from row AUDIT_TABLE_ROW down. Money is written in currency units, percents as
 * fractions with a % format, dates as Excel serials with a date format.
 * @example buildOutputSheets(review, stamp).map((s) => s.name) //=> ["Credit Review", "Aging", "Collections", "Summary"]
 */
import { toExcelSerial, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import type { PortfolioReview } from "../engine/review/types";
import type { CellValue, ColumnSpec, ConditionalFormatSpec, InfoBlock, SheetSpec, TableSpec } from "../host/WorkbookPort";

export interface AuditStamp {
  asOf: DayNumber;
  /** ISO timestamp of the run. */
  generatedAt: string;
  addinVersion: string;
  policyFingerprint: string;
  policyVersion: string;
  /** Date system of the target workbook (default 1900). */
  dateSystem?: DateSystem;
}

/** Row (0-based) of the first table's header on every output sheet. */
export const OUTPUT_TABLE_ROW = 8;
export const CREDIT_REVIEW_TABLE = "CreditReview";
export const AGING_TABLE = "AgingByCustomer";
export const COLLECTIONS_TABLE = "Collections";
export const GRADE_TABLE = "GradeDistribution";
export const TOP_EXPOSURES_TABLE = "TopExposures";

/** 0-based sheet row of the i-th customer in the Credit Review table. */
export function creditReviewRow(index: number): number {
  return OUTPUT_TABLE_ROW + 1 + index;
}

const MONEY = "#,##0.00";
const PERCENT = "0.0%";
const DATE = "yyyy-mm-dd";
const RATIO = "0.00";

const money = (header: string, width = 14): ColumnSpec => ({ header, kind: "money", numberFormat: MONEY, width });
const percent = (header: string, width = 11): ColumnSpec => ({ header, kind: "percent", numberFormat: PERCENT, width });
const text = (header: string, width = 14): ColumnSpec => ({ header, kind: "text", width });
const integer = (header: string, width = 10): ColumnSpec => ({ header, kind: "integer", numberFormat: "0", width });
const date = (header: string): ColumnSpec => ({ header, kind: "date", numberFormat: DATE, width: 12 });
const ratio = (header: string): ColumnSpec => ({ header, kind: "number", numberFormat: RATIO, width: 10 });

const orNull = <T extends CellValue>(value: T | undefined): T | null => (value === undefined ? null : value);
const fraction = (percentNumber: number | undefined): number | null => (percentNumber === undefined ? null : percentNumber / 100);

function auditBlock(stamp: AuditStamp): InfoBlock {
  return {
    row: 1,
    column: 0,
    lines: [
      ["As-of date", toExcelSerial(stamp.asOf, stamp.dateSystem ?? "1900")],
      ["Generated", stamp.generatedAt],
      ["Add-in version", stamp.addinVersion],
      ["Policy fingerprint", stamp.policyFingerprint],
      ["Policy version", stamp.policyVersion],
    ],
    formats: { "As-of date": DATE },
  };
}

/** The Credit Review columns, in sheet order. */
export const CREDIT_REVIEW_COLUMNS: readonly ColumnSpec[] = [
  text("Customer ID", 12), text("Name", 28), text("Account owner"), text("Key account", 8),
  percent("Composite %"), percent("Coverage %"), integer("Payment record"), text("Payment record source", 10),
  text("Grade", 7), text("Letter", 7), text("R flag", 7), text("Decision", 28), text("Quadrant", 24),
  integer("Terms days", 8), date("Financials period end"),
  ratio("Current ratio"), ratio("Quick ratio"), percent("Debt ratio"), percent("Net margin"), percent("Revenue growth"),
  ratio("Altman Z′"), text("Altman zone", 9),
  money("Recommended limit"), text("Binding basis", 16), ratio("Grade factor"), ratio("Payment factor"),
  money("Current limit"), money("Limit change"),
  money("Exposure"), percent("Utilisation %"), money("Open balance"), money("Unapplied"), money("Overdue"),
  integer("Overdue items"), integer("Max days past due"), { header: "Avg days late", kind: "number", numberFormat: "0.0", width: 10 },
  integer("Critical warnings"), text("Warnings", 40), text("Next action", 36), text("Reasons", 60),
];

const GRADE_FILLS: readonly [string, string, string][] = [
  ["A", "#C6EFCE", "#006100"],
  ["B", "#E2F0D9", "#375623"],
  ["C", "#FFEB9C", "#9C5700"],
  ["D", "#FFC7CE", "#9C0006"],
];

function creditReviewSheet(review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const rows: CellValue[][] = review.customers.map((c) => {
    const critical = c.warnings.filter((w) => w.severity === "critical").length;
    return [
      c.customerId, c.name, orNull(c.accountOwner), c.isKeyAccount ? "Yes" : "No",
      c.compositePercent / 100, c.coveragePercent / 100, c.paymentRecord.score, c.paymentRecord.source,
      c.grade, c.letter, c.isR ? "R" : "", c.decision, `${c.quadrant.quadrant} ${c.quadrant.en} (${c.quadrant.zh})`,
      c.terms.termsDays, c.financials ? toExcelSerial(c.financials.periodEnd, system) : null,
      orNull(c.ratios.currentRatio), orNull(c.ratios.quickRatio), orNull(c.ratios.debtRatio), orNull(c.ratios.netMargin), orNull(c.ratios.revenueGrowth),
      c.altman ? c.altman.z : null, c.altman ? c.altman.zone : null,
      orNull(c.limit.recommended), orNull(c.limit.bindingBasis), c.limit.gradeFactor, c.limit.paymentFactor,
      orNull(c.currentLimit), orNull(c.limitChange),
      c.exposure, fraction(c.utilisationPercent), c.openBalance, c.unapplied, c.overdue,
      c.overdueItems, c.maxDaysPastDue, orNull(c.averageDaysLate),
      critical, c.warnings.map((w) => `[${w.severity}] ${w.message}`).join("; "), orNull(c.nextAction), c.reasons,
    ];
  });
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: "Grade", text: grade, fill, fontColor })),
    { type: "textEquals", column: "R flag", text: "R", fill: "#F4B183", fontColor: "#833C0B" },
    { type: "dataBar", column: "Utilisation %", color: "#5B9BD5" },
    { type: "greaterThan", column: "Critical warnings", value: 0, fill: "#FF0000", fontColor: "#FFFFFF" },
  ];
  return {
    name: "Credit Review",
    title: "Credit Review (资信评审)",
    info: [auditBlock(stamp)],
    tables: [{ name: CREDIT_REVIEW_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns: [...CREDIT_REVIEW_COLUMNS], rows, conditionalFormats, style: "TableStyleMedium2" }],
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#2F5597",
  };
}

function agingSheet(review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const { labels, rows, totals } = review.aging;
  const columns: ColumnSpec[] = [text("Customer ID", 12), text("Name", 28), ...labels.map((l) => money(l)), money("Unapplied"), money("Total")];
  const table: TableSpec = {
    name: AGING_TABLE,
    headerRow: OUTPUT_TABLE_ROW,
    firstColumn: 0,
    columns,
    rows: rows.map((r) => [r.customerId, r.name, ...r.buckets, r.unapplied, r.total]),
    totals: ["Total", null, ...totals.buckets, totals.unapplied, totals.total],
    style: "TableStyleMedium2",
  };
  const chartRow = OUTPUT_TABLE_ROW + rows.length + 4;
  return {
    name: "Aging",
    title: "Receivables aging by customer (应收账款账龄)",
    info: [auditBlock(stamp)],
    tables: [table],
    charts: [{
      name: "AgingChart", title: "Open receivables by aging bucket", type: "columnStacked", table: AGING_TABLE,
      categoryColumn: "Name", seriesColumns: [...labels], anchor: { row: chartRow, column: 1 }, size: { widthPt: 720, heightPt: 320 },
    }],
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#548235",
  };
}

function collectionsSheet(review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const columns: ColumnSpec[] = [
    integer("Rank", 6), text("Customer ID", 12), text("Name", 28), text("Account owner"), text("Invoice", 12),
    date("Invoice date"), date("Due date"), integer("Days past due"), money("Open amount"),
    { header: "Priority (amount × days)", kind: "number", numberFormat: "#,##0", width: 16 },
    money("Interest"), money("Amount demanded"), text("Disputed", 8), text("Action", 44),
  ];
  const worklist = review.collections;
  const rows = new Array<CellValue[]>(worklist.length);
  for (let i = 0; i < worklist.length; i++) {
    const c = worklist.item(i);
    rows[i] = [
      i + 1, c.customerId, c.name, orNull(c.accountOwner), c.invoiceId,
      toExcelSerial(c.invoiceDate, system), toExcelSerial(c.dueDate, system), c.daysPastDue, c.openAmount,
      c.priority, c.interest, c.amountDemanded, c.isDisputed ? "Yes" : "No", c.action,
    ];
  }
  return {
    name: "Collections",
    title: "Collections worklist (催收清单)",
    info: [auditBlock(stamp)],
    tables: [{
      name: COLLECTIONS_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns, rows, style: "TableStyleMedium2",
      conditionalFormats: [
        { type: "greaterThan", column: "Days past due", value: 90, fill: "#FFC7CE", fontColor: "#9C0006" },
        { type: "textEquals", column: "Disputed", text: "Yes", fill: "#FFEB9C", fontColor: "#9C5700" },
      ],
    }],
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#C55A11",
  };
}

function summarySheet(review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const k = review.kpis;
  const kpiLines: [string, CellValue][] = [
    ["Customers", k.customers],
    ["Open balance", k.openBalance],
    ["Overdue", k.overdue],
    ["Not yet due", k.notDue],
    ["Credit sales in period", k.creditSales],
    ["Period (days)", review.periodDays],
    ["DSO (days)", orNull(k.dso)],
    ["Best possible DSO (days)", orNull(k.bestPossibleDso)],
    ["Average days delinquent", orNull(k.add)],
    ["CEI", fraction(k.cei)],
    ["Overdue ratio", fraction(k.overdueRatioPercent)],
    ["Order-to-cash rating", orNull(k.otcRating)],
    ["Bad-debt allowance", k.allowance],
    ["Total exposure", k.exposure],
    ["Total recommended limit", k.totalRecommendedLimit],
    ["Sales share of top 20 % customers", fraction(k.salesTop20SharePercent)],
    ["Overdue share of top 20 % overdue customers", fraction(k.overdueTop20SharePercent)],
    ["Critical warnings", k.criticalWarnings],
    ["Warnings", k.warnings],
  ];
  const kpiRow = OUTPUT_TABLE_ROW;
  const moneyLines = ["Open balance", "Overdue", "Not yet due", "Credit sales in period", "Bad-debt allowance", "Total exposure", "Total recommended limit"];
  const formats: Record<string, string> = Object.fromEntries(moneyLines.map((l) => [l, MONEY]));
  for (const l of ["CEI", "Overdue ratio", "Sales share of top 20 % customers", "Overdue share of top 20 % overdue customers"]) formats[l] = PERCENT;
  for (const l of ["DSO (days)", "Best possible DSO (days)", "Average days delinquent"]) formats[l] = "0.0";
  const gradeRow = kpiRow + kpiLines.length + 2;
  const gradeTable: TableSpec = {
    name: GRADE_TABLE, headerRow: gradeRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text("Grade", 8), integer("Customers"), integer("R flagged"), money("Exposure"), money("Open balance"), money("Recommended limit")],
    rows: review.gradeDistribution.map((g) => [g.grade, g.customers, g.rFlagged, g.exposure, g.openBalance, g.recommendedLimit]),
    conditionalFormats: GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: "Grade", text: grade, fill, fontColor })),
  };
  const topRow = gradeRow + review.gradeDistribution.length + 3;
  const topTable: TableSpec = {
    name: TOP_EXPOSURES_TABLE, headerRow: topRow, firstColumn: 0, style: "TableStyleMedium2",
    columns: [integer("Rank", 6), text("Customer ID", 12), text("Name", 28), text("Grade", 8), money("Exposure"), money("Limit"), percent("Utilisation %")],
    rows: review.topExposures.map((t, i) => [i + 1, t.customerId, t.name, t.grade, t.exposure, orNull(t.limit), fraction(t.utilisationPercent)]),
    conditionalFormats: [{ type: "dataBar", column: "Utilisation %", color: "#5B9BD5" }],
  };
  return {
    name: "Summary",
    title: "Portfolio summary (信用管理概览)",
    info: [auditBlock(stamp), { row: kpiRow, column: 0, lines: kpiLines, formats }],
    tables: [gradeTable, topTable],
    charts: [{
      name: "GradeChart", title: "Customers by grade", type: "columnClustered", table: GRADE_TABLE,
      categoryColumn: "Grade", seriesColumns: ["Customers"], anchor: { row: OUTPUT_TABLE_ROW, column: 8 }, size: { widthPt: 360, heightPt: 220 },
    }],
    tabColor: "#7030A0",
  };
}

export function buildOutputSheets(review: PortfolioReview, stamp: AuditStamp): SheetSpec[] {
  return [creditReviewSheet(review, stamp), agingSheet(review, stamp), collectionsSheet(review, stamp), summarySheet(review, stamp)];
}
