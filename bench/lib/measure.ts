/**
 * Timing and memory measurement for one benchmark case running in its own child process
 * (`node --expose-gc`): wall-clock medians of repeated runs, and the peak resident set size
 * sampled every few milliseconds by a worker thread (the main thread is busy while a case runs,
 * so it cannot sample itself), plus the kernel's maxRSS for the whole process.
 */
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";

export interface Timing {
  /** Median wall-clock time in milliseconds. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
  /** Every run, in order (the first is usually the slowest: cold JIT). */
  samplesMs: number[];
  /**
   * Median CPU time of the process per run (user + system, all its threads, from
   * process.cpuUsage): on a shared machine wall time also counts the waits for other processes'
   * turns on the cores, CPU time does not (it does include V8's collector threads).
   */
  cpuMedianMs: number;
}

/** Median of a list of numbers (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Ask V8 for a full collection when the process runs with --expose-gc (a no-op otherwise). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

export const mib = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10;

/**
 * How long to let the collector's background threads finish after a forced collection, before a
 * timed run starts. A full collection hands its sweeping to helper threads that keep running
 * after `gc()` returns; on this 2-core machine they compete with the run for the second core and
 * for memory bandwidth. Measured (issue 6, session 3): CREDIT.AGING over 100k rows took 4.3–24 ms
 * (median ~11) when timed right after `gc()`, and 5–6.5 ms steadily after a 20 ms pause or with
 * `--single-threaded-gc`; the pause puts the previous run's collection where it belongs, outside
 * the next run's time. Applied to every peer alike (DuckDB, HyperFormula, our code).
 */
export const SETTLE_MS = 50;

export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/**
 * Time `runs` calls of `fn` (after `warmup` untimed calls), collecting garbage before each (and
 * letting the collector's background threads finish, see SETTLE_MS) so that one run's garbage
 * is not charged to the next. The result of the last call is returned so the work cannot be
 * optimised away and the caller can check it.
 */
export async function timeRuns<T>(fn: () => T | Promise<T>, runs: number, warmup = 0): Promise<{ timing: Timing; last: T }> {
  if (runs < 1) throw new RangeError("timeRuns: at least one run");
  for (let i = 0; i < warmup; i++) {
    collectGarbage();
    await settle();
    await fn();
  }
  const samplesMs: number[] = [];
  const cpuMs: number[] = [];
  const timed = async (): Promise<T> => {
    collectGarbage();
    await settle();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const value = await fn();
    samplesMs.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    return value;
  };
  let last = await timed();
  for (let i = 1; i < runs; i++) last = await timed();
  return {
    timing: {
      medianMs: median(samplesMs),
      minMs: Math.min(...samplesMs),
      maxMs: Math.max(...samplesMs),
      runs,
      samplesMs: samplesMs.map((ms) => Math.round(ms * 100) / 100),
      cpuMedianMs: Math.round(median(cpuMs) * 10) / 10,
    },
    last,
  };
}

/** Time one call. */
export async function timeOnce<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const SAMPLER_SOURCE = `
const { workerData } = require("node:worker_threads");
const peak = new BigInt64Array(workerData.buffer);
const tick = () => {
  const rss = BigInt(process.memoryUsage.rss());
  if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
};
tick();
setInterval(tick, workerData.intervalMs);
`;

/** Peak-RSS sampler on a worker thread; `reset()` starts a new window, `peakBytes()` reads it. */
export interface RssSampler {
  reset(): void;
  peakBytes(): number;
  stop(): Promise<void>;
}

export function startRssSampler(intervalMs = 5): RssSampler {
  const buffer = new SharedArrayBuffer(8);
  const peak = new BigInt64Array(buffer);
  const worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: { buffer, intervalMs } });
  worker.unref();
  return {
    reset: () => Atomics.store(peak, 0, BigInt(process.memoryUsage.rss())),
    peakBytes: () => Math.max(Number(Atomics.load(peak, 0)), process.memoryUsage.rss()),
    stop: async () => {
      await worker.terminate();
    },
  };
}

/** Resident set size now, after a full collection. */
export function settledRssBytes(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage.rss();
}

/** The kernel's high-water mark of this process's resident set (whole life of the process). */
export function maxRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
