/**
 * Loss rates by cohorts (IFRS 9 simplified approach, credit-method.md §6): follow each month's
 * credit sales (a cohort) through the aging buckets until it is resolved.
 *
 * Input, one entry per RESOLVED cohort (fully collected or written off):
 * - `reached[i]`: the amount of the cohort that reached bucket i (was still unpaid when it aged
 *   into bucket i); `reached[0]` is the cohort's sales, and the amounts do not increase;
 * - `writtenOff`: the amount of the cohort finally written off (≤ reached[0]).
 * Loss rate of bucket i = Σ writtenOff / Σ reached[i] over the cohorts, capped at 1 — the amount
 * finally written off per unit that reached the bucket, as the method states it.
 *
 * Errors: no cohorts, cohorts of different widths, negative or increasing amounts, a write-off
 * above the sales (#VALUE! naming cohort and bucket); nothing reached a bucket in any cohort (#N/A).
 * @example cohortLossRates([{ reached: [1000, 200, 50], writtenOff: 20 }, { reached: [1000, 300, 50], writtenOff: 30 }])
 *   //=> ok([0.025, 0.1, 0.5])
 */
import { at, detail, err, invalidInput, notAvailable, ok, type Result } from "../errors";

export interface Cohort {
  reached: number[];
  writtenOff: number;
}

export function cohortLossRates(cohorts: Cohort[]): Result<number[]> {
  if (cohorts.length === 0) return err(invalidInput("cohorts", detail("needsAtLeast", { count: 1, unit: "cohort" })));
  const width = cohorts[0].reached.length;
  if (width === 0) return err(invalidInput("cohorts", detail("needsAtLeast", { count: 1, unit: "bucket" })));
  const reachedTotals = new Array<number>(width).fill(0);
  let writtenOff = 0;
  for (let c = 0; c < cohorts.length; c++) {
    const { reached, writtenOff: w } = cohorts[c];
    const field = at("cohorts", { row: c + 1 });
    if (reached.length !== width) return err(invalidInput(field, detail("widthMismatch", { count: reached.length, first: width })));
    for (let i = 0; i < width; i++) {
      if (!Number.isFinite(reached[i]) || reached[i] < 0) return err(invalidInput(at("cohorts", { row: c + 1, bucket: i + 1 }), detail("nonNegative")));
      if (i > 0 && reached[i] > reached[i - 1]) {
        return err(invalidInput(at("cohorts", { row: c + 1, bucket: i + 1 }), detail("moreThanPrevious")));
      }
      reachedTotals[i] += reached[i];
    }
    if (!Number.isFinite(w) || w < 0 || w > reached[0]) {
      return err(invalidInput(at("writtenOff", { row: c + 1 }), detail("withinSales")));
    }
    writtenOff += w;
  }
  const rates: number[] = [];
  for (let i = 0; i < width; i++) {
    if (reachedTotals[i] === 0) return err(notAvailable(detail("noCohortReached", { bucket: i + 1 })));
    rates.push(Math.min(1, writtenOff / reachedTotals[i]));
  }
  return ok(rates);
}
