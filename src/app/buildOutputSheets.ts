/**
 * The output sheets of a review (credit-method.md §2–§7, audit trail §11): Credit Review,
 * Aging, Collections and Summary. Every sheet has its title in A1, the audit stamp (as-of date,
 * generated time, add-in version, policy fingerprint and version) in an info block below it,
 * and its tables from row AUDIT_TABLE_ROW down. Money is written in currency units, percents as
 * fractions with a % format, dates as Excel serials with a date format.
 *
 * Every word is the i18n catalogue's in the stamp's `outputLanguage` (the Policy's; default
 * en-US): sheet names, titles, labels, headers, totals, chart titles, warnings, reasons,
 * decisions, yes/no and bucket labels. Each sheet's `outputId` is its English name, the value of
 * its marker whatever the language, so a review in Chinese replaces one in English.
 * @example buildOutputSheets(review, stamp).map((s) => s.name) //=> ["Credit Review", "Aging", "Collections", "Summary"]
 * @example buildOutputSheets(review, { ...stamp, outputLanguage: "zh-CN" }).map((s) => s.name) //=> ["资信评审", "账龄分析", "催收清单", "信用管理概览"]
 */
import { toExcelSerial, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { PortfolioReview } from "../engine/review/types";
import type { CellValue, ColumnSpec, ConditionalFormatSpec, InfoBlock, SheetSpec, TableSpec } from "../host/WorkbookPort";
import type { MessageId } from "../i18n/messages";
import { createTranslator, type Translator } from "../i18n/translator";
import { decisionText, engineWords, reasonsText, warningsCell } from "./reviewText";
import type { OutputSheetId } from "./types";

export interface AuditStamp {
  asOf: DayNumber;
  /** ISO timestamp of the run. */
  generatedAt: string;
  addinVersion: string;
  policyFingerprint: string;
  policyVersion: string;
  /** Date system of the target workbook (default 1900). */
  dateSystem?: DateSystem;
  /** Language of the sheets (the Policy's outputLanguage; default en-US). */
  outputLanguage?: OutputLanguage;
}

/** The catalogue key of each output sheet (`sheet.<key>`, `sheet.<key>.title`). */
const SHEET_KEYS: Readonly<Record<OutputSheetId, string>> = { "Credit Review": "creditReview", Aging: "aging", Collections: "collections", Summary: "summary" };
/** The Chinese gloss English titles have carried since the first release. */
const EN_TITLE_GLOSS: Readonly<Record<OutputSheetId, string>> = { "Credit Review": "资信评审", Aging: "应收账款账龄", Collections: "催收清单", Summary: "信用管理概览" };

/** The name an output sheet is written under in a language. */
export function outputSheetName(outputId: OutputSheetId, language: OutputLanguage = "en-US"): string {
  return createTranslator(language).t(`sheet.${SHEET_KEYS[outputId]}` as MessageId);
}

function titleOf(t: Translator, outputId: OutputSheetId): string {
  const title = t.t(`sheet.${SHEET_KEYS[outputId]}.title` as MessageId);
  return t.locale === "en-US" ? `${title} (${EN_TITLE_GLOSS[outputId]})` : title;
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

function auditBlock(t: Translator, stamp: AuditStamp): InfoBlock {
  const asOfLabel = t.t("audit.asOfDate");
  return {
    row: 1,
    column: 0,
    lines: [
      [asOfLabel, toExcelSerial(stamp.asOf, stamp.dateSystem ?? "1900")],
      [t.t("audit.generated"), stamp.generatedAt],
      [t.t("audit.addinVersion"), stamp.addinVersion],
      [t.t("audit.policyFingerprint"), stamp.policyFingerprint],
      [t.t("audit.policyVersion"), stamp.policyVersion],
    ],
    formats: { [asOfLabel]: DATE },
  };
}

/** The Credit Review columns in a language, in sheet order. */
export function creditReviewColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => t.t(`column.creditReview.${key}` as MessageId);
  return [
    text(h("customerId"), 12), text(h("name"), 28), text(h("accountOwner")), text(h("keyAccount"), 8),
    percent(h("compositePercent")), percent(h("coveragePercent")), integer(h("paymentRecord")), text(h("paymentRecordSource"), 10),
    text(h("grade"), 7), text(h("letter"), 7), text(h("rFlag"), 7), text(h("decision"), 28), text(h("quadrant"), 24),
    integer(h("termsDays"), 8), date(h("financialsPeriodEnd")),
    ratio(h("currentRatio")), ratio(h("quickRatio")), percent(h("debtRatio")), percent(h("netMargin")), percent(h("revenueGrowth")),
    ratio(h("altmanZ")), text(h("altmanZone"), 9),
    money(h("recommendedLimit")), text(h("bindingBasis"), 16), ratio(h("gradeFactor")), ratio(h("paymentFactor")),
    money(h("currentLimit")), money(h("limitChange")),
    money(h("exposure")), percent(h("utilisationPercent")), money(h("openBalance")), money(h("unapplied")), money(h("overdue")),
    integer(h("overdueItems")), integer(h("maxDaysPastDue")), { header: h("averageDaysLate"), kind: "number", numberFormat: "0.0", width: 10 },
    integer(h("criticalWarnings")), text(h("warnings"), 40), text(h("nextAction"), 36), text(h("reasons"), 60),
  ];
}

/** The Credit Review columns in English, in sheet order. */
export const CREDIT_REVIEW_COLUMNS: readonly ColumnSpec[] = creditReviewColumns(createTranslator("en-US"));

const GRADE_FILLS: readonly [string, string, string][] = [
  ["A", "#C6EFCE", "#006100"],
  ["B", "#E2F0D9", "#375623"],
  ["C", "#FFEB9C", "#9C5700"],
  ["D", "#FFC7CE", "#9C0006"],
];

function creditReviewSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const columns = creditReviewColumns(t);
  const header = (index: number): string => columns[index]!.header;
  const word = engineWords(t);
  const rows: CellValue[][] = review.customers.map((c) => {
    const critical = c.warnings.filter((w) => w.severity === "critical").length;
    // The quadrant carries its words in both languages: English with the Chinese gloss, or Chinese.
    const quadrant = t.locale === "en-US" ? `${c.quadrant.quadrant} ${c.quadrant.en} (${c.quadrant.zh})` : `${c.quadrant.quadrant} ${c.quadrant.zh}`;
    return [
      c.customerId, c.name, orNull(c.accountOwner), c.isKeyAccount ? yes : no,
      c.compositePercent / 100, c.coveragePercent / 100, c.paymentRecord.score, t.format(`paymentRecordSource.${c.paymentRecord.source}`),
      c.grade, c.letter, c.isR ? "R" : "", decisionText(t, c.decision), quadrant,
      c.terms.termsDays, c.financials ? toExcelSerial(c.financials.periodEnd, system) : null,
      orNull(c.ratios.currentRatio), orNull(c.ratios.quickRatio), orNull(c.ratios.debtRatio), orNull(c.ratios.netMargin), orNull(c.ratios.revenueGrowth),
      c.altman ? c.altman.z : null, c.altman ? t.format(`altmanZone.${c.altman.zone}`) : null,
      orNull(c.limit.recommended), c.limit.bindingBasis === undefined ? null : t.format(`limitBasis.${c.limit.bindingBasis}`), c.limit.gradeFactor, c.limit.paymentFactor,
      orNull(c.currentLimit), orNull(c.limitChange),
      c.exposure, fraction(c.utilisationPercent), c.openBalance, c.unapplied, c.overdue,
      c.overdueItems, c.maxDaysPastDue, orNull(c.averageDaysLate),
      critical, warningsCell(t, c.warnings), c.nextAction === undefined ? null : word(c.nextAction), reasonsText(t, c),
    ];
  });
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: header(8), text: grade, fill, fontColor })),
    { type: "textEquals", column: header(10), text: "R", fill: "#F4B183", fontColor: "#833C0B" },
    { type: "dataBar", column: header(29), color: "#5B9BD5" },
    { type: "greaterThan", column: header(36), value: 0, fill: "#FF0000", fontColor: "#FFFFFF" },
  ];
  return {
    name: t.t("sheet.creditReview"),
    outputId: "Credit Review",
    title: titleOf(t, "Credit Review"),
    info: [auditBlock(t, stamp)],
    tables: [{ name: CREDIT_REVIEW_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns, rows, conditionalFormats, style: "TableStyleMedium2" }],
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#2F5597",
  };
}

function agingSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
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
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#548235",
  };
}

function collectionsSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const h = (key: string): string => t.t(`column.collections.${key}` as MessageId);
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const columns: ColumnSpec[] = [
    integer(h("rank"), 6), text(h("customerId"), 12), text(h("name"), 28), text(h("accountOwner")), text(h("invoice"), 12),
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
    freezeRows: OUTPUT_TABLE_ROW + 1,
    tabColor: "#C55A11",
  };
}

function summarySheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
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

export function buildOutputSheets(review: PortfolioReview, stamp: AuditStamp): SheetSpec[] {
  const t = createTranslator(stamp.outputLanguage ?? "en-US");
  return [creditReviewSheet(t, review, stamp), agingSheet(t, review, stamp), collectionsSheet(t, review, stamp), summarySheet(t, review, stamp)];
}
