/**
 * The open amount of one receivable item in cents (credit-method.md §6): `OpenAmount` when given,
 * else `Amount − PaidAmount`, else `Amount`. Each figure is converted to cents first, so
 * 100.00 − 99.99 is exactly 1 cent (a 0.01 residual stays open; only exactly 0 is closed).
 * Settlement dates are not looked at here (see openItemsAt).
 * @example openAmountCents({ amount: 100, paidAmount: 99.99 }) //=> 1
 */
import { toCents, type Cents } from "../money/cents";
import type { ReceivableItem } from "../portfolio/types";

export function openAmountCents(item: Pick<ReceivableItem, "amount" | "openAmount" | "paidAmount">): Cents {
  if (item.openAmount !== undefined) return toCents(item.openAmount);
  if (item.paidAmount !== undefined) return toCents(item.amount) - toCents(item.paidAmount);
  return toCents(item.amount);
}
