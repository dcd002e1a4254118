/**
 * JIT stability (issue 6): does the engine review keep V8's optimised code from one review to the
 * next? The engine review of one portfolio is run again and again, each run after a forced full
 * collection and the settle pause (as every timed run of the benchmark), in a child that the
 * orchestrator starts with `--trace-deopt` and the trace redirected to a file. After each run the
 * case reads what the run appended to that file and counts the optimised code V8 threw away:
 * bailouts (a function leaving its optimised code) and code marked for deoptimisation, with the
 * reasons. Session 4 found most runs throwing away the optimised code of the per-customer review
 * ("weak objects": hidden classes that died with the previous review's objects), which made the
 * review's time vary fivefold from run to run.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { generatePortfolio } from "../generate";
import { countDeopts, DEOPT_TRACE_ENV, type DeoptCounts } from "../lib/deoptTrace";
import { collectGarbage, settle } from "../lib/measure";
import { readFromCells, reviewOf } from "../lib/pipeline";

export interface JitStabilityArgs {
  customers: number;
  invoices: number;
  runs: number;
}

export interface JitRun extends DeoptCounts {
  ms: number;
}

export interface JitStabilityResult {
  customers: number;
  invoices: number;
  /** Whether the child ran with the trace (false: run outside `npm run bench`, nothing counted). */
  traced: boolean;
  runs: JitRun[];
}

export async function jitStability(args: JitStabilityArgs): Promise<JitStabilityResult> {
  const { snapshot, asOf } = await generatePortfolio({ customers: args.customers, invoices: args.invoices });
  const read = readFromCells(snapshot);
  const traceFile = process.env[DEOPT_TRACE_ENV];
  const sizeOf = (): number => (traceFile && existsSync(traceFile) ? statSync(traceFile).size : 0);
  const runs: JitRun[] = [];
  // Each run's window starts where the previous one ended: the forced collection before a run,
  // which decides whether the previous run's optimised code survives, is counted with that run.
  // The read's own code is thrown away at the collections after it (its row reader dies): not
  // the review's, so those collections come before the first window.
  for (let i = 0; i < 2; i++) {
    collectGarbage();
    await settle();
  }
  let from = sizeOf();
  for (let i = 0; i < args.runs; i++) {
    collectGarbage();
    await settle();
    const start = performance.now();
    reviewOf(read, asOf);
    const ms = performance.now() - start;
    const to = sizeOf();
    const appended = traceFile && to > from ? readFileSync(traceFile).subarray(from, to).toString("utf8") : "";
    from = to;
    runs.push({ ms: Math.round(ms * 100) / 100, ...countDeopts(appended) });
  }
  return { customers: args.customers, invoices: args.invoices, traced: traceFile !== undefined, runs };
}
