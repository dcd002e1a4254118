/**
 * Countback DSO (credit-method.md §6): walk back month by month from the latest, taking each
 * month's credit sales in full while receivables remain (adding that month's days), then the
 * fraction remaining / that month's sales of the last month reached.
 * A month with no sales is passed in full while receivables remain. Receivables larger than all
 * the months' sales together are an error (give more months), not a guess.
 * @example countbackDso({ receivables: 212000, monthlySales: [70000, 80000, 100000], monthDays: [30, 30, 30] })
 *   //=> ok(73.714…) — 30 + 30 + 32,000 / 70,000 × 30
 */
import { detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { nonNegative } from "./checkInputs";

export interface CountbackDsoInput {
  receivables: number;
  /** Credit sales per month, oldest first, latest last. */
  monthlySales: number[];
  /** Days in each of those months, same order. */
  monthDays: number[];
}

export function countbackDso(input: CountbackDsoInput): Result<number> {
  const { receivables, monthlySales, monthDays } = input;
  const r = nonNegative({ receivables });
  if (!r.ok) return r;
  if (monthlySales.length === 0) return err(invalidInput("monthlySales", detail("needsAtLeast", { count: 1, unit: "month" })));
  if (monthDays.length !== monthlySales.length) {
    return err(invalidInput("monthDays", detail("itemsMismatch", { count: monthDays.length, other: "monthlySales", otherCount: monthlySales.length })));
  }
  for (let i = 0; i < monthlySales.length; i++) {
    const c = nonNegative({ [`monthlySales month ${i + 1}`]: monthlySales[i], [`monthDays month ${i + 1}`]: monthDays[i] });
    if (!c.ok) return c;
  }
  let remaining = receivables;
  let days = 0;
  for (let i = monthlySales.length - 1; i >= 0 && remaining > 0; i--) {
    if (remaining >= monthlySales[i]) {
      days += monthDays[i];
      remaining -= monthlySales[i];
    } else {
      days += (remaining / monthlySales[i]) * monthDays[i];
      remaining = 0;
    }
  }
  if (remaining > 0) {
    return err(outOfRange("monthlySales", detail("needMoreMonths")));
  }
  return ok(days);
}
