/**
 * Σ of each customer id's open orders, in cents (credit-method.md §8: exposure counts open
 * orders). The review and CREDIT.POSITION / CREDIT.EXPOSURE use this one sum.
 * @example openOrdersCents([{ orderId: "O1", customerId: "C", amount: 10.5 }, { orderId: "O2", customerId: "C", amount: 1 }]).get("C") //=> 1150
 */
import { toCents, type Cents } from "../money/cents";
import type { OpenOrder } from "../portfolio/types";

export function openOrdersCents(orders: readonly Pick<OpenOrder, "customerId" | "amount">[]): Map<string, Cents> {
  const byCustomer = new Map<string, Cents>();
  for (const order of orders) byCustomer.set(order.customerId, (byCustomer.get(order.customerId) ?? 0) + toCents(order.amount));
  return byCustomer;
}
