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
 * @example characteristicScore([8, 6, 0, 10], [3, 2, 1, 2]) //=> ok({ compositePercent: 70, coveragePercent: 87.5, … })
 */
import { err, invalidInput, ok, outOfRange, type Result } from "../errors";
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
  const pairs = alignInputs(scores, weights);
  if (!pairs.ok) return pairs;
  const items = pairs.value;
  if (items.length === 0) return err(invalidInput("scores", "there are no characteristics to score"));

  let points = 0;
  let maxPoints = 0;
  let weightSum = 0;
  let scoredWeight = 0;
  const contributions: ScoreContribution<CharacteristicKey | ItemKey>[] = [];
  for (const { key, score, weight } of items) {
    if (!Number.isFinite(score)) return err(invalidInput(`score ${key}`, "is not a finite number"));
    if (score < 0 || score > 10) return err(outOfRange(`score ${key}`, `must be 0..10 (0 = no information), got ${score}`));
    if (!Number.isFinite(weight)) return err(invalidInput(`weight ${key}`, "is not a finite number"));
    if (weight < 0) return err(outOfRange(`weight ${key}`, `must not be negative, got ${weight}`));
    points += score * weight;
    maxPoints += 10 * weight;
    weightSum += weight;
    if (score > 0) scoredWeight += weight;
    contributions.push({ key, score, weight, points: score * weight, maxPoints: 10 * weight });
  }
  if (weightSum === 0) return err(invalidInput("weights", "at least one weight must be above 0"));
  // Multiply before dividing: 56 × 100 / 80 is exactly 70, while 56 / 80 × 100 is 70.00000000000001.
  return ok({
    compositePercent: denoise((points * 100) / maxPoints),
    coveragePercent: denoise((scoredWeight * 100) / weightSum),
    contributions,
  });
}

interface Item {
  key: CharacteristicKey | ItemKey;
  score: number;
  weight: number;
}

function alignInputs(scores: Scores, weights: Weights): Result<Item[]> {
  if (Array.isArray(scores) && Array.isArray(weights)) {
    if (scores.length !== weights.length) {
      return err(invalidInput("weights", `there are ${scores.length} scores but ${weights.length} weights`));
    }
    const keyOf = (i: number): CharacteristicKey | ItemKey =>
      scores.length === CHARACTERISTIC_COUNT ? CHARACTERISTIC_KEYS[i] : `item${i + 1}`;
    return ok(scores.map((score, i) => ({ key: keyOf(i), score, weight: weights[i] })));
  }
  if (Array.isArray(scores) && scores.length !== CHARACTERISTIC_COUNT) {
    return err(invalidInput("scores", `need ${CHARACTERISTIC_COUNT} scores in the order of the characteristics, got ${scores.length}`));
  }
  if (Array.isArray(weights) && weights.length !== CHARACTERISTIC_COUNT) {
    return err(invalidInput("weights", `need ${CHARACTERISTIC_COUNT} weights in the order of the characteristics, got ${weights.length}`));
  }
  const scoreOf = (key: CharacteristicKey, i: number): number => (Array.isArray(scores) ? scores[i] : (scores[key] ?? 0));
  const items: Item[] = [];
  for (let i = 0; i < CHARACTERISTIC_KEYS.length; i++) {
    const key = CHARACTERISTIC_KEYS[i];
    const weight = Array.isArray(weights) ? weights[i] : weights[key];
    if (weight === undefined) return err(invalidInput(`weight ${key}`, "is missing"));
    items.push({ key, score: scoreOf(key, i), weight });
  }
  return ok(items);
}
