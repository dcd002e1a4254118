import { ok, type Result } from "../errors";
import { checkScoresAndLabels } from "./checkScoresAndLabels";

/**
 * Area under the ROC curve (credit-method.md §10): the probability that a random bad scores higher
 * than a random good, ties counting one half. Scores are risk scores (a PD: higher is riskier); for
 * scorecard points (higher is safer) pass the points negated, or 1 − AUC is returned.
 * Computed from mid-ranks (Mann–Whitney U) in O(n log n).
 * @example auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) //=> ok(0.75)
 */
export function auc(scores: readonly number[], isBad: readonly number[]): Result<number> {
  const checked = checkScoresAndLabels(scores, isBad);
  if (!checked.ok) return checked;
  const { goods, bads } = checked.value;
  const order = sortedOrder(scores);
  // Sum of the bads' mid-ranks (1-based), tie groups sharing the mean rank.
  let rankSumBad = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    let badsInGroup = 0;
    while (j < order.length && scores[order[j]] === scores[order[i]]) {
      badsInGroup += isBad[order[j]];
      j++;
    }
    const midRank = (i + 1 + j) / 2;
    rankSumBad += badsInGroup * midRank;
    i = j;
  }
  const u = rankSumBad - (bads * (bads + 1)) / 2;
  return ok(u / (bads * goods));
}

/** Indices of the scores in ascending order (stable). */
export function sortedOrder(scores: readonly number[]): number[] {
  const order = new Array<number>(scores.length);
  for (let i = 0; i < scores.length; i++) order[i] = i;
  order.sort((a, b) => scores[a] - scores[b] || a - b);
  return order;
}
