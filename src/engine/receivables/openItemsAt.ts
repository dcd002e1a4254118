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
 * The rule itself lives in openRowsAt, over the ledger's columns (one rule for both forms).
 * Precondition: amounts are finite numbers (readers at the edge validate them, see
 * validateReceivables); a non-finite amount is a programmer bug and throws rather than giving a
 * wrong total.
 * @example openItemsAt([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, paidAmount: 99.99 }], 40)
 *   //=> { items: [{ openCents: 1, daysPastDue: 10, isCreditNote: false, item }], unappliedByCustomer: Map {}, ignoredFuture: 0 }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import type { ReceivableItem } from "../portfolio/types";
import { ledgerOf } from "./Ledger";
import { openRowsAt } from "./openRowsAt";

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
  const ledger = ledgerOf(items);
  const open = openRowsAt(ledger, asOf, options);
  const out: OpenItem[] = new Array<OpenItem>(open.rows.length);
  for (let k = 0; k < open.rows.length; k++) {
    const item = items[open.rows[k]];
    const openCents = open.openCents[k];
    out[k] = { item, openCents, daysPastDue: asOf - item.dueDate, isCreditNote: openCents < 0 };
  }
  const unappliedByCustomer = new Map<string, Cents>();
  for (const c of open.unappliedOrder) unappliedByCustomer.set(ledger.customerIds[c], open.unappliedCents[c]);
  return { items: out, unappliedByCustomer, ignoredFuture: open.ignoredFuture };
}
