/**
 * The financial period a review uses (credit-method.md §1): the latest period ending at or
 * before the as-of date, and the one before it (for growth rates and averages).
 * @example latestFinancials([{ customerId: "C", periodEnd: 100 }, { customerId: "C", periodEnd: 465 }], 400)
 *   //=> { latest: { periodEnd: 100, … }, prior: undefined }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { FinancialPeriod } from "../portfolio/types";

export function latestFinancials(periods: readonly FinancialPeriod[], asOf: DayNumber): { latest?: FinancialPeriod; prior?: FinancialPeriod } {
  // The first two of the usable periods ordered by period end, latest first, in one pass (ties:
  // the earlier in the list first, as a stable sort orders them); no filtered copy and sort per
  // customer of a review (issue 6).
  let latest: FinancialPeriod | undefined;
  let prior: FinancialPeriod | undefined;
  for (const p of periods) {
    if (!(p.periodEnd <= asOf)) continue;
    if (latest === undefined) latest = p;
    else if (p.periodEnd > latest.periodEnd) {
      prior = latest;
      latest = p;
    } else if (prior === undefined || p.periodEnd > prior.periodEnd) prior = p;
  }
  return { latest, prior };
}
