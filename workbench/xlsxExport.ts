/**
 * The workbench's memory workbook as .xlsx bytes, in the browser. A sheet written through
 * writeSheets is rendered from its SheetSpec by the xlsx adapter's own `writeSheet` (tables,
 * number formats, conditional formats, validations, frozen rows), so the download looks like the
 * CLI's output; an imported sheet (no spec) is written as plain values.
 */
import ExcelJS from "exceljs";
import { writeSheet } from "../src/host/xlsx/writeSheet";
import type { ObservableWorkbook } from "./ObservableWorkbook";

export async function exportXlsx(workbook: ObservableWorkbook): Promise<ArrayBuffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Credit Desk workbench";
  if (workbook.memory.dateSystem === "1904") book.properties.date1904 = true;
  const usedTableNames = new Set<string>();
  for (const name of workbook.memory.sheetNames()) {
    const worksheet = book.addWorksheet(name);
    const spec = workbook.specOf(name);
    if (spec) {
      writeSheet(worksheet, spec, { usedTableNames });
      continue;
    }
    (workbook.memory.getSheet(name) ?? []).forEach((row, r) => {
      row.forEach((value, c) => {
        if (value !== null) worksheet.getCell(r + 1, c + 1).value = value;
      });
    });
  }
  const written = new Uint8Array(await book.xlsx.writeBuffer());
  const bytes = new ArrayBuffer(written.byteLength);
  new Uint8Array(bytes).set(written);
  return bytes;
}
