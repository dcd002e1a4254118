/**
 * A column argument read without copying it: Excel hands a column range as n rows of one cell
 * each; a million-row ledger column copied into a flat array on every call cost more than the
 * work done on it (issue 14). `data` is the range as given and `nested` says whether cell i is
 * data[i][0] (a column) or data[i] (a row, or a flat list).
 *
 * A long column is taken as a column when its first row is one cell, and its other rows are
 * checked when it is first read (checkedColumn): a call whose ledger is kept compares each row
 * with the kept cells in the same pass as it checks its shape (ledgerCache), instead of a pass
 * for the shape and another for the cells (each a pointer chase through a million row arrays).
 * @example cellAt(columnCells([[1], [2]], "amounts").value, 1) //=> 2
 */
import { type Field, ok, type Result } from "../engine/errors";
import { readVector, type Cell } from "./args";

export interface ColumnCells {
  readonly length: number;
  readonly nested: boolean;
  readonly data: readonly unknown[];
  /**
   * false: a nested column of which only the first row has been checked to be one cell; read its
   * cells only through checkedColumn (which also gives readVector's error or flat reading).
   */
  readonly checked: boolean;
  /** The argument's name, for the error of checkedColumn. */
  readonly field: Field;
}

/** Cell i of a checked column. */
export function cellAt(column: ColumnCells, i: number): Cell {
  return column.nested ? (column.data[i] as readonly unknown[])[0] : column.data[i];
}

/** A flat list as a column. */
export function flatColumn(cells: readonly Cell[], field: Field = ""): ColumnCells {
  return { length: cells.length, nested: false, data: cells, checked: true, field };
}

const isOneCell = (row: unknown): boolean => Array.isArray(row) && row.length === 1;

/**
 * The cells of a single row or column range (readVector's shapes and errors), without a copy of a
 * column. A range whose first row is one cell is taken as a column unchecked (see checkedColumn).
 */
export function columnCells(value: Cell, field: Field): Result<ColumnCells> {
  if (Array.isArray(value) && value.length > 1 && isOneCell(value[0])) return ok({ length: value.length, nested: true, data: value, checked: false, field });
  const cells = readVector(value, field);
  return cells.ok ? ok(flatColumn(cells.value, field)) : cells;
}

/** The column with every row checked: as given when each row is one cell, else readVector's reading (flat) or its error. */
export function checkedColumn(column: ColumnCells): Result<ColumnCells> {
  if (column.checked) return ok(column);
  const rows = column.data;
  let column1 = true;
  for (let i = 0; i < rows.length; i++) {
    if (!isOneCell(rows[i])) {
      column1 = false;
      break;
    }
  }
  if (column1) return ok({ ...column, checked: true });
  const cells = readVector(rows as Cell, column.field);
  return cells.ok ? ok(flatColumn(cells.value, column.field)) : cells;
}

/** The cells of a checked column as a flat list (a copy). */
export function cellsOf(column: ColumnCells): Cell[] {
  const out = new Array<Cell>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = cellAt(column, i);
  return out;
}
