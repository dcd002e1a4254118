/**
 * Arguments declared once: each custom function lists its arguments as a record of readers
 * (type, range or scalar, default), and `readArgs` converts what Excel hands over in that order,
 * stopping at the first refused argument with an error naming it. The function body then sees
 * only clean values (HyperFormula's argument tables, conventions.md "Where things live").
 * @example readArgs({ asOf: AS_OF, window: oneOf(["12m", "all"], "12m") }, { asOf: 45838, window: null })
 *   //=> ok({ asOf: 20269, window: "12m" })
 */
import { detail, type Detail, err, type Field, invalidInput, ok, type Result } from "../engine/errors";
import type { DayNumber } from "../engine/dates/dayNumber";
import type { Policy } from "../engine/policy";
import type { Locale } from "../i18n/locale";
import { PerRow, asMatrix, cellField, readDate, spread, type RowOf, readAll, readRequiredRange, readVector, type Cell } from "./args";
import { isBlank } from "../engine/values/isBlank";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";

export { PerRow, eachCell, spread, type Spread } from "./args";
import { columnCells, type ColumnCells } from "./columnCells";
import { functionLanguage } from "./functionLanguage";
import { readAsOf, isBlankRange, readLedgerColumns, readRowCell } from "./receivablesAdapters";
import { cellOf, guardSpill, readPolicyArg, type ExcelError, type Spill } from "./scoringAdapters";
import { guard } from "./toExcelError";

/** How one argument is read: a reader from the cell(s) Excel passes to a value, or an error naming the argument. */
export interface ArgReader<T> {
  read(value: Cell, field: Field): Result<T>;
}

/** The value type a reader gives. */
export type ArgValue<R> = R extends ArgReader<infer T> ? T : never;

/** Reads the arguments of `spec` from `given` (same keys), in the spec's order. */
export function readArgs<S extends Record<string, ArgReader<unknown>>>(spec: S, given: { [K in keyof S]: unknown }): Result<{ [K in keyof S]: ArgValue<S[K]> }> {
  const out: Partial<Record<keyof S, unknown>> = {};
  for (const name of Object.keys(spec) as (keyof S & string)[]) {
    const r = spec[name].read(given[name] ?? null, name);
    if (!r.ok) return r;
    out[name] = r.value;
  }
  return ok(out as { [K in keyof S]: ArgValue<S[K]> });
}

/**
 * The arguments of a custom function call, `args` (its `arguments`) being in the order of `spec`,
 * which lists them in the function's parameter order; `first` is read before the others (the
 * policy, which the older families always checked first). Saves naming every argument twice per
 * call in the functions bundle.
 * @example readCall({ odds: BLOCK, pdo: numberOr(20) }, [[[100]], null]) //=> ok({ odds: [[100]], pdo: 20 })
 */
export function readCall<S extends Record<string, ArgReader<unknown>>>(spec: S, args: ArrayLike<unknown>, first?: keyof S & string): Result<{ [K in keyof S]: ArgValue<S[K]> }> {
  const names = Object.keys(spec);
  const given: Record<string, unknown> = {};
  for (let i = 0; i < names.length; i++) given[names[i]] = args[i];
  return readArgs(first === undefined ? spec : ({ [first]: spec[first], ...spec } as S), given as { [K in keyof S]: unknown });
}

/** A required single row or column (a column of a table): its cells in order. */
export const COLUMN: ArgReader<Cell[]> = {
  read(value, field) {
    const given = readRequiredRange(value, field);
    return given.ok ? readVector(value, field) : given;
  },
};

/** A required column of a long table (the ledger): its cells without a copy (columnCells). */
export const LEDGER_COLUMN: ArgReader<ColumnCells> = {
  read(value, field) {
    const given = readRequiredRange(value, field);
    return given.ok ? columnCells(value, field) : given;
  },
};

/** An optional column of a long table: undefined when omitted or wholly blank. */
export const OPTIONAL_LEDGER_COLUMN: ArgReader<ColumnCells | undefined> = {
  read(value, field) {
    return isBlankRange(value) ? ok(undefined) : columnCells(value, field);
  },
};

