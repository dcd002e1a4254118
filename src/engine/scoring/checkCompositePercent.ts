/**
 * A composite % as the grade scales accept it: finite and within 0..100 (credit-method.md §2–3).
 * @example checkCompositePercent(120) //=> err(outOfRange("compositePercent", detail("between", { min: 0, max: 100, got: 120 })))
 */
import { detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";

export function checkCompositePercent(compositePercent: number): Result<number> {
  if (typeof compositePercent !== "number" || !Number.isFinite(compositePercent)) {
    return err(invalidInput("compositePercent", detail("notFinite")));
  }
  if (compositePercent < 0 || compositePercent > 100) {
    return err(outOfRange("compositePercent", detail("between", { min: 0, max: 100, got: compositePercent })));
  }
  return ok(compositePercent);
}
