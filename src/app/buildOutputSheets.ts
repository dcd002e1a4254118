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
 *
 * The sheets come in tab order, Summary first (the write groups the output tabs in that order and
 * a review opens on the Summary), and laid out to be read and printed (issue 15): every column
 * fitted to its content (fitColumnWidths: CJK counts double, long text wraps, number headers
 * right-aligned), ID and Name frozen with the header rows, and a print setup on every sheet.
 * @example buildOutputSheets(review, stamp).map((s) => s.name) //=> ["Summary", "Credit Review", "Aging", "Collections"]
 * @example buildOutputSheets(review, { ...stamp, outputLanguage: "zh-CN" }).map((s) => s.name) //=> ["信用管理概览", "资信评审", "账龄分析", "催收清单"]
 */
import type { PortfolioReview } from "../engine/review/types";
import type { SheetSpec } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import { agingSheet } from "./output/agingSheet";
import { collectionsSheet } from "./output/collectionsSheet";
import { creditReviewSheet, type CreditReviewCommittee } from "./output/creditReviewSheet";
import { fitColumnWidths } from "./output/fitColumnWidths";
import type { AuditStamp } from "./output/sheetParts";
import { summarySheet } from "./output/summarySheet";

export { CREDIT_REVIEW_COLUMNS, creditReviewColumns } from "./output/creditReviewSheet";
export { EXCEL_SHEET_ROWS } from "./output/collectionsSheet";
export { displayWidth, fitColumnWidths, formatNumberText } from "./output/fitColumnWidths";
export {
  AGING_TABLE, COLLECTIONS_TABLE, CREDIT_REVIEW_TABLE, creditReviewRow, GRADE_TABLE, OUTPUT_TABLE_ROW, outputSheetName, TOP_EXPOSURES_TABLE, type AuditStamp,
} from "./output/sheetParts";

export interface OutputSheetOptions {
  /** The most rows of the Collections table (default: all a worksheet holds below its header). */
  collectionsRowLimit?: number;
  /** The committee's columns of the Credit Review (the Approved Limits register and the Review History applied: reviewHistory's plan). */
  committee?: CreditReviewCommittee;
  /** Each column fitted to its content (default true; a review that adds columns afterwards fits them once, at the end). */
  fitColumns?: boolean;
}

/** Each sheet is built once: a 100,000-customer Credit Review was built a second time for the committee's columns (2 × ~3 s at 10M invoices). */
export function buildOutputSheets(review: PortfolioReview, stamp: AuditStamp, options: OutputSheetOptions = {}): SheetSpec[] {
  const t = createTranslator(stamp.outputLanguage ?? "en-US");
  const sheets = [summarySheet(t, review, stamp), creditReviewSheet(t, review, stamp, options.committee), agingSheet(t, review, stamp), collectionsSheet(t, review, stamp, options.collectionsRowLimit)];
  return options.fitColumns === false ? sheets : sheets.map((sheet) => fitColumnWidths(sheet));
}
