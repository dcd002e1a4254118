/**
 * Loss rates by roll rates (IFRS 9 simplified approach, credit-method.md §6).
 *
 * Input: one row per month-end, oldest first; each row holds the balance of each aging bucket,
 * and its LAST column is the amount written off during that month (a flow, not a running total)
 * — or, if the user has no write-offs, the last aging bucket, which is then treated as lost.
 * Convention:
 * - roll rate of bucket i in month t = row[t+1][i+1] / row[t][i], for every column i but the last,
 *   and every month t whose row[t][i] > 0, capped at 1 (wide buckets can receive more than one
 *   bucket's roll; a bucket cannot lose more than it held);
 * - r_i = simple average of those monthly rates;
 * - loss rate of bucket i = r_i × r_{i+1} × … × r_{k−2} (the product down to write-off);
 *   the last column's loss rate is 1.
 * Result: one loss rate (fraction 0..1) per column, the last being 1.
 *
 * Worked example (buckets current, 1–30, written off):
 *   [[1000, 200, 0], [1100, 300, 50], [1200, 330, 90]]
 *   month 1→2: r0 = 300/1000 = 0.30, r1 = 50/200 = 0.25; month 2→3: r0 = 330/1100 = 0.30, r1 = 90/300 = 0.30
 *   r0 = 0.30, r1 = 0.275 → loss rates [0.30 × 0.275, 0.275, 1] = [0.0825, 0.275, 1].
 *
 * Errors: fewer than 2 months or 2 columns, rows of different widths, a negative or non-finite
 * balance (#VALUE! naming the month and column), or a bucket with no balance in any month but the
 * last (#N/A: its roll rate cannot be measured).
 * @example rollRateLossRates([[1000, 200, 0], [1100, 300, 50], [1200, 330, 90]]) //=> ok([0.0825, 0.275, 1])
 */
import { at, detail, err, invalidInput, notAvailable, ok, type Result } from "../errors";

export function rollRateLossRates(snapshots: number[][]): Result<number[]> {
  if (snapshots.length < 2) return err(invalidInput("snapshots", detail("needsAtLeast", { count: 2, unit: "monthEnd" })));
  const width = snapshots[0].length;
  if (width < 2) return err(invalidInput("snapshots", detail("needsAtLeast", { count: 2, unit: "column" })));
  for (let t = 0; t < snapshots.length; t++) {
    if (snapshots[t].length !== width) {
      return err(invalidInput(at("snapshots", { month: t + 1 }), detail("widthMismatch", { count: snapshots[t].length, first: width })));
    }
    for (let i = 0; i < width; i++) {
      const v = snapshots[t][i];
      if (!Number.isFinite(v) || v < 0) {
        return err(invalidInput(at("snapshots", { month: t + 1, column: i + 1 }), detail("nonNegative")));
      }
    }
  }
  const rolls: number[] = [];
  for (let i = 0; i < width - 1; i++) {
    let sum = 0;
    let months = 0;
    for (let t = 0; t + 1 < snapshots.length; t++) {
      if (snapshots[t][i] > 0) {
        sum += Math.min(1, snapshots[t + 1][i + 1] / snapshots[t][i]);
        months++;
      }
    }
    if (months === 0) return err(notAvailable(detail("noBalance", { column: i + 1 })));
    rolls.push(sum / months);
  }
  const loss = new Array<number>(width).fill(1);
  for (let i = width - 2; i >= 0; i--) loss[i] = rolls[i] * loss[i + 1];
  return ok(loss);
}
