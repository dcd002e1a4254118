/**
 * A1 addresses from 0-based sheet coordinates, and back. Excel's grid is 1,048,576 rows by
 * 16,384 columns (A..XFD); anything outside is a programmer error and throws a RangeError.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based. */
export interface CellRect {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

function checkIndex(value: number, limit: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= limit) {
    throw new RangeError(`${what} ${value} is outside 0..${limit - 1}`);
  }
}

/**
 * Column letters of a 0-based column index (bijective base 26).
 * @example columnLetter(0) //=> "A"
 * @example columnLetter(26) //=> "AA"
 * @example columnLetter(16383) //=> "XFD"
 */
export function columnLetter(column: number): string {
  checkIndex(column, MAX_COLUMNS, "Column");
  let n = column + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/**
 * 0-based column index of column letters (case-insensitive).
 * @example columnIndex("AA") //=> 26
 */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  checkIndex(n - 1, MAX_COLUMNS, "Column");
  return n - 1;
}

/**
 * A1 address of one cell.
 * @example cellAddress(0, 0) //=> "A1"
 * @example cellAddress(9, 27) //=> "AB10"
 */
export function cellAddress(row: number, column: number): string {
  checkIndex(row, MAX_ROWS, "Row");
  return `${columnLetter(column)}${row + 1}`;
}

/**
 * A1 address of a rectangle; a single cell gives the one-cell form.
 * @example rangeAddress({ row: 0, column: 0, rowCount: 3, columnCount: 2 }) //=> "A1:B3"
 * @example rangeAddress({ row: 4, column: 2, rowCount: 1, columnCount: 1 }) //=> "C5"
 */
export function rangeAddress(rect: CellRect): string {
  const { row, column, rowCount, columnCount } = rect;
  if (!Number.isInteger(rowCount) || !Number.isInteger(columnCount) || rowCount < 1 || columnCount < 1) {
    throw new RangeError(`A range needs at least one row and one column (got ${rowCount}x${columnCount})`);
  }
  const first = cellAddress(row, column);
  if (rowCount === 1 && columnCount === 1) return first;
  return `${first}:${cellAddress(row + rowCount - 1, column + columnCount - 1)}`;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; column: number } {
  const m = CELL.exec(text);
  if (!m) throw new RangeError(`"${text}" is not an A1 cell address`);
  const row = Number(m[2]) - 1;
  checkIndex(row, MAX_ROWS, "Row");
  return { row, column: columnIndex(m[1]) };
}

/**
 * The rectangle of an A1 address, as Office.js returns it: optional sheet prefix
 * (`Sheet1!` or `'My sheet'!`), optional `$` anchors, one cell or two corners.
 * @example parseRangeAddress("'Credit Review'!$B$2:D10") //=> { row: 1, column: 1, rowCount: 9, columnCount: 3 }
 */
export function parseRangeAddress(address: string): CellRect {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a, b, extra] = local.split(":");
  if (extra !== undefined) throw new RangeError(`"${address}" is not an A1 range address`);
  const start = parseCell(a);
  const end = b === undefined ? start : parseCell(b);
  const row = Math.min(start.row, end.row);
  const column = Math.min(start.column, end.column);
  return {
    row,
    column,
    rowCount: Math.abs(end.row - start.row) + 1,
    columnCount: Math.abs(end.column - start.column) + 1,
  };
}
