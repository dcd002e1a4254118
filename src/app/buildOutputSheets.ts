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
import type { PortfolioReview } from "../engine/review/types";
import type { SheetSpec } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import { agingSheet } from "./output/agingSheet";
import { collectionsSheet } from "./output/collectionsSheet";
import { creditReviewSheet } from "./output/creditReviewSheet";
import type { AuditStamp } from "./output/sheetParts";
import { summarySheet } from "./output/summarySheet";

export { CREDIT_REVIEW_COLUMNS, creditReviewColumns } from "./output/creditReviewSheet";
export {
  AGING_TABLE, COLLECTIONS_TABLE, CREDIT_REVIEW_TABLE, creditReviewRow, GRADE_TABLE, OUTPUT_TABLE_ROW, outputSheetName, TOP_EXPOSURES_TABLE, type AuditStamp,
} from "./output/sheetParts";

export function buildOutputSheets(review: PortfolioReview, stamp: AuditStamp): SheetSpec[] {
  const t = createTranslator(stamp.outputLanguage ?? "en-US");
  return [creditReviewSheet(t, review, stamp), agingSheet(t, review, stamp), collectionsSheet(t, review, stamp), summarySheet(t, review, stamp)];
}
