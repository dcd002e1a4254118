/**
 * The workbench's sheets as .xlsx bytes, where this code runs (the export worker, or the page
 * without workers). A sheet written through writeSheets is rendered from its SheetSpec by the
 * xlsx adapter's own `writeSheet` (tables, number formats, conditional formats, validations,
 * frozen rows), so the download looks like the CLI's output; an imported sheet (no spec) is
 * written as plain values. Progress: "sheets" (the share of rows laid out so far), then "zipping".
 */
import ExcelJS from "exceljs";
import { writeSheet } from "../src/host/xlsx/writeSheet";
import type { CellValue, SheetSpec } from "../src/host/WorkbookPort";

/** A sheet to export: its spec when the review wrote it, else its grid of values. */
export type ExportSheet = { name: string; spec: SheetSpec } | { name: string; grid: CellValue[][] };

export type ExportStage = "sheets" | "zipping";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExportBook {
  dateSystem: "1900" | "1904";
  sheets: ExportSheet[];
}

/** Rows an export sheet holds (its tables' rows, or its grid's). */
export function rowsOf(sheet: ExportSheet): number {
  return "spec" in sheet ? sheet.spec.tables.reduce((n, t) => n + t.rows.length, 0) : sheet.grid.length;
}

export async function writeXlsx(book: ExportBook, onProgress: (stage: ExportStage, fraction: number) => void = () => undefined): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Credit Desk workbench";
  if (book.dateSystem === "1904") workbook.properties.date1904 = true;
  const usedTableNames = new Set<string>();
  const total = book.sheets.reduce((n, s) => n + rowsOf(s), 0);
  let done = 0;
  for (const sheet of book.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    if ("spec" in sheet) writeSheet(worksheet, sheet.spec, { usedTableNames });
    else writeGrid(worksheet, sheet.grid);
    done += rowsOf(sheet);
    onProgress("sheets", total === 0 ? 1 : done / total);
  }
  onProgress("zipping", 0);
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  onProgress("zipping", 1);
  // A fresh ArrayBuffer of the file's length: writeBuffer's may be a view on a larger one.
  const bytes = new ArrayBuffer(written.byteLength);
  new Uint8Array(bytes).set(written);
  return bytes;
}

function writeGrid(worksheet: ExcelJS.Worksheet, grid: readonly CellValue[][]): void {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r]!;
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value !== null && value !== undefined) worksheet.getCell(r + 1, c + 1).value = value;
    }
  }
}
