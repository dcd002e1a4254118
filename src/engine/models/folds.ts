import { at, detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { seededRandom } from "./seededRandom";

/**
 * Seeded stratified k-fold assignment: the fold (0 … k−1) of every row, with the bads and the goods
 * each shuffled by a seeded generator and dealt round-robin, so every fold holds the same share of
 * bads (to within one row) and the same seed always gives the same folds.
 * @example stratifiedFolds([1, 0, 1, 0], 2, 7) //=> ok([a permutation giving each fold one bad and one good])
 */
export function stratifiedFolds(isBad: readonly number[], k: number, seed: number): Result<number[]> {
  if (!(Number.isInteger(k) && k >= 2)) return err(outOfRange("k", detail("wholeMinimum", { min: 2 })));
  if (!Number.isInteger(seed)) return err(invalidInput("seed", detail("whole")));
  const bads: number[] = [];
  const goods: number[] = [];
  for (let i = 0; i < isBad.length; i++) {
    if (isBad[i] === 1) bads.push(i);
    else if (isBad[i] === 0) goods.push(i);
    else return err(invalidInput(at("isBad", { item: i + 1 }), detail("badOrGood")));
  }
  if (bads.length < k) return err(outOfRange("k", detail("moreThanBads", { count: bads.length })));
  if (goods.length < k) return err(outOfRange("k", detail("moreThanGoods", { count: goods.length })));
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
  if (!Number.isFinite(cutoffDay)) return err(invalidInput("cutoffDay", detail("dayNumber")));
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < days.length; i++) {
    if (!Number.isFinite(days[i])) return err(invalidInput(at("days", { item: i + 1 }), detail("dayNumber")));
    (days[i] <= cutoffDay ? train : test).push(i);
  }
  if (train.length === 0) return err(invalidInput("cutoffDay", detail("noTrainRows")));
  if (test.length === 0) return err(invalidInput("cutoffDay", detail("noTestRows")));
  return ok({ train, test });
}
