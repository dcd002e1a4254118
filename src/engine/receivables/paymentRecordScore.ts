/**
 * The `paymentRecord` characteristic score (0–10, credit-method.md §2) derived from payment
 * behaviour (§6), by the simple average days late over the customer's settled invoices:
 *
 * | average days late | 0 | (0, 5] | (5, 15] | (15, 30] | (30, 60] | (60, 90] | > 90 |
 * |---|---|---|---|---|---|---|---|
 * | score | 10 | 9 | 8 | 6 | 4 | 2 | 1 |
 *
 * The bands follow the limit's payment factor (§5: 0 / 1–15 / 16–30 / 31–60 / > 60). The lowest
 * score is 1, never 0, because 0 means "no information" in the characteristic model; a customer
 * with no settled invoice gets `undefined` (the analyst's typed score is used instead).
 * @example paymentRecordScore({ settledCount: 4, averageDaysLate: 0, … }) //=> 10
 * @example paymentRecordScore({ settledCount: 4, averageDaysLate: 15, … }) //=> 8
 * @example paymentRecordScore(undefined) //=> undefined
 */
import { bucketIndex } from "./bucketIndex";
import type { PaymentBehaviour } from "./paymentBehaviour";

export const PAYMENT_RECORD_EDGES = [0, 5, 15, 30, 60, 90];
export const PAYMENT_RECORD_SCORES = [10, 9, 8, 6, 4, 2, 1];

export function paymentRecordScore(behaviour: PaymentBehaviour | undefined): number | undefined {
  if (!behaviour || behaviour.settledCount === 0 || !Number.isFinite(behaviour.averageDaysLate)) return undefined;
  return PAYMENT_RECORD_SCORES[bucketIndex(behaviour.averageDaysLate, PAYMENT_RECORD_EDGES)];
}
