/**
 * An .xlsx file's sheets and tables as plain data (structured-cloneable), read with ExcelJS's
 * browser build. It runs in the import worker (importWorker.ts) so that parsing a big file never
 * blocks the page; the main thread turns the result into a MemoryWorkbook (xlsxImport.ts). The
 * xlsx adapter's XlsxWorkbook needs Node (fs, zlib, Buffer), so this reuses its pure parts:
 * `snapshotOf` finds the tables and used ranges exactly as the CLI does, `toCellValue` turns cells
 * into values (dates → serials, formulas → cached results), and ExcelJS's reading of table parts
 * is repaired as the CLI repairs it (repairTablesFrom: a table part without headerRowCount, as
 * Excel and our own writer save them, has a header row).
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { DateSystem } from "../src/engine/dates/dayNumber";
import type { CellValue } from "../src/host/WorkbookPort";
import { isTablePart, repairTablesFrom } from "../src/host/xlsx/repairLoadedTables";
import { dateSystemOf, snapshotOf } from "../src/host/xlsx/snapshotOf";
import { toCellValue } from "../src/host/xlsx/toCellValue";

/** An Excel table: where it is; its rows are the grid's cells below the header. */
export interface ImportedTable {
  sheet: string;
  name: string;
  headers: string[];
  headerRow: number;
  firstColumn: number;
  rowCount: number;
}

export interface ImportedBook {
  dateSystem: DateSystem;
  /** Every worksheet in order, its used cells as rows (an empty sheet has no rows). */
  sheets: { name: string; grid: CellValue[][] }[];
  tables: ImportedTable[];
}

/** Stages the reader reports, in order (the workbench shows them as its status). */
export type ImportStage = "unzipping" | "cells" | "tables";

export async function readXlsx(bytes: ArrayBuffer, onStage: (stage: ImportStage) => void = () => undefined): Promise<ImportedBook> {
  onStage("unzipping");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    throw new Error(`not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})`);
  }
  const tableParts = unzipSync(new Uint8Array(bytes), { filter: (file) => isTablePart(file.name) });
  repairTablesFrom(workbook, Object.values(tableParts).map((part) => strFromU8(part)));
  onStage("cells");
  const system = dateSystemOf(workbook);
  const sheets = workbook.worksheets.map((worksheet) => {
    const grid: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        values[columnNumber - 1] = toCellValue(cell.value, system);
      });
      grid[rowNumber - 1] = Array.from({ length: values.length }, (_, i) => values[i] ?? null);
    });
    // Rows without cells are holes: fill them, so the grid clones as a plain array.
    for (let r = 0; r < grid.length; r++) grid[r] ??= [];
    return { name: worksheet.name, grid };
  });
  onStage("tables");
  const snapshot = snapshotOf(workbook);
  const tables = snapshot.tables
    .filter((t) => t.kind === "table")
    .map((t): ImportedTable => ({ sheet: t.sheet, name: t.name, headers: t.headers, headerRow: t.headerRow, firstColumn: t.firstColumn, rowCount: t.rows.length }));
  return { dateSystem: snapshot.dateSystem, sheets, tables };
}
