/**
 * The collections worklist (催收清单, credit-method.md §6): every overdue open item (open amount
 * > 0, days past due > 0), with its ladder action, late-payment interest at the policy's rate and
 * the amount to demand (outstanding + interest + dunning fee), sorted by open amount × days past
 * due, largest first (ties: more days first, then invoice id, then ledger order).
 * Works on the ledger's columns and its open rows (openRowsAt): the rows are ordered as indexes
 * by radix sort, and the worklist keeps its figures as columns (CollectionsWorklist).
 * @example collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, names, DEFAULT_POLICY).item(0).action //=> "Litigation or arbitration; write-off review (诉讼/仲裁)"
 */
import type { DayNumber } from "../dates/dayNumber";
import { fromCents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { collectionAction } from "../receivables/collectionAction";
import { amountDemanded, interestDue } from "../receivables/lateInterest";
import type { Ledger } from "../receivables/Ledger";
import type { OpenRows } from "../receivables/openRowsAt";
import { orderByDescending } from "./orderByDescending";
import type { CollectionItem } from "./types";

export interface WorklistCustomer {
  name: string;
  accountOwner?: string;
}

/** What a worklist holds for its rows, one entry per rank (largest priority first). */
interface WorklistColumns {
  ledger: Ledger;
  /** The customer of each customer number (undefined: not in the portfolio). */
  customers: readonly (WorklistCustomer | undefined)[];
  /** The ledger row of each rank. */
  ledgerRow: Int32Array;
  openCents: Float64Array;
  daysPastDue: Float64Array;
  priority: Float64Array;
  interest: Float64Array;
  amountDemanded: Float64Array;
  /** Index of each rank's action in `actions`. */
  action: Uint32Array;
  actions: readonly string[];
}

/**
 * The worklist, held as columns: every figure of every row is computed when the worklist is made
 * (order, action, interest, amount demanded); `item(rank)` puts one row's figures in a
 * CollectionItem. The Collections sheet reads each row once to write its cells, so building
 * 156k row objects up front (1M-invoice ledger) and keeping them alive through the review only
 * fed the garbage collector (issue 6).
 */
export class CollectionsWorklist implements Iterable<CollectionItem> {
  readonly length: number;

  constructor(private readonly columns: WorklistColumns) {
    this.length = columns.ledgerRow.length;
  }

  /** The row at a rank (0 = first to chase). */
  item(rank: number): CollectionItem {
    if (!Number.isInteger(rank) || rank < 0 || rank >= this.length) throw new RangeError(`CollectionsWorklist.item: no row ${rank}`);
    const { ledger, customers, ledgerRow } = this.columns;
    const i = ledgerRow[rank];
    const c = ledger.customer[i];
    const customerId = ledger.customerIds[c];
    const customer = customers[c];
    // Every key in one literal (see reviewCustomer on hidden classes, issue 6).
    return {
      customerId,
      name: customer?.name ?? customerId,
      accountOwner: customer?.accountOwner || undefined,
      invoiceId: ledger.invoiceId[i],
      invoiceDate: ledger.invoiceDate[i],
      dueDate: ledger.dueDate[i],
      daysPastDue: this.columns.daysPastDue[rank],
      openAmount: fromCents(this.columns.openCents[rank]),
      priority: this.columns.priority[rank],
      action: this.columns.actions[this.columns.action[rank]],
      interest: this.columns.interest[rank],
      amountDemanded: this.columns.amountDemanded[rank],
      isDisputed: ledger.disputed[i] === 1,
    };
  }

  /** Every row, in rank order. */
  toArray(): CollectionItem[] {
    const rows = new Array<CollectionItem>(this.length);
    for (let rank = 0; rank < this.length; rank++) rows[rank] = this.item(rank);
    return rows;
  }

  *[Symbol.iterator](): Iterator<CollectionItem> {
    for (let rank = 0; rank < this.length; rank++) yield this.item(rank);
  }

  /** JSON as the list of rows. */
  toJSON(): CollectionItem[] {
    return this.toArray();
  }
}

export function collectionsWorklist(
  ledger: Ledger,
  open: OpenRows,
  asOf: DayNumber,
  customers: ReadonlyMap<string, WorklistCustomer>,
  policy: Policy,
): CollectionsWorklist {
  const { rows, openCents } = open;
  // The overdue open rows (as positions in `open`, in ledger order), with their days past due and
  // priority, indexed by their place j in that list.
  let count = 0;
  const overdue = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) if (openCents[k] > 0 && asOf - ledger.dueDate[rows[k]] > 0) overdue[count++] = k;
  const days = new Float64Array(count);
  const priority = new Float64Array(count);
  const places = new Int32Array(count);
  for (let j = 0; j < count; j++) {
    const k = overdue[j];
    days[j] = asOf - ledger.dueDate[rows[k]];
    priority[j] = (openCents[k] * days[j]) / 100;
    places[j] = j;
  }
  // Priority, then days, then invoice id, then ledger order: one radix sort by priority (stable, so
  // ledger order is kept among equals), then each run of equal priorities (few and short) sorted
  // by days and invoice id with a stable comparator sort. A second radix sort by days first cost
  // as much as the first (issue 6).
  const order = orderByDescending(places, priority);
  const invoiceOf = (j: number): string => ledger.invoiceId[rows[overdue[j]]];
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && priority[order[end]] === priority[order[start]]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => days[b] - days[a] || compareIds(invoiceOf(a), invoiceOf(b)));
      order.set(run, start);
    }
    start = end;
  }

  // The figures are computed in ledger order (the ledger's columns read in sequence, not at
  // random), each placed at its rank.
  const rank = new Int32Array(count);
  for (let r = 0; r < count; r++) rank[order[r]] = r;
  const columns: WorklistColumns = {
    ledger,
    customers: ledger.customerIds.map((id) => customers.get(id)),
    ledgerRow: new Int32Array(count),
    openCents: new Float64Array(count),
    daysPastDue: new Float64Array(count),
    priority: new Float64Array(count),
    interest: new Float64Array(count),
    amountDemanded: new Float64Array(count),
    action: new Uint32Array(count),
    actions: [],
  };
  const actionOf = memoisedAction(policy, columns.actions as string[]);
  const { lateInterestPercent, dunningFee } = policy;
  for (let j = 0; j < count; j++) {
    const k = overdue[j];
    const i = rows[k];
    const r = rank[j];
    const amount = fromCents(openCents[k]);
    // lateInterest's two figures without its input and result objects: two objects per row
    // were 0.86 MB of the 10.4 MB a review allocated at 100k invoices (issue 6).
    const interest = interestDue(amount, days[j], lateInterestPercent, dunningFee);
    columns.ledgerRow[r] = i;
    columns.openCents[r] = openCents[k];
    columns.daysPastDue[r] = days[j];
    columns.priority[r] = priority[j];
    columns.interest[r] = interest;
    columns.amountDemanded[r] = amountDemanded(amount, days[j], interest, dunningFee);
    columns.action[r] = actionOf(days[j], amount, ledger.disputed[i] === 1);
  }
  return new CollectionsWorklist(columns);
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * collectionAction's action, computed once per (days past due, above the large-amount threshold,
 * disputed): the ladder depends on nothing else, and a worklist repeats these few keys. Returns
 * the action's index in `actions`, where each distinct action is added once.
 */
function memoisedAction(policy: Policy, actions: string[]): (daysPastDue: number, amount: number, isDisputed: boolean) => number {
  const cache = new Map<number, number[]>();
  const indexOf = new Map<string, number>();
  return (daysPastDue, amount, isDisputed) => {
    let byKind = cache.get(daysPastDue);
    if (byKind === undefined) {
      byKind = [-1, -1, -1, -1];
      cache.set(daysPastDue, byKind);
    }
    const kind = (amount > policy.largeAmountThreshold ? 2 : 0) + (isDisputed ? 1 : 0);
    let index = byKind[kind];
    if (index === -1) {
      const action = collectionAction({ daysPastDue, overdueAmount: amount, isDisputed }, policy).action;
      index = indexOf.get(action) ?? actions.push(action) - 1;
      indexOf.set(action, index);
      byKind[kind] = index;
    }
    return index;
  };
}
