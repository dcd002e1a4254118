/**
 * An .xlsx file as HyperFormula input: each sheet's cells as a 2-D array of values and formulas
 * ("=…"), its defined names, and the values Excel (or the writer) cached for the formula cells.
 * Plain values go through the xlsx adapter's own `toCellValue` (dates → 1900-system serials),
 * so the sheets hold exactly what the CLI would read.
 */
import ExcelJS from "exceljs";
import type { RawCellContent, Sheets } from "hyperformula";
import { toCellValue } from "../../src/host/xlsx/toCellValue";
import type { CellValue } from "../../src/host/WorkbookPort";

export interface XlsxAsSheets {
  sheets: Sheets;
  /** Defined names as written in the file: name → reference, e.g. AsOfDate → 'Aging Report'!$B$2. */
  definedNames: Map<string, string>;
  /** Cached results of formula cells, by "Sheet!A1" (absent when the writer stored none). */
  cached: Map<string, CellValue>;
  formulaCount: number;
}

export async function xlsxToSheets(file: string): Promise<XlsxAsSheets> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Sheets = {};
  const cached = new Map<string, CellValue>();
  let formulaCount = 0;
  workbook.eachSheet((worksheet) => {
    const grid: RawCellContent[][] = [];
    worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: RawCellContent[] = [];
      row.eachCell({ includeEmpty: true }, (cell, columnNumber) => {
        if (cell.type === ExcelJS.ValueType.Formula) {
          formulaCount++;
          cells[columnNumber - 1] = `=${cell.formula}`;
          const result = toCellValue(cell.result, "1900");
          if (result !== null) cached.set(`${worksheet.name}!${cell.address}`, result);
        } else {
          cells[columnNumber - 1] = toCellValue(cell.value, "1900");
        }
      });
      grid[rowNumber - 1] = Array.from({ length: cells.length }, (_, i) => cells[i] ?? null);
    });
    sheets[worksheet.name] = Array.from({ length: grid.length }, (_, i) => grid[i] ?? []);
  });
  const definedNames = new Map<string, string>();
  for (const { name, ranges } of workbook.model.definedNames) definedNames.set(name, ranges[0]);
  return { sheets, definedNames, cached, formulaCount };
}
