/**
 * Concentration: the share of the total (positive entries only) held by the `n` largest entries
 * (default 10), as a fraction 0..1 (credit-method.md §6). Fewer than n entries give 1.
 * @example topShare(new Map([["a", 60], ["b", 30], ["c", 10]]), 2) //=> ok(0.9)
 */
import { detail, err, invalidInput, type Result } from "../errors";
import { positiveValues, shareOfLargest } from "./paretoShares";

export function topShare(values: Map<string, number>, n = 10): Result<number> {
  if (!Number.isInteger(n) || n < 1) return err(invalidInput("n", detail("wholeMinimumGot", { min: 1, got: n })));
  const positive = positiveValues(values);
  if (!positive.ok) return positive;
  return shareOfLargest(positive.value, n);
}
