/**
 * The review history (credit-method.md §7 reviews, §11 audit trail): what one review leaves
 * behind for the next, one row per customer (grade, composite, limits, exposure, overdue, average
 * days late, DSO contribution, warnings count) and one line per review (portfolio overdue ratio,
 * DSO, CEI), stamped with the as-of date, generated time and policy fingerprint. Rows are only
 * ever appended; the previous review is the latest one in the history whose as-of date is before
 * this review's (a re-run at the same as-of date is not "the last review").
 *
 * DSO contribution = the customer's open balance / the period's credit sales × period days, so the
 * contributions add up to the portfolio DSO (§6); undefined without credit sales in the period.
 * @example historyRows(review, { generatedAt: "2025-06-30T09:00:00Z", fingerprint: "a1b2c3d4e5f6", approved: new Map() }).length //=> review.customers.length
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Grade } from "../policy/Policy";
import type { PortfolioReview } from "./types";

export interface ReviewHistoryRow {
  asOf: DayNumber;
  generatedAt: string;
  fingerprint: string;
  customerId: string;
  name: string;
  grade: Grade;
  compositePercent: number;
  recommendedLimit?: number;
  approvedLimit?: number;
  exposure: number;
  openBalance: number;
  overdue: number;
  averageDaysLate?: number;
  dsoContribution?: number;
  /** Warnings and critical warnings (info left out). */
  warnings: number;
}

/** One review of the portfolio, its portfolio figures. */
export interface ReviewRun {
  asOf: DayNumber;
  generatedAt: string;
  fingerprint: string;
  customers: number;
  openBalance: number;
  overdueRatioPercent?: number;
  dso?: number;
  cei?: number;
}

export interface HistoryStamp {
  generatedAt: string;
  fingerprint: string;
  /** The approved limit in force per customer id (absent: none). */
  approved: ReadonlyMap<string, number>;
  /** Warnings counted per customer id, when the caller added some to the review's own. */
  warningCounts?: ReadonlyMap<string, number>;
}

/** This review's rows, one per customer, in the review's order. */
export function historyRows(review: PortfolioReview, stamp: HistoryStamp): ReviewHistoryRow[] {
  const { creditSales } = review.kpis;
  return review.customers.map((c) => ({
    asOf: review.asOf,
    generatedAt: stamp.generatedAt,
    fingerprint: stamp.fingerprint,
    customerId: c.customerId,
    name: c.name,
    grade: c.grade,
    compositePercent: c.compositePercent,
    recommendedLimit: c.limit.recommended,
    approvedLimit: stamp.approved.get(c.customerId),
    exposure: c.exposure,
    openBalance: c.openBalance,
    overdue: c.overdue,
    averageDaysLate: c.averageDaysLate,
    dsoContribution: creditSales > 0 ? (c.openBalance * review.periodDays) / creditSales : undefined,
    warnings: stamp.warningCounts?.get(c.customerId) ?? c.warnings.filter((w) => w.severity !== "info").length,
  }));
}

/** This review's line of the trend. */
export function reviewRun(review: PortfolioReview, stamp: Pick<HistoryStamp, "generatedAt" | "fingerprint">): ReviewRun {
  const k = review.kpis;
  return { asOf: review.asOf, generatedAt: stamp.generatedAt, fingerprint: stamp.fingerprint, customers: k.customers, openBalance: k.openBalance, overdueRatioPercent: k.overdueRatioPercent, dso: k.dso, cei: k.cei };
}

/**
 * The rows of the previous review: those of the latest (as-of, generated time) before `asOf`,
 * or none when the history holds no earlier review.
 */
export function previousReviewRows(history: readonly ReviewHistoryRow[], asOf: DayNumber): { asOf: DayNumber; generatedAt: string; rows: ReviewHistoryRow[] } | undefined {
  let best: ReviewHistoryRow | undefined;
  for (const row of history) {
    if (row.asOf >= asOf) continue;
    if (best === undefined || row.asOf > best.asOf || (row.asOf === best.asOf && row.generatedAt > best.generatedAt)) best = row;
  }
  if (best === undefined) return undefined;
  const { asOf: previousAsOf, generatedAt } = best;
  return { asOf: previousAsOf, generatedAt, rows: history.filter((r) => r.asOf === previousAsOf && r.generatedAt === generatedAt) };
}