/** An optional single row or column: undefined when omitted or wholly blank. */
export const OPTIONAL_COLUMN: ArgReader<Cell[] | undefined> = {
  read(value, field) {
    return isBlankRange(value) ? ok(undefined) : readVector(value, field);
  },
};

/** A required block with a header row (a whole table, headers included): its rows. */
export const TABLE: ArgReader<Cell[][]> = {
  read(value, field) {
    if (!Array.isArray(value) || value.length < 1 || !Array.isArray(value[0])) return err(invalidInput(field, detail("tableRange")));
    return ok(value as Cell[][]);
  },
};

/** An optional table with a header row: undefined when omitted or blank. */
export const OPTIONAL_TABLE: ArgReader<Cell[][] | undefined> = {
  read(value, field) {
    return isBlankRange(value) ? ok(undefined) : TABLE.read(value, field);
  },
};

/** The as-of date (required: the add-in never reads the clock). Excel type any: a serial or date text ("2025-06-30"), which a number parameter would refuse. */
export const AS_OF: ArgReader<DayNumber> = { read: (value, field) => readAsOf(value, field) };

/** The Policy sheet's key/value range, or the shipped policy when omitted. */
export const POLICY: ArgReader<Policy> = { read: (value, field) => readPolicyArg(value, field) };

/** An optional TRUE/FALSE (yes/no), false when omitted. Excel type any: "yes", "是" and 1 are read as TRUE, which a boolean parameter would refuse. */
export const FLAG: ArgReader<boolean> = { read: (value, field) => readBoolean(value, field) };

/** An optional number with a default. */
export function numberOr(fallback: number): ArgReader<number> {
  return { read: (value, field) => (isBlank(value) ? ok(fallback) : readNumber(value, field)) };
}

/** One of a few words (case-insensitive), with a default when omitted. */
export function oneOf<W extends string>(words: readonly W[], fallback: W): ArgReader<W> {
  const expected = words.join(", ");
  return {
    read(value, field) {
      if (isBlank(value)) return ok(fallback);
      const t = readText(value, field);
      if (!t.ok) return t;
      const word = words.find((w) => w.toLowerCase() === t.value.toLowerCase());
      return word !== undefined ? ok(word) : err(invalidInput(field, detail("oneOf", { options: expected, got: t.value })));
    },
  };
}

/** The language of text results: "en-US" or "zh-CN" (also "en", "zh"); omitted, the runtime's (functionLanguage). */
export const LANGUAGE: ArgReader<Locale> = {
  read(value, field) {
    if (isBlank(value)) return ok(functionLanguage());
    const t = readText(value, field);
    if (!t.ok) return t;
    const tag = t.value.toLowerCase();
    if (tag === "en" || tag === "en-us") return ok("en-US");
    if (tag === "zh" || tag === "zh-cn" || tag === "zh-hans") return ok("zh-CN");
    return err(invalidInput(field, detail("oneOf", { options: "en-US, zh-CN", got: t.value })));
  },
};

// #region scalar kinds (issue 14: every family's arguments declared here, none read in a body)

/** A required number (numbers typed as text and percent text read as numbers). Excel type: number. */
export const NUMBER: ArgReader<number> = { read: (value, field) => readNumber(value, field) };

/** An optional number: undefined when omitted or blank (a basis or figure that is not given). */
export const MAYBE_NUMBER: ArgReader<number | undefined> = { read: (value, field) => (isBlank(value) ? ok(undefined) : readNumber(value, field)) };

/** A required name (an ID): text, a number read as its text; blank is "is missing". Excel type: string. */
export const NAME: ArgReader<string> = {
  read(value, field) {
    const t = readText(value, field);
    return t.ok && t.value === "" ? err(invalidInput(field, detail("missing"))) : t;
  },
};

/**
 * A number within [min, max] (either bound may be infinite); outside, an invalidInput error
 * whose detail `refusal` words from the value.
 * @example within(NUMBER, 0, 1, (v) => detail("between", { min: 0, max: 1, got: v })).read(2, "ratio") //=> err(invalidInput("ratio", detail("between", …)))
 */
