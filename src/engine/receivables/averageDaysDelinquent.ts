/**
 * Average days delinquent (credit-method.md §6): ADD = DSO − best possible DSO, both over the
 * same credit sales and period.
 * @example averageDaysDelinquent({ receivables: 6340, currentReceivables: 3590, creditSales: 10890, days: 90 }) //=> ok(22.727…) (22.73)
 */
import { detail, err, ok, outOfRange, type Result } from "../errors";
import { bestPossibleDso } from "./bestPossibleDso";
import { dso } from "./dso";

export interface AverageDaysDelinquentInput {
  receivables: number;
  currentReceivables: number;
  creditSales: number;
  days: number;
}

export function averageDaysDelinquent(input: AverageDaysDelinquentInput): Result<number> {
  const standard = dso(input);
  if (!standard.ok) return standard;
  const best = bestPossibleDso(input);
  if (!best.ok) return best;
  // Both finite, their difference may still overflow (receivables −1e308, current +1e308).
  const add = standard.value - best.value;
  return Number.isFinite(add) ? ok(add) : err(outOfRange("receivables", detail("overflow")));
}
