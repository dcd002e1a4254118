/**
 * The workbench's export worker: receives the sheets to export (each sheet's header first, its
 * rows in chunks of ROWS_PER_MESSAGE after it, as the import worker sends them the other way),
 * writes the .xlsx off the page's thread (writeXlsx.ts) with its stages, and posts the file back as a Blob.
 */
import type { CellValue, SheetSpec } from "../src/host/WorkbookPort";
import { writeXlsx, XLSX_TYPE, type ExportBook, type ExportSheet, type ExportStage } from "./writeXlsx";

export type ExportRequest =
  /** A sheet: its spec with every table's rows empty, or an empty grid; the "rows" after it fill it. */
  | { kind: "sheet"; sheet: ExportSheet }
  /** Rows of the last sheet sent: of its table `table`, or of its grid (table -1). */
  | { kind: "rows"; table: number; rows: CellValue[][] }
  | { kind: "write"; dateSystem: ExportBook["dateSystem"] };

export type ExportReply =
  | { kind: "stage"; stage: ExportStage; fraction: number }
  /** The file as a Blob made in the worker: posting a Blob passes a handle, where the page's `new Blob(bytes)` copied the whole file in one task. */
  | { kind: "done"; file: Blob }
  | { kind: "failed"; message: string };

/** The export's message handler over a `post` (the worker's postMessage; a fake in tests). */
export function exportHandler(post: (reply: ExportReply) => void): (request: ExportRequest) => void {
  const sheets: ExportSheet[] = [];
  return (request) => {
    switch (request.kind) {
      case "sheet":
        sheets.push(request.sheet);
        return;
      case "rows": {
        const sheet = sheets[sheets.length - 1]!;
        const target = "spec" in sheet ? (sheet.spec as SheetSpec).tables[request.table]!.rows : sheet.grid;
        for (const row of request.rows) target.push(row);
        return;
      }
      case "write":
        writeXlsx({ dateSystem: request.dateSystem, sheets }, (stage, fraction) => post({ kind: "stage", stage, fraction })).then(
          (bytes) => post({ kind: "done", file: new Blob([bytes], { type: XLSX_TYPE }) }),
          (error: unknown) => post({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
        );
    }
  };
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<ExportRequest>) => void) | null;
  postMessage(reply: ExportReply): void;
}

const scope = globalThis as unknown as Partial<WorkerScope> & { importScripts?: unknown };
if (typeof scope.importScripts === "function" && typeof scope.postMessage === "function") {
  const worker = scope as WorkerScope;
  const handle = exportHandler((reply) => worker.postMessage(reply));
  worker.onmessage = (e) => handle(e.data);
}
