/**
 * Payment-behaviour factor of a credit limit (付款记录, credit-method.md §5): from the average
 * days late over the last 12 months, by policy.paymentFactorBands (upper edges inclusive):
 * 0 (or early) → 1.0; 1–15 → 0.9; 16–30 → 0.75; 31–60 → 0.5; > 60 → 0.
 * Fractional days fall in the band whose edge range holds them: 0.5 → 0.9 (above 0, at most 15),
 * 15.5 → 0.75 (above 15, at most 30), 60.01 → 0.
 * No history (undefined) → 1.0, as the method gives no penalty for a new customer. A value that
 * is not a number (NaN) is treated as the worst band rather than as no history.
 * @example paymentFactor(15.5, DEFAULT_POLICY) //=> 0.75
 */
import type { Policy } from "../policy/Policy";
import { bandOf } from "./bandOf";

export function paymentFactor(averageDaysLate: number | undefined, policy: Policy): number {
  const { edges, factors } = policy.paymentFactorBands;
  if (averageDaysLate === undefined) return 1.0;
  if (Number.isNaN(averageDaysLate)) return factors[factors.length - 1];
  return factors[bandOf(averageDaysLate, edges)];
}
