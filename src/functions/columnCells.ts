/**
 * A column argument read without copying it: Excel hands a column range as n rows of one cell
 * each; a million-row ledger column copied into a flat array on every call cost more than the
 * work done on it (issue 14). `data` is the range as given and `nested` says whether cell i is
 * data[i][0] (a column) or data[i] (a row, or a flat list).
 * @example cellAt(columnCells([[1], [2]], "amounts").value, 1) //=> 2
 */
import { ok, type Result } from "../engine/errors";
import { readVector, type Cell } from "./args";

export interface ColumnCells {
  readonly length: number;
  readonly nested: boolean;
  readonly data: readonly unknown[];
}

/** Cell i of a column. */
export function cellAt(column: ColumnCells, i: number): Cell {
  return column.nested ? (column.data[i] as readonly unknown[])[0] : column.data[i];
}

/** A flat list as a column. */
export function flatColumn(cells: readonly Cell[]): ColumnCells {
  return { length: cells.length, nested: false, data: cells };
}

/** The cells of a single row or column range (readVector's shapes and errors), without a copy of a column. */
export function columnCells(value: Cell, field: string): Result<ColumnCells> {
  if (Array.isArray(value) && value.length > 1) {
    let column = true;
    for (let i = 0; i < value.length; i++) {
      const row: unknown = value[i];
      if (!Array.isArray(row) || row.length !== 1) {
        column = false;
        break;
      }
    }
    if (column) return ok({ length: value.length, nested: true, data: value });
  }
  const cells = readVector(value, field);
  return cells.ok ? ok(flatColumn(cells.value)) : cells;
}

/** The cells of a column as a flat list (a copy). */
export function cellsOf(column: ColumnCells): Cell[] {
  const out = new Array<Cell>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = cellAt(column, i);
  return out;
}
