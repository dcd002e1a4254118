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
import { cellsOf, flatColumn, type ColumnCells } from "./columnCells";
import { LEDGER_COLUMNS, ledgerOfCells, type LedgerCells } from "./ledgerArgs";

export interface CachedLedger {
  readonly ledger: Ledger;
  /** The payment tallies at an as-of date (computed once per date). */
  tallies(asOf: DayNumber): PaymentTallies;
  /** The open rows at an as-of date, FIFO allocation of unapplied cash or not (computed once per pair). */
  openRows(asOf: DayNumber, fifoUnappliedCash: boolean): OpenRows;
}

interface Entry extends CachedLedger {
  cells: LedgerCells;
}

const KEPT = 2;
const DERIVED_KEPT = 4;
const entries: Entry[] = [];

/** Whether a kept column (flat) holds the same cells as a given one. */
function sameCells(kept: ColumnCells, given: ColumnCells): boolean {
  if (kept.length !== given.length) return false;
  const cells = kept.data;
  if (given.nested) {
    const rows = given.data as readonly (readonly unknown[])[];
    for (let i = 0; i < cells.length; i++) if (cells[i] !== rows[i][0]) return false;
  } else {
    for (let i = 0; i < cells.length; i++) if (cells[i] !== given.data[i]) return false;
  }
  return true;
}

/**
 * Whether a ledger built from `have` serves a call given `want`: every column of `want` is in
 * `have` with the same cells; with `exact`, `have` has no other column either (the open amounts
 * depend on PaidAmount, OpenAmount and Disputed, payment behaviour on none of them).
 */
function serves(have: LedgerCells, want: LedgerCells, exact: boolean): boolean {
  for (const name of LEDGER_COLUMNS) {
    const w = want[name];
    const h = have[name];
    if (w === undefined) {
      if (exact && h !== undefined) return false;
      continue;
    }
    if (h === undefined || !sameCells(h, w)) return false;
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

function entryOf(cells: LedgerCells, ledger: Ledger): Entry {
  const tallies = new Map<DayNumber, PaymentTallies>();
  const open = new Map<string, OpenRows>();
  return {
    cells,
    ledger,
    tallies: (asOf) => remember(tallies, asOf, () => paymentBehaviourTallies(ledger, asOf)),
    openRows: (asOf, fifo) => remember(open, `${asOf}|${fifo}`, () => openRowsAt(ledger, asOf, { fifoUnappliedCash: fifo })),
  };
}

/**
 * The ledger of these columns: the one kept when it serves them (see serves; `exact` for the
 * position functions), else a new one read by ledgerOfCells (its error, naming the cell, when a
 * cell is refused).
 */
export function cachedLedger(cells: LedgerCells, exact: boolean): Result<CachedLedger> {
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    if (serves(entry.cells, cells, exact)) {
      if (k > 0) entries.unshift(...entries.splice(k, 1));
      return ok(entry);
    }
  }
  const built = ledgerOfCells(cells);
  if (!built.ok) return built;
  // Copies of the columns: a host that reused an argument's array for new cells would otherwise
  // compare the kept cells with themselves.
  const kept: LedgerCells = { ...cells };
  for (const name of LEDGER_COLUMNS) {
    const column = cells[name];
    if (column !== undefined) kept[name] = flatColumn(cellsOf(column));
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
