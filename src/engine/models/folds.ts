import { err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { seededRandom } from "./seededRandom";

/**
 * Seeded stratified k-fold assignment: the fold (0 … k−1) of every row, with the bads and the goods
 * each shuffled by a seeded generator and dealt round-robin, so every fold holds the same share of
 * bads (to within one row) and the same seed always gives the same folds.
 * @example stratifiedFolds([1, 0, 1, 0], 2, 7) //=> ok([a permutation giving each fold one bad and one good])
 */
export function stratifiedFolds(isBad: readonly number[], k: number, seed: number): Result<number[]> {
  if (!(Number.isInteger(k) && k >= 2)) return err(outOfRange("k", "must be a whole number of 2 or more"));
  if (!Number.isInteger(seed)) return err(invalidInput("seed", "must be a whole number"));
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < isBad.length; i++) {
    if (isBad[i] === 1) bads.push(i);
    else if (isBad[i] === 0) goods.push(i);
    else return err(invalidInput(`isBad item ${i + 1}`, "must be 1 (bad) or 0 (good)"));
  }
  if (bads.length < k) return err(outOfRange("k", `is more than the ${bads.length} bads: a fold would have none`));
  if (goods.length < k) return err(outOfRange("k", `is more than the ${goods.length} goods: a fold would have none`));
  const next = seededRandom(seed);
  const folds = new Array<number>(isBad.length).fill(0);
  let dealt = 0;
  for (const group of [bads, goods]) {
    // Fisher–Yates shuffle with the seeded generator.
    for (let i = group.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      const t = group[i];
      group[i] = group[j];
      group[j] = t;
    }
    // Continue the round-robin across groups so fold sizes differ by at most one.
    for (const row of group) folds[row] = dealt++ % k;
  }
  return ok(folds);
}

/**
 * Out-of-time split: rows observed up to the cut-off day train the model, rows after it test it.
 * @example outOfTimeSplit([100, 200, 300], 200) //=> ok({ train: [0, 1], test: [2] })
 */
export function outOfTimeSplit(days: readonly number[], cutoffDay: number): Result<{ train: number[]; test: number[] }> {
  if (!Number.isFinite(cutoffDay)) return err(invalidInput("cutoffDay", "not a day number"));
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < days.length; i++) {
    if (!Number.isFinite(days[i])) return err(invalidInput(`days item ${i + 1}`, "not a day number"));
    (days[i] <= cutoffDay ? train : test).push(i);
  }
  if (train.length === 0) return err(invalidInput("cutoffDay", "leaves no row to train on"));
  if (test.length === 0) return err(invalidInput("cutoffDay", "leaves no row to test on"));
  return ok({ train, test });
}
