/**
 * Payment behaviour per customer (credit-method.md §6 "Payment behaviour", §5 payment factor),
 * from the invoices settled on or before the as-of date.
 *
 * Days late of an item = max(0, SettledDate − DueDate). Only invoices (Amount > 0) count: credit
 * notes and payments on account are not "paid". Per customer:
 * - settledCount; averageDaysLate (simple mean); weightedDaysLate (weighted by Amount);
 *   shareLate (share of items with days late > 0, 0..1); maxDaysLate;
 * - last90AverageDaysLate: items settled in (asOf − 90, asOf]; prior90AverageDaysLate: settled in
 *   (asOf − 180, asOf − 90]; trendDays = last90 − prior90 (positive: paying later), when both exist;
 * - lookback12mAverageDaysLate: items settled in (addMonths(asOf, −12), asOf] — the limit's
 *   payment-behaviour factor uses this one.
 * Customers without settled invoices are absent from the map (no history ≠ a good record).
 * The tallies run over the ledger's columns (paymentBehaviourTallies), which the review uses directly.
 * @example paymentBehaviour([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 300, settledDate: 40 },
 *   { invoiceId: "I2", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, settledDate: 30 }], 100).get("C")
 *   //=> { settledCount: 2, averageDaysLate: 5, weightedDaysLate: 7.5, shareLate: 0.5, maxDaysLate: 10, last90AverageDaysLate: 5, lookback12mAverageDaysLate: 5 }
 */
import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import type { ReceivableItem } from "../portfolio/types";
import { ledgerOf, type Ledger } from "./Ledger";

export interface PaymentBehaviour {
  settledCount: number;
  averageDaysLate: number;
  weightedDaysLate: number;
  shareLate: number;
  maxDaysLate: number;
  last90AverageDaysLate?: number;
  prior90AverageDaysLate?: number;
  trendDays?: number;
  lookback12mAverageDaysLate?: number;
}

/** Running sums per customer number (one typed array per figure, no object per customer). */
export interface PaymentTallies {
  count: Float64Array;
  lateCount: Float64Array;
  sumDays: Float64Array;
  sumAmount: Float64Array;
  sumAmountDays: Float64Array;
  maxDays: Float64Array;
  last90Count: Float64Array;
  last90Days: Float64Array;
  prior90Count: Float64Array;
  prior90Days: Float64Array;
  yearCount: Float64Array;
  yearDays: Float64Array;
}

/** The payment tallies of every customer number of a ledger, in one pass over its columns. */
export function paymentBehaviourTallies(ledger: Ledger, asOf: DayNumber): PaymentTallies {
  const n = ledger.customerIds.length;
  const t: PaymentTallies = {
    count: new Float64Array(n), lateCount: new Float64Array(n), sumDays: new Float64Array(n), sumAmount: new Float64Array(n),
    sumAmountDays: new Float64Array(n), maxDays: new Float64Array(n), last90Count: new Float64Array(n), last90Days: new Float64Array(n),
    prior90Count: new Float64Array(n), prior90Days: new Float64Array(n), yearCount: new Float64Array(n), yearDays: new Float64Array(n),
  };
  const yearAgo = addMonths(asOf, -12);
  const { settledDate, dueDate, amount, customer } = ledger;
  for (let i = 0; i < ledger.length; i++) {
    const settled = settledDate[i];
    const value = amount[i];
    if (!(settled <= asOf) || !(value > 0)) continue; // blank (NaN) or later, or not an invoice
    const late = settled - dueDate[i];
    const days = late > 0 ? late : 0;
    const c = customer[i];
    t.count[c]++;
    if (days > 0) t.lateCount[c]++;
    t.sumDays[c] += days;
    t.sumAmount[c] += value;
    t.sumAmountDays[c] += value * days;
    if (days > t.maxDays[c]) t.maxDays[c] = days;
    const age = asOf - settled;
    if (age < 90) { t.last90Count[c]++; t.last90Days[c] += days; }
    else if (age < 180) { t.prior90Count[c]++; t.prior90Days[c] += days; }
    if (settled > yearAgo) { t.yearCount[c]++; t.yearDays[c] += days; }
  }
  return t;
}

/** The behaviour of customer number c from the tallies; undefined without settled invoices. */
export function behaviourOf(t: PaymentTallies, c: number): PaymentBehaviour | undefined {
  const count = t.count[c];
  if (count === 0) return undefined;
  const last90 = t.last90Count[c] > 0 ? t.last90Days[c] / t.last90Count[c] : undefined;
  const prior90 = t.prior90Count[c] > 0 ? t.prior90Days[c] / t.prior90Count[c] : undefined;
  // One literal with every key, undefined where there is no figure: keys added one by one give
  // hidden classes that die with the objects and take the optimised code with them (issue 6).
  return {
    settledCount: count,
    averageDaysLate: t.sumDays[c] / count,
    weightedDaysLate: t.sumAmountDays[c] / t.sumAmount[c],
    shareLate: t.lateCount[c] / count,
    maxDaysLate: t.maxDays[c],
    last90AverageDaysLate: last90,
    prior90AverageDaysLate: prior90,
    trendDays: last90 !== undefined && prior90 !== undefined ? last90 - prior90 : undefined,
    lookback12mAverageDaysLate: t.yearCount[c] > 0 ? t.yearDays[c] / t.yearCount[c] : undefined,
  };
}

export function paymentBehaviour(items: readonly ReceivableItem[], asOf: DayNumber): Map<string, PaymentBehaviour> {
  const ledger = ledgerOf(items);
  const tallies = paymentBehaviourTallies(ledger, asOf);
  const out = new Map<string, PaymentBehaviour>();
  for (let c = 0; c < ledger.customerIds.length; c++) {
    const behaviour = behaviourOf(tallies, c);
    if (behaviour) out.set(ledger.customerIds[c], behaviour);
  }
  return out;
}