export function within(reader: ArgReader<number>, min: number, max: number, refusal: (value: number) => Detail): ArgReader<number> {
  return {
    read(value, field) {
      const n = reader.read(value, field);
      return !n.ok || (n.value >= min && n.value <= max) ? n : err(invalidInput(field, refusal(n.value)));
    },
  };
}

/**
 * One of a few words (case-insensitive) with a default when omitted, refused as oneOf refuses
 * (errorDetail.oneOf: "must be one of a, b, c, got x"). Excel type: string.
 * @example choice(["AD", "AAA"] as const, "AD").read("aaa", "scale") //=> ok("AAA")
 */
export const choice = oneOf;

/** A reader from a cell-reading function `(value, field) => Result` (the adapters' readers). */
export function readerOf<T>(read: (value: Cell, field: Field) => Result<T>): ArgReader<T> {
  return { read };
}
// #endregion scalar kinds

// #region range kinds

/** Any cells as Excel hands them, null when omitted: for ranges a family reads row by row itself (ledger columns in parallel). */
export const CELLS: ArgReader<Cell> = { read: (value) => ok(value) };

/** A required range of the ledger, as Excel hands it: omitted (null or one blank cell) is refused naming it. */
export const RANGE: ArgReader<Cell> = { read: (value, field) => readRequiredRange(value, field) };

/** An optional range: undefined when omitted or wholly blank, else the cells as Excel hands them. */
export const OPTIONAL_RANGE: ArgReader<Cell | undefined> = { read: (value) => ok(isBlankRange(value) ? undefined : value) };

/**
 * A cell, row, column or block, as rows of cells (a scalar is a 1×1 block): results spill the same shape.
 * Excel type any[][]: a text cell is that cell's #VALUE! and a blank stays blank, where number[][] would refuse the whole call and hand a blank as 0.
 */
export const BLOCK: ArgReader<Cell[][]> = { read: (value) => ok(asMatrix(value)) };

/** A row or column of numbers, each required ("monthlySales row 3" names a refused cell). */
export const NUMBERS: ArgReader<number[]> = {
  read(value, field) {
    const cells = readVector(value, field);
    return cells.ok ? readAll(cells.value, field, readNumber) : cells;
  },
};

/**
 * A per-customer column whose cells are read with `cell` (an ArgReader or a reader function); spread reads its shape.
 * Excel type any[][]: a refused cell is its row's #VALUE!, a blank is "not given" (a default, a skipped basis), where number[][] would hand 0.
 */
export function perRow<T>(cell: ArgReader<T> | ((value: Cell, field: Field) => Result<T>)): ArgReader<PerRow<T>> {
  const read = typeof cell === "function" ? cell : (value: Cell, field: Field) => cell.read(value, field);
  return { read: (value) => ok(new PerRow(value, read)) };
}
/** A date, or undefined for a blank cell (a settlement date not given: not settled). */
export const MAYBE_DATE: ArgReader<DayNumber | undefined> = { read: (value, field) => (isBlank(value) ? ok(undefined) : readDate(value, field)) };

/**
 * A column of the ledger read in parallel with the call's other such columns (parallelRows): all
 * of one length, wholly blank rows skipped, each cell read with `cell` and named by its row
 * ("amounts row 12"). `given` checks the range itself first (RANGE: required); an omitted column
 * (null) is left out of the lengths and reads as blank cells.
 */
export class InParallel<T> {
  constructor(
    readonly value: Cell,
    readonly cell: (value: Cell, field: Field) => Result<T>,
  ) {}
}

/**
 * A ledger column whose cells are read with `cell`, its range checked by `given` (default: any, null when omitted).
 * Excel type any[][]: dates come as serials or text, and a wholly blank row is skipped, where number[][] would make it a row of zeros.
 */
export function parallel<T>(cell: ArgReader<T> | ((value: Cell, field: Field) => Result<T>), given: ArgReader<Cell> = CELLS): ArgReader<InParallel<T>> {
  const read = typeof cell === "function" ? cell : (value: Cell, field: Field) => cell.read(value, field);
  return {
    read(value, field) {
      const range = given.read(value, field);
      return range.ok ? ok(new InParallel(range.value, read)) : range;
    },
  };
}

