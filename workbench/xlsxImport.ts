/**
 * An .xlsx file's bytes as a MemoryWorkbook, in the browser. The xlsx adapter's XlsxWorkbook
 * needs Node (fs, zlib, Buffer), so the workbench loads the file with ExcelJS's browser build and
 * reuses the adapter's pure parts: `snapshotOf` finds the tables and used ranges exactly as the
 * CLI does, `toCellValue` turns cells into values (dates → serials, formulas → cached results).
 * Every cell's value is copied, then each Excel table is declared over its cells. ExcelJS's
 * reading of table parts is repaired as the CLI repairs it (repairTablesFrom: a table part without
 * headerRowCount, as Excel and our own writer save them, has a header row).
 */
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import { MemoryWorkbook } from "../src/host/memory/MemoryWorkbook";
import type { CellValue } from "../src/host/WorkbookPort";
import { isTablePart, repairTablesFrom } from "../src/host/xlsx/repairLoadedTables";
import { dateSystemOf, snapshotOf } from "../src/host/xlsx/snapshotOf";
import { toCellValue } from "../src/host/xlsx/toCellValue";

export async function importXlsx(bytes: ArrayBuffer): Promise<MemoryWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch (e) {
    throw new Error(`not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})`);
  }
  const tableParts = unzipSync(new Uint8Array(bytes), { filter: (file) => isTablePart(file.name) });
  repairTablesFrom(workbook, Object.values(tableParts).map((part) => strFromU8(part)));
  const system = dateSystemOf(workbook);
  const snapshot = snapshotOf(workbook);
  const memory = new MemoryWorkbook({ dateSystem: snapshot.dateSystem });
  for (const worksheet of workbook.worksheets) {
    const grid: CellValue[][] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const values: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
        values[columnNumber - 1] = toCellValue(cell.value, system);
      });
      grid[rowNumber - 1] = Array.from({ length: values.length }, (_, i) => values[i] ?? null);
    });
    // Creates the sheet even when it is empty, so every tab shows.
    memory.setCells(worksheet.name, 0, 0, [[null]]);
    grid.forEach((row, r) => {
      if (row) memory.setCells(worksheet.name, r, 0, [row]);
    });
  }
  for (const table of snapshot.tables) {
    if (table.kind !== "table") continue;
    memory.addTable({
      sheet: table.sheet,
      name: table.name,
      headers: table.headers,
      rows: table.rows,
      headerRow: table.headerRow,
      firstColumn: table.firstColumn,
    });
  }
  return memory;
}
