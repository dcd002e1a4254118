/**
 * Readers for Excel custom-function arguments: they turn what Excel hands over (null for an
 * omitted optional argument, "" for a blank cell, numbers typed as text, 2-D ranges, serial
 * dates) into clean engine inputs, or an invalidInput error naming the argument (and row).
 */
import { at, detail, err, type Field, inside, invalidInput, ok, type Result, withField } from "../engine/errors";
import { toDayNumber, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
// Imported from their own modules, not the values index: under CommonJS (ts-node, the benchmark)
// a re-exported function is a getter called at every use.
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";

export type Cell = unknown;


/** A number from a cell where blank counts as 0 (characteristic scores: blank = no information). */
export function readNumberOrZero(value: Cell, field: Field): Result<number> {
  return isBlank(value) ? ok(0) : readNumber(value, field);
}

/** A date from a cell: Excel serial, ISO or M/D/YYYY text. */
export function readDate(value: Cell, field: Field, system: DateSystem = "1900"): Result<DayNumber> {
  if (isBlank(value)) return err(invalidInput(field, detail("missing")));
  return toDayNumber(value, system, field);
}

/** A 2-D range as Excel hands it; a scalar becomes a 1×1 range. */
export function asMatrix(value: Cell): Cell[][] {
  if (Array.isArray(value)) {
    return value.map((row) => (Array.isArray(row) ? row : [row]));
  }
  return [[value]];
}

/** The cells of a single row or single column range, in order; an error if it is a block. */
export function readVector(value: Cell, field: Field): Result<Cell[]> {
  // One plain loop: a ledger column of 100k rows is read without a callback or copy per row.
  if (!Array.isArray(value)) return ok([value]);
  if (value.length === 1) return ok(Array.isArray(value[0]) ? value[0] : [value[0]]);
  const cells: Cell[] = new Array<Cell>(value.length);
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) cells[i] = row;
    else if (row.length === 1) cells[i] = row[0];
    else return err(invalidInput(field, detail("singleLine", { rows: value.length, columns: row.length })));
  }
  return ok(cells);
}

/** Field name for a cell inside a range argument, 1-based as the user counts. */
export function cellField(arg: Field, index: number): Field {
  return inside(arg, { row: index + 1 });
}

/** Read every element of a vector with `read`, stopping at the first error (which names the row). */
export function readAll<T>(cells: Cell[], arg: Field, read: (v: Cell, field: Field) => Result<T>): Result<T[]> {
  const out: T[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const r = read(cells[i], cellField(arg, i));
    if (!r.ok) return r;
    out[i] = r.value;
  }
  return ok(out);
}

/** Check that parallel range arguments have the same length. */
export function sameLength(lengths: Record<string, number>): Result<number> {
  const entries = Object.entries(lengths);
  // No range at all (every one omitted): nothing to compare, no rows.
  if (entries.length === 0) return ok(0);
  const [firstName, n] = entries[0];
  for (const [name, len] of entries.slice(1)) {
    if (len !== n) return err(invalidInput(name, detail("rowsMismatch", { count: len, other: firstName, otherCount: n })));
  }
  return ok(n);
}

/**
 * An argument that must be given as a range: an error naming it when it is omitted. Excel hands an
 * omitted range argument (=CREDIT.AGING(,,45838)) as null or as [[null]] (one blank cell), and
 * both are refused; a longer range of blank cells is a given, empty range.
 * @example readRequiredRange(null, "amounts") //=> err(invalidInput("amounts", detail("rangeRequired")))
 */
export function readRequiredRange(value: Cell, field: Field): Result<Cell> {
  const omitted = isBlank(value) || (Array.isArray(value) && value.length === 1 && (Array.isArray(value[0]) ? value[0].length === 1 && isBlank(value[0][0]) : isBlank(value[0])));
  return omitted ? err(invalidInput(field, detail("rangeRequired"))) : ok(value);
}

/**
 * The same result with its error's field mapped by `to` (the Excel argument and row), for engine
 * errors that name the value by their own name ("compositePercent", "creditSales", "isBad"); a position the error has is kept.
 * @example mapField(err(outOfRange("compositePercent", d)), () => at("compositeScore", { row: 3 })) //=> err(outOfRange(at("compositeScore", { row: 3 }), d))
 */
export function mapField<T>(result: Result<T>, to: (field: string) => Field): Result<T> {
  if (result.ok || !("field" in result.error)) return result;
  const { field, at: where } = result.error;
  return err(withField(result.error, where === undefined ? to(field) : inside(to(field), where)));
}

/**
 * A column of a per-customer function: one cell serving every customer, or one cell per customer
 * (a row or column), each read with `cell` when its row is read (spread). An omitted optional
 * column is one blank cell, read like one. Its shape is checked by spread, after the call's other
 * arguments, as spreadColumns always did.
 */
export class PerRow<T> {
  constructor(
    readonly value: Cell,
    readonly cell: (value: Cell, field: Field) => Result<T>,
  ) {}
}

export type PerRowKeys<S> = { [K in keyof S]: S[K] extends PerRow<unknown> ? K : never }[keyof S] & string;
export type RowOf<S> = { [K in PerRowKeys<S>]: S[K] extends PerRow<infer T> ? T : never };

