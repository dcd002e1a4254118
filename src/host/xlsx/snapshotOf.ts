/**
 * The WorkbookSnapshot of an ExcelJS workbook (WorkbookPort.readWorkbook): every Excel table
 * with its column names and data rows (the totals row left out), and the used range of each
 * sheet that holds no table. Trailing blank rows are dropped (an empty Excel table keeps one
 * blank data row, which carries no data). Cell values go through toCellValue.
 * @example snapshotOf(wb).tables[0] //=> { name: "Customers", sheet: "Customers", kind: "table", headerRow: 0, firstColumn: 0, headers: ["CustomerId", …], rows: [["C001", …]] }
 */
import type { Workbook, Worksheet } from "exceljs";
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../WorkbookPort";
import { parseA1Range, type CellRect } from "./cellAddress";
import { tableModelsOf } from "./excelJsInternals";
import { toCellValue } from "./toCellValue";

function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Cell values of a rectangle, row by row (0-based rect; ExcelJS is 1-based). */
function readRect(worksheet: Worksheet, rect: CellRect, system: DateSystem): CellValue[][] {
  const rows: CellValue[][] = [];
  const width = rect.right - rect.left + 1;
  for (let r = rect.top; r <= rect.bottom; r++) {
    const row = worksheet.findRow(r + 1);
    const values: CellValue[] = new Array<CellValue>(width).fill(null);
    if (row) {
      for (let c = 0; c < width; c++) {
        const cell = row.findCell(rect.left + c + 1);
        if (cell) values[c] = toCellValue(cell.value, system);
      }
    }
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1].every(isBlankValue)) rows.pop();
  return rows;
}

function headerText(value: CellValue): string {
  return value === null ? "" : String(value).trim();
}

function tablesOfSheet(worksheet: Worksheet, system: DateSystem): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const model of tableModelsOf(worksheet)) {
    const rect = parseA1Range(model.tableRef);
    if (!rect) continue;
    const width = rect.right - rect.left + 1;
    // A table without a header row (rare) starts with data; its "header" is the row above.
    const headerRow = model.headerRow ? rect.top : rect.top - 1;
    const headerCells = model.headerRow ? (readRect(worksheet, { ...rect, bottom: rect.top }, system)[0] ?? []) : [];
    // The table's own column names are authoritative (they are what Excel shows in the header).
    const headers = Array.from({ length: width }, (_, i) => model.columns[i]?.name ?? headerText(headerCells[i] ?? null));
    const lastDataRow = rect.bottom - (model.totalsRow ? 1 : 0);
    const rows = lastDataRow > headerRow ? readRect(worksheet, { ...rect, top: headerRow + 1, bottom: lastDataRow }, system) : [];
    tables.push({ name: model.name, sheet: worksheet.name, kind: "table", headerRow, firstColumn: rect.left, headers, rows });
  }
  return tables;
}

/** Bounding box of the cells that hold a value (styles alone do not count), 0-based. */
function usedRect(worksheet: Worksheet, system: DateSystem): CellRect | undefined {
  let rect: CellRect | undefined;
  worksheet.eachRow((row, rowNumber) => {
    row.eachCell((cell, columnNumber) => {
      if (isBlankValue(toCellValue(cell.value, system))) return;
      const r = rowNumber - 1;
      const c = columnNumber - 1;
      if (!rect) rect = { top: r, left: c, bottom: r, right: c };
      else {
        rect.top = Math.min(rect.top, r);
        rect.bottom = Math.max(rect.bottom, r);
        rect.left = Math.min(rect.left, c);
        rect.right = Math.max(rect.right, c);
      }
    });
  });
  return rect;
}

function rangeOfSheet(worksheet: Worksheet, system: DateSystem): SourceTable | undefined {
  const rect = usedRect(worksheet, system);
  if (!rect) return undefined;
  const [headerCells, ...rows] = readRect(worksheet, rect, system);
  return {
    name: worksheet.name,
    sheet: worksheet.name,
    kind: "range",
    headerRow: rect.top,
    firstColumn: rect.left,
    headers: headerCells.map(headerText),
    rows,
  };
}

export function dateSystemOf(workbook: Workbook): DateSystem {
  return workbook.properties.date1904 ? "1904" : "1900";
}

export function snapshotOf(workbook: Workbook): WorkbookSnapshot {
  const system = dateSystemOf(workbook);
  const sheets: string[] = [];
  const tables: SourceTable[] = [];
  for (const worksheet of workbook.worksheets) {
    sheets.push(worksheet.name);
    const sheetTables = tablesOfSheet(worksheet, system);
    if (sheetTables.length > 0) tables.push(...sheetTables);
    else {
      const range = rangeOfSheet(worksheet, system);
      if (range) tables.push(range);
    }
  }
  return { sheets, tables, dateSystem: system };
}
