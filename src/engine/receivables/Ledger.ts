/**
 * The receivables ledger in columns (credit-method.md §1, §6): one typed array per field and a
 * customer number per row, so the review's passes over a million invoices read numbers from
 * arrays instead of properties from a million objects (issue 6: a columnar engine path).
 *
 * - `customerIds[n]` is the id of customer number n (numbered in order of first appearance);
 *   `customer[i]` is row i's customer number.
 * - Dates are day numbers; a blank settled date is NaN.
 * - `amount`, `paidAmount` and `openAmount` are the figures as given (NaN when blank), kept for
 *   amount-weighted figures and to give the rows back as ReceivableItems; `amountCents` and
 *   `openCents` are what the sums use: `openCents` is openAmountCents of the row (OpenAmount,
 *   else Amount − PaidAmount, else Amount, each in cents first), the open amount while unsettled.
 * - `currency[i]` indexes `currencies` (0 = none given).
 *
 * Build one with `ledgerOf(items)` or, row by row from cells, with `ledgerBuilder()`;
 * `ledgerItems(ledger)` gives the rows back as ReceivableItems.
 * @example ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, paidAmount: 99.99 }]).openCents[0] //=> 1
 */
import type { DayNumber } from "../dates/dayNumber";
import { toCents } from "../money/cents";
import type { ReceivableItem } from "../portfolio/types";

export interface Ledger {
  readonly length: number;
  readonly customerIds: readonly string[];
  /** Customer id → customer number (the inverse of customerIds). */
  readonly customerNumber: ReadonlyMap<string, number>;
  readonly customer: Int32Array;
  readonly invoiceId: readonly string[];
  readonly invoiceDate: Float64Array;
  readonly dueDate: Float64Array;
  readonly settledDate: Float64Array;
  readonly amount: Float64Array;
  readonly paidAmount: Float64Array;
  readonly openAmount: Float64Array;
  readonly amountCents: Float64Array;
  readonly openCents: Float64Array;
  readonly disputed: Uint8Array;
  /** Currency codes seen, index 0 = none. */
  readonly currencies: readonly string[];
  readonly currency: Uint32Array;
}

/** An item's dates and figures, after its invoice id and customer, as the builder takes them. */
export type ItemFigures = [
  invoiceDate: DayNumber,
  dueDate: DayNumber,
  amount: number,
  paidAmount?: number,
  openAmount?: number,
  settledDate?: DayNumber,
  currency?: string,
  isDisputed?: boolean,
];

export interface LedgerBuilder {
  /**
   * Appends one row. Amounts must be finite (the readers at the edge validate them): a
   * non-finite amount is a programmer bug and throws, rather than giving a wrong total later.
   */
  add(invoiceId: string, customerId: string, ...figures: ItemFigures): void;
  /**
   * The customer's number in the ledger (its index in customerIds), the customer added when new. A
   * reader that knows its customers by another key (the DuckDB reader: the ENUM code of the id)
   * looks each one up once and adds its rows with addFor: looking the id up in the ledger's Map at
   * every row was ~4 of the 9 s that 10,000,000 adds took (node --cpu-prof, line ticks).
   */
  customerNumberOf(customerId: string): number;
  /** add, for the customer numbered `customer` (customerNumberOf). */
  addFor(customer: number, invoiceId: string, ...figures: ItemFigures): void;
  build(): Ledger;
}

