/**
 * Helpers for the receivables custom functions (functions.ts, region "receivables",
 * credit-method.md §6): the as-of date, bucket edges and rates, ledger columns read row by row
 * (blank rows skipped, different sizes refused, every error naming the argument and the row),
 * and the aging table laid out for a spill. Not custom functions themselves: they declare and
 * convert, the engine computes.
 */
import { detail, err, type Field, inside, invalidInput, ok, type Result } from "../engine/errors";
import { dayOfSerial1900, type DayNumber } from "../engine/dates/dayNumber";
import { amountTooLarge, centsOf, fromCents, toCents, totalTooLarge, type Cents } from "../engine/money/cents";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import { agingResultOf, bucketIndex, validateEdges, type AgingResult } from "../engine/receivables";
import { asMatrix, cellField, readDate, readVector, sameLength, type Cell } from "./args";
// The cell readers straight from the engine (args.ts re-exports them): no re-export hop per cell.
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";

/**
 * The as-of date: required, because the add-in never reads the clock (a result must not change
 * by itself overnight). Write TODAY() in the argument for today's date.
 */
export function readAsOf(value: Cell, field: Field = "asOf"): Result<DayNumber> {
  if (isBlank(value)) return err(invalidInput(field, detail("dateRequired")));
  return readDate(value, field);
}

/** Aging edges from a row/column of whole numbers, or the policy's edges when omitted. */
export function readEdgesArg(value: Cell, fallback: number[] = DEFAULT_POLICY.agingEdges, field: Field = "edges"): Result<number[]> {
  if (isBlankRange(value)) return ok(fallback);
  const cells = readVector(value, field);
  if (!cells.ok) return cells;
  const edges: number[] = [];
  for (let i = 0; i < cells.value.length; i++) {
    if (isBlank(cells.value[i])) continue;
    const n = readNumber(cells.value[i], inside(field, { item: i + 1 }));
    if (!n.ok) return n;
    edges.push(n.value);
  }
  return validateEdges(edges, field);
}

/** True when an argument is omitted or every cell of it is blank. */
export function isBlankRange(value: Cell): boolean {
  if (!Array.isArray(value)) return isBlank(value);
  for (const row of value) {
    if (!Array.isArray(row)) {
      if (!isBlank(row)) return false;
    } else {
      for (const c of row) if (!isBlank(c)) return false;
    }
  }
  return true;
}

/** Ledger columns read in parallel. `rows` lists the indices of the rows that are not wholly blank. */
export interface LedgerColumns<K extends string> {
  rows: number[];
  get: (name: K, i: number) => Cell;
  /** The cells of a column (undefined for an omitted argument), to read in a loop without a lookup per cell. */
  column: (name: K) => Cell[] | undefined;
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
  const columns = [...vectors.values()];
  const rows: number[] = [];
  for (let i = 0; i < n.value; i++) {
    for (let c = 0; c < columns.length; c++) {
      if (!isBlank(columns[c][i])) {
        rows.push(i);
        break;
      }
    }
  }
  return ok({
    rows,
    get: (name, i) => vectors.get(name)?.[i] ?? null,
    column: (name) => vectors.get(name),
  });
}

/**
 * A ledger cell read with `read`, the field ("amounts row 12") named only when the cell is
 * refused: the readers are pure, so a refused cell is read again with its field. Saves building
 * a field string for every good cell of a long range.
 * @example readRowCell(readNumber, "x", "amounts", 11) //=> err(invalidInput(at("amounts", { row: 12 }), detail("notNumberText", { text: "x" })))
 */
export function readRowCell<T>(read: (value: Cell, field: Field) => Result<T>, value: Cell, name: string, i: number): Result<T> {
  const r = read(value, name);
  return r.ok ? r : read(value, cellField(name, i));
}

/**
 * The cents of an amount in a ledger row: an outOfRange error naming the argument and row when
 * they are not a safe integer (amounts near 1e306 would not be exact, or would overflow a total).
 * The field is built only for a refused amount, as in readRowCell (a hot path: one call per row).
 * @example readRowCents(1e306, "amounts", 1) //=> err(outOfRange(at("amounts", { row: 2 }), detail("centsAmount", …)))
 */
export function readRowCents(amount: number, name: string, i: number): Result<Cents> {
  const cents = toCents(amount);
  return Number.isSafeInteger(cents) ? ok(cents) : centsOf(amount, cellField(name, i));
}

