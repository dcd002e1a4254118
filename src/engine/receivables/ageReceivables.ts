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
  const aging = agingAccumulator(edges);
  if (basis === "dueDate") for (const open of ledger.items) aging.add(open.item.customerId, asOf - open.item.dueDate, open.openCents);
  else for (const open of ledger.items) aging.add(open.item.customerId, asOf - open.item.invoiceDate, open.openCents);
  return aging.result(ledger.unappliedByCustomer, basis);
}

/** Running aging totals, filled one item at a time (ageReceivables, CREDIT.AGING's cell loop). */
export interface AgingAccumulator {
  /** Adds `cents` to the bucket of `days` (past due, or of age), for the portfolio and for the customer. */
  add(customerId: string, days: number, cents: Cents): void;
  /** The aging so far, with the unapplied cash per customer (kept out of the buckets, in openCents). */
  result(unappliedByCustomer: ReadonlyMap<string, Cents>, basis: AgingOptions["basis"]): AgingResult;
}

/**
 * The AgingResult of bucket totals and customers' rows in cents (copied), with the unapplied cash
 * per customer kept out of the buckets but in openCents. Customers with only unapplied cash need
 * a row (of zeros) in `rows` already.
 * @example agingResultOf([0, 500], new Map([["C", [0, 500]]]), [0], "dueDate").openCents //=> 500
 */
export function agingResultOf(
  totals: ArrayLike<Cents>,
  rows: ReadonlyMap<string, ArrayLike<Cents>>,
  edges: number[],
  basis: AgingOptions["basis"],
  unappliedByCustomer: ReadonlyMap<string, Cents> = new Map(),
): AgingResult {
  let openCents: Cents = 0;
  for (let b = 0; b < totals.length; b++) openCents += totals[b];
  for (const cents of unappliedByCustomer.values()) openCents += cents;
  const byCustomer = new Map<string, Cents[]>();
  for (const [id, row] of rows) byCustomer.set(id, Array.from(row));
  return { labels: bucketLabels(edges, basis), totalCents: Array.from(totals), byCustomer, unappliedCents: new Map(unappliedByCustomer), openCents };
}

/**
 * An empty aging over `edges` that items are added to one by one, with no object per item: the
 * loop of ageReceivables, for callers that read items straight from cells. A class, so that every
 * accumulator shares one `add` rather than a fresh closure per call.
 * @example const a = agingAccumulator([0, 30]); a.add("C", 31, 500); a.result(new Map(), "dueDate").totalCents //=> [0, 0, 500]
 */
export function agingAccumulator(edges: number[]): AgingAccumulator {
  return new Accumulator(edges);
}

class Accumulator implements AgingAccumulator {
  private readonly width: number;
  private readonly totalCents: Cents[];
  private readonly byCustomer = new Map<string, Cents[]>();
  // Consecutive items often share a customer (and always do without customers): one Map lookup for a run.
  private lastId: string | undefined;
  private lastRow: Cents[];

  constructor(private readonly edges: number[]) {
    this.width = edges.length + 1;
    this.totalCents = new Array<Cents>(this.width).fill(0);
    this.lastRow = this.totalCents;
  }

  add(customerId: string, days: number, cents: Cents): void {
    const b = bucketIndex(days, this.edges);
    this.totalCents[b] += cents;
    this.rowOf(customerId)[b] += cents;
  }

  result(unappliedByCustomer: ReadonlyMap<string, Cents>, basis: AgingOptions["basis"]): AgingResult {
    for (const customerId of unappliedByCustomer.keys()) this.rowOf(customerId);
    return agingResultOf(this.totalCents, this.byCustomer, this.edges, basis, unappliedByCustomer);
  }

  private rowOf(customerId: string): Cents[] {
    if (customerId === this.lastId) return this.lastRow;
    let row = this.byCustomer.get(customerId);
    if (!row) {
      row = new Array<Cents>(this.width).fill(0);
      this.byCustomer.set(customerId, row);
    }
    this.lastId = customerId;
    this.lastRow = row;
    return row;
  }
}

