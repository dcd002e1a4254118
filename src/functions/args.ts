/**
 * Readers for Excel custom-function arguments: they turn what Excel hands over (null for an
 * omitted optional argument, "" for a blank cell, numbers typed as text, 2-D ranges, serial
 * dates) into clean engine inputs, or an invalidInput error naming the argument (and row).
 */
import { err, invalidInput, ok, type Result } from "../engine/errors";
import { toDayNumber, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import { isBlank, readBoolean, readNumber, readText } from "../engine/values";

export type Cell = unknown;

// The cell readers are the engine's (src/engine/values), shared with the host's table readers.
export { isBlank, readNumber, readText, readBoolean };

/** An optional number: the default when omitted (null) or blank. */
export function readOptionalNumber(value: Cell, fallback: number, field: string): Result<number> {
  return isBlank(value) ? ok(fallback) : readNumber(value, field);
}

/** A number from a cell where blank counts as 0 (characteristic scores: blank = no information). */
export function readNumberOrZero(value: Cell, field: string): Result<number> {
  return isBlank(value) ? ok(0) : readNumber(value, field);
}

/** An optional text: the fallback when omitted or blank. */
export function readOptionalText(value: Cell, fallback: string, field: string): Result<string> {
  return isBlank(value) ? ok(fallback) : readText(value, field);
}

/** A date from a cell: Excel serial, ISO or M/D/YYYY text. */
export function readDate(value: Cell, field: string, system: DateSystem = "1900"): Result<DayNumber> {
  if (isBlank(value)) return err(invalidInput(field, "is missing"));
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
export function readVector(value: Cell, field: string): Result<Cell[]> {
  // One plain loop: a ledger column of 100k rows is read without a callback or copy per row.
  if (!Array.isArray(value)) return ok([value]);
  if (value.length === 1) return ok(Array.isArray(value[0]) ? value[0] : [value[0]]);
  const cells: Cell[] = new Array<Cell>(value.length);
  for (let i = 0; i < value.length; i++) {
    const row: unknown = value[i];
    if (!Array.isArray(row)) cells[i] = row;
    else if (row.length === 1) cells[i] = row[0];
    else return err(invalidInput(field, `must be a single row or column, got ${value.length}×${row.length}`));
  }
  return ok(cells);
}

/** Field name for a cell inside a range argument, 1-based as the user counts. */
export function cellField(arg: string, index: number): string {
  return `${arg} row ${index + 1}`;
}

/** Read every element of a vector with `read`, stopping at the first error (which names the row). */
export function readAll<T>(cells: Cell[], arg: string, read: (v: Cell, field: string) => Result<T>): Result<T[]> {
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
    if (len !== n) return err(invalidInput(name, `has ${len} rows but ${firstName} has ${n}`));
  }
  return ok(n);
}

/**
 * An argument that must be given as a range: an error naming it when it is omitted. Excel hands an
 * omitted range argument (=CREDIT.AGING(,,45838)) as null or as [[null]] (one blank cell), and
 * both are refused; a longer range of blank cells is a given, empty range.
 * @example readRequiredRange(null, "amounts") //=> err(invalidInput("amounts", "is required: give a range (a column of the ledger)"))
 */
export function readRequiredRange(value: Cell, field: string, what = "a column of the ledger"): Result<Cell> {
  const omitted = isBlank(value) || (Array.isArray(value) && value.length === 1 && (Array.isArray(value[0]) ? value[0].length === 1 && isBlank(value[0][0]) : isBlank(value[0])));
  return omitted ? err(invalidInput(field, `is required: give a range (${what})`)) : ok(value);
}

/**
 * The same result with its error's field set to `field` (the Excel argument and row), for engine
 * errors that name the value by its own name ("composite %").
 * @example withField(err(outOfRange("composite %", "must be 0..100, got 120")), "compositeScore row 3") //=> err(outOfRange("compositeScore row 3", …))
 */
export function withField<T>(result: Result<T>, field: string): Result<T> {
  if (result.ok || !("field" in result.error)) return result;
  return { ok: false, error: { ...result.error, field } };
}