/** A ledger filled row by row; `capacity` is a hint (the number of rows expected). */
export function ledgerBuilder(capacity = 64): LedgerBuilder {
  let size = Math.max(16, Math.ceil(capacity) || 0);
  let length = 0;
  const customerIds: string[] = [];
  const customerNumber = new Map<string, number>();
  const invoiceId: string[] = [];
  const currencies = [""];
  const currencyNumber = new Map<string, number>();
  let customer = new Int32Array(size);
  let currency = new Uint32Array(size);
  let disputed = new Uint8Array(size);
  let invoiceDate = new Float64Array(size);
  let dueDate = new Float64Array(size);
  let settledDate = new Float64Array(size);
  let amount = new Float64Array(size);
  let paidAmount = new Float64Array(size);
  let openAmount = new Float64Array(size);
  let amountCents = new Float64Array(size);
  let openCents = new Float64Array(size);
  let lastCustomer: string | undefined;
  let lastNumber = -1;

  const wider = (a: Float64Array): Float64Array<ArrayBuffer> => {
    const b = new Float64Array(size);
    b.set(a);
    return b;
  };
  const grow = (): void => {
    size *= 2;
    [invoiceDate, dueDate, settledDate, amount, paidAmount, openAmount, amountCents, openCents] = [invoiceDate, dueDate, settledDate, amount, paidAmount, openAmount, amountCents, openCents].map(wider);
    const c = new Int32Array(size);
    c.set(customer);
    customer = c;
    const u = new Uint32Array(size);
    u.set(currency);
    currency = u;
    const d = new Uint8Array(size);
    d.set(disputed);
    disputed = d;
  };

  const customerNumberOf = (customerId: string): number => {
    let n = customerNumber.get(customerId);
    if (n === undefined) {
      n = customerIds.length;
      customerIds.push(customerId);
      customerNumber.set(customerId, n);
    }
    return n;
  };

  const addFor: LedgerBuilder["addFor"] = (number, id, invoiceDay, dueDay, amt, paid, open, settled, code, isDisputed) => {
    if (!Number.isFinite(amt) || (paid !== undefined && !Number.isFinite(paid)) || (open !== undefined && !Number.isFinite(open))) {
      throw new RangeError(`ledger: item ${id} of ${customerIds[number]} has a non-finite amount`);
    }
    if (length === size) grow();
    const i = length++;
    customer[i] = number;
    invoiceId.push(id);
    invoiceDate[i] = invoiceDay;
    dueDate[i] = dueDay;
    settledDate[i] = settled ?? Number.NaN;
    amount[i] = amt;
    paidAmount[i] = paid ?? Number.NaN;
    openAmount[i] = open ?? Number.NaN;
    const cents = toCents(amt);
    amountCents[i] = cents;
    // openAmountCents, without an object per row.
    openCents[i] = open !== undefined ? toCents(open) : paid !== undefined ? cents - toCents(paid) : cents;
    disputed[i] = isDisputed === true ? 1 : 0;
    if (code) {
      let c = currencyNumber.get(code);
      if (c === undefined) {
        c = currencies.length;
        currencies.push(code);
        currencyNumber.set(code, c);
      }
      currency[i] = c;
    }
  };

  return {
    add(id, customerId, invoiceDay, dueDay, amt, paid, open, settled, code, isDisputed) {
      if (customerId !== lastCustomer) {
        lastNumber = customerNumberOf(customerId);
        lastCustomer = customerId;
      }
      addFor(lastNumber, id, invoiceDay, dueDay, amt, paid, open, settled, code, isDisputed);
    },
    customerNumberOf,
    addFor,
    build() {
      // Views rather than copies (issue 6): at a million rows, copies of the columns were 73 MB
      // more memory outside the heap, which cost one more collection of the whole heap (~0.2 s).
      return {
        length,
        customerIds,
        customerNumber,
        customer: customer.subarray(0, length),
        invoiceId,
        invoiceDate: invoiceDate.subarray(0, length),
        dueDate: dueDate.subarray(0, length),
        settledDate: settledDate.subarray(0, length),
        amount: amount.subarray(0, length),
        paidAmount: paidAmount.subarray(0, length),
        openAmount: openAmount.subarray(0, length),
        amountCents: amountCents.subarray(0, length),
        openCents: openCents.subarray(0, length),
        disputed: disputed.subarray(0, length),
        currencies,
        currency: currency.subarray(0, length),
      };
    },
  };
}

/** The columns of a list of ReceivableItems (same order). */
export function ledgerOf(items: readonly ReceivableItem[]): Ledger {
  const builder = ledgerBuilder(items.length);
  for (const r of items) {
    builder.add(r.invoiceId, r.customerId, r.invoiceDate, r.dueDate, r.amount, r.paidAmount, r.openAmount, r.settledDate, r.currency, r.isDisputed);
  }
  return builder.build();
}

/** Row i of a ledger as a ReceivableItem (blank fields left out). */
export function ledgerItem(ledger: Ledger, i: number): ReceivableItem {
  const item: ReceivableItem = {
    invoiceId: ledger.invoiceId[i],
    customerId: ledger.customerIds[ledger.customer[i]],
    invoiceDate: ledger.invoiceDate[i],
    dueDate: ledger.dueDate[i],
    amount: ledger.amount[i],
  };
  if (!Number.isNaN(ledger.paidAmount[i])) item.paidAmount = ledger.paidAmount[i];
  if (!Number.isNaN(ledger.openAmount[i])) item.openAmount = ledger.openAmount[i];
  if (!Number.isNaN(ledger.settledDate[i])) item.settledDate = ledger.settledDate[i];
  if (ledger.currency[i] !== 0) item.currency = ledger.currencies[ledger.currency[i]];
  if (ledger.disputed[i] === 1) item.isDisputed = true;
  return item;
}

/** Every row of a ledger as ReceivableItems. */
export function ledgerItems(ledger: Ledger): ReceivableItem[] {
  const out: ReceivableItem[] = new Array<ReceivableItem>(ledger.length);
  for (let i = 0; i < ledger.length; i++) out[i] = ledgerItem(ledger, i);
  return out;
}
