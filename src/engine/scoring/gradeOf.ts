/**
 * The credit grade of a composite % (credit-method.md §3): A ≥ 80, B 60 – < 80, C 40 – < 60,
 * D < 40 by default (policy.gradeBands). Edges are inclusive at the lower end: 80.0 is A,
 * 79.999 is B. Grade R is a flag on top of a grade (see rFlag), not a band.
 * @example gradeOf(80, DEFAULT_POLICY) //=> ok("A")
 */
import { ok, type Result } from "../errors";
import type { Grade, Policy } from "../policy/Policy";
import { checkCompositePercent } from "./checkCompositePercent";

export function gradeOf(compositePercent: number, policy: Policy): Result<Grade> {
  const checked = checkCompositePercent(compositePercent);
  if (!checked.ok) return checked;
  const { A, B, C } = policy.gradeBands;
  const x = checked.value;
  return ok(x >= A ? "A" : x >= B ? "B" : x >= C ? "C" : "D");
}
