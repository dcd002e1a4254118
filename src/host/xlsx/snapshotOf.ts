/**
 * The WorkbookSnapshot of an ExcelJS workbook (WorkbookPort.readWorkbook): every Excel table
 * with its column names and data rows (the totals row left out), and the used range of each
 * sheet that holds no table. Trailing blank rows are dropped (an empty Excel table keeps one
 * blank data row, which carries no data). Cell values go through toCellValue.
 * The table/range logic works on SheetCells, so that the ExcelJS workbook (snapshotOf) and the
 * package reader that skips ExcelJS (readPackageSnapshot) give the same snapshot.
 * @example snapshotOf(wb).tables[0] //=> { name: "Customers", sheet: "Customers", kind: "table", headerRow: 0, firstColumn: 0, headers: ["CustomerId", …], rows: [["C001", …]] }
 */
import type { Workbook, Worksheet } from "exceljs";
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue, OutputSheetMark, SourceTable, WorkbookSnapshot } from "../WorkbookPort";
import { parseA1Range, type CellRect } from "./cellAddress";
import { tableModelsOf, type TableModel } from "./excelJsInternals";
import { toCellValue } from "./toCellValue";

/** One sheet as the snapshot needs it: its tables and its cell values (0-based). */
export interface SheetCells {
  name: string;
  /** The sheet's visibility (`<sheet state=…>`, ExcelJS worksheet.state). */
  visibility: "visible" | "hidden" | "veryHidden";
  tables: TableModel[];
  /** The value of a cell (null when empty). */
  valueAt(row: number, column: number): CellValue;
  /** Every cell that holds a value, in any order. */
  forEachValue(visit: (row: number, column: number, value: CellValue) => void): void;
  /**
   * A reader that keeps each row as an array may hand a row starting at column 0 over to the
   * snapshot instead of having it copied (a million-row table is then held once, not twice):
   * the row's array, its empty cells null, when it has no value beyond `width` columns; else
   * undefined (the row is copied).
   */
  takeRow?(row: number, width: number): CellValue[] | undefined;
}

export function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Cell values of a rectangle, row by row. */
function readRect(sheet: SheetCells, rect: CellRect): CellValue[][] {
  const rows: CellValue[][] = [];
  const width = rect.right - rect.left + 1;
  for (let r = rect.top; r <= rect.bottom; r++) {
    const taken = rect.left === 0 ? sheet.takeRow?.(r, width) : undefined;
    if (taken) {
      rows.push(taken);
      continue;
    }
    const values: CellValue[] = new Array<CellValue>(width);
    for (let c = 0; c < width; c++) values[c] = sheet.valueAt(r, rect.left + c);
    rows.push(values);
  }
  while (rows.length > 0 && rows[rows.length - 1].every(isBlankValue)) rows.pop();
  return rows;
}

function headerText(value: CellValue): string {
  return value === null ? "" : String(value).trim();
}

/** The SourceTable field for a hidden sheet's table (absent for a visible one). */
function visibilityOf(sheet: SheetCells): Pick<SourceTable, "sheetVisibility"> {
  return sheet.visibility === "visible" ? {} : { sheetVisibility: sheet.visibility };
}

function tablesOfSheet(sheet: SheetCells): SourceTable[] {
  const tables: SourceTable[] = [];
  for (const model of sheet.tables) {
    const rect = parseA1Range(model.tableRef);
    if (!rect) continue;
    const width = rect.right - rect.left + 1;
    // A table without a header row (rare) starts with data; its "header" is the row above.
    const headerRow = model.headerRow ? rect.top : rect.top - 1;
    const headerCells = model.headerRow ? (readRect(sheet, { ...rect, bottom: rect.top })[0] ?? []) : [];
    // The table's own column names are authoritative (they are what Excel shows in the header).
    const headers = Array.from({ length: width }, (_, i) => model.columns[i]?.name ?? headerText(headerCells[i] ?? null));
    const lastDataRow = rect.bottom - (model.totalsRow ? 1 : 0);
    const rows = lastDataRow > headerRow ? readRect(sheet, { ...rect, top: headerRow + 1, bottom: lastDataRow }) : [];
    tables.push({ name: model.name, sheet: sheet.name, kind: "table", headerRow, firstColumn: rect.left, headers, rows, ...visibilityOf(sheet) });
  }
  return tables;
}

