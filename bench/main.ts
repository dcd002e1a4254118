/**
 * `npm run bench`: runs every benchmark case in its own child process (`node --expose-gc`, so
 * peak memory is per case), collects their JSON results and writes bench/RESULTS.md (and
 * bench/results.json, which the next run reads to show the previous figures beside the new).
 *
 * Flags: `--quick` runs small sizes and writes to bench/work/ instead (a smoke test of the
 * harness); `--only=a,b` runs only the named jobs (e.g. `--only=bundles,functions`);
 * `--render` only rewrites RESULTS.md from results.json (after editing FINDINGS.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { CaseName } from "./cases";
import { DEOPT_TRACE_ENV } from "./lib/deoptTrace";
import { machineInfo } from "./lib/machine";
import { renderReport, type BenchResults, type JobResult } from "./report";

const BENCH = __dirname;
const WORK = join(BENCH, "work");

interface Job {
  id: string;
  caseName: CaseName;
  args: Record<string, unknown>;
  /** Heap limit of the child, MiB. */
  heapMiB?: number;
  /** Run the child with V8's deoptimisation trace, written to a file the case reads (jitStability). */
  traceDeopts?: boolean;
}

function jobs(quick: boolean): Job[] {
  const scale = quick ? 0.01 : 1;
  const n = (x: number): number => Math.max(10, Math.round(x * scale));
  return [
    { id: "review-100k", caseName: "engineReview", args: { customers: n(1_000), invoices: n(100_000), runs: 7, withDuckDb: true } },
    { id: "review-1m", caseName: "engineReview", args: { customers: n(10_000), invoices: n(1_000_000), runs: 5, withDuckDb: true }, heapMiB: 12_288 },
    { id: "formulas-10k", caseName: "formulaSheet", args: { invoices: n(10_000), sheetRuns: 5, functionRuns: 7, byCustomer: false } },
    { id: "formulas-100k", caseName: "formulaSheet", args: { invoices: n(100_000), sheetRuns: 3, functionRuns: 7, byCustomer: false }, heapMiB: 8_192 },
    { id: "formulas-10k-by-customer", caseName: "formulaSheet", args: { invoices: n(10_000), sheetRuns: 1, functionRuns: 7, byCustomer: true } },
    {
      id: "roundtrips",
      caseName: "roundTrips",
      args: { sizes: [{ customers: n(10), invoices: n(1_000) }, { customers: n(100), invoices: n(10_000) }, { customers: n(1_000), invoices: n(100_000) }, { customers: n(10_000), invoices: n(1_000_000) }] },
      heapMiB: 12_288,
    },
    { id: "jit", caseName: "jitStability", args: { customers: n(1_000), invoices: n(100_000), runs: 12 }, traceDeopts: true },
    { id: "jit-1m", caseName: "jitStability", args: { customers: n(10_000), invoices: n(1_000_000), runs: 12 }, traceDeopts: true, heapMiB: 12_288 },
    { id: "functions", caseName: "customFunctions", args: { rows: n(100_000), runs: 5 } },
    { id: "bundles", caseName: "bundles", args: {} },
    // Issue 14: a scenario from the portfolio already read against the full review, and the formula chain of a what-if sheet.
    { id: "whatif-1m", caseName: "whatIf", args: { customers: n(10_000), invoices: n(1_000_000), runs: 5 }, heapMiB: 12_288 },
    { id: "whatif-chain-1m", caseName: "whatIfChain", args: { customers: n(10_000), invoices: n(1_000_000), runs: 3 }, heapMiB: 12_288 },
    // Issue 17: model fit times (Taiwan 30,000 × 23, 100,000 generated customers, the ledger model).
    { id: "model-fit", caseName: "modelFit", args: { runs: 5, generatedCustomers: n(100_000), ledgerCustomers: n(1_000), ledgerInvoices: n(100_000) } },
    // Issue 19: the CLI review by ledger size, peak memory and time against pandas' read_excel of the same file.
    { id: "cli-by-size", caseName: "cliBySize", args: { sizes: [n(100_000), n(300_000), n(1_000_000)], pandas: true } },
    // Issue 19 §3: a Parquet ledger past Excel reviewed through DuckDB, its aging against DuckDB's own pivot to the cent.
    { id: "duckdb-path-1m", caseName: "duckdbPath", args: { invoices: n(1_000_000) } },
    { id: "duckdb-path-10m", caseName: "duckdbPath", args: { invoices: n(10_000_000) } },
    // Issues 16 and 19: main-thread long tasks while the workbench imports 100,000 invoices.
    { id: "workbench-import", caseName: "workbenchImport", args: { invoices: n(100_000) } },
  ];
}

