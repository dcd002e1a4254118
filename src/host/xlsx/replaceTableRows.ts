/**
 * Replace the data rows of an Excel table on an ExcelJS worksheet in place (WorkbookPort
 * updateTableRows, the policy save): the table keeps its sheet, name, header, columns and
 * style; it grows or shrinks to the rows given (at least one data row, as Excel requires, blank
 * when none is given), and a totals row moves with its end. Cells the table no longer covers are
 * emptied; new rows take the number formats of the first data row. Growing never overwrites a
 * cell of the user's below the table: that is an error, and nothing is changed. Strings are
 * written as text, never as formulas, whatever they start with (`= + - @`).
 * Answers an error message, or undefined when done.
 * @example replaceTableRows(policySheet, "Policy", [["gradeA", 80], ["gradeB", 60]]) //=> undefined
 */
import type { Cell, Worksheet } from "exceljs";
import type { CellValue } from "../WorkbookPort";
import { a1, a1Range, parseA1Range } from "./cellAddress";
import { setTableRange, tableModelsOf } from "./excelJsInternals";

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32767;

function safeValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  return value;
}

function isEmptyCell(cell: Cell): boolean {
  const value: unknown = cell.value;
  return value === null || value === undefined || value === "";
}

export function replaceTableRows(worksheet: Worksheet, tableName: string, rows: readonly CellValue[][]): string | undefined {
  const model = tableModelsOf(worksheet).find((t) => t.name.toLowerCase() === tableName.toLowerCase());
  const rect = model ? parseA1Range(model.tableRef) : undefined;
  if (!model || !rect) return `table ${tableName} is not on sheet ${worksheet.name}`;
  const width = rect.right - rect.left + 1;
  const firstData = model.headerRow ? rect.top + 1 : rect.top; // 0-based sheet rows
  const oldEnd = rect.bottom - (model.totalsRow ? 1 : 0); // last data row (0-based)
  const count = Math.max(1, rows.length);
  const newEnd = firstData + count - 1;
  const newBottom = newEnd + (model.totalsRow ? 1 : 0);
  const cell = (row: number, column: number): Cell => worksheet.getCell(row + 1, rect.left + column + 1);

  // Rows the table newly covers must be empty (Excel would refuse to move a user's cells).
  for (let r = rect.bottom + 1; r <= newBottom; r++) {
    for (let c = 0; c < width; c++) if (!isEmptyCell(cell(r, c))) return `table ${model.name} cannot grow to ${count} rows: cell ${a1(r, rect.left + c)} below it holds data`;
  }

  const totals = model.totalsRow ? Array.from({ length: width }, (_, c) => ({ value: cell(rect.bottom, c).value, style: { ...cell(rect.bottom, c).style } })) : [];
  const formats = Array.from({ length: width }, (_, c) => cell(firstData, c).numFmt);
  if (model.totalsRow) for (let c = 0; c < width; c++) cell(rect.bottom, c).value = null;
  for (let r = 0; r < count; r++) {
    const values = rows[r] ?? [];
    for (let c = 0; c < width; c++) {
      const target = cell(firstData + r, c);
      target.value = safeValue(values[c]);
      if (firstData + r > oldEnd && formats[c]) target.numFmt = formats[c];
    }
  }
  for (let r = newEnd + 1; r <= rect.bottom; r++) {
    if (r === newBottom) continue;
    for (let c = 0; c < width; c++) {
      const stale = cell(r, c);
      stale.value = null;
      stale.style = {};
    }
  }
  if (model.totalsRow) {
    totals.forEach((t, c) => {
      const target = cell(newBottom, c);
      target.value = t.value;
      target.style = t.style;
    });
  }
  const headerTop = model.headerRow ? rect.top : firstData;
  setTableRange(worksheet, model.name, a1Range(rect.top, rect.left, newBottom, rect.right), a1Range(headerTop, rect.left, newEnd, rect.right));
  return undefined;
}
