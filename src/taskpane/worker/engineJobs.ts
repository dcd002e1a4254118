/**
 * The page's side of the engine worker (engineWorker.ts): the pane's scan and a review's compute
 * run in a Web Worker when the host has one, in the page otherwise (jsdom tests, a host without
 * workers, a worker script that fails to load). The snapshot the page read goes to the worker a
 * table header and then ROWS_PER_MESSAGE rows per message, the page yielding between messages so
 * that no posting task grows with the workbook; the review's sheets come back the same way.
 * Cancel (the signal) terminates the worker: the job rejects with an AbortError and, for a
 * review, runReview writes nothing.
 */
import { computeReview, type ReviewCompute, type ReviewComputation } from "../../app/runReview";
import { scanWorkbook, type WorkbookScan } from "../../app/scanWorkbook";
import type { ColumnMapping } from "../../app/types";
import type { WorkbookSnapshot } from "../../host/WorkbookPort";
import { appendRows, recognitionOf, tableRequests, type EngineReply, type EngineRequest, type SnapshotFrame } from "./protocol";

/** Starts an engine worker; the page's one is webpack's entry `engineWorker` beside the page's script. */
export type WorkerFactory = () => Worker;

/** The stage reported while the snapshot is handed to the worker (fraction: share of its rows sent). */
export const SENDING_STAGE = "sending";

export interface JobControl {
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
}

/** The engine worker's script beside the page (dist/engineWorker.js), or undefined where there are no workers. */
export function pageWorkerFactory(): WorkerFactory | undefined {
  if (typeof Worker === "undefined" || typeof document === "undefined") return undefined;
  return () => new Worker(new URL("engineWorker.js", document.baseURI));
}

/** A review's compute in the worker `create` starts, or in this thread without one. */
export function workerCompute(create: WorkerFactory | undefined = pageWorkerFactory()): ReviewCompute {
  if (create === undefined) return computeReview;
  return (snapshot, options) => {
    const { signal, onProgress, onRecognised, ...settings } = options;
    let computation: ReviewComputation | undefined;
    // The sending is the end of the reading: its fraction runs up to runReview's next stage (0.2).
    const progress = (stage: string, fraction: number): void =>
      onProgress?.(stage === SENDING_STAGE ? "reading" : stage, stage === SENDING_STAGE ? 0.2 * fraction : fraction);
    return runJob<ReviewComputation>(create, snapshot, { kind: "review", snapshot: frameOf(snapshot), options: settings }, { signal, onProgress: progress }, (reply) => {
      if (reply.kind === "reviewed") computation = reply.computation;
      else if (reply.kind === "rows" && computation?.status === "reviewed") appendRows(computation.outcome.sheets[reply.sheet]!.tables[reply.table]!.rows, reply.rows);
      else if (reply.kind === "end" && computation !== undefined) return { value: computation };
      return undefined;
    }, () => computeReview(snapshot, { ...settings, onProgress, onRecognised }));
  };
}

/** The pane's scan in the worker `create` starts, or in this thread without one. */
export function scanOffThread(snapshot: WorkbookSnapshot, mapping: ColumnMapping, control: JobControl = {}, create: WorkerFactory | undefined = pageWorkerFactory()): Promise<WorkbookScan> {
  const here = (): WorkbookScan => scanWorkbook(snapshot, mapping);
  if (create === undefined) return Promise.resolve().then(here);
  return runJob<WorkbookScan>(create, snapshot, { kind: "scan", snapshot: frameOf(snapshot), mapping }, control, (reply) =>
    reply.kind === "scanned" ? { value: { recognition: recognitionOf(reply.recognition, snapshot.tables), reading: reply.reading } } : undefined, here);
}

function frameOf({ tables: _tables, ...frame }: WorkbookSnapshot): SnapshotFrame {
  return frame;
}

const cancelledError = (): DOMException => new DOMException("cancelled", "AbortError");

/**
 * One job in a fresh worker: the snapshot's tables posted in chunks, then `last`; every reply but
 * progress and failure goes to `receive` until it returns the result. A worker that fails before
 * it said anything (its script did not load) is replaced by `fallback` in this thread.
 */
function runJob<T>(
  create: WorkerFactory,
  snapshot: WorkbookSnapshot,
  last: EngineRequest,
  { signal, onProgress }: JobControl,
  receive: (reply: EngineReply) => { value: T } | undefined,
  fallback: () => T,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) return reject(cancelledError());
    let worker: Worker;
    try {
      worker = create();
    } catch {
      return resolve(fallback());
    }
    let isOver = false;
    let hasReplied = false;
    const finish = (): void => {
      isOver = true;
      signal?.removeEventListener("abort", stop);
      worker.terminate();
    };
    const fail = (error: unknown): void => {
      finish();
      reject(error instanceof Error || error instanceof DOMException ? error : new Error(String(error)));
    };
    function stop(): void {
      fail(cancelledError());
    }
    signal?.addEventListener("abort", stop, { once: true });
    worker.onmessage = (e: MessageEvent<EngineReply>) => {
      if (isOver) return;
      hasReplied = true;
      const reply = e.data;
      try {
        if (reply.kind === "progress") return onProgress?.(reply.stage, reply.fraction);
        if (reply.kind === "failed") return fail(new Error(reply.message));
        const result = receive(reply);
        if (result !== undefined) {
          finish();
          resolve(result.value);
        }
      } catch (error) {
        fail(error);
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      if (isOver) return;
      e.preventDefault?.();
      if (hasReplied) return fail(new Error(e.message || "the engine worker failed"));
      finish();
      try {
        resolve(fallback());
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    };
    postInChunks(worker, snapshot, last, () => isOver, onProgress).catch(fail);
  });
}

/** Posts the snapshot's tables a chunk per task (the page yields between them), then `last`. */
async function postInChunks(worker: Worker, snapshot: WorkbookSnapshot, last: EngineRequest, isOver: () => boolean, onProgress?: (stage: string, fraction: number) => void): Promise<void> {
  const total = snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
  let sent = 0;
  for (const request of tableRequests(snapshot.tables)) {
    if (isOver()) return;
    worker.postMessage(request);
    if (request.kind === "rows") {
      sent += request.rows.length;
      onProgress?.(SENDING_STAGE, total === 0 ? 1 : sent / total);
      await nextTask();
    }
  }
  if (!isOver()) worker.postMessage(last);
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
