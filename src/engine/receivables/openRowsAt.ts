/**
 * The open items of a columnar ledger at an as-of date (credit-method.md §1, §6): the rule of
 * openItemsAt, over columns. A row is open at D when InvoiceDate ≤ D and it is not settled at D
 * (SettledDate blank or after D), and its open amount is not exactly 0 cents: `openCents` for an
 * unsettled row, the full Amount for a row settled after D (its PaidAmount/OpenAmount describe
 * the later settlement). Rows dated after D are counted in `ignoredFuture`. Negative rows without
 * an invoice (isUnappliedCash) become unapplied cash of their customer; credit notes stay items.
 *
 * FIFO option (ERPNext-style): each customer's unapplied cash is applied to that customer's
 * positive open items in order of due date (oldest first; ties by invoice date, then ledger
 * order), overdue or not; items reduced to 0 are dropped; what is left over stays unapplied.
 * @example openRowsAt(ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, paidAmount: 99.99 }]), 40)
 *   //=> { rows: Int32Array [0], openCents: Float64Array [1], unappliedCents: Float64Array [0], unappliedOrder: [], ignoredFuture: 0 }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import { isUnappliedCash } from "./isUnappliedCash";
import type { Ledger } from "./Ledger";

export interface OpenRows {
  /** The ledger rows open at the as-of date, in ledger order (unapplied cash not included). */
  rows: Int32Array;
  /** The open amount of each of those rows in cents (negative for credit notes); never 0. */
  openCents: Float64Array;
  /** Unapplied cash per customer number, in cents (≤ 0). */
  unappliedCents: Float64Array;
  /** Customer numbers with unapplied cash, in order of their first unapplied row. */
  unappliedOrder: number[];
  /** Number of rows dated after the as-of date, left out. */
  ignoredFuture: number;
}

export interface OpenRowsOptions {
  fifoUnappliedCash?: boolean;
}

export function openRowsAt(ledger: Ledger, asOf: DayNumber, options: OpenRowsOptions = {}): OpenRows {
  const { invoiceDate, settledDate, amountCents, openCents: unsettledCents, customer } = ledger;
  const rows = new Int32Array(ledger.length);
  const openCents = new Float64Array(ledger.length);
  const unappliedCents = new Float64Array(ledger.customerIds.length);
  const unappliedOrder: number[] = [];
  let count = 0;
  let ignoredFuture = 0;
  for (let i = 0; i < ledger.length; i++) {
    if (invoiceDate[i] > asOf) {
      ignoredFuture++;
      continue;
    }
    const settled = settledDate[i];
    if (settled <= asOf) continue; // NaN (not settled) compares false
    // Settled after D: at D the item was still open at its full amount.
    const cents = settled === settled ? amountCents[i] : unsettledCents[i];
    if (cents === 0) continue;
    if (cents < 0 && isUnappliedCash(cents, ledger.invoiceId[i])) {
      const c = customer[i];
      if (unappliedCents[c] === 0) unappliedOrder.push(c);
      unappliedCents[c] += cents;
      continue;
    }
    rows[count] = i;
    openCents[count] = cents;
    count++;
  }
  const open: OpenRows = { rows: rows.slice(0, count), openCents: openCents.slice(0, count), unappliedCents, unappliedOrder, ignoredFuture };
  return options.fifoUnappliedCash && unappliedOrder.length > 0 ? allocateUnappliedFifo(ledger, open) : open;
}

/** Σ of the unapplied cash of the given customer numbers, in cents (≤ 0). */
export function unappliedCentsOf(open: OpenRows, customers: readonly number[]): Cents {
  let cents: Cents = 0;
  for (const c of customers) cents += open.unappliedCents[c];
  return cents;
}

function allocateUnappliedFifo(ledger: Ledger, open: OpenRows): OpenRows {
  const remaining = Float64Array.from(open.unappliedCents);
  const { rows, openCents } = open;
  const order: number[] = [];
  for (let k = 0; k < rows.length; k++) if (openCents[k] > 0 && remaining[ledger.customer[rows[k]]] < 0) order.push(k);
  const { dueDate, invoiceDate } = ledger;
  order.sort((a, b) => dueDate[rows[a]] - dueDate[rows[b]] || invoiceDate[rows[a]] - invoiceDate[rows[b]] || a - b);
  const reduced = Float64Array.from(openCents);
  for (const k of order) {
    const c = ledger.customer[rows[k]];
    const cash = remaining[c];
    if (cash >= 0) continue;
    const applied: Cents = Math.min(reduced[k], -cash);
    reduced[k] -= applied;
    remaining[c] = cash + applied;
  }
  const keptRows: number[] = [];
  const keptCents: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    if (reduced[k] === 0) continue;
    keptRows.push(rows[k]);
    keptCents.push(reduced[k]);
  }
  return {
    rows: Int32Array.from(keptRows),
    openCents: Float64Array.from(keptCents),
    unappliedCents: remaining,
    unappliedOrder: open.unappliedOrder.filter((c) => remaining[c] !== 0),
    ignoredFuture: open.ignoredFuture,
  };
}
