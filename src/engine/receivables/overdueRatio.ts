/**
 * Overdue ratio (credit-method.md §6) = overdue receivables / total receivables, as a fraction
 * (0.12 = 12 %; Excel shows it as a percentage). A zero total is #DIV/0!, not 0.
 * @example overdueRatio(1200, 10000) //=> ok(0.12)
 */
import { detail, err, ok, outOfRange, type Result } from "../errors";
import { finiteAll, nonZero } from "./checkInputs";

export function overdueRatio(overdue: number, total: number): Result<number> {
  const f = finiteAll({ overdue, total });
  if (!f.ok) return f;
  const d = nonZero(total, "total receivables");
  if (!d.ok) return err(d.error);
  // A total near 5e-324 against a large overdue amount overflows: an error, never ±Infinity.
  const ratio = overdue / total;
  return Number.isFinite(ratio) ? ok(ratio) : err(outOfRange("totalReceivables", detail("overflow")));
}
