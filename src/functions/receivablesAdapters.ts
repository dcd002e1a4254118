/**
 * Helpers for the receivables custom functions (functions.ts, region "receivables",
 * credit-method.md §6): the as-of date, bucket edges and rates, ledger columns read row by row
 * (blank rows skipped, different sizes refused, every error naming the argument and the row),
 * and the aging table laid out for a spill. Not custom functions themselves: they declare and
 * convert, the engine computes.
 */
import { err, invalidInput, ok, type Result } from "../engine/errors";
import type { DayNumber } from "../engine/dates/dayNumber";
import { fromCents, toCents } from "../engine/money/cents";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { ReceivableItem } from "../engine/portfolio/types";
import { validateEdges, type AgingResult, type OpenLedger } from "../engine/receivables";
import { asMatrix, cellField, isBlank, readDate, readNumber, readVector, sameLength, type Cell } from "./args";

/**
 * The as-of date: required, because the add-in never reads the clock (a result must not change
 * by itself overnight). Write TODAY() in the argument for today's date.
 */
export function readAsOf(value: Cell, field = "asOf"): Result<DayNumber> {
  if (isBlank(value)) return err(invalidInput(field, "is required (the add-in never reads the clock: give a date, or TODAY())"));
  return readDate(value, field);
}

/** Aging edges from a row/column of whole numbers, or the policy's edges when omitted. */
export function readEdgesArg(value: Cell, fallback: number[] = DEFAULT_POLICY.agingEdges, field = "edges"): Result<number[]> {
  if (isBlankRange(value)) return ok(fallback);
  const cells = readVector(value, field);
  if (!cells.ok) return cells;
  const edges: number[] = [];
  for (let i = 0; i < cells.value.length; i++) {
    if (isBlank(cells.value[i])) continue;
    const n = readNumber(cells.value[i], `${field} item ${i + 1}`);
    if (!n.ok) return n;
    edges.push(n.value);
  }
  return validateEdges(edges, field);
}

/** True when an argument is omitted or every cell of it is blank. */
export function isBlankRange(value: Cell): boolean {
  return isBlank(value) || asMatrix(value).every((row) => row.every((c) => isBlank(c)));
}

/** Ledger columns read in parallel. `rows` lists the indices of the rows that are not wholly blank. */
export interface LedgerColumns<K extends string> {
  rows: number[];
  get: (name: K, i: number) => Cell;
  fieldOf: (name: K, i: number) => string;
  has: (name: K) => boolean;
}

/**
 * Parallel ledger columns: every given argument a single row or column, all of the same length
 * (an omitted optional argument — null — is left out). A row whose cells are all blank is skipped.
 */
export function readLedgerColumns<K extends string>(args: Record<K, Cell>): Result<LedgerColumns<K>> {
  const vectors = new Map<K, Cell[]>();
  for (const name of Object.keys(args) as K[]) {
    if (args[name] === null || args[name] === undefined) continue;
    const v = readVector(args[name], name);
    if (!v.ok) return v;
    vectors.set(name, v.value);
  }
  const lengths = Object.fromEntries([...vectors].map(([name, cells]) => [name, cells.length]));
  const n = sameLength(lengths);
  if (!n.ok) return n;
  const rows: number[] = [];
  for (let i = 0; i < n.value; i++) {
    if (![...vectors.values()].every((cells) => isBlank(cells[i]))) rows.push(i);
  }
  return ok({
    rows,
    get: (name, i) => vectors.get(name)?.[i] ?? null,
    fieldOf: (name, i) => cellField(name, i),
    has: (name) => vectors.has(name),
  });
}

/** A number that must be given in a ledger row. */
export function readRequiredNumber<K extends string>(cols: LedgerColumns<K>, name: K, i: number): Result<number> {
  return readNumber(cols.get(name, i), cols.fieldOf(name, i));
}

/** An optional number in a ledger row: undefined when blank. */
export function readOptionalRowNumber<K extends string>(cols: LedgerColumns<K>, name: K, i: number): Result<number | undefined> {
  const v = cols.get(name, i);
  return isBlank(v) ? ok(undefined) : readNumber(v, cols.fieldOf(name, i));
}

