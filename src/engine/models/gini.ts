import { ok, type Result } from "../errors";
import { auc } from "./auc";

/**
 * Gini coefficient (accuracy ratio) = 2·AUC − 1 (credit-method.md §10), in [−1, 1].
 * @example gini([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]) //=> ok(0.5)
 */
export function gini(scores: readonly number[], isBad: readonly number[]): Result<number> {
  const a = auc(scores, isBad);
  return a.ok ? ok(2 * a.value - 1) : a;
}
