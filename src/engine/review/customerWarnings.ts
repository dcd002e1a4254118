/**
 * Early warnings of one customer (风险预警, credit-method.md §7), each with its rule, severity and
 * the figure that made it fire:
 * - utilisation (exposure / limit) ≥ 90 % warning, > 100 % critical (any exposure on a zero limit critical);
 * - an item > 30 days past due warning, > 90 critical;
 * - overdue share of the balance > 30 % warning;
 * - average days late up by > 10 days against the prior 90 days warning;
 * - grade down against PreviousGrade warning;
 * - current ratio < 1, debt ratio > 70 %, revenue down > 20 %, Altman zone distress warning;
 *   negative equity critical;
 * - credit review overdue (key accounts every 6 months, others every 12) warning;
 * - information coverage < 70 % warning; financials older than 18 months warning, none at all info;
 * - disputed amount above the threshold warning.
 * @example customerWarnings({ ...facts, utilisationPercent: 104 }, DEFAULT_POLICY)[0]
 *   //=> { id: "utilisationOverLimit", rule: "utilisation", severity: "critical", figure: 104, params: { utilisation: 104 } }
 * The warning is data (an id and its parameters, ReviewMessage.ts); the hosts render its text.
 */
import { addMonths } from "../dates/addMonths";
import { toIsoDate, type DayNumber } from "../dates/dayNumber";
import type { Grade, Policy } from "../policy/Policy";
import { NO_PARAMS, type MessageParams, type WarningId } from "./ReviewMessage";
import type { ReviewWarning } from "./types";

export interface WarningFacts {
  asOf: DayNumber;
  utilisationPercent?: number;
  /** Recommended limit (undefined when there is none). */
  limit?: number;
  exposure: number;
  maxDaysPastDue: number;
  overdue: number;
  openBalance: number;
  daysLateTrend?: number;
  grade: Grade;
  previousGrade?: Grade;
  currentRatio?: number;
  /** Debt ratio as a fraction. */
  debtRatio?: number;
  /** Revenue growth as a fraction (−0.25 = down 25 %). */
  revenueGrowth?: number;
  equity?: number;
  altmanZone?: "safe" | "grey" | "distress";
  isKeyAccount: boolean;
  lastReviewDate?: DayNumber;
  coveragePercent: number;
  financialsPeriodEnd?: DayNumber;
  disputed: number;
}

const GRADE_ORDER: readonly Grade[] = ["A", "B", "C", "D"];

/** One rule that fired: one literal, so every warning has one hidden class (issue 6). */
function warning(id: WarningId, rule: string, severity: ReviewWarning["severity"], figure: number | string, params: MessageParams): ReviewWarning {
  return { id, rule, severity, figure, params };
}

// Rules push into one array through a module-level builder, not a closure made per call, and
// each date's text is made once: this runs once per customer of a review (issue 6).
export function customerWarnings(f: WarningFacts, policy: Policy): ReviewWarning[] {
  const w = policy.warnings;
  const out: ReviewWarning[] = [];
  if (f.utilisationPercent !== undefined) {
    if (f.utilisationPercent > w.utilisationCriticalPercent) out.push(warning("utilisationOverLimit", "utilisation", "critical", f.utilisationPercent, { utilisation: f.utilisationPercent }));
    else if (f.utilisationPercent >= w.utilisationWarnPercent) out.push(warning("utilisationNearLimit", "utilisation", "warning", f.utilisationPercent, { utilisation: f.utilisationPercent }));
  }
  if (f.limit === 0 && f.exposure > 0) out.push(warning("exposureOnZeroLimit", "utilisation", "critical", f.exposure, { exposure: f.exposure }));
  if (f.maxDaysPastDue > w.overdueCriticalDays) out.push(warning("itemDaysPastDue", "daysPastDue", "critical", f.maxDaysPastDue, { days: f.maxDaysPastDue, threshold: w.overdueCriticalDays }));
  else if (f.maxDaysPastDue > w.overdueWarnDays) out.push(warning("itemDaysPastDue", "daysPastDue", "warning", f.maxDaysPastDue, { days: f.maxDaysPastDue, threshold: w.overdueWarnDays }));
  if (f.openBalance > 0 && f.overdue > 0) {
    const share = (f.overdue * 100) / f.openBalance;
    if (share > w.overdueSharePercent) out.push(warning("overdueShare", "overdueShare", "warning", share, { share }));
  }
  if (f.daysLateTrend !== undefined && f.daysLateTrend > w.daysLateIncrease) {
    out.push(warning("daysLateTrend", "daysLateTrend", "warning", f.daysLateTrend, { days: f.daysLateTrend }));
  }
  if (f.previousGrade !== undefined && GRADE_ORDER.indexOf(f.grade) > GRADE_ORDER.indexOf(f.previousGrade)) {
    out.push(warning("gradeDown", "gradeDown", "warning", `${f.previousGrade}→${f.grade}`, { from: f.previousGrade, to: f.grade }));
  }
  if (f.currentRatio !== undefined && f.currentRatio < w.currentRatioMin) out.push(warning("currentRatioLow", "currentRatio", "warning", f.currentRatio, { ratio: f.currentRatio, min: w.currentRatioMin }));
  if (f.debtRatio !== undefined && f.debtRatio * 100 > w.debtRatioMaxPercent) out.push(warning("debtRatioHigh", "debtRatio", "warning", f.debtRatio * 100, { ratio: f.debtRatio * 100, max: w.debtRatioMaxPercent }));
  if (f.equity !== undefined && f.equity < 0) out.push(warning("negativeEquity", "negativeEquity", "critical", f.equity, { equity: f.equity }));
  if (f.revenueGrowth !== undefined && -f.revenueGrowth * 100 > w.revenueDropPercent) out.push(warning("revenueDrop", "revenueDrop", "warning", f.revenueGrowth * 100, { drop: -f.revenueGrowth * 100 }));
  if (f.altmanZone === "distress") out.push(warning("altmanDistress", "altman", "warning", "distress", NO_PARAMS));
  const reviewMonths = f.isKeyAccount ? w.keyAccountReviewMonths : w.otherReviewMonths;
  if (f.lastReviewDate === undefined) out.push(warning("noReviewOnRecord", "reviewOverdue", "info", "never", NO_PARAMS));
  else if (addMonths(f.lastReviewDate, reviewMonths) < f.asOf) {
    const last = toIsoDate(f.lastReviewDate);
    out.push(warning("reviewOverdue", "reviewOverdue", "warning", last, { last, months: reviewMonths }));
  }
  if (f.coveragePercent < policy.minCoveragePercent) out.push(warning("lowCoverage", "coverage", "warning", f.coveragePercent, { coverage: f.coveragePercent }));
  if (f.financialsPeriodEnd === undefined) out.push(warning("noFinancials", "financials", "info", "none", NO_PARAMS));
  else if (addMonths(f.financialsPeriodEnd, w.financialsMaxAgeMonths) < f.asOf) {
    const periodEnd = toIsoDate(f.financialsPeriodEnd);
    out.push(warning("financialsStale", "financials", "warning", periodEnd, { months: w.financialsMaxAgeMonths, periodEnd }));
  }
  if (f.disputed > w.disputedAmountThreshold) out.push(warning("disputedAmount", "disputed", "warning", f.disputed, { amount: f.disputed, threshold: w.disputedAmountThreshold }));
  return out;
}
