/**
 * Days sales outstanding, standard method (credit-method.md §6):
 * DSO = receivables at the as-of date / credit sales in the period × days in the period.
 * @example dso({ receivables: 6340, creditSales: 10890, days: 90 }) //=> ok(52.396…) (52.40)
 */
import { err, ok, type Result } from "../errors";
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
  return ok((receivables / creditSales) * days);
}