function runJob(job: Job): JobResult {
  mkdirSync(WORK, { recursive: true });
  const outFile = join(WORK, `${job.id}.json`);
  const start = performance.now();
  const traceFile = join(WORK, `${job.id}.deopts.txt`);
  rmSync(traceFile, { force: true });
  const traceFlags = job.traceDeopts ? ["--trace-deopt", "--redirect-code-traces", `--redirect-code-traces-to=${traceFile}`] : [];
  const child = spawnSync(
    process.execPath,
    ["--expose-gc", `--max-old-space-size=${job.heapMiB ?? 4_096}`, ...traceFlags, join(BENCH, "child.js"), job.caseName, JSON.stringify(job.args), outFile],
    // A traced child's stdout carries the rest of V8's trace lines: not shown.
    { stdio: ["ignore", job.traceDeopts ? "ignore" : "inherit", "inherit"], env: job.traceDeopts ? { ...process.env, [DEOPT_TRACE_ENV]: traceFile } : process.env },
  );
  const wallMs = performance.now() - start;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(outFile, "utf8"));
  } catch {
    value = { error: `no result (exit ${child.status}, signal ${child.signal ?? "none"})` };
  }
  if (child.status !== 0 && (typeof value !== "object" || value === null || !("error" in value))) {
    value = { error: `exit ${child.status}` };
  }
  return { id: job.id, caseName: job.caseName, args: job.args, wallMs, result: value };
}

function main(): void {
  const argv = process.argv.slice(2);
  if (argv.includes("--render")) {
    const saved: BenchResults = JSON.parse(readFileSync(join(BENCH, "results.json"), "utf8"));
    writeFileSync(join(BENCH, "RESULTS.md"), renderReport(saved));
    process.stdout.write("bench: rewrote bench/RESULTS.md from bench/results.json\n");
    return;
  }
  const quick = argv.includes("--quick");
  const only = argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const selected = jobs(quick).filter((j) => !only || only.some((o) => j.id.startsWith(o)));
  const resultsFile = quick ? join(WORK, "results.quick.json") : join(BENCH, "results.json");
  const reportFile = quick ? join(WORK, "RESULTS.quick.md") : join(BENCH, "RESULTS.md");
  const previous: BenchResults | undefined = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, "utf8")) : undefined;

  const started = performance.now();
  const done: JobResult[] = [];
  for (const job of selected) {
    process.stdout.write(`bench: ${job.id} ...\n`);
    const result = runJob(job);
    process.stdout.write(`bench: ${job.id} done in ${(result.wallMs / 1000).toFixed(1)} s${"error" in Object(result.result) ? " (FAILED)" : ""}\n`);
    done.push(result);
  }
  // A partial run (--only) keeps the other jobs' figures from the previous results.
  const merged = only && previous ? [...previous.jobs.filter((j) => !done.some((d) => d.id === j.id)), ...done] : done;
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    totalMs: performance.now() - started + (globalThis.__benchSetupMs ?? 0),
    setupMs: globalThis.__benchSetupMs ?? 0,
    quick,
    partial: only !== undefined,
    jobs: merged,
  };
  writeFileSync(reportFile, renderReport(results, previous));
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`bench: wrote ${reportFile} (${(results.totalMs / 1000).toFixed(1)} s in all)\n`);
  if (done.some((d) => "error" in Object(d.result))) process.exitCode = 1;
}

declare global {
  // Set by bench/run.js: time spent installing the peers before the cases ran.
  var __benchSetupMs: number | undefined;
}

main();
