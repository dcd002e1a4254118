/**
 * Each customer's sales (invoices, amount > 0) dated in the 12 months to the as-of date
 * ((addMonths(asOf, −12), asOf]), as the amounts are given: the figure of the review's "Sales
 * share of top 20 % customers (last 12 months)" and of CREDIT.PARETO with an as-of date.
 * @example salesOfLastYear(ledgerOf([{ invoiceId: "I", customerId: "C", invoiceDate: 100, dueDate: 130, amount: 50 }]), 120).get("C") //=> 50
 */
import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import type { Ledger } from "../receivables/Ledger";

export function salesOfLastYear(ledger: Pick<Ledger, "length" | "amount" | "invoiceDate" | "customer" | "customerIds">, asOf: DayNumber): Map<string, number> {
  const sales = new Float64Array(ledger.customerIds.length);
  const seen = new Uint8Array(ledger.customerIds.length);
  const yearAgo = addMonths(asOf, -12);
  for (let i = 0; i < ledger.length; i++) {
    const amount = ledger.amount[i];
    const day = ledger.invoiceDate[i];
    if (amount > 0 && day > yearAgo && day <= asOf) {
      sales[ledger.customer[i]] += amount;
      seen[ledger.customer[i]] = 1;
    }
  }
  const byCustomer = new Map<string, number>();
  for (let c = 0; c < sales.length; c++) if (seen[c] === 1) byCustomer.set(ledger.customerIds[c], sales[c]);
  return byCustomer;
}
