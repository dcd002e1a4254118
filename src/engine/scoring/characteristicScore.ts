/**
 * The characteristic analysis model (特征分析模型, credit-method.md §2): the composite score and
 * the information coverage of a customer.
 *
 *     composite % = Σ (A_i × B_i) / Σ (10 × B_i) × 100
 *     coverage %  = Σ B_i over scored items (A_i > 0) / Σ B_i × 100
 *
 * Scores A_i are 0..10, 0 meaning "no information" (which lowers the composite by design).
 * Scores and weights are given either as records keyed by characteristic (a missing score is 0)
 * or as arrays in the order of CHARACTERISTICS (18 long). Arrays of another length are accepted
 * only when both scores and weights are arrays of equal length (a custom model); their items are
 * keyed `item1`, `item2`, ….
 * The contributions of the items are built when read, from the scores and weights as they were
 * at the call.
 * @example characteristicScore([8, 6, 0, 10], [3, 2, 1, 2]) //=> ok({ compositePercent: 70, coveragePercent: 87.5, … })
 */
import { detail, type DomainError, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { CHARACTERISTIC_COUNT, CHARACTERISTIC_KEYS, type CharacteristicKey } from "../policy/characteristics";
import { denoise } from "./denoise";

/** Key of an item of a custom-length model given as arrays. */
export type ItemKey = `item${number}`;

export interface ScoreContribution<K extends string = CharacteristicKey> {
  key: K;
  /** Score A_i, 0..10 (0 = no information). */
  score: number;
  /** Weight B_i. */
  weight: number;
  /** A_i × B_i. */
  points: number;
  /** 10 × B_i. */
  maxPoints: number;
}

export interface CharacteristicScore<K extends string = CharacteristicKey> {
  /** Σ A·B / Σ 10·B × 100, within 0..100. */
  compositePercent: number;
  /** Σ B over scored items / Σ B × 100. */
  coveragePercent: number;
  /** One per item, in item order. */
  contributions: ScoreContribution<K>[];
}

type Scores = Partial<Record<CharacteristicKey, number>> | number[];
type Weights = Record<CharacteristicKey, number> | number[];

/** Scores and weights keyed by characteristic (at least one of them is a record, or both are 18-long arrays). */
export function characteristicScore(
  scores: Partial<Record<CharacteristicKey, number>>,
  weights: Weights,
): Result<CharacteristicScore<CharacteristicKey>>;
export function characteristicScore(
  scores: Scores,
  weights: Record<CharacteristicKey, number>,
): Result<CharacteristicScore<CharacteristicKey>>;
/** Both as arrays: 18 long for the method's model, or any equal length for a custom model. */
export function characteristicScore(
  scores: number[],
  weights: number[],
): Result<CharacteristicScore<CharacteristicKey | ItemKey>>;
export function characteristicScore(scores: Scores, weights: Weights): Result<CharacteristicScore<CharacteristicKey | ItemKey>> {
  const misaligned = lengthMismatch(scores, weights);
  if (misaligned !== undefined) return err(misaligned);
  const bothArrays = Array.isArray(scores) && Array.isArray(weights);
  const count = bothArrays ? scores.length : CHARACTERISTIC_COUNT;
  if (count === 0) return err(invalidInput("scores", detail("noCharacteristic")));

  // Items are read in place into two arrays of numbers, not gathered into objects first: this
  // runs once per customer of a portfolio review (issue 6). Keys (text) are built only for an
  // error. Weights keyed by characteristic must all be there before any score is checked.
  const itemWeights = new Array<number>(count);
  for (let i = 0; i < count; i++) {
    const weight = weightAt(weights, i);
    if (weight === undefined && !bothArrays) return err(invalidInput(`weights.${keyAt(count, i)}`, detail("missing")));
    itemWeights[i] = weight;
  }
  const itemScores = new Array<number>(count);
  let points = 0;
  let maxPoints = 0;
  let weightSum = 0;
  let scoredWeight = 0;
  for (let i = 0; i < count; i++) {
    const score = scoreAt(scores, i);
    const weight = itemWeights[i];
    if (!Number.isFinite(score)) return err(invalidInput(`scores.${keyAt(count, i)}`, detail("notFinite")));
    if (score < 0 || score > 10) return err(outOfRange(`scores.${keyAt(count, i)}`, detail("scoreRange", { got: score })));
    if (!Number.isFinite(weight)) return err(invalidInput(`weights.${keyAt(count, i)}`, detail("notFinite")));
    if (weight < 0) return err(outOfRange(`weights.${keyAt(count, i)}`, detail("notNegative", { got: weight })));
    points += pointsOf(score, weight);
    maxPoints += maxPointsOf(weight);
    weightSum += weight;
    if (score > 0) scoredWeight += weight;
    itemScores[i] = score;
  }
  if (weightSum === 0) return err(invalidInput("weights", detail("weightAboveZero")));
  // Weights near 1e308: 10 × weight or the sums overflow. An error naming the weights, never NaN.
  if (!Number.isFinite(maxPoints) || !Number.isFinite(weightSum)) {
    return err(outOfRange("weights", detail("overflow")));
  }
  const compositePercent = denoise(percentOf(points, maxPoints));
  const coveragePercent = denoise(percentOf(scoredWeight, weightSum));
  return ok(new ScoreOutcome(compositePercent, coveragePercent, itemScores, itemWeights));
}

/**
 * part / whole × 100 for 0 ≤ part ≤ whole. Multiply before dividing: 56 × 100 / 80 is exactly 70,
 * while 56 / 80 × 100 is 70.00000000000001; divide first only when part × 100 would overflow.
 */
function percentOf(part: number, whole: number): number {
  const scaled = part * 100;
  return Number.isFinite(scaled) ? scaled / whole : (part / whole) * 100;
}

/** A_i × B_i. */
const pointsOf = (score: number, weight: number): number => score * weight;
/** 10 × B_i. */
const maxPointsOf = (weight: number): number => 10 * weight;

/**
 * The result. Its own fields are the two percentages and the scores and weights in item order
 * (so two results are deeply equal exactly when their contributions are); the contributions, an
 * object per item that a portfolio review never reads, are built from them on each read (issue 6).
 */
class ScoreOutcome implements CharacteristicScore<CharacteristicKey | ItemKey> {
  constructor(
    readonly compositePercent: number,
    readonly coveragePercent: number,
    private readonly scores: number[],
    private readonly weights: number[],
  ) {}

  /**
   * One instance kept for the life of the module. V8 keeps the hidden class of a class's
   * instances alive only through the instances: once a review's results were all collected, a
   * full collection dropped it, and with it the optimised code of characteristicScore and of its
   * callers, every review (issue 6, `node --trace-deopt`: "weak objects"). Fractions, so that the
   * percentages are doubles from the start and a later value never changes the class.
   */
  static readonly keepShape = new ScoreOutcome(0.5, 0.5, [0.5], [0.5]);

  get contributions(): ScoreContribution<CharacteristicKey | ItemKey>[] {
    const count = this.scores.length;
    const contributions: ScoreContribution<CharacteristicKey | ItemKey>[] = [];
    for (let i = 0; i < count; i++) {
      const score = this.scores[i];
      const weight = this.weights[i];
      contributions.push({ key: keyAt(count, i), score, weight, points: pointsOf(score, weight), maxPoints: maxPointsOf(weight) });
    }
    return contributions;
  }
}

/** Why the lengths of scores and weights do not line up, or undefined when they do. */
function lengthMismatch(scores: Scores, weights: Weights): DomainError | undefined {
  if (Array.isArray(scores) && Array.isArray(weights)) {
    return scores.length === weights.length ? undefined : invalidInput("weights", detail("itemsMismatch", { count: weights.length, other: "scores", otherCount: scores.length }));
  }
  if (Array.isArray(scores) && scores.length !== CHARACTERISTIC_COUNT) {
    return invalidInput("scores", detail("characteristicsCount", { count: CHARACTERISTIC_COUNT, got: scores.length }));
  }
  if (Array.isArray(weights) && weights.length !== CHARACTERISTIC_COUNT) {
    return invalidInput("weights", detail("characteristicsCount", { count: CHARACTERISTIC_COUNT, got: weights.length }));
  }
  return undefined;
}

/** Item i's key: the characteristic's for the method's 18 items, `item<i + 1>` for a custom model. */
function keyAt(count: number, i: number): CharacteristicKey | ItemKey {
  return count === CHARACTERISTIC_COUNT ? CHARACTERISTIC_KEYS[i] : `item${i + 1}`;
}

/** Item i's score; a characteristic missing from a record is 0 (no information). */
function scoreAt(scores: Scores, i: number): number {
  return Array.isArray(scores) ? scores[i] : (scores[CHARACTERISTIC_KEYS[i]] ?? 0);
}

/** Item i's weight (undefined, despite the type, when an input lacks it). */
function weightAt(weights: Weights, i: number): number {
  return Array.isArray(weights) ? weights[i] : weights[CHARACTERISTIC_KEYS[i]];
}
