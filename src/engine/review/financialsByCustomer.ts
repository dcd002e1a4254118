/**
 * The financial periods of each customer id, in table order (the review and the functions that
 * read a Financials range group them the same way before picking the latest period).
 * @example financialsByCustomer([{ customerId: "C", periodEnd: 1 }, { customerId: "C", periodEnd: 2 }]).get("C")?.length //=> 2
 */
import type { FinancialPeriod } from "../portfolio/types";

export function financialsByCustomer(financials: readonly FinancialPeriod[]): Map<string, FinancialPeriod[]> {
  const byCustomer = new Map<string, FinancialPeriod[]>();
  for (const f of financials) {
    const list = byCustomer.get(f.customerId);
    if (list) list.push(f);
    else byCustomer.set(f.customerId, [f]);
  }
  return byCustomer;
}
