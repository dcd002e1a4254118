/**
 * An .xlsx file's bytes as a MemoryWorkbook, in the browser (issues 16 and 19: the page stays
 * responsive). The file is parsed in a Web Worker (importWorker.ts, readXlsx.ts) when the browser
 * has workers, in the page otherwise. The page only lays the cells it receives into memory, a
 * chunk of rows per message as it arrives, and declares each Excel table over them at the end. `signal`
 * cancels: the worker is stopped and nothing is returned.
 */
import type { MemoryWorkbook } from "../src/host/memory/MemoryWorkbook";
import { Assembler, memoryOf } from "./assembleImport";
import type { ImportReply } from "./importWorker";
import { readXlsx, type ImportStage } from "./readXlsx";

export interface ImportOptions {
  onStage?: (stage: ImportStage) => void;
  signal?: AbortSignal;
}

export async function importXlsx(bytes: ArrayBuffer, options: ImportOptions = {}): Promise<MemoryWorkbook> {
  return typeof Worker === "undefined" ? memoryOf(await readXlsx(bytes, options.onStage)) : readInWorker(bytes, options);
}

function readInWorker(bytes: ArrayBuffer, { onStage, signal }: ImportOptions): Promise<MemoryWorkbook> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException("Import cancelled", "AbortError"));
    const worker = new Worker(new URL("./importWorker.ts", import.meta.url));
    let assembler: Assembler | undefined;
    const assembling = (): Assembler => {
      if (assembler === undefined) throw new Error("the import worker sent rows before the book");
      return assembler;
    };
    const stop = (): void => {
      worker.terminate();
      reject(new DOMException("Import cancelled", "AbortError"));
    };
    signal?.addEventListener("abort", stop, { once: true });
    const finish = (): void => {
      signal?.removeEventListener("abort", stop);
      worker.terminate();
    };
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      const reply = e.data;
      try {
        switch (reply.kind) {
          case "stage":
            return onStage?.(reply.stage);
          case "book":
            assembler = new Assembler(reply.dateSystem);
            return;
          case "sheet":
            return assembling().sheet(reply.name);
          case "rows":
            return assembling().rows(reply.sheet, reply.from, reply.rows);
          case "done":
            finish();
            return resolve(assembling().done(reply.tables));
          case "failed":
            finish();
            return reject(new Error(reply.message));
        }
      } catch (error) {
        finish();
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    worker.onerror = (e) => {
      finish();
      reject(new Error(e.message || "the import worker failed"));
    };
    // Transferred: the page's copy of the bytes is not needed any more.
    worker.postMessage(bytes, [bytes]);
  });
}
