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
  const out: CollectionItem[] = [];
  for (const open of ledger.items) {
    if (open.openCents <= 0 || open.daysPastDue <= 0) continue;
    const amount = fromCents(open.openCents);
    const isDisputed = open.item.isDisputed === true;
    const { action } = collectionAction({ daysPastDue: open.daysPastDue, overdueAmount: amount, isDisputed }, policy);
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
      priority: (open.openCents * open.daysPastDue) / 100,
      action,
      interest,
      amountDemanded: demanded,
      isDisputed,
    });
  }
  return out.sort((a, b) => b.priority - a.priority || b.daysPastDue - a.daysPastDue || (a.invoiceId < b.invoiceId ? -1 : a.invoiceId > b.invoiceId ? 1 : 0));
}
