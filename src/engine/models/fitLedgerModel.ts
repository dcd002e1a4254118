import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import { ok, type Result } from "../errors";
import type { Ledger } from "../receivables/Ledger";
import { applyScorecard, buildScorecard, type Scorecard, type ScorecardOptions } from "./buildScorecard";
import { crossValidate, type CrossValidation } from "./crossValidate";
import { ledgerDefaultSample, type DefaultDefinition, type DefaultSample } from "./ledgerDefaultSample";
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
  /** PD and points of every customer from its features at the as-of date. */
  readonly current: { readonly customerIds: readonly string[]; readonly pd: readonly number[]; readonly points: readonly number[] };
}

/** Default minimum number of defaults to fit on (meant to become a Policy key). */
export const DEFAULT_MIN_DEFAULTS = 10;

/**
 * Fits a WOE logistic scorecard of default on the ledger (credit-method.md §10): the sample is the
 * customers observed `horizonMonths` (12) before the as-of date, labelled by whether they went more
 * than `defaultDays` (90) past due since; the model is then applied to every customer's features at
 * the as-of date. The fit is checked out of sample by seeded stratified k-fold. Fewer defaults than
 * `minDefaults` (10): notAvailable, and nothing is fitted.
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
  const now = ledgerFeatures(ledger, asOf);
  const scored = applyScorecard(card.value, now.features);
  if (!scored.ok) return scored;
  return ok({ sample: sample.value, scorecard: card.value, validation, current: { customerIds: now.customerIds, pd: scored.value.pd, points: scored.value.points } });
}
