/**
 * Input checks shared by the portfolio metrics (credit-method.md §6): every figure finite, money
 * and period lengths not negative, a denominator not zero. Errors name the field.
 */
import { detail, divideByZero, err, invalidInput, ok, outOfRange, type Result } from "../errors";

/** Every named value is a finite number ≥ 0. @example nonNegative({ days: -1 }) //=> err(outOfRange("days", detail("notNegative", { got: -1 }))) */
export function nonNegative(values: Record<string, number>): Result<true> {
  for (const [field, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) return err(invalidInput(field, detail("notFinite")));
    if (value < 0) return err(outOfRange(field, detail("notNegative", { got: value })));
  }
  return ok(true);
}

/** Every named value is a finite number (negative allowed, e.g. receivables net of credits). */
export function finiteAll(values: Record<string, number>): Result<true> {
  for (const [field, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) return err(invalidInput(field, detail("notFinite")));
  }
  return ok(true);
}

/** A denominator: an error when it is zero. */
export function nonZero(value: number, field: string): Result<number> {
  return value === 0 ? err(divideByZero(field)) : ok(value);
}
