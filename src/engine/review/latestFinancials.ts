/**
 * The financial period a review uses (credit-method.md §1): the latest period ending at or
 * before the as-of date, and the one before it (for growth rates and averages).
 * @example latestFinancials([{ customerId: "C", periodEnd: 100 }, { customerId: "C", periodEnd: 465 }], 400)
 *   //=> { latest: { periodEnd: 100, … }, prior: undefined }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { FinancialPeriod } from "../portfolio/types";

export function latestFinancials(periods: readonly FinancialPeriod[], asOf: DayNumber): { latest?: FinancialPeriod; prior?: FinancialPeriod } {
  const usable = periods.filter((p) => p.periodEnd <= asOf).sort((a, b) => b.periodEnd - a.periodEnd);
  return { latest: usable[0], prior: usable[1] };
}
