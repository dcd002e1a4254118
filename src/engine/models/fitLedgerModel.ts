import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import { ok, type Result } from "../errors";
import type { Ledger } from "../receivables/Ledger";
import { auc } from "./auc";
import { applyScorecard, buildScorecard, type Scorecard, type ScorecardOptions } from "./buildScorecard";
import { crossValidate, type CrossValidation } from "./crossValidate";
import { ledgerDefaultSample, type DefaultDefinition, type DefaultSample } from "./ledgerDefaultSample";
import { ks } from "./ks";
import { ledgerFeatures } from "./ledgerFeatures";

export interface LedgerModelOptions extends DefaultDefinition {
  /** Folds of the cross-validation on the sample (default 5; fewer bads than folds: no validation). */
  readonly k?: number;
  /** Seed of the folds (default 17). */
  readonly seed?: number;
  readonly scorecard?: ScorecardOptions;
}

/** A default model of the user's own ledger and what it says about each customer today. */
export interface LedgerModel {
  /** The customers as they stood `horizonMonths` before the as-of date and whether they defaulted since. */
  readonly sample: DefaultSample;
  readonly scorecard: Scorecard;
  /** Held-out AUC, KS and Gini of the sample by stratified k-fold; undefined when it has fewer bads or goods than folds. */
  readonly validation: CrossValidation | undefined;
  /**
   * Out-of-time check when the ledger reaches back two horizons: a scorecard built the same way one
   * horizon earlier (observed at as-of − 24 months, outcomes to as-of − 12 months) scored on the
   * sample, whose outcomes it never saw. Undefined when that earlier sample is too thin to fit.
   */
  readonly outOfTime: OutOfTimeCheck | undefined;
  /** PD and points of every customer from its features at the as-of date. */
  readonly current: { readonly customerIds: readonly string[]; readonly pd: readonly number[]; readonly points: readonly number[] };
}

export interface OutOfTimeCheck {
  readonly trainObservationDay: DayNumber;
  readonly trainRows: number;
  readonly testRows: number;
  readonly auc: number;
  readonly ks: number;
  readonly gini: number;
}

/** Default minimum number of defaults to fit on (meant to become a Policy key). */
export const DEFAULT_MIN_DEFAULTS = 10;

/**
 * Fits a WOE logistic scorecard of default on the ledger (credit-method.md §10): the sample is the
 * customers observed `horizonMonths` (12) before the as-of date, labelled by whether they went more
 * than `defaultDays` (90) past due since; the model is then applied to every customer's features at
 * the as-of date. The fit is checked out of sample by seeded stratified k-fold and, when the ledger
 * reaches back two horizons, out of time (see `outOfTime`). Fewer defaults than `minDefaults` (10):
 * notAvailable, and nothing is fitted.
 */
export function fitLedgerModel(ledger: Ledger, asOf: DayNumber, options: LedgerModelOptions = {}): Result<LedgerModel> {
  const months = options.horizonMonths ?? 12;
  const sample = ledgerDefaultSample(ledger, addMonths(asOf, -months), {
    ...options,
    horizonMonths: months,
    minDefaults: options.minDefaults ?? DEFAULT_MIN_DEFAULTS,
    asOf,
  });
  if (!sample.ok) return sample;
  const { features, isBad, defaults } = sample.value;
  const card = buildScorecard(features, isBad, options.scorecard);
  if (!card.ok) return card;
  const k = options.k ?? 5;
  const goods = isBad.length - defaults;
  let validation: CrossValidation | undefined;
  if (defaults >= k && goods >= k) {
    const cv = crossValidate(features, isBad, k, options.seed ?? 17, options.scorecard);
    // A fold's own sample may be too thin to bin; the model stands, unvalidated, and says so.
    validation = cv.ok ? cv.value : undefined;
  }
  const outOfTime = outOfTimeCheck(ledger, asOf, sample.value, options);
  const now = ledgerFeatures(ledger, asOf);
  const scored = applyScorecard(card.value, now.features);
  if (!scored.ok) return scored;
  return ok({ sample: sample.value, scorecard: card.value, validation, outOfTime, current: { customerIds: now.customerIds, pd: scored.value.pd, points: scored.value.points } });
}

/** The scorecard of the previous horizon scored on the current sample (undefined when it cannot be built). */
function outOfTimeCheck(ledger: Ledger, asOf: DayNumber, test: DefaultSample, options: LedgerModelOptions): OutOfTimeCheck | undefined {
  const months = options.horizonMonths ?? 12;
  const trainDay = addMonths(asOf, -2 * months);
  const train = ledgerDefaultSample(ledger, trainDay, {
    ...options,
    horizonMonths: months,
    minDefaults: options.minDefaults ?? DEFAULT_MIN_DEFAULTS,
    asOf: addMonths(asOf, -months),
  });
  if (!train.ok) return undefined;
  const card = buildScorecard(train.value.features, train.value.isBad, options.scorecard);
  if (!card.ok) return undefined;
  const scored = applyScorecard(card.value, test.features);
  if (!scored.ok) return undefined;
  const a = auc(scored.value.pd, test.isBad);
  const k = ks(scored.value.pd, test.isBad);
  if (!a.ok || !k.ok) return undefined;
  return { trainObservationDay: trainDay, trainRows: train.value.isBad.length, testRows: test.isBad.length, auc: a.value, ks: k.value, gini: 2 * a.value - 1 };
}