/**
 * The aging (credit-method.md §6, basis due date) of open amounts read straight from ledger
 * columns (CREDIT.AGING): each non-blank row is an item with that open amount (credit notes
 * negative; zero is closed and left out) and due date, of its customer when `customers` is given.
 * Reads and ages in one loop, with no object per row; the first bad cell gives its error, naming
 * the argument and row, in the order amounts, dueDates, customers.
 * @example // amounts [[100], [""]], dueDates [[45473], [""]] (2024-07-01), as of 2024-08-01, edges [0, 30]:
 * agingOfColumns(cols, asOf, [0, 30], false) //=> ok({ totalCents: [0, 0, 10000], … }) (31 days: ">30")
 */
export function agingOfColumns(
  cols: LedgerColumns<"amounts" | "dueDates" | "customers">,
  asOf: DayNumber,
  edges: number[],
  byCustomer: boolean,
): Result<AgingResult> {
  const amounts = cols.column("amounts") ?? [];
  const dueDates = cols.column("dueDates") ?? [];
  const customers = byCustomer ? cols.column("customers") ?? [] : undefined;
  const totals = new Float64Array(edges.length + 1);
  const rows = new Map<string, Float64Array>();
  for (const i of cols.rows) {
    const bad = addAgingCells(amounts[i], dueDates[i], customers ? customers[i] : undefined, customers !== undefined, i, asOf, edges, totals, rows);
    if (bad) return bad;
  }
  return agingWithExactTotals(totals, rows, edges);
}

/**
 * CREDIT.AGING's hot path: the same aging as readLedgerColumns + agingOfColumns, read straight
 * from the ranges when each is a single column (n×1) of the same length, so a 100k-row ledger is
 * aged without copying its columns or listing its rows. Other shapes (rows, a customers column of
 * another length, …) return undefined and take the general path, which names the problem.
 */
export function agingOfColumnRanges(amounts: Cell, dueDates: Cell, customers: Cell, asOf: DayNumber, edges: number[]): Result<AgingResult> | undefined {
  const byCustomer = customers !== null && customers !== undefined;
  if (!Array.isArray(amounts) || !Array.isArray(dueDates) || amounts.length < 2 || amounts.length !== dueDates.length) return undefined;
  if (byCustomer && (!Array.isArray(customers) || customers.length !== amounts.length)) return undefined;
  const totals = new Float64Array(edges.length + 1);
  const rows = new Map<string, Float64Array>();
  const customerRows: unknown[] | undefined = byCustomer ? (customers as unknown[]) : undefined;
  // In chunks, with only arrays, typed arrays and a Map as state: a function called many times is
  // optimised as a whole, and code that checks only built-in object shapes stays valid across
  // garbage collections. One long loop feeding an accumulator object was optimised on the stack
  // and thrown away at each full collection (the accumulator's hidden class died with it), so
  // most recalculations ran unoptimised: 30–60 ms instead of about 5 ms at 100k rows (issue 6).
  for (let from = 0; from < amounts.length; from += AGING_CHUNK) {
    const to = Math.min(amounts.length, from + AGING_CHUNK);
    const outcome = ageRowsOfRanges(amounts, dueDates, customerRows, from, to, edges, asOf, totals, rows);
    if (outcome === NOT_COLUMNS) return undefined;
    if (outcome !== undefined) return outcome;
  }
  return agingWithExactTotals(totals, rows, edges);
}

/**
 * The aging result of bucket totals, or an outOfRange error on "amounts" when a total — or the
 * grand total, a customer's row total — left the safe integers of cents (many amounts near the
 * largest exact amount): a total off by whole cents, or Infinity, never reaches a cell.
 */
function agingWithExactTotals(totals: Float64Array, rows: Map<string, Float64Array>, edges: number[]): Result<AgingResult> {
  const exact = (cents: Float64Array): boolean => {
    let sum = 0;
    for (const c of cents) {
      sum += c;
      if (!Number.isSafeInteger(c) || !Number.isSafeInteger(sum)) return false;
    }
    return true;
  };
  if (!exact(totals)) return err(totalTooLarge("amounts"));
  for (const row of rows.values()) if (!exact(row)) return err(totalTooLarge("amounts"));
  return ok(agingResultOf(totals, rows, edges, "dueDate"));
}

const AGING_CHUNK = 4096;
const NOT_COLUMNS = 1;

/**
 * Rows [from, to) of single-column ranges into the bucket totals (and the customers' rows):
 * undefined when done, an error naming the argument and row, or NOT_COLUMNS for another shape.
 */
