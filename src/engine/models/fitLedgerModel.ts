import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import { ok, type Result } from "../errors";
import type { Ledger } from "../receivables/Ledger";
import { auc } from "./auc";
import { applyScorecard, buildScorecard, type FeatureColumn, type Scorecard, type ScorecardOptions } from "./buildScorecard";
import { calibrationTable, type CalibrationRow } from "./calibration";
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
  /**
   * Features beyond the ledger's own, observed at a day for the customers given (same order): the
   * review's composite score, grade, utilisation, ratios and Altman Z′ as they stood that day. The
   * engine asks for them at each observation date and at the as-of date.
   */
  readonly extraFeatures?: ExtraFeatures;
  /** Groups of the calibration table (default 10, fewer when the sample has fewer rows). */
  readonly calibrationGroups?: number;
}

/** Features of the customers given as they stood at a day, one value per customer in their order. */
export type ExtraFeatures = (day: DayNumber, customerIds: readonly string[]) => readonly FeatureColumn[];

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
  /**
   * Predicted against observed default rate by group of the sample (credit-method.md §10): the
   * predictions are out of fold when the cross-validation ran, else the fitted model's own.
   */
  readonly calibration: readonly CalibrationRow[];
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
  const { isBad, defaults } = sample.value;
  const features = withExtra(sample.value, options.extraFeatures);
  const scorecardOptions = ledgerScorecardOptions(defaults, options.scorecard);
  const card = buildScorecard(features, isBad, scorecardOptions);
  if (!card.ok) return card;
  const k = options.k ?? 5;
  const goods = isBad.length - defaults;
  let validation: CrossValidation | undefined;
  if (defaults >= k && goods >= k) {
    const cv = crossValidate(features, isBad, k, options.seed ?? 17, scorecardOptions);
    // A fold's own sample may be too thin to bin; the model stands, unvalidated, and says so.
    validation = cv.ok ? cv.value : undefined;
  }
  const testSample = { ...sample.value, features };
  const outOfTime = outOfTimeCheck(ledger, asOf, testSample, options);
  const own = applyScorecard(card.value, features);
  if (!own.ok) return own;
  const groups = Math.max(1, Math.min(options.calibrationGroups ?? 10, isBad.length));
  const calibration = calibrationTable(validation?.outOfFoldPd ?? own.value.pd, isBad, groups);
  if (!calibration.ok) return calibration;
  const now = ledgerFeatures(ledger, asOf);
  const scored = applyScorecard(card.value, withExtra({ customerIds: now.customerIds, features: now.features, observationDay: asOf }, options.extraFeatures));
  if (!scored.ok) return scored;
  return ok({
    sample: testSample, scorecard: card.value, validation, outOfTime, calibration: calibration.value,
    current: { customerIds: now.customerIds, pd: scored.value.pd, points: scored.value.points },
  });
}

/**
 * A ledger's sample is small: at most one characteristic per five defaults (1 to 8), the most
 * informative first, none whose WOEs correlate with a chosen one's by more than 0.8. Options given
 * win.
 */
export function ledgerScorecardOptions(defaults: number, given: ScorecardOptions | undefined): ScorecardOptions {
  return { maxCharacteristics: Math.max(1, Math.min(8, Math.floor(defaults / 5))), maxCorrelation: 0.8, ...given };
}

/** The ledger's features of the customers observed, followed by the extra ones at the same day. */
function withExtra(observed: { readonly customerIds: readonly string[]; readonly features: readonly FeatureColumn[]; readonly observationDay: DayNumber }, extra: ExtraFeatures | undefined): readonly FeatureColumn[] {
  if (extra === undefined) return observed.features;
  return [...observed.features, ...extra(observed.observationDay, observed.customerIds)];
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
  const card = buildScorecard(withExtra(train.value, options.extraFeatures), train.value.isBad, ledgerScorecardOptions(train.value.defaults, options.scorecard));
  if (!card.ok) return undefined;
  const scored = applyScorecard(card.value, test.features);
  if (!scored.ok) return undefined;
  const a = auc(scored.value.pd, test.isBad);
  const k = ks(scored.value.pd, test.isBad);
  if (!a.ok || !k.ok) return undefined;
  return { trainObservationDay: trainDay, trainRows: train.value.isBad.length, testRows: test.isBad.length, auc: a.value, ks: k.value, gini: 2 * a.value - 1 };
}
