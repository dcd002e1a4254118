/**
 * Days sales outstanding, standard method (credit-method.md §6):
 * DSO = receivables at the as-of date / credit sales in the period × days in the period.
 * @example dso({ receivables: 6340, creditSales: 10890, days: 90 }) //=> ok(52.396…) (52.40)
 */
import { detail, err, ok, outOfRange, type Result } from "../errors";
import { finiteAll, nonNegative, nonZero } from "./checkInputs";

export interface DsoInput {
  receivables: number;
  creditSales: number;
  days: number;
}

export function dso(input: DsoInput): Result<number> {
  const { receivables, creditSales, days } = input;
  const checked = finiteAll({ receivables });
  if (!checked.ok) return checked;
  const positive = nonNegative({ creditSales, days });
  if (!positive.ok) return positive;
  const sales = nonZero(creditSales, "creditSales");
  if (!sales.ok) return err(sales.error);
  // Extreme magnitudes (sales near 1e-300, receivables near 1e308) overflow: an error naming the
  // argument that made the step overflow, never ±Infinity.
  const perSale = receivables / creditSales;
  if (!Number.isFinite(perSale)) return err(outOfRange("creditSales", detail("overflow")));
  const result = perSale * days;
  if (!Number.isFinite(result)) return err(outOfRange("days", detail("overflow")));
  return ok(result);
}
