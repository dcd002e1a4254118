import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import { detail, err, notAvailable, ok, outOfRange, type Result } from "../errors";
import type { Ledger } from "../receivables/Ledger";
import type { FeatureColumn } from "./buildScorecard";
import { ledgerFeatures } from "./ledgerFeatures";

export interface DefaultDefinition {
  /** An item more than this many days past due is a default (90 by default; meant to come from the Policy). */
  readonly defaultDays?: number;
  /** The window after the observation date in which a default is looked for (12 months by default). */
  readonly horizonMonths?: number;
  /** Fewer defaults than this in the sample: not enough history to fit (0: no check). */
  readonly minDefaults?: number;
  /** The date the ledger is known to: the window must end by it, or an outcome would be guessed. */
  readonly asOf?: DayNumber;
}

/** Customers as they stood at an observation date, and whether each defaulted in the window after it. */
export interface DefaultSample {
  readonly observationDay: DayNumber;
  /** Last day of the window (observation date + horizon months). */
  readonly horizonEnd: DayNumber;
  /** The customers observed: those with an invoice dated on or before the observation date. */
  readonly customerIds: readonly string[];
  /** 1 when the customer defaulted within the window, else 0; same order as customerIds. */
  readonly isBad: readonly number[];
  readonly defaults: number;
  /** Behaviour features at the observation date (ledgerFeatures), same order as customerIds. */
  readonly features: readonly FeatureColumn[];
}

/** The first day in (observation, horizonEnd] on which row i is open and more than `days` past due, or undefined. */
function firstDefaultDay(ledger: Ledger, i: number, observation: DayNumber, horizonEnd: DayNumber, days: number): DayNumber | undefined {
  if (!(ledger.amount[i] > 0)) return undefined; // credit notes and payments on account never default
  const settled = ledger.settledDate[i];
  const isSettled = settled === settled;
  if (!isSettled && !(ledger.openCents[i] > 0)) return undefined; // nothing left to pay
  const day = Math.max(observation + 1, ledger.dueDate[i] + days + 1, ledger.invoiceDate[i]);
  if (day > horizonEnd) return undefined;
  return !isSettled || settled > day ? day : undefined;
}

/**
 * The default sample of the user's own ledger (credit-method.md §10): every customer invoiced on
 * or before the observation date, labelled bad when any of its invoices (those issued later in the
 * window too) is more than `defaultDays` past due (open and unpaid) on some day of the following
 * `horizonMonths` months, with behaviour
 * features observed at the observation date only (nothing from after it leaks in). Fit at
 * as-of − 12 months and test on what happened since: an out-of-time validation.
 * Errors: a bad definition; no customer observed; fewer defaults than `minDefaults` (not enough
 * history to fit a model).
 * @example // invoice due day 100, unpaid: observed at day 150 with 90 days it defaults on day 191
 * ledgerDefaultSample(ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 70, dueDate: 100, amount: 500 }]), 150)
 *   //=> ok({ customerIds: ["C"], isBad: [1], defaults: 1, … })
 */
export function ledgerDefaultSample(ledger: Ledger, observationDay: DayNumber, definition: DefaultDefinition = {}): Result<DefaultSample> {
  const days = definition.defaultDays ?? 90;
  const months = definition.horizonMonths ?? 12;
  const minDefaults = definition.minDefaults ?? 0;
  if (!(Number.isInteger(days) && days >= 0)) return err(outOfRange("defaultDays", detail("wholeMinimum", { min: 0 })));
  if (!(Number.isInteger(months) && months >= 1)) return err(outOfRange("horizonMonths", detail("wholeMinimum", { min: 1 })));
  if (!(Number.isInteger(minDefaults) && minDefaults >= 0)) return err(outOfRange("minDefaults", detail("wholeMinimum", { min: 0 })));
  if (!Number.isInteger(observationDay)) return err(outOfRange("observationDay", detail("dayNumber")));
  const horizonEnd = addMonths(observationDay, months);
  if (definition.asOf !== undefined && horizonEnd > definition.asOf) {
    return err(outOfRange("observationDay", detail("windowAfterAsOf", { months })));
  }
  const bad = new Uint8Array(ledger.customerIds.length);
  for (let i = 0; i < ledger.length; i++) {
    // Any invoice can default in the window, those issued after the observation date included.
    const c = ledger.customer[i];
    if (bad[c] === 0 && firstDefaultDay(ledger, i, observationDay, horizonEnd, days) !== undefined) bad[c] = 1;
  }
  const observed = ledgerFeatures(ledger, observationDay);
  const customerIds = observed.customerIds;
  const isBad = observed.customers.map((c) => bad[c]);
  if (customerIds.length === 0) return err(notAvailable(detail("noHistory")));
  const defaults = isBad.reduce((a, b) => a + b, 0);
  if (defaults < minDefaults) {
    return err(notAvailable(detail("tooFewDefaults", { defaults, customers: customerIds.length, days, months, min: minDefaults })));
  }
  return ok({
    observationDay,
    horizonEnd,
    customerIds,
    isBad,
    defaults,
    features: observed.features,
  });
}
