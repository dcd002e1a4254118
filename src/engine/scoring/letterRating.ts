/**
 * The alternative letter scale of a composite % (credit-method.md §3): AAA ≥ 90, AA ≥ 80,
 * A ≥ 70, BBB ≥ 60, BB ≥ 50, B ≥ 40, CCC < 40 by default (policy.letterBands), lower edges
 * inclusive.
 * @example letterRating(69.99, DEFAULT_POLICY) //=> ok("BBB")
 */
import { ok, type Result } from "../errors";
import type { LetterRating, Policy } from "../policy/Policy";
import { checkCompositePercent } from "./checkCompositePercent";

const ORDER = ["AAA", "AA", "A", "BBB", "BB", "B"] as const;

export function letterRating(compositePercent: number, policy: Policy): Result<LetterRating> {
  const checked = checkCompositePercent(compositePercent);
  if (!checked.ok) return checked;
  // A loop, not ORDER.find with a closure: this runs once per customer of a review (issue 6).
  for (const letter of ORDER) {
    if (checked.value >= policy.letterBands[letter]) return ok(letter);
  }
  return ok("CCC");
}
