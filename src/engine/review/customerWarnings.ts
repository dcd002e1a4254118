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
 *   //=> { rule: "utilisation", severity: "critical", figure: 104, message: "Utilisation 104 % is over the limit" }
 */
import { addMonths } from "../dates/addMonths";
import { toIsoDate, type DayNumber } from "../dates/dayNumber";
import type { Grade, Policy } from "../policy/Policy";
import { flat } from "./flat";
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
const pct = (x: number): string => `${Math.round(x * 10) / 10} %`;

/** One rule that fired. */
function warning(rule: string, severity: ReviewWarning["severity"], figure: number | string, message: string): ReviewWarning {
  return { rule, severity, figure, message: flat(message) };
}

// Rules push into one array through a module-level builder, not a closure made per call, and
// each date's text is made once: this runs once per customer of a review (issue 6).
export function customerWarnings(f: WarningFacts, policy: Policy): ReviewWarning[] {
  const w = policy.warnings;
  const out: ReviewWarning[] = [];
  if (f.utilisationPercent !== undefined) {
    if (f.utilisationPercent > w.utilisationCriticalPercent) out.push(warning("utilisation", "critical", f.utilisationPercent, `Utilisation ${pct(f.utilisationPercent)} is over the limit`));
    else if (f.utilisationPercent >= w.utilisationWarnPercent) out.push(warning("utilisation", "warning", f.utilisationPercent, `Utilisation ${pct(f.utilisationPercent)} is near the limit`));
  }
  if (f.limit === 0 && f.exposure > 0) out.push(warning("utilisation", "critical", f.exposure, `Exposure ${f.exposure.toFixed(2)} with a limit of 0`));
  if (f.maxDaysPastDue > w.overdueCriticalDays) out.push(warning("daysPastDue", "critical", f.maxDaysPastDue, `An item is ${f.maxDaysPastDue} days past due (more than ${w.overdueCriticalDays})`));
  else if (f.maxDaysPastDue > w.overdueWarnDays) out.push(warning("daysPastDue", "warning", f.maxDaysPastDue, `An item is ${f.maxDaysPastDue} days past due (more than ${w.overdueWarnDays})`));
  if (f.openBalance > 0 && f.overdue > 0) {
    const share = (f.overdue * 100) / f.openBalance;
    if (share > w.overdueSharePercent) out.push(warning("overdueShare", "warning", share, `${pct(share)} of the balance is overdue`));
  }
  if (f.daysLateTrend !== undefined && f.daysLateTrend > w.daysLateIncrease) {
    out.push(warning("daysLateTrend", "warning", f.daysLateTrend, `Paying ${Math.round(f.daysLateTrend * 10) / 10} days later than in the prior 90 days`));
  }
  if (f.previousGrade !== undefined && GRADE_ORDER.indexOf(f.grade) > GRADE_ORDER.indexOf(f.previousGrade)) {
    out.push(warning("gradeDown", "warning", `${f.previousGrade}→${f.grade}`, `Grade down from ${f.previousGrade} to ${f.grade}`));
  }
  if (f.currentRatio !== undefined && f.currentRatio < w.currentRatioMin) out.push(warning("currentRatio", "warning", f.currentRatio, `Current ratio ${f.currentRatio.toFixed(2)} is below ${w.currentRatioMin}`));
  if (f.debtRatio !== undefined && f.debtRatio * 100 > w.debtRatioMaxPercent) out.push(warning("debtRatio", "warning", f.debtRatio * 100, `Debt ratio ${pct(f.debtRatio * 100)} is above ${w.debtRatioMaxPercent} %`));
  if (f.equity !== undefined && f.equity < 0) out.push(warning("negativeEquity", "critical", f.equity, "Negative equity (net worth)"));
  if (f.revenueGrowth !== undefined && -f.revenueGrowth * 100 > w.revenueDropPercent) out.push(warning("revenueDrop", "warning", f.revenueGrowth * 100, `Revenue down ${pct(-f.revenueGrowth * 100)}`));
  if (f.altmanZone === "distress") out.push(warning("altman", "warning", "distress", "Altman Z′ in the distress zone"));
  const reviewMonths = f.isKeyAccount ? w.keyAccountReviewMonths : w.otherReviewMonths;
  if (f.lastReviewDate === undefined) out.push(warning("reviewOverdue", "info", "never", "No credit review on record"));
  else if (addMonths(f.lastReviewDate, reviewMonths) < f.asOf) {
    const last = toIsoDate(f.lastReviewDate);
    out.push(warning("reviewOverdue", "warning", last, `Credit review overdue (last ${last}, due every ${reviewMonths} months)`));
  }
  if (f.coveragePercent < policy.minCoveragePercent) out.push(warning("coverage", "warning", f.coveragePercent, `Insufficient information: coverage ${pct(f.coveragePercent)}`));
  if (f.financialsPeriodEnd === undefined) out.push(warning("financials", "info", "none", "No financial statements"));
  else if (addMonths(f.financialsPeriodEnd, w.financialsMaxAgeMonths) < f.asOf) {
    const periodEnd = toIsoDate(f.financialsPeriodEnd);
    out.push(warning("financials", "warning", periodEnd, `Financials are older than ${w.financialsMaxAgeMonths} months (${periodEnd})`));
  }
  if (f.disputed > w.disputedAmountThreshold) out.push(warning("disputed", "warning", f.disputed, `Disputed amount ${f.disputed.toFixed(2)} above ${w.disputedAmountThreshold}`));
  return out;
}
