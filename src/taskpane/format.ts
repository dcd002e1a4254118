/**
 * Display formats of the task pane: numbers with thousands separators (en-US), ISO dates,
 * A1 cell locations. Values are rounded only here, for display.
 * @example formatAmount(1234567.891) //=> "1,234,567.89"
 */
import { cellAddress as a1 } from "../host/address";

const amountFormat = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const countFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** Money: two decimals, thousands separators. @example formatAmount(1000) //=> "1,000.00" */
export function formatAmount(value: number): string {
  return amountFormat.format(value);
}

/** A whole count. @example formatCount(12345) //=> "12,345" */
export function formatCount(value: number): string {
  return countFormat.format(value);
}

/** Days or a percent number with one decimal. @example formatOneDecimal(52.403) //=> "52.4" */
export function formatOneDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** "n/a" for a figure the review could not compute, else the formatted figure. */
export function orNotAvailable(value: number | undefined, format: (v: number) => string): string {
  return value === undefined || !Number.isFinite(value) ? "n/a" : format(value);
}

/** Sheet-qualified A1 location of a 0-based cell. @example cellLocation("Customers", 4, 1) //=> "Customers!B5" */
export function cellLocation(sheet: string, row: number, column: number): string {
  const quoted = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${a1(row, column)}`;
}
