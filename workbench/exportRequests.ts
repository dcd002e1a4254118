/**
 * What the page sends the export worker: the workbook's sheets (the SheetSpec the review wrote,
 * or the grid of an imported sheet), each as its header with the rows emptied and then
 * ROWS_PER_MESSAGE rows per message (one message holding a 100,000-row sheet is one long task to
 * post and another to unpack).
 */
import { ROWS_PER_MESSAGE } from "../src/taskpane/worker/protocol";
import type { ObservableWorkbook } from "./ObservableWorkbook";
import type { ExportRequest } from "./exportWorker";
import type { ExportBook, ExportSheet } from "./writeXlsx";

/** The sheets of the workbook to export, in its order. */
export function exportBookOf(workbook: ObservableWorkbook): ExportBook {
  const sheets = workbook.memory.sheetNames().map((name): ExportSheet => {
    const spec = workbook.specOf(name);
    return spec ? { name, spec } : { name, grid: workbook.memory.getSheet(name) ?? [] };
  });
  return { dateSystem: workbook.memory.dateSystem, sheets };
}

/** The requests that carry the book's sheets: each sheet with its rows emptied, then its rows in chunks. */
export function* exportRequests(book: ExportBook, chunk = ROWS_PER_MESSAGE): Generator<ExportRequest> {
  for (const sheet of book.sheets) {
    if ("spec" in sheet) {
      yield { kind: "sheet", sheet: { name: sheet.name, spec: { ...sheet.spec, tables: sheet.spec.tables.map((t) => ({ ...t, rows: [] })) } } };
      for (let t = 0; t < sheet.spec.tables.length; t++) {
        const rows = sheet.spec.tables[t]!.rows;
        for (let from = 0; from < rows.length; from += chunk) yield { kind: "rows", table: t, rows: rows.slice(from, from + chunk) };
      }
    } else {
      yield { kind: "sheet", sheet: { name: sheet.name, grid: [] } };
      for (let from = 0; from < sheet.grid.length; from += chunk) yield { kind: "rows", table: -1, rows: sheet.grid.slice(from, from + chunk) };
    }
  }
  yield { kind: "write", dateSystem: book.dateSystem };
}