type ParallelKeys<S> = { [K in keyof S]: S[K] extends InParallel<unknown> ? K : never }[keyof S] & string;
type ParallelRowOf<S> = { [K in ParallelKeys<S>]: S[K] extends InParallel<infer T> ? T : never };

/**
 * The InParallel columns of `args` (read by readCall) as ledger rows: the indices of the rows not
 * wholly blank, and each row's cells read in the declaration's order (the first refused cell's
 * error, naming its argument and row). Different lengths are refused as readLedgerColumns words it.
 */
export function parallelRows<S extends object>(args: S): Result<{ rows: number[]; row(i: number): Result<ParallelRowOf<S>>; fieldOf(name: ParallelKeys<S>, i: number): Field }> {
  const columns: [string, InParallel<unknown>][] = Object.entries(args).filter((e): e is [string, InParallel<unknown>] => e[1] instanceof InParallel);
  const cols = readLedgerColumns(Object.fromEntries(columns.map(([name, c]) => [name, c.value])));
  if (!cols.ok) return cols;
  return ok({
    rows: cols.value.rows,
    row(i) {
      const out: Record<string, unknown> = {};
      for (const [name, c] of columns) {
        const r = readRowCell(c.cell, cols.value.get(name, i), name, i);
        if (!r.ok) return r;
        out[name] = r.value;
      }
      return ok(out as ParallelRowOf<S>);
    },
    fieldOf: (name, i) => cellField(name, i),
  });
}
// #endregion range kinds

// #region calls: a custom function's arguments read (readCall), then its body, errors mapped once

/** What a cell of a result holds (never a Result: a row's Result is unwrapped by its reader). */
type Scalar = string | number | boolean;

/** The values a spec reads. */
export type Args<S extends Record<string, ArgReader<unknown>>> = { [K in keyof S]: ArgValue<S[K]> };

/** A scalar result: `args` read against `spec`, then `body`; a refused argument or a failed body is its Excel error (guard). */
export function valueOf<S extends Record<string, ArgReader<unknown>>, T extends Scalar>(spec: S, args: unknown[], body: (a: Args<S>) => Result<T>, first?: keyof S & string): T | ExcelError {
  return guard(() => {
    const a = readCall(spec, args, first);
    return a.ok ? body(a.value) : a;
  });
}

/** A spilled result: `args` read against `spec`, then `body`; a refused argument is one error cell (guardSpill). */
export function spillOf<S extends Record<string, ArgReader<unknown>>, T extends Scalar>(spec: S, args: unknown[], body: (a: Args<S>) => Result<Spill<T>>, first?: keyof S & string): Spill<T> {
  return guardSpill<T>(() => {
    const a = readCall(spec, args, first);
    return a.ok ? body(a.value) : a;
  });
}

/**
 * One row of `width` cells per customer: `args` read against `spec`, its perRow columns spread,
 * and `row` given each customer's cells read; a refused cell or a failed row fills its row with
 * the error.
 */
export function rowsOf<S extends Record<string, ArgReader<unknown>>, T extends Scalar>(
  spec: S,
  args: unknown[],
  width: number,
  row: (cells: RowOf<Args<S>>, a: Args<S>, fieldOf: (name: string) => Field) => Result<T[]>,
  first?: keyof S & string,
): Spill<T> {
  return spillOf(
    spec,
    args,
    (a) => {
      const cols = spread(a);
      if (!cols.ok) return cols;
      const out: Spill<T> = new Array(cols.value.n);
      for (let i = 0; i < cols.value.n; i++) {
        const cells = cols.value.row(i);
        const r = cells.ok ? row(cells.value, a, (name) => cols.value.fieldOf(name as never, i)) : cells;
        out[i] = r.ok ? r.value : new Array<ExcelError>(width).fill(cellOf<T>(r) as ExcelError);
      }
      return ok(out);
    },
    first,
  );
}
// #endregion calls
