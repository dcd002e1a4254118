/**
 * The ledger the review functions read, kept between calls while its cells stay the same. A
 * what-if sheet hands the same Receivables columns to CREDIT.PAYMENTRECORD, DAYSLATE, POSITION
 * and EXPOSURE, and again at every recalculation after an edit elsewhere (a policy value, a
 * score): reading a million rows into the ledger each time would cost most of the sheet's
 * recalculation (issue 14, Done when 4). A call whose columns are equal, cell for cell (===), to
 * those a ledger was built from takes that ledger, its payment tallies and its open rows; the
 * check is one read of each column, without allocation. Nothing is guessed: any different cell
 * (or length, or set of columns) builds a new ledger. Two ledgers are kept (the behaviour
 * functions read four columns, the position functions more), the last used first.
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import type { Result } from "../engine/errors";
import { ok } from "../engine/errors";
import type { Ledger } from "../engine/receivables/Ledger";
import { openRowsAt, type OpenRows } from "../engine/receivables/openRowsAt";
import { paymentBehaviourTallies, type PaymentTallies } from "../engine/receivables/paymentBehaviour";
import { openPositions, type OpenPosition } from "../engine/review/openPositions";
import { cellAt, type ColumnCells } from "./columnCells";
import { checkedCells, LEDGER_COLUMNS, ledgerOfCells, type LedgerCells } from "./ledgerArgs";

export interface CachedLedger {
  readonly ledger: Ledger;
  /** The payment tallies at an as-of date (computed once per date). */
  tallies(asOf: DayNumber): PaymentTallies;
  /** The open rows at an as-of date, FIFO allocation of unapplied cash or not (computed once per pair). */
  openRows(asOf: DayNumber, fifoUnappliedCash: boolean): OpenRows;
  /** Each customer number's open position at an as-of date (openPositions over openRows; computed once per pair). */
  positions(asOf: DayNumber, fifoUnappliedCash: boolean): (c: number) => OpenPosition;
}

/**
 * A kept column's cells. A column of numbers (dates, amounts) is kept as a Float64Array, NaN where
 * the cell is not a number (that cell then in `others`), and a number cell is compared with it
 * after a typeof test. Measured (session 8, scratch script, 1M-row columns of new arrays as
 * JSON.parse gives them, a mix of integer, decimal and blank cells as in a ledger, median of 5 on
 * the loaded 2-core machine): amounts 27–31 ms and paid amounts 31–46 ms this way, against
 * 440–780 ms with one `cell !== x && (x === x || …)` test (the double read back boxed) and 17–315
 * ms for an array of kept cells (===).
 */
interface KeptColumn {
  readonly length: number;
  /** The number of each cell, NaN for a cell that is not a number (undefined: a column of text, all in `others`). */
  readonly numbers: Float64Array | undefined;
  readonly others: readonly unknown[];
}

type KeptCells = Partial<Record<keyof LedgerCells, KeptColumn>>;

interface Entry extends CachedLedger {
  kept: KeptCells;
}

const KEPT = 2;
const DERIVED_KEPT = 4;
const entries: Entry[] = [];

/** A checked column's cells kept (a copy: a host that reused an argument's array for new cells would otherwise compare the kept cells with themselves). */
function keep(column: ColumnCells): KeptColumn {
  const n = column.length;
  let numbers = 0;
  for (let i = 0; i < n; i++) if (typeof cellAt(column, i) === "number") numbers++;
  if (numbers * 2 < n) {
    const others = new Array<unknown>(n);
    for (let i = 0; i < n; i++) others[i] = cellAt(column, i);
    return { length: n, numbers: undefined, others };
  }
  const values = new Float64Array(n);
  const others = new Array<unknown>(n).fill(undefined);
  for (let i = 0; i < n; i++) {
    const cell = cellAt(column, i);
    if (typeof cell === "number" && cell === cell) values[i] = cell;
    else {
      values[i] = Number.NaN;
      others[i] = cell;
    }
  }
  return { length: n, numbers: values, others };
}

/**
 * Whether a kept column holds the same cells (===) as a given one, each row of an unchecked
 * column checked to be one cell in the same pass (a row that is not is a difference: the call
 * then reads the column, checkedColumn giving readVector's reading or error). One plain loop per
 * shape and kind, no allocation: this is the floor of a kept-ledger call (a pass per column).
 */
function sameCells(kept: KeptColumn, given: ColumnCells): boolean {
  if (kept.length !== given.length) return false;
  const { numbers, others } = kept;
  if (given.nested) return numbers === undefined ? sameNested(others, given.data) : sameNestedNumbers(numbers, others, given.data);
  return numbers === undefined ? sameFlat(others, given.data) : sameFlatNumbers(numbers, others, given.data);
}

