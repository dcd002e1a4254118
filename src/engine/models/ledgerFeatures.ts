import type { DayNumber } from "../dates/dayNumber";
import type { Ledger } from "../receivables/Ledger";
import { paymentBehaviourTallies } from "../receivables/paymentBehaviour";
import type { FeatureColumn } from "./buildScorecard";

/** Behaviour features of the customers known at a date, from the ledger only. */
export interface LedgerFeatures {
  readonly day: DayNumber;
  /** Customer numbers of the ledger observed at the day: those with an invoice dated on or before it. */
  readonly customers: readonly number[];
  readonly customerIds: readonly string[];
  /**
   * averageDaysLate and shareLate of the invoices settled by the day (null without any);
   * maxDaysPastDue and overdueShare of the invoices open at the day (overdueShare null without an
   * open balance). Same order as customers.
   */
  readonly features: readonly FeatureColumn[];
}

/**
 * The behaviour features of every customer at a date (credit-method.md §6, §10), computed from the
 * ledger as it stood that day: nothing dated or settled after it is used, so features observed at a
 * past date can be paired with what happened next.
 * @example ledgerFeatures(ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100 }]), 50).features
 *   //=> [averageDaysLate [null], shareLate [null], maxDaysPastDue [20], overdueShare [1]]
 */
export function ledgerFeatures(ledger: Ledger, day: DayNumber): LedgerFeatures {
  const n = ledger.customerIds.length;
  const observed = new Uint8Array(n);
  const openCents = new Float64Array(n);
  const overdueCents = new Float64Array(n);
  const maxPastDue = new Float64Array(n);
  for (let i = 0; i < ledger.length; i++) {
    if (ledger.invoiceDate[i] > day || !(ledger.amount[i] > 0)) continue;
    const c = ledger.customer[i];
    observed[c] = 1;
    const settled = ledger.settledDate[i];
    if (settled <= day) continue;
    // Settled after the day: it was open then at its full amount.
    const cents = settled === settled ? ledger.amountCents[i] : ledger.openCents[i];
    if (!(cents > 0)) continue;
    openCents[c] += cents;
    const pastDue = day - ledger.dueDate[i];
    if (pastDue > 0) {
      overdueCents[c] += cents;
      if (pastDue > maxPastDue[c]) maxPastDue[c] = pastDue;
    }
  }
  const tallies = paymentBehaviourTallies(ledger, day);
  const customers: number[] = [];
  const customerIds: string[] = [];
  const averageDaysLate: (number | null)[] = [];
  const shareLate: (number | null)[] = [];
  const maxDaysPastDue: number[] = [];
  const overdueShare: (number | null)[] = [];
  for (let c = 0; c < n; c++) {
    if (observed[c] === 0) continue;
    customers.push(c);
    customerIds.push(ledger.customerIds[c]);
    const settledCount = tallies.count[c];
    averageDaysLate.push(settledCount > 0 ? tallies.sumDays[c] / settledCount : null);
    shareLate.push(settledCount > 0 ? tallies.lateCount[c] / settledCount : null);
    maxDaysPastDue.push(maxPastDue[c]);
    overdueShare.push(openCents[c] > 0 ? overdueCents[c] / openCents[c] : null);
  }
  return {
    day,
    customers,
    customerIds,
    features: [
      { name: "averageDaysLate", kind: "numeric", values: averageDaysLate },
      { name: "shareLate", kind: "numeric", values: shareLate },
      { name: "maxDaysPastDue", kind: "numeric", values: maxDaysPastDue },
      { name: "overdueShare", kind: "numeric", values: overdueShare },
    ],
  };
}
