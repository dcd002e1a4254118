/**
 * The collections worklist (催收清单, credit-method.md §6): every overdue open item (open amount
 * > 0, days past due > 0), with its ladder action, late-payment interest at the policy's rate and
 * the amount to demand (outstanding + interest + dunning fee), sorted by open amount × days past
 * due, largest first (ties: more days first, then invoice id, then ledger order).
 * Works on the ledger's columns and its open rows (openRowsAt): the rows are ordered as indexes
 * by radix sort, and the row objects are built after.
 * @example collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, names, DEFAULT_POLICY)[0].action //=> "Litigation or arbitration; write-off review (诉讼/仲裁)"
 */
import type { DayNumber } from "../dates/dayNumber";
import { fromCents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { collectionAction } from "../receivables/collectionAction";
import { lateInterest } from "../receivables/lateInterest";
import type { Ledger } from "../receivables/Ledger";
import type { OpenRows } from "../receivables/openRowsAt";
import { orderByDescending } from "./orderByDescending";
import type { CollectionItem } from "./types";

export interface WorklistCustomer {
  name: string;
  accountOwner?: string;
}

export function collectionsWorklist(
  ledger: Ledger,
  open: OpenRows,
  asOf: DayNumber,
  customers: ReadonlyMap<string, WorklistCustomer>,
  policy: Policy,
): CollectionItem[] {
  const { rows, openCents } = open;
  // The overdue open rows (as positions in `open`), with their priority and days past due.
  let count = 0;
  const overdue = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) if (openCents[k] > 0 && asOf - ledger.dueDate[rows[k]] > 0) overdue[count++] = k;
  const priority = new Float64Array(rows.length);
  const days = new Float64Array(rows.length);
  for (let j = 0; j < count; j++) {
    const k = overdue[j];
    days[k] = asOf - ledger.dueDate[rows[k]];
    priority[k] = (openCents[k] * days[k]) / 100;
  }
  // Priority, then days, then invoice id, then ledger order: one radix sort by priority (stable, so
  // ledger order is kept among equals), then each run of equal priorities (few and short) sorted
  // by days and invoice id with a stable comparator sort. A second radix sort by days first cost
  // as much as the first (issue 6).
  const order = orderByDescending(overdue.subarray(0, count), priority);
  for (let start = 0; start < count; ) {
    let end = start + 1;
    while (end < count && priority[order[end]] === priority[order[start]]) end++;
    if (end - start > 1) {
      const run = Array.from(order.subarray(start, end)).sort((a, b) => days[b] - days[a] || compareIds(ledger.invoiceId[rows[a]], ledger.invoiceId[rows[b]]));
      order.set(run, start);
    }
    start = end;
  }

  // The rows are built in ledger order (the ledger's columns read in sequence, not at random),
  // then placed at their rank.
  const rank = new Int32Array(rows.length);
  for (let j = 0; j < count; j++) rank[order[j]] = j;
  const who: (WorklistCustomer | undefined)[] = ledger.customerIds.map((id) => customers.get(id));
  const actionOf = memoisedAction(policy);
  const out: CollectionItem[] = new Array<CollectionItem>(count);
  for (let j = 0; j < count; j++) {
    const k = overdue[j];
    const i = rows[k];
    const c = ledger.customer[i];
    const customerId = ledger.customerIds[c];
    const amount = fromCents(openCents[k]);
    const isDisputed = ledger.disputed[i] === 1;
    const daysPastDue = days[k];
    const { interest, demanded } = lateInterest({ amount, daysPastDue, annualRatePercent: policy.lateInterestPercent, fee: policy.dunningFee });
    const customer = who[c];
    const row: CollectionItem = {
      customerId,
      name: customer?.name ?? customerId,
      invoiceId: ledger.invoiceId[i],
      invoiceDate: ledger.invoiceDate[i],
      dueDate: ledger.dueDate[i],
      daysPastDue,
      openAmount: amount,
      priority: priority[k],
      action: actionOf(daysPastDue, amount, isDisputed),
      interest,
      amountDemanded: demanded,
      isDisputed,
    };
    if (customer?.accountOwner) row.accountOwner = customer.accountOwner;
    out[rank[k]] = row;
  }
  return out;
}

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * collectionAction's action, computed once per (days past due, above the large-amount threshold,
 * disputed): the ladder depends on nothing else, and a worklist repeats these few keys.
 */
function memoisedAction(policy: Policy): (daysPastDue: number, amount: number, isDisputed: boolean) => string {
  const cache = new Map<number, (string | undefined)[]>();
  return (daysPastDue, amount, isDisputed) => {
    let byKind = cache.get(daysPastDue);
    if (byKind === undefined) {
      byKind = [undefined, undefined, undefined, undefined];
      cache.set(daysPastDue, byKind);
    }
    const kind = (amount > policy.largeAmountThreshold ? 2 : 0) + (isDisputed ? 1 : 0);
    let action = byKind[kind];
    if (action === undefined) {
      action = collectionAction({ daysPastDue, overdueAmount: amount, isDisputed }, policy).action;
      byKind[kind] = action;
    }
    return action;
  };
}
