/**
 * Aging of a columnar ledger's open rows into buckets (credit-method.md §6), in integer cents:
 * the rule of ageReceivables over columns, with the customers' rows in one typed array indexed by
 * customer number. Each row goes to the bucket of its days past due (basis "dueDate") or of its
 * age (basis "invoiceDate"); credit notes sit in the bucket of their own date. Unapplied cash is
 * not aged (it stays in `open.unappliedCents`), so Σ totalCents + Σ unapplied = the open balance.
 * @example ageLedger(ledger, openRowsAt(ledger, 61), 61, { edges: [0, 30, 60], basis: "dueDate" }).totalCents //=> [0, 0, 10000, 0]
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import type { AgingOptions } from "./ageReceivables";
import { bucketIndex } from "./bucketIndex";
import type { Ledger } from "./Ledger";
import type { OpenRows } from "./openRowsAt";

export interface LedgerAging {
  /** Number of buckets (edges + 1). */
  width: number;
  /** Customer number c's bucket b is at c × width + b. */
  bucketCents: Float64Array;
  totalCents: Cents[];
  /** Customer numbers with an open row or unapplied cash: first by their first open row, then the unapplied-only ones. */
  customers: number[];
}

export function ageLedger(ledger: Ledger, open: OpenRows, asOf: DayNumber, options: AgingOptions): LedgerAging {
  const { edges } = options;
  const width = edges.length + 1;
  const bucketCents = new Float64Array(ledger.customerIds.length * width);
  const totalCents: Cents[] = new Array<Cents>(width).fill(0);
  const customers: number[] = [];
  const seen = new Uint8Array(ledger.customerIds.length);
  const dates = options.basis === "invoiceDate" ? ledger.invoiceDate : ledger.dueDate;
  for (let k = 0; k < open.rows.length; k++) {
    const i = open.rows[k];
    const c = ledger.customer[i];
    const b = bucketIndex(asOf - dates[i], edges);
    bucketCents[c * width + b] += open.openCents[k];
    totalCents[b] += open.openCents[k];
    if (seen[c] === 0) {
      seen[c] = 1;
      customers.push(c);
    }
  }
  for (const c of open.unappliedOrder) {
    if (seen[c] === 0) {
      seen[c] = 1;
      customers.push(c);
    }
  }
  return { width, bucketCents, totalCents, customers };
}
