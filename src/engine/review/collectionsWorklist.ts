/**
 * The collections worklist (催收清单, credit-method.md §6): every overdue open item (open amount
 * > 0, days past due > 0), with its ladder action, late-payment interest at the policy's rate and
 * the amount to demand (outstanding + interest + dunning fee), sorted by open amount × days past
 * due, largest first (ties: more days first, then invoice id).
 * @example collectionsWorklist(ledger, names, owners, DEFAULT_POLICY)[0].action //=> "Litigation or arbitration; write-off review (诉讼/仲裁)"
 */
import { fromCents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { collectionAction } from "../receivables/collectionAction";
import { lateInterest } from "../receivables/lateInterest";
import type { OpenLedger } from "../receivables/openItemsAt";
import type { CollectionItem } from "./types";

export function collectionsWorklist(
  ledger: OpenLedger,
  customers: Map<string, { name: string; accountOwner?: string }>,
  policy: Policy,
): CollectionItem[] {
  // The overdue items and their priorities first, sorted as indexes; the row objects after.
  const overdue: number[] = [];
  for (let i = 0; i < ledger.items.length; i++) {
    const open = ledger.items[i];
    if (open.openCents > 0 && open.daysPastDue > 0) overdue.push(i);
  }
  const priority = new Float64Array(overdue.length);
  const days = new Float64Array(overdue.length);
  for (let k = 0; k < overdue.length; k++) {
    const open = ledger.items[overdue[k]];
    priority[k] = (open.openCents * open.daysPastDue) / 100;
    days[k] = open.daysPastDue;
  }
  const order: number[] = [];
  for (let k = 0; k < overdue.length; k++) order.push(k);
  const idOf = (k: number): string => ledger.items[overdue[k]].item.invoiceId;
  // Stable, like the sort of the rows it replaces: equal keys keep the ledger's order.
  order.sort((a, b) => priority[b] - priority[a] || days[b] - days[a] || compareIds(idOf(a), idOf(b)));

  const actionOf = memoisedAction(policy);
  const out: CollectionItem[] = [];
  for (const k of order) {
    const open = ledger.items[overdue[k]];
    const amount = fromCents(open.openCents);
    const isDisputed = open.item.isDisputed === true;
    const action = actionOf(open.daysPastDue, amount, isDisputed);
    const { interest, demanded } = lateInterest({ amount, daysPastDue: open.daysPastDue, annualRatePercent: policy.lateInterestPercent, fee: policy.dunningFee });
    const who = customers.get(open.item.customerId);
    out.push({
      customerId: open.item.customerId,
      name: who?.name ?? open.item.customerId,
      ...(who?.accountOwner ? { accountOwner: who.accountOwner } : {}),
      invoiceId: open.item.invoiceId,
      invoiceDate: open.item.invoiceDate,
      dueDate: open.item.dueDate,
      daysPastDue: open.daysPastDue,
      openAmount: amount,
      priority: priority[k],
      action,
      interest,
      amountDemanded: demanded,
      isDisputed,
    });
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