/** The per-customer columns of a call spread to one length: n rows, each read in the declaration's order. */
export interface Spread<S> {
  n: number;
  /** The cells of row i, read: the first refused cell's error, named by argument (and row when n > 1). */
  row(i: number): Result<RowOf<S>>;
  /** The raw cell of a column at row i. */
  get(name: PerRowKeys<S>, i: number): Cell;
  /** The raw cell of the c-th column (in the declaration's order) at row i. */
  cell(c: number, i: number): Cell;
  /** The field naming a column's cell at row i: the argument alone for one row, else "name row i+1". */
  fieldOf(name: PerRowKeys<S>, i: number): Field;
  /** After every row was read (lazy): the refusal of a column with a row of other than one cell. */
  checked(): Result<unknown>;
  /** The refusal of a column with a row of other than one cell, whether read or not. */
  shape(): Result<unknown>;
}

/**
 * The PerRow columns of `args` (read by readArgs) spread to a common length: each one cell or n
 * cells; another length is refused naming the column, as spreadColumns words it. `lazy`: a column
 * whose first row is one cell is taken as a column unchecked, its rows checked as they are read
 * (one pass over a fresh range instead of two): the caller then calls `checked()` after reading
 * every row, which gives the error the upfront check would have given.
 * @example spread({ grade: ["A", "B"] as PerRow, potential: [7] as PerRow }) //=> ok({ n: 2, … })
 */
export function spread<S extends object>(args: S, lazy = false): Result<Spread<S>> {
  const names: PerRowKeys<S>[] = [];
  const columns: PerRow<unknown>[] = [];
  // Each column's cells, and whether cell i is cells[i][0]: a column of one-cell rows is read in
  // place, not copied (a copy boxed every number of the 10 columns of a 10,000-customer
  // CREDIT.LIMIT; issue 14).
  const cells: (readonly unknown[])[] = [];
  const nested: boolean[] = [];
  let n = 1;
  let longest = "";
  let bad = false;
  const isOneCell = (row: unknown): boolean => Array.isArray(row) && row.length === 1;
  /** readVector's refusal of the first column read in place that has a row of other than one cell. */
  const shape = (): Result<unknown> => {
    for (let c = 0; c < cells.length; c++) {
      const v = nested[c] ? readVector(cells[c], names[c]) : ok(0);
      if (!v.ok) return v;
    }
    return ok(0);
  };
  for (const [name, column] of Object.entries(args)) {
    if (!(column instanceof PerRow)) continue;
    const value: unknown = column.value;
    const inPlace = Array.isArray(value) && value.length > 1 && (lazy ? isOneCell(value[0]) : value.every(isOneCell));
    const v = inPlace ? ok(value as unknown[]) : readVector(value, name);
    if (!v.ok) {
      // A column before it, taken unchecked, may hold the first refusal.
      const s = shape();
      return s.ok ? v : s;
    }
    names.push(name as PerRowKeys<S>);
    columns.push(column);
    cells.push(v.value);
    nested.push(inPlace);
    if (v.value.length > n) {
      n = v.value.length;
      longest = name;
    }
  }
  for (let c = 0; c < columns.length; c++) {
    const length = cells[c].length;
    if (length !== 1 && length !== n) {
      const s = shape();
      return s.ok ? err(invalidInput(names[c], detail("cellsMismatch", { count: length, other: longest, otherCount: n }))) : s;
    }
  }
  const at = (c: number, i: number): Cell => {
    const cell = cells[c][cells[c].length === 1 ? 0 : i];
    if (!nested[c] || !Array.isArray(cell)) return cell;
    if (cell.length === 1) return cell[0] as Cell;
    bad = true;
    return undefined;
  };
  const fieldOf = (name: string, i: number): Field => (n === 1 ? name : cellField(name, i));
  return ok({
    n,
    row(i) {
      const out: Record<string, unknown> = {};
      for (let c = 0; c < columns.length; c++) {
        const value = at(c, i);
        // The field is built only for a refused cell: readers are pure, so it is read again with it.
        let r = columns[c].cell(value, names[c]);
        if (!r.ok && n > 1) r = columns[c].cell(value, fieldOf(names[c], i));
        if (!r.ok) return r;
        out[names[c]] = r.value;
      }
      return ok(out as RowOf<S>);
    },
    get: (name, i) => at(names.indexOf(name), i),
    cell: at,
    fieldOf,
    checked: () => (bad ? shape() : ok(0)),
    shape,
  });
}

/**
 * Each cell of a block through `cell`, the same shape out: the cell's field ("odds", or
 * "odds row 2 column 3" in a larger block) is built only when `cell` asks for it.
 */
export function eachCell<T>(block: Cell[][], name: string, cell: (value: Cell, field: () => Field) => T): T[][] {
  const single = block.length === 1 && block[0].length === 1;
  return block.map((row, r) => row.map((value, c) => cell(value, () => (single ? name : at(name, row.length > 1 ? { row: r + 1, column: c + 1 } : { row: r + 1 })))));
}