/** An optional date in a ledger row: undefined when blank. */
export function readOptionalRowDate<K extends string>(cols: LedgerColumns<K>, name: K, i: number): Result<DayNumber | undefined> {
  const v = cols.get(name, i);
  return isBlank(v) ? ok(undefined) : readDate(v, cols.fieldOf(name, i));
}

/**
 * An open ledger of amounts that are open as given (CREDIT.AGING, CREDIT.PROVISION): each row is
 * an item with that open amount and due date; zero amounts are closed. The invoice date is not
 * known, so it is taken as the due date (only used by the invoice-date basis, which these
 * functions do not offer).
 */
export function ledgerOfOpenAmounts(rows: { amount: number; dueDate: DayNumber; customerId: string; row: number }[], asOf: DayNumber): OpenLedger {
  const items = rows
    .map(({ amount, dueDate, customerId, row }) => {
      const item: ReceivableItem = { invoiceId: `row ${row + 1}`, customerId, invoiceDate: dueDate, dueDate, amount };
      const openCents = toCents(amount);
      return { item, openCents, daysPastDue: asOf - dueDate, isCreditNote: openCents < 0 };
    })
    .filter((open) => open.openCents !== 0);
  return { items, unappliedByCustomer: new Map(), ignoredFuture: 0 };
}

/**
 * The aging laid out for a spill. Without customers: a header row (bucket labels, "Total") over
 * one row of amounts. With customers: a header row ("Customer", labels, "Total"), one row per
 * customer in order of first appearance, and a "Total" row. Amounts in currency units, exact.
 */
export function agingTable(aging: AgingResult, byCustomer: boolean): (string | number)[][] {
  const sum = (cents: number[]): number => fromCents(cents.reduce((s, c) => s + c, 0));
  const totals = [...aging.totalCents.map(fromCents), sum(aging.totalCents)];
  if (!byCustomer) return [[...aging.labels, "Total"], totals];
  const rows: (string | number)[][] = [["Customer", ...aging.labels, "Total"]];
  for (const [customer, cents] of aging.byCustomer) rows.push([customer, ...cents.map(fromCents), sum(cents)]);
  rows.push(["Total", ...totals]);
  return rows;
}

/** Fractions (Excel percentages: 0.5 % is 0.005) read from a row or column, one per bucket. */
export function readFractions(value: Cell, count: number, field: string): Result<number[]> {
  const cells = readVector(value, field);
  if (!cells.ok) return cells;
  if (cells.value.length !== count) return err(invalidInput(field, `needs ${count} rates, one per bucket, got ${cells.value.length}`));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = readNumber(cells.value[i], `${field} item ${i + 1}`);
    if (!n.ok) return n;
    if (n.value < 0 || n.value > 1) return err(invalidInput(`${field} item ${i + 1}`, `must be a fraction 0–100 % (got ${n.value})`));
    out.push(n.value);
  }
  return ok(out);
}

/** A block of numbers (blank = 0), skipping rows that are wholly blank. */
export function readNumberBlock(value: Cell, field: string): Result<number[][]> {
  const out: number[][] = [];
  const m = asMatrix(value);
  for (let r = 0; r < m.length; r++) {
    if (m[r].every((c) => isBlank(c))) continue;
    const row: number[] = [];
    for (let c = 0; c < m[r].length; c++) {
      if (isBlank(m[r][c])) {
        row.push(0);
        continue;
      }
      const n = readNumber(m[r][c], `${field} row ${r + 1} column ${c + 1}`);
      if (!n.ok) return n;
      row.push(n.value);
    }
    out.push(row);
  }
  return ok(out);
}

/** The same result with an error's field renamed to the Excel argument's name (creditSales → sales). */
export function renameField<T>(result: Result<T>, from: string, to: string): Result<T> {
  if (result.ok || !("field" in result.error) || result.error.field !== from) return result;
  return { ok: false, error: { ...result.error, field: to } };
}

/**
 * A fraction as Excel holds a percentage (0.15 for 15 %) turned into the engine's percent number,
 * without binary noise: 0.15 × 100 is 15.000000000000002 in floating point, which would put an
 * exact band edge (15 %) in the next band.
 * @example fractionToPercent(0.15) //=> 15
 */
export function fractionToPercent(fraction: number): number {
  return Math.round(fraction * 100 * 1e9) / 1e9;
}
