/**
 * The workbench's import worker: reads an .xlsx file (transferred, not copied) off the page's
 * thread and posts back its stages, then the book's date system, each sheet's rows in chunks of
 * ROWS_PER_MESSAGE (the page lays each chunk into memory as it arrives), then the tables. Chunks keep each message's unpacking on the page short (one message of a
 * 100,000-invoice ledger took about 500 ms to unpack there, a long task).
 */
import { readXlsx, type ImportStage, type ImportedBook, type ImportedTable } from "./readXlsx";
import type { CellValue } from "../src/host/WorkbookPort";

export type ImportRequest = ArrayBuffer;
export type ImportReply =
  | { kind: "stage"; stage: ImportStage }
  | { kind: "book"; dateSystem: ImportedBook["dateSystem"] }
  | { kind: "sheet"; name: string }
  | { kind: "rows"; sheet: string; from: number; rows: CellValue[][] }
  | { kind: "done"; tables: ImportedTable[] }
  | { kind: "failed"; message: string };

export const ROWS_PER_MESSAGE = 5_000;

const scope = self as unknown as { onmessage: ((e: MessageEvent<ImportRequest>) => void) | null; postMessage(reply: ImportReply): void };

scope.onmessage = (e) => {
  readXlsx(e.data, (stage) => scope.postMessage({ kind: "stage", stage }))
    .then((book) => {
      scope.postMessage({ kind: "book", dateSystem: book.dateSystem });
      for (const sheet of book.sheets) {
        scope.postMessage({ kind: "sheet", name: sheet.name });
        for (let from = 0; from < sheet.grid.length; from += ROWS_PER_MESSAGE) {
          scope.postMessage({ kind: "rows", sheet: sheet.name, from, rows: sheet.grid.slice(from, from + ROWS_PER_MESSAGE) });
        }
      }
      scope.postMessage({ kind: "done", tables: book.tables });
    })
    .catch((error: unknown) => scope.postMessage({ kind: "failed", message: error instanceof Error ? error.message : String(error) }));
};
