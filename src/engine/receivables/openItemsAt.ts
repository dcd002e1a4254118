/**
 * The open items of a ledger at an as-of date (credit-method.md §1, §6).
 *
 * An item is open at D when InvoiceDate ≤ D and it is not settled at D (SettledDate blank or
 * after D), and its open amount is not exactly 0 cents: openAmountCents for an unsettled item, the
 * full Amount for an item settled after D (its PaidAmount/OpenAmount describe the later settlement). Items dated after D
 * are ignored and counted in `ignoredFuture`. Negative rows without an invoice (isUnappliedCash)
 * become unapplied cash per customer; credit notes (negative rows with an invoice id) stay items.
 *
 * FIFO option (ERPNext-style): each customer's unapplied cash is applied to that customer's
 * positive open items in order of due date (oldest first; ties by invoice date, then ledger order),
 * overdue or not; items reduced to 0 are dropped; what is left over stays unapplied. Credit notes
 * are not touched by the allocation.
 *
 * Precondition: amounts are finite numbers (readers at the edge validate them, see
 * validateReceivables); a non-finite amount is a programmer bug and throws rather than giving a
 * wrong total.
 * @example openItemsAt([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, paidAmount: 99.99 }], 40)
 *   //=> { items: [{ openCents: 1, daysPastDue: 10, isCreditNote: false, item }], unappliedByCustomer: Map {}, ignoredFuture: 0 }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import type { ReceivableItem } from "../portfolio/types";
import { isUnappliedCash } from "./isUnappliedCash";
import { openAmountCents } from "./openAmountCents";
import { toCents } from "../money/cents";

export interface OpenItem {
  item: ReceivableItem;
  /** Open amount at the as-of date, in cents (negative for credit notes); never 0. */
  openCents: Cents;
  /** As-of date − DueDate (negative: not yet due). */
  daysPastDue: number;
  isCreditNote: boolean;
}

export interface OpenLedger {
  items: OpenItem[];
  /** Customer → unapplied cash in cents (negative: it reduces the balance). Customers with none are absent. */
  unappliedByCustomer: Map<string, Cents>;
  /** Number of rows dated after the as-of date, left out. */
  ignoredFuture: number;
}

export interface OpenItemsOptions {
  fifoUnappliedCash?: boolean;
}

export function openItemsAt(items: readonly ReceivableItem[], asOf: DayNumber, options: OpenItemsOptions = {}): OpenLedger {
  const open: OpenItem[] = [];
  const unappliedByCustomer = new Map<string, Cents>();
  let ignoredFuture = 0;
  for (const item of items) {
    if (item.invoiceDate > asOf) {
      ignoredFuture++;
      continue;
    }
    if (item.settledDate !== undefined && item.settledDate <= asOf) continue;
    // Settled after D: the payment fields describe the ledger after settlement, so at D the item
    // was still open at its full amount (what ERPNext shows for a back-dated aging report).
    const openCents = item.settledDate !== undefined ? toCents(item.amount) : openAmountCents(item);
    if (!Number.isFinite(openCents)) {
      throw new RangeError(`openItemsAt: item ${item.invoiceId} of ${item.customerId} has a non-finite amount`);
    }
    if (openCents === 0) continue;
    if (isUnappliedCash(openCents, item.invoiceId)) {
      unappliedByCustomer.set(item.customerId, (unappliedByCustomer.get(item.customerId) ?? 0) + openCents);
      continue;
    }
    open.push({ item, openCents, daysPastDue: asOf - item.dueDate, isCreditNote: openCents < 0 });
  }
  const ledger: OpenLedger = { items: open, unappliedByCustomer, ignoredFuture };
  return options.fifoUnappliedCash ? allocateUnappliedFifo(ledger) : ledger;
}

function allocateUnappliedFifo(ledger: OpenLedger): OpenLedger {
  const remaining = new Map(ledger.unappliedByCustomer);
  const order = ledger.items
    .map((open, index) => ({ open, index }))
    .filter(({ open }) => open.openCents > 0 && (remaining.get(open.item.customerId) ?? 0) < 0)
    .sort((a, b) => a.open.item.dueDate - b.open.item.dueDate || a.open.item.invoiceDate - b.open.item.invoiceDate || a.index - b.index);
  const reduced = new Map<number, Cents>();
  for (const { open, index } of order) {
    const cash = remaining.get(open.item.customerId) ?? 0;
    if (cash >= 0) continue;
    const applied = Math.min(open.openCents, -cash);
    reduced.set(index, open.openCents - applied);
    remaining.set(open.item.customerId, cash + applied);
  }
  const items = ledger.items
    .map((open, index) => (reduced.has(index) ? { ...open, openCents: reduced.get(index) ?? open.openCents } : open))
    .filter((open) => open.openCents !== 0);
  for (const [customer, cents] of remaining) if (cents === 0) remaining.delete(customer);
  return { items, unappliedByCustomer: remaining, ignoredFuture: ledger.ignoredFuture };
}
