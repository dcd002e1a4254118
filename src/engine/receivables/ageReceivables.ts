/**
 * Aging of the open ledger into buckets (credit-method.md §6), in integer cents.
 * Each item goes to the bucket of its days past due (basis "dueDate": as-of − DueDate) or of its
 * age (basis "invoiceDate": as-of − InvoiceDate); credit notes sit in the bucket of their own date.
 * Unapplied cash is not aged: it is reported per customer, and
 * openCents = Σ bucket totals + Σ unapplied = the open balance, exactly.
 * `byCustomer` has one row per customer with an open item or unapplied cash (all-zero buckets
 * for a customer with only unapplied cash), in order of first appearance; its rows sum to `totalCents`.
 * @example ageReceivables(openItemsAt([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100 }], 61),
 *   61, { edges: [0, 30, 60], basis: "dueDate" }) //=> totalCents [0, 0, 10000, 0], openCents 10000
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import { bucketIndex } from "./bucketIndex";
import { bucketLabels } from "./bucketLabels";
import type { OpenLedger } from "./openItemsAt";

export interface AgingOptions {
  edges: number[];
  basis: "dueDate" | "invoiceDate";
}

export interface AgingResult {
  labels: string[];
  totalCents: Cents[];
  byCustomer: Map<string, Cents[]>;
  unappliedCents: Map<string, Cents>;
  /** Σ buckets + Σ unapplied. */
  openCents: Cents;
}

export function ageReceivables(ledger: OpenLedger, asOf: DayNumber, options: AgingOptions): AgingResult {
  const { edges, basis } = options;
  const width = edges.length + 1;
  const totalCents: Cents[] = new Array<Cents>(width).fill(0);
  const byCustomer = new Map<string, Cents[]>();
  const rowOf = (customerId: string): Cents[] => {
    let row = byCustomer.get(customerId);
    if (!row) {
      row = new Array<Cents>(width).fill(0);
      byCustomer.set(customerId, row);
    }
    return row;
  };
  for (const open of ledger.items) {
    const days = basis === "dueDate" ? asOf - open.item.dueDate : asOf - open.item.invoiceDate;
    const b = bucketIndex(days, edges);
    totalCents[b] += open.openCents;
    rowOf(open.item.customerId)[b] += open.openCents;
  }
  let openCents: Cents = totalCents.reduce((s, c) => s + c, 0);
  for (const [customerId, cents] of ledger.unappliedByCustomer) {
    rowOf(customerId);
    openCents += cents;
  }
  return {
    labels: bucketLabels(edges, basis),
    totalCents,
    byCustomer,
    unappliedCents: new Map(ledger.unappliedByCustomer),
    openCents,
  };
}
