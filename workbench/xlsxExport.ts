/**
 * The workbench's memory workbook as .xlsx bytes, in the browser (issues 16 and 19: the page stays
 * responsive). The page gathers the sheets (the SheetSpec the review wrote, or the grid of an
 * imported sheet) and posts them to the export worker (exportWorker.ts) a sheet header and then
 * ROWS_PER_MESSAGE rows per message, yielding between messages; the worker writes the file
 * (writeXlsx.ts) and posts it back as a Blob. Without workers it is written in the page.
 * Progress: "sending" (share of rows posted), then the worker's "sheets" and "zipping". `signal`
 * cancels: the worker is stopped and no bytes are returned (nothing is downloaded).
 */
import type { ObservableWorkbook } from "./ObservableWorkbook";
import type { ExportReply } from "./exportWorker";
import { exportBookOf, exportRequests } from "./exportRequests";
import { rowsOf, writeXlsx, XLSX_TYPE, type ExportBook, type ExportStage } from "./writeXlsx";

export type ExportProgressStage = "sending" | ExportStage;

export interface ExportOptions {
  onProgress?: (stage: ExportProgressStage, fraction: number) => void;
  signal?: AbortSignal;
  /** The worker to write in (default: exportWorker.ts where the browser has workers); null: in the page. */
  createWorker?: (() => Worker) | null;
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
