/**
 * CREDIT.AGING called the way Excel calls it: the ranges arrive as 2-D arrays of cell values
 * (one column each), the as-of date as a serial number, omitted optionals as null. The arrays
 * are built once, outside the timing, because Excel hands them over ready-made.
 */
import "../../test/support/customFunctionsStub";
import { toExcelSerial, type DayNumber } from "../../src/engine/dates/dayNumber";
import { aging } from "../../src/functions/functions";
import type { OpenItemsRange } from "./hyperFormulaPeer";

export interface AgingArgs {
  amounts: number[][];
  dueDates: number[][];
  customers: string[][];
  asOf: number;
}

/** The ranges of an open-items range as Excel passes them. */
export function agingArgs(range: OpenItemsRange, asOf: DayNumber): AgingArgs {
  return {
    amounts: range.amounts.map((a) => [a]),
    dueDates: range.dueSerials.map((d) => [d]),
    customers: range.customerIds.map((c) => [c]),
    asOf: toExcelSerial(asOf),
  };
}

/** The spilled result of one call: a header row, then amount rows. Throws on an error result. */
export function callAging(args: AgingArgs, byCustomer: boolean): unknown[][] {
  const out = aging(args.amounts, args.dueDates, args.asOf, undefined, byCustomer ? args.customers : undefined);
  if (!Array.isArray(out) || out.length < 2) throw new Error(`CREDIT.AGING returned ${String(out)}`);
  const first = out[1]?.[0];
  if (first instanceof Error) throw new Error(`CREDIT.AGING returned an error: ${first.message}`);
  return out;
}

/** Bucket totals (the Total column left out) of a portfolio-level call. */
export function agingTotals(table: unknown[][], buckets: number): number[] {
  return table[table.length - 1].slice(table[0][0] === "Customer" ? 1 : 0).slice(0, buckets).map((v) => Number(v));
}

export function creditAgingDescription(rows: number, byCustomer: boolean): string {
  return byCustomer
    ? `=CREDIT.AGING(OpenAmount${rows}, DueDate${rows}, AsOf, , CustomerId${rows}) spilling one row per customer`
    : `=CREDIT.AGING(OpenAmount${rows}, DueDate${rows}, AsOf) spilling one row of bucket totals`;
}