/** Bounding box of the cells that hold a value (styles alone do not count), 0-based. */
function usedRect(sheet: SheetCells): CellRect | undefined {
  let rect: CellRect | undefined;
  sheet.forEachValue((r, c, value) => {
    if (isBlankValue(value)) return;
    if (!rect) rect = { top: r, left: c, bottom: r, right: c };
    else {
      rect.top = Math.min(rect.top, r);
      rect.bottom = Math.max(rect.bottom, r);
      rect.left = Math.min(rect.left, c);
      rect.right = Math.max(rect.right, c);
    }
  });
  return rect;
}

function rangeOfSheet(sheet: SheetCells): SourceTable | undefined {
  const rect = usedRect(sheet);
  if (!rect) return undefined;
  const [headerCells, ...rows] = readRect(sheet, rect);
  return {
    name: sheet.name,
    sheet: sheet.name,
    kind: "range",
    headerRow: rect.top,
    firstColumn: rect.left,
    headers: headerCells.map(headerText),
    rows,
    ...visibilityOf(sheet),
  };
}

/**
 * The snapshot of sheets in tab order: each sheet's tables, or its used range when it has none;
 * `outputSheets`: the marked sheets (outputMarks), those among the sheets given.
 */
export function snapshotOfSheets(sheets: Iterable<SheetCells>, dateSystem: DateSystem, marks: readonly OutputSheetMark[] = []): WorkbookSnapshot {
  const names: string[] = [];
  const tables: SourceTable[] = [];
  for (const sheet of sheets) {
    names.push(sheet.name);
    const sheetTables = tablesOfSheet(sheet);
    if (sheetTables.length > 0) tables.push(...sheetTables);
    else {
      const range = rangeOfSheet(sheet);
      if (range) tables.push(range);
    }
  }
  const present = new Map(names.map((n) => [n.toLowerCase(), n]));
  const outputSheets = marks.flatMap((m) => {
    const sheet = present.get(m.sheet.toLowerCase());
    return sheet === undefined ? [] : [{ sheet, output: m.output }];
  });
  return { sheets: names, tables, dateSystem, outputSheets };
}

export function dateSystemOf(workbook: Workbook): DateSystem {
  return workbook.properties.date1904 ? "1904" : "1900";
}

/** SheetCells over an ExcelJS worksheet (ExcelJS rows and columns are 1-based). */
function excelJsSheetCells(worksheet: Worksheet, system: DateSystem): SheetCells {
  return {
    name: worksheet.name,
    visibility: worksheet.state === "hidden" || worksheet.state === "veryHidden" ? worksheet.state : "visible",
    tables: tableModelsOf(worksheet),
    valueAt(row, column) {
      const cell = worksheet.findRow(row + 1)?.findCell(column + 1);
      return cell ? toCellValue(cell.value, system) : null;
    },
    forEachValue(visit) {
      worksheet.eachRow((row, rowNumber) => {
        row.eachCell((cell, columnNumber) => visit(rowNumber - 1, columnNumber - 1, toCellValue(cell.value, system)));
      });
    },
  };
}

/** `marks`: the output marks the adapter keeps beside the ExcelJS model (ExcelJS drops constant defined names). */
export function snapshotOf(workbook: Workbook, marks: readonly OutputSheetMark[] = []): WorkbookSnapshot {
  const system = dateSystemOf(workbook);
  return snapshotOfSheets(
    workbook.worksheets.map((ws) => excelJsSheetCells(ws, system)),
    system,
    marks,
  );
}
