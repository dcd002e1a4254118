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
 * @example paymentBehaviour([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 300, settledDate: 40 },
 *   { invoiceId: "I2", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, settledDate: 30 }], 100).get("C")
 *   //=> { settledCount: 2, averageDaysLate: 5, weightedDaysLate: 7.5, shareLate: 0.5, maxDaysLate: 10, last90AverageDaysLate: 5, lookback12mAverageDaysLate: 5 }
 */
import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import type { ReceivableItem } from "../portfolio/types";

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

interface Tally {
  count: number;
  lateCount: number;
  sumDays: number;
  sumAmount: number;
  sumAmountDays: number;
  maxDays: number;
  last90: { n: number; sum: number };
  prior90: { n: number; sum: number };
  lookback12m: { n: number; sum: number };
}

const mean = (w: { n: number; sum: number }): number | undefined => (w.n > 0 ? w.sum / w.n : undefined);

export function paymentBehaviour(items: ReceivableItem[], asOf: DayNumber): Map<string, PaymentBehaviour> {
  const yearAgo = addMonths(asOf, -12);
  const tallies = new Map<string, Tally>();
  for (const item of items) {
    const settled = item.settledDate;
    if (settled === undefined || settled > asOf || !(item.amount > 0)) continue;
    const days = Math.max(0, settled - item.dueDate);
    let t = tallies.get(item.customerId);
    if (!t) {
      t = {
        count: 0, lateCount: 0, sumDays: 0, sumAmount: 0, sumAmountDays: 0, maxDays: 0,
        last90: { n: 0, sum: 0 }, prior90: { n: 0, sum: 0 }, lookback12m: { n: 0, sum: 0 },
      };
      tallies.set(item.customerId, t);
    }
    t.count++;
    if (days > 0) t.lateCount++;
    t.sumDays += days;
    t.sumAmount += item.amount;
    t.sumAmountDays += item.amount * days;
    t.maxDays = Math.max(t.maxDays, days);
    const age = asOf - settled;
    if (age < 90) { t.last90.n++; t.last90.sum += days; }
    else if (age < 180) { t.prior90.n++; t.prior90.sum += days; }
    if (settled > yearAgo) { t.lookback12m.n++; t.lookback12m.sum += days; }
  }
  const out = new Map<string, PaymentBehaviour>();
  for (const [customerId, t] of tallies) {
    const behaviour: PaymentBehaviour = {
      settledCount: t.count,
      averageDaysLate: t.sumDays / t.count,
      weightedDaysLate: t.sumAmountDays / t.sumAmount,
      shareLate: t.lateCount / t.count,
      maxDaysLate: t.maxDays,
    };
    const last90 = mean(t.last90);
    const prior90 = mean(t.prior90);
    const lookback = mean(t.lookback12m);
    if (last90 !== undefined) behaviour.last90AverageDaysLate = last90;
    if (prior90 !== undefined) behaviour.prior90AverageDaysLate = prior90;
    if (last90 !== undefined && prior90 !== undefined) behaviour.trendDays = last90 - prior90;
    if (lookback !== undefined) behaviour.lookback12mAverageDaysLate = lookback;
    out.set(customerId, behaviour);
  }
  return out;
}
