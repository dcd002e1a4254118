import { ok, type Result } from "../errors";
import { sortedOrder } from "./auc";
import { checkScoresAndLabels } from "./checkScoresAndLabels";

/**
 * Kolmogorov–Smirnov statistic (credit-method.md §10): the largest gap between the cumulative score
 * distributions of goods and of bads, in [0, 1]. Scores that tie are taken together (the gap is only
 * read between distinct scores), so the result does not depend on the order of tied rows.
 * @example ks([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) //=> ok(0.5)
 */
export function ks(scores: readonly number[], isBad: readonly number[]): Result<number> {
  const checked = checkScoresAndLabels(scores, isBad);
  if (!checked.ok) return checked;
  const { goods, bads } = checked.value;
  const order = sortedOrder(scores);
  let cumBad = 0;
  let cumGood = 0;
  let best = 0;
  let i = 0;
  while (i < order.length) {
    const s = scores[order[i]];
    while (i < order.length && scores[order[i]] === s) {
      if (isBad[order[i]] === 1) cumBad++;
      else cumGood++;
      i++;
    }
    const gap = Math.abs(cumGood / goods - cumBad / bads);
    if (gap > best) best = gap;
  }
  return ok(best);
}
