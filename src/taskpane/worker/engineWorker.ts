/**
 * The engine worker (webpack entry `engineWorker`, dist/engineWorker.js): the pane's scan
 * (recognise + validate + read) and a review's compute (review + build the sheets) off the
 * page's thread. The page keeps the port (Office.js does not exist in a worker: reads and writes
 * stay on the page) and posts the snapshot it read; the worker posts back progress and the
 * result (protocol.ts). One worker per job: the page cancels by terminating it.
 */
import { computeReview } from "../../app/runReview";
import { scanWorkbook } from "../../app/scanWorkbook";
import { computationReplies, ledgerBuffers, TableCollector, wireRecognition, type EngineReply, type EngineRequest } from "./protocol";

/** The worker's message handler over a `post` (the worker's postMessage, `transfer` its transfer list; a fake in tests). */
export function engineHandler(post: (reply: EngineReply, transfer?: Transferable[]) => void): (request: EngineRequest) => void {
  const collector = new TableCollector();
  return (request) => {
    try {
      if (collector.add(request)) return;
      const tables = collector.tables;
      if (request.kind === "scan") {
        const { recognition, reading } = scanWorkbook({ ...request.snapshot, tables }, request.mapping);
        post({ kind: "scanned", recognition: wireRecognition(recognition, tables), reading }, ledgerBuffers(reading));
      } else if (request.kind === "review") {
        const onProgress = (stage: string, fraction: number): void => post({ kind: "progress", stage, fraction });
        const computed = computeReview({ ...request.snapshot, tables }, { ...request.options, onProgress });
        for (const reply of computationReplies(computed)) post(reply);
      }
    } catch (error) {
      post({ kind: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  };
}

interface WorkerScope {
  onmessage: ((e: MessageEvent<EngineRequest>) => void) | null;
  postMessage(reply: EngineReply, transfer: Transferable[]): void;
}

// Installed only inside a worker (importing this module elsewhere, e.g. in a test, installs nothing).
const scope = globalThis as unknown as Partial<WorkerScope> & { importScripts?: unknown };
if (typeof scope.importScripts === "function" && typeof scope.postMessage === "function") {
  const worker = scope as WorkerScope;
  const handle = engineHandler((reply, transfer) => worker.postMessage(reply, transfer ?? []));
  worker.onmessage = (e) => handle(e.data);
}
