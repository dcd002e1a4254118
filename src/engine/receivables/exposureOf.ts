/**
 * Credit exposure of a customer for the order check (credit-method.md §8):
 * open receivables (credit notes included) + unapplied cash (negative, so it reduces exposure)
 * + open orders + the new order, summed in cents and returned in currency units.
 * @example exposureOf(500000, -20000, 1000, 500) //=> 6300
 */
import { fromCents, toCents, type Cents } from "../money/cents";

export function exposureOf(openCents: Cents, unappliedCents: Cents, openOrders: number, newOrder = 0): number {
  return fromCents(openCents + unappliedCents + toCents(openOrders) + toCents(newOrder));
}

/**
 * The limit is breached only when exposure is STRICTLY greater than the limit (§8), compared in
 * cents: an order bringing exposure exactly to the limit passes.
 * @example isOverLimit(10000, 10000) //=> false
 * @example isOverLimit(10000.01, 10000) //=> true
 */
export function isOverLimit(exposure: number, limit: number): boolean {
  return toCents(exposure) > toCents(limit);
}
