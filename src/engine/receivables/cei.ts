/**
 * Collection effectiveness index (credit-method.md §6), in percent, using the WHOLE period's
 * credit sales (some sources use average monthly sales in both places; we do not):
 * CEI = (opening receivables + credit sales − closing receivables)
 *     / (opening receivables + credit sales − closing current receivables) × 100.
 * @example cei({ openingReceivables: 6200, creditSales: 10890, closingReceivables: 6340, closingCurrentReceivables: 3590 })
 *   //=> ok(79.629…) (79.63)
 */
import { detail, err, ok, outOfRange, type Result } from "../errors";
import { finiteAll, nonNegative, nonZero } from "./checkInputs";

export interface CeiInput {
  openingReceivables: number;
  creditSales: number;
  closingReceivables: number;
  closingCurrentReceivables: number;
}

export function cei(input: CeiInput): Result<number> {
  const { openingReceivables, creditSales, closingReceivables, closingCurrentReceivables } = input;
  const f = finiteAll({ openingReceivables, closingReceivables, closingCurrentReceivables });
  if (!f.ok) return f;
  const s = nonNegative({ creditSales });
  if (!s.ok) return s;
  const collectible = openingReceivables + creditSales - closingCurrentReceivables;
  const collected = openingReceivables + creditSales - closingReceivables;
  if (!Number.isFinite(collectible) || !Number.isFinite(collected)) {
    return err(outOfRange("openingReceivables + creditSales", detail("overflow")));
  }
  const d = nonZero(collectible, "openingReceivables + creditSales − closingCurrentReceivables");
  if (!d.ok) return err(d.error);
  // Multiply last, and divide first when the product would overflow (collected near 1e308).
  const ratio = collected / collectible;
  const percent = ratio * 100;
  if (!Number.isFinite(percent)) return err(outOfRange("closingCurrentReceivables", detail("overflow")));
  return ok(percent);
}
