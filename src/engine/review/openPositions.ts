/**
 * Each customer's open position at the as-of date (credit-method.md §6, §8), from one pass over
 * the open rows: open cents, overdue cents and items, disputed cents, maximum days past due and
 * the worst item (it sets the next collection action). The review (reviewPortfolio) and the
 * custom functions CREDIT.POSITION and CREDIT.EXPOSURE use this one pass, so their figures agree.
 * Per-customer arrays indexed by the ledger's customer numbers (no object per item); the position
 * object is built when asked.
 * @example openPositions(ledger, openRowsAt(ledger, asOf), asOf)(0) //=> { openCents: 12000, overdueCents: 5000, disputedCents: 0, overdueItems: 1, maxDaysPastDue: 12, worst: { … } }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Cents } from "../money/cents";
import type { Ledger } from "../receivables/Ledger";
import type { OpenRows } from "../receivables/openRowsAt";

/**
 * A customer's open items at the as-of date, summed (credit notes included): what the review
 * needs of them.
 */
export interface OpenPosition {
  openCents: Cents;
  /** Σ of the open cents of items past due (credit notes included). */
  overdueCents: Cents;
  /** Σ of the positive open cents of disputed items. */
  disputedCents: Cents;
  /** Number of positive items past due. */
  overdueItems: number;
  maxDaysPastDue: number;
  /** The first positive item with the most days past due (it sets the next collection action). */
  worst?: { daysPastDue: number; openCents: Cents; isDisputed: boolean };
}

/** The position of a customer without ledger rows. */
export const NO_POSITION: OpenPosition = Object.freeze({ openCents: 0, overdueCents: 0, disputedCents: 0, overdueItems: 0, maxDaysPastDue: 0, worst: undefined });

export function openPositions(ledger: Ledger, open: OpenRows, asOf: DayNumber): (c: number) => OpenPosition {
  const numbers = ledger.customerIds.length;
  const openCents = new Float64Array(numbers);
  const overdueCents = new Float64Array(numbers);
  const disputedCents = new Float64Array(numbers);
  const overdueItems = new Float64Array(numbers);
  const maxDaysPastDue = new Float64Array(numbers);
  const worst = new Int32Array(numbers).fill(-1);
  for (let k = 0; k < open.rows.length; k++) {
    const i = open.rows[k];
    const c = ledger.customer[i];
    const cents = open.openCents[k];
    const daysPastDue = asOf - ledger.dueDate[i];
    openCents[c] += cents;
    if (cents > 0 && ledger.disputed[i] === 1) disputedCents[c] += cents;
    if (daysPastDue > 0) {
      overdueCents[c] += cents;
      if (cents > 0) {
        overdueItems[c]++;
        if (daysPastDue > maxDaysPastDue[c]) {
          maxDaysPastDue[c] = daysPastDue;
          worst[c] = k;
        }
      }
    }
  }
  return (c) => {
    const k = worst[c];
    return {
      openCents: openCents[c],
      overdueCents: overdueCents[c],
      disputedCents: disputedCents[c],
      overdueItems: overdueItems[c],
      maxDaysPastDue: maxDaysPastDue[c],
      worst: k >= 0 ? { daysPastDue: maxDaysPastDue[c], openCents: open.openCents[k], isDisputed: ledger.disputed[open.rows[k]] === 1 } : undefined,
    };
  };
}