function sameNested(kept: readonly unknown[], rows: readonly unknown[]): boolean {
  for (let i = 0; i < kept.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== 1 || row[0] !== kept[i]) return false;
  }
  return true;
}

function sameNestedNumbers(numbers: Float64Array, others: readonly unknown[], rows: readonly unknown[]): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const row = rows[i];
    if (!Array.isArray(row) || row.length !== 1) return false;
    const cell: unknown = row[0];
    // A number cell against the kept number; any other cell against the kept cell, where the
    // kept number is NaN (a kept NaN cell never matches: the ledger is read again, as it should be).
    if (typeof cell === "number") {
      if (cell !== numbers[i]) return false;
    } else if (cell !== others[i] || numbers[i] === numbers[i]) return false;
  }
  return true;
}

function sameFlat(kept: readonly unknown[], cells: readonly unknown[]): boolean {
  for (let i = 0; i < kept.length; i++) if (cells[i] !== kept[i]) return false;
  return true;
}

function sameFlatNumbers(numbers: Float64Array, others: readonly unknown[], cells: readonly unknown[]): boolean {
  for (let i = 0; i < numbers.length; i++) {
    const cell = cells[i];
    if (typeof cell === "number") {
      if (cell !== numbers[i]) return false;
    } else if (cell !== others[i] || numbers[i] === numbers[i]) return false;
  }
  return true;
}

/**
 * Whether a ledger built from `have` serves a call given `want`: every column of `want` is in
 * `have` with the same cells; with `exact`, `have` has no other column either (the open amounts
 * depend on PaidAmount, OpenAmount and Disputed, payment behaviour on none of them). The columns
 * present are matched first (cheap), the cells after.
 */
function serves(have: KeptCells, want: LedgerCells, exact: boolean): boolean {
  for (const name of LEDGER_COLUMNS) {
    const w = want[name];
    const h = have[name];
    if (w === undefined ? exact && h !== undefined : h === undefined || h.length !== w.length) return false;
  }
  for (const name of LEDGER_COLUMNS) {
    const w = want[name];
    const h = have[name];
    if (w !== undefined && h !== undefined && !sameCells(h, w)) return false;
  }
  return true;
}

function remember<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size >= DERIVED_KEPT) map.delete(map.keys().next().value as K);
    map.set(key, value);
  }
  return value;
}

/** A ledger with its figures at an as-of date computed once each (the last DERIVED_KEPT dates): what a kept ledger and a CREDIT.LEDGER handle hold. */
export function withDerived(ledger: Ledger): CachedLedger {
  const tallies = new Map<DayNumber, PaymentTallies>();
  const open = new Map<string, OpenRows>();
  const positions = new Map<string, (c: number) => OpenPosition>();
  const openRows = (asOf: DayNumber, fifo: boolean): OpenRows => remember(open, `${asOf}|${fifo}`, () => openRowsAt(ledger, asOf, { fifoUnappliedCash: fifo }));
  return {
    ledger,
    tallies: (asOf) => remember(tallies, asOf, () => paymentBehaviourTallies(ledger, asOf)),
    openRows,
    positions: (asOf, fifo) => remember(positions, `${asOf}|${fifo}`, () => openPositions(ledger, openRows(asOf, fifo), asOf)),
  };
}

function entryOf(kept: KeptCells, ledger: Ledger): Entry {
  return { kept, ...withDerived(ledger) };
}

/**
 * The ledger of these columns: the one kept when it serves them (see serves; `exact` for the
 * position functions), else a new one read by ledgerOfCells (its error, naming the cell, when a
 * cell is refused).
 */
export function cachedLedger(cells: LedgerCells, exact: boolean): Result<CachedLedger> {
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    if (serves(entry.kept, cells, exact)) {
      if (k > 0) entries.unshift(...entries.splice(k, 1));
      return ok(entry);
    }
  }
  const checked = checkedCells(cells);
  if (!checked.ok) return checked;
  const built = ledgerOfCells(checked.value);
  if (!built.ok) return built;
  const kept: KeptCells = {};
  for (const name of LEDGER_COLUMNS) {
    const column = checked.value[name];
    if (column !== undefined) kept[name] = keep(column);
  }
  const entry = entryOf(kept, built.value);
  entries.unshift(entry);
  if (entries.length > KEPT) entries.pop();
  return ok(entry);
}

/** Forget the kept ledgers (tests). */
export function clearLedgerCache(): void {
  entries.length = 0;
}
