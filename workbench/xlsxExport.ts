/**
 * The workbench's memory workbook as .xlsx bytes, in the browser (issues 16 and 19: the page stays
 * responsive). The page gathers the sheets (the SheetSpec the review wrote, or the grid of an
 * imported sheet) and posts them to the export worker (exportWorker.ts) a sheet header and then
 * ROWS_PER_MESSAGE rows per message, yielding between messages; the worker writes the file
 * (writeXlsx.ts) and posts it back as a Blob. Without workers it is written in the page.
 * Progress: "sending" (share of rows posted), then the worker's "sheets" and "zipping". `signal`
 * cancels: the worker is stopped and no bytes are returned (nothing is downloaded).
 */
import { ROWS_PER_MESSAGE } from "../src/taskpane/worker/protocol";
import type { ObservableWorkbook } from "./ObservableWorkbook";
import type { ExportReply, ExportRequest } from "./exportWorker";
import { rowsOf, writeXlsx, XLSX_TYPE, type ExportBook, type ExportSheet, type ExportStage } from "./writeXlsx";

export type ExportProgressStage = "sending" | ExportStage;

export interface ExportOptions {
  onProgress?: (stage: ExportProgressStage, fraction: number) => void;
  signal?: AbortSignal;
  /** The worker to write in (default: exportWorker.ts where the browser has workers); null: in the page. */
  createWorker?: (() => Worker) | null;
}

/** The sheets of the workbook to export, in its order. */
export function exportBookOf(workbook: ObservableWorkbook): ExportBook {
  const sheets = workbook.memory.sheetNames().map((name): ExportSheet => {
    const spec = workbook.specOf(name);
    return spec ? { name, spec } : { name, grid: workbook.memory.getSheet(name) ?? [] };
  });
  return { dateSystem: workbook.memory.dateSystem, sheets };
}

/** The workbook as an .xlsx file (a Blob, ready for a download link). */
export async function exportXlsx(workbook: ObservableWorkbook, options: ExportOptions = {}): Promise<Blob> {
  const create = options.createWorker === null ? undefined : options.createWorker ?? defaultWorker();
  const book = exportBookOf(workbook);
  if (create === undefined) return new Blob([await writeXlsx(book, options.onProgress)], { type: XLSX_TYPE });
  return writeInWorker(create(), book, options);
}

function defaultWorker(): (() => Worker) | undefined {
  if (typeof Worker === "undefined") return undefined;
  return () => new Worker(new URL("./exportWorker.ts", import.meta.url));
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

function writeInWorker(worker: Worker, book: ExportBook, { onProgress, signal }: ExportOptions): Promise<Blob> {
  return new Promise((resolve, reject) => {
    let isOver = false;
    const finish = (): void => {
      isOver = true;
      signal?.removeEventListener("abort", stop);
      worker.terminate();
    };
    function stop(): void {
      finish();
      reject(new DOMException("Export cancelled", "AbortError"));
    }
    if (signal?.aborted) return stop();
    signal?.addEventListener("abort", stop, { once: true });
    worker.onmessage = (e: MessageEvent<ExportReply>) => {
      if (isOver) return;
      const reply = e.data;
      if (reply.kind === "stage") return onProgress?.(reply.stage, reply.fraction);
      finish();
      if (reply.kind === "done") resolve(reply.file);
      else reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      if (isOver) return;
      finish();
      reject(new Error(e.message || "the export worker failed"));
    };
    const total = book.sheets.reduce((n, s) => n + rowsOf(s), 0);
    void (async () => {
      let sent = 0;
      for (const request of exportRequests(book)) {
        if (isOver) return;
        worker.postMessage(request);
        if (request.kind === "rows") {
          sent += request.rows.length;
          onProgress?.("sending", total === 0 ? 1 : sent / total);
          // The page's turn between chunks: each posting task stays short.
          await new Promise((next) => setTimeout(next, 0));
        }
      }
    })();
  });
}
