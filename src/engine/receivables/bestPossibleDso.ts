/**
 * Best possible DSO (credit-method.md §6) = not-yet-due (current) receivables / credit sales × days.
 * @example bestPossibleDso({ currentReceivables: 3590, creditSales: 10890, days: 90 }) //=> ok(29.669…) (29.67)
 */
import type { Result } from "../errors";
import { dso } from "./dso";

export interface BestPossibleDsoInput {
  currentReceivables: number;
  creditSales: number;
  days: number;
}

export function bestPossibleDso(input: BestPossibleDsoInput): Result<number> {
  const r = dso({ receivables: input.currentReceivables, creditSales: input.creditSales, days: input.days });
  if (!r.ok && r.error.kind === "invalidInput" && r.error.field === "receivables") {
    return { ok: false, error: { ...r.error, field: "currentReceivables" } };
  }
  return r;
}