function ageRowsOfRanges(
  amounts: unknown[],
  dueDates: unknown[],
  customers: unknown[] | undefined,
  from: number,
  to: number,
  edges: number[],
  asOf: DayNumber,
  totals: Float64Array,
  rows: Map<string, Float64Array>,
): Result<never> | typeof NOT_COLUMNS | undefined {
  const byCustomer = customers !== undefined;
  for (let i = from; i < to; i++) {
    // Each row must be a one-cell row: checked as we go, so the ranges are walked once.
    const amountRow: unknown = amounts[i];
    const dueRow: unknown = dueDates[i];
    const customerRow: unknown = byCustomer ? customers[i] : undefined;
    if (!Array.isArray(amountRow) || amountRow.length !== 1 || !Array.isArray(dueRow) || dueRow.length !== 1) return NOT_COLUMNS;
    if (byCustomer && (!Array.isArray(customerRow) || customerRow.length !== 1)) return NOT_COLUMNS;
    const amount: unknown = amountRow[0];
    const due: unknown = dueRow[0];
    const customer: unknown = byCustomer ? (customerRow as unknown[])[0] : undefined;
    // A blank row (a number is never blank: most rows skip the checks).
    if (typeof amount !== "number" && isBlank(amount) && isBlank(due) && (!byCustomer || isBlank(customer))) continue;
    const bad = addAgingCells(amount, due, customer, byCustomer, i, asOf, edges, totals, rows);
    if (bad) return bad;
  }
  return undefined;
}

/**
 * One ledger row into the bucket totals (and its customer's row): numbers and serial dates without
 * a Result per cell; the error names the argument and row (amounts, then dueDates, then customers).
 */
function addAgingCells(
  amountCell: Cell,
  dueCell: Cell,
  customerCell: Cell,
  byCustomer: boolean,
  i: number,
  asOf: DayNumber,
  edges: number[],
  totals: Float64Array,
  rows: Map<string, Float64Array>,
): Result<never> | undefined {
  let value: number;
  if (typeof amountCell === "number" && Number.isFinite(amountCell)) value = amountCell;
  else {
    const amount = readRowCell(readNumber, amountCell, "amounts", i);
    if (!amount.ok) return amount;
    value = amount.value;
  }
  let dueDay = typeof dueCell === "number" ? dayOfSerial1900(dueCell) : undefined;
  if (dueDay === undefined) {
    const due = readRowCell(readDate, dueCell, "dueDates", i);
    if (!due.ok) return due;
    dueDay = due.value;
  }
  let customerId = "";
  if (byCustomer) {
    const customer = readRowCell(readText, customerCell, "customers", i);
    if (!customer.ok) return customer;
    customerId = customer.value;
  }
  // No Result per row on this hot path: the field is named only for an amount beyond exact cents.
  const cents = toCents(value);
  if (!Number.isSafeInteger(cents)) return err(amountTooLarge(cellField("amounts", i), value));
  if (cents === 0) return undefined;
  const b = bucketIndex(asOf - dueDay, edges);
  totals[b] += cents;
  if (byCustomer) {
    let row = rows.get(customerId);
    if (row === undefined) {
      row = new Float64Array(totals.length);
      rows.set(customerId, row);
    }
    row[b] += cents;
  }
  return undefined;
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
export function readFractions(value: Cell, count: number, field: Field): Result<number[]> {
  const cells = readVector(value, field);
  if (!cells.ok) return cells;
  if (cells.value.length !== count) return err(invalidInput(field, detail("countNeeded", { count, got: cells.value.length })));
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = readNumber(cells.value[i], inside(field, { item: i + 1 }));
    if (!n.ok) return n;
    if (n.value < 0 || n.value > 1) return err(invalidInput(inside(field, { item: i + 1 }), detail("percentRate", { got: n.value })));
    out.push(n.value);
  }
  return ok(out);
}

/** A block of numbers (blank = 0), skipping rows that are wholly blank. */
export function readNumberBlock(value: Cell, field: Field): Result<number[][]> {
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
      const n = readNumber(m[r][c], inside(field, { row: r + 1, column: c + 1 }));
      if (!n.ok) return n;
      row.push(n.value);
    }
    out.push(row);
  }
  return ok(out);
}


/**
 * A fraction as Excel holds a percentage (0.15 for 15 %) turned into the engine's percent number,
 * without binary noise: 0.15 × 100 is 15.000000000000002 in floating point, which would put an
 * exact band edge (15 %) in the next band.
 * @example fractionToPercent(0.15) //=> 15
 */
export function fractionToPercent(fraction: number): number {
  const scaled = fraction * 100 * 1e9;
  // Beyond 2^52 (fractions above 45,035) there is no noise below 1e-9 to remove, and × 1e9 may overflow.
  return Math.abs(scaled) < 2 ** 52 ? Math.round(scaled) / 1e9 : fraction * 100;
}
