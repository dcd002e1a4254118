/**
 * A1 addresses from the 0-based row/column indexes used by WorkbookPort.
 * @example a1(0, 27) //=> "AB1"
 */
import { columnLetter } from "../address";

/** Column letters of a 0-based column index (the host's one implementation). */
export const columnLetters = columnLetter;

/** A1 address of a 0-based row and column. @example a1(4, 1) //=> "B5" */
export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A1 range of a 0-based rectangle (inclusive corners). @example a1Range(1, 0, 9, 0) //=> "A2:A10" */
export function a1Range(top: number, left: number, bottom: number, right: number): string {
  return `${a1(top, left)}:${a1(bottom, right)}`;
}

export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const A1_CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** 0-based row/column of an A1 cell address, or undefined when it is not one. */
export function parseA1(address: string): { row: number; column: number } | undefined {
  return parseCellRef(address) ?? parseA1Slowly(address);
}

/**
 * The common shape of a cell reference, as a worksheet part writes it ("AB12": capital letters,
 * then digits, no `$` or spaces), read with a character loop: it is called for every cell of a
 * 1,000,000-row sheet, where the regular expression, trim and upper-casing took 2.5 s of a CLI
 * review (cpu-prof). Undefined for any other shape, which parseA1Slowly then reads.
 */
function parseCellRef(ref: string): { row: number; column: number } | undefined {
  let i = 0;
  let column = 0;
  for (; i < ref.length && i < 3; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const code = ref.charCodeAt(j);
    if (code < 48 || code > 57) return undefined;
    row = row * 10 + (code - 48);
  }
  return { row: row - 1, column: column - 1 };
}

function parseA1Slowly(address: string): { row: number; column: number } | undefined {
  const m = A1_CELL.exec(address.trim());
  if (!m) return undefined;
  let column = 0;
  for (const ch of m[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

/** 0-based rectangle of an A1 range ("B2:D10", or a single cell "B2"), or undefined. */
export function parseA1Range(range: string): CellRect | undefined {
  const [from, to = from] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}
