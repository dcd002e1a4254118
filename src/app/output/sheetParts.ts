/**
 * What every output sheet shares: the audit stamp and its info block, sheet names and titles in
 * the output language, the table position, and the column and value helpers.
 */
import { toExcelSerial, toIsoDate, type DateSystem, type DayNumber } from "../../engine/dates/dayNumber";
import type { OutputLanguage } from "../../engine/policy/Policy";
import type { CellValue, ColumnSpec, InfoBlock, PrintSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { createTranslator, type Translator } from "../../i18n/translator";
import type { OutputSheetId } from "../types";

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
export const SHEET_KEYS: Readonly<Record<OutputSheetId, string>> = { "Credit Review": "creditReview", Aging: "aging", Collections: "collections", Summary: "summary" };
/** The Chinese gloss English titles have carried since the first release. */
export const EN_TITLE_GLOSS: Readonly<Record<OutputSheetId, string>> = { "Credit Review": "资信评审", Aging: "应收账款账龄", Collections: "催收清单", Summary: "信用管理概览" };

/** The name an output sheet is written under in a language. */
export function outputSheetName(outputId: OutputSheetId, language: OutputLanguage = "en-US"): string {
  return createTranslator(language).t(`sheet.${SHEET_KEYS[outputId]}` as MessageId);
}

export function titleOf(t: Translator, outputId: OutputSheetId): string {
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

export const MONEY = "#,##0.00";
export const PERCENT = "0.0%";
export const DATE = "yyyy-mm-dd";
export const RATIO = "0.00";

export const money = (header: string, width = 14): ColumnSpec => ({ header, kind: "money", numberFormat: MONEY, width });
export const percent = (header: string, width = 11): ColumnSpec => ({ header, kind: "percent", numberFormat: PERCENT, width });
export const text = (header: string, width = 14): ColumnSpec => ({ header, kind: "text", width });
export const integer = (header: string, width = 10): ColumnSpec => ({ header, kind: "integer", numberFormat: "0", width });
export const date = (header: string): ColumnSpec => ({ header, kind: "date", numberFormat: DATE, width: 12 });
export const ratio = (header: string): ColumnSpec => ({ header, kind: "number", numberFormat: RATIO, width: 10 });

export const orNull = <T extends CellValue>(value: T | undefined): T | null => (value === undefined ? null : value);
export const fraction = (percentNumber: number | undefined): number | null => (percentNumber === undefined ? null : percentNumber / 100);

/** The audit stamp's lines, then any `notes` of the sheet's own (a cut list, a chart not drawn). */
export function auditBlock(t: Translator, stamp: AuditStamp, ...notes: [string, CellValue][]): InfoBlock {
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
      ...notes,
    ],
    formats: { [asOfLabel]: DATE },
  };
}

export const GRADE_FILLS: readonly [string, string, string][] = [
  ["A", "#C6EFCE", "#006100"],
  ["B", "#E2F0D9", "#375623"],
  ["C", "#FFEB9C", "#9C5700"],
  ["D", "#FFC7CE", "#9C0006"],
];


/** A header/footer literal: "&" is Excel's code character, written "&&" to print itself. */
function headerText(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * How an output sheet prints (issue 15): landscape, one page wide (as many tall as it takes, or
 * `pagesTall`), the table's header rows and the ID/Name columns repeated on every page; the header
 * shows the sheet name (&A) and the as-of date, the footer the policy fingerprint and "page x of
 * y" (&P, &N).
 * @example printSpec(t, stamp, { headerRow: 8, titleColumns: 2 }).titleRows //=> [8, 8]
 */
export function printSpec(t: Translator, stamp: AuditStamp, options: { headerRow?: number; titleColumns?: number; pagesTall?: number } = {}): PrintSpec {
  const spec: PrintSpec = {
    orientation: "landscape",
    fitToPagesWide: 1,
    header: { left: "&A", right: headerText(t.t("layout.print.asOf", { date: toIsoDate(stamp.asOf) })) },
    footer: {
      left: headerText(t.t("layout.print.fingerprint", { fingerprint: stamp.policyFingerprint })),
      right: t.t("layout.print.page", { page: "&P", pages: "&N" }),
    },
  };
  if (options.pagesTall !== undefined) spec.fitToPagesTall = options.pagesTall;
  if (options.headerRow !== undefined) spec.titleRows = [options.headerRow, options.headerRow];
  if (options.titleColumns !== undefined && options.titleColumns > 0) spec.titleColumns = [0, options.titleColumns - 1];
  return spec;
}

/**
 * The layout of a sheet with one list table at OUTPUT_TABLE_ROW: header rows frozen and the first
 * `idColumns` columns (ID and Name) frozen beside them, and the print setup repeating both.
 */
export function listLayout(t: Translator, stamp: AuditStamp, idColumns: number): Pick<SheetSpec, "freezeRows" | "freezeColumns" | "print"> {
  return {
    freezeRows: OUTPUT_TABLE_ROW + 1,
    freezeColumns: idColumns,
    print: printSpec(t, stamp, { headerRow: OUTPUT_TABLE_ROW, titleColumns: idColumns }),
  };
}

/** A rank column: centred, so that its number never runs into the ID beside it. */
export const rank = (header: string): ColumnSpec => ({ header, kind: "integer", numberFormat: "0", width: 6, align: "center" });
