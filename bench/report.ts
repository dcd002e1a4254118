/**
 * bench/RESULTS.md from the cases' JSON results: machine, the six sections of issue 6 with their
 * targets marked met or missed, the key figures beside the previous run's, and the hand-written
 * profile notes (bench/FINDINGS.md) with their before/after figures.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { BundlesResult } from "./cases/bundles";
import type { CliBySizeResult } from "./cases/cliBySize";
import type { DuckdbPathResult } from "./cases/duckdbPath";
import type { WorkbenchImportResult } from "./cases/workbenchImport";
import type { CustomFunctionsResult } from "./cases/customFunctions";
import type { EngineReviewResult } from "./cases/engineReview";
import type { FormulaSheetResult } from "./cases/formulaSheet";
import type { JitStabilityResult } from "./cases/jitStability";
import type { RoundTripsResult } from "./cases/roundTrips";
import type { MachineInfo } from "./lib/machine";
import { median, type Timing } from "./lib/measure";

export interface JobResult {
  id: string;
  caseName: string;
  args: Record<string, unknown>;
  wallMs: number;
  result: unknown;
}

export interface BenchResults {
  generatedAt: string;
  machine: MachineInfo;
  totalMs: number;
  setupMs: number;
  quick: boolean;
  partial: boolean;
  jobs: JobResult[];
}

const FUNCTIONS_GZIP_TARGET = 60 * 1024;
const AGING_RATIO_TARGET = 1000;
const REQUEST_TARGET = 4 * 1024 * 1024;

function errorOf(job: JobResult | undefined): string | undefined {
  if (!job) return "not run";
  const r = job.result;
  if (typeof r === "object" && r !== null && "error" in r) return String(Reflect.get(r, "error")).split("\n")[0];
  return undefined;
}

/** The result of a job that succeeded, typed by its case (the orchestrator ran that case). */
function resultOf<T>(results: BenchResults, id: string): T | undefined {
  const job = results.jobs.find((j) => j.id === id);
  if (!job || errorOf(job) !== undefined) return undefined;
  const value: unknown = job.result;
  // The JSON was written by the case named in the job, whose result type is T.
  return value as T;
}

export function fmtMs(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "–";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${ms.toFixed(1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

const fmtTiming = (t: Timing | undefined): string => (t ? `${fmtMs(t.medianMs)} (${t.runs} runs, ${fmtMs(t.minMs)}–${fmtMs(t.maxMs)})` : "–");
const fmtInt = (n: number | undefined): string => (n === undefined ? "–" : Math.round(n).toLocaleString("en-US"));
const fmtBytes = (n: number | undefined): string =>
  n === undefined ? "–" : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : n >= 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${n} B`;
const fmtRatio = (x: number | undefined): string => (x === undefined || !Number.isFinite(x) ? "–" : x >= 100 ? `${Math.round(x).toLocaleString("en-US")}×` : `${x.toFixed(2)}×`);
const mark = (met: boolean | undefined): string => (met === undefined ? "not measured" : met ? "**met**" : "**missed**");
const pct = (part: number, whole: number): string => `${((part / whole) * 100).toFixed(1)} %`;
const sizeLabel = (customers: number, invoices: number): string => `${fmtInt(customers)} customers / ${fmtInt(invoices)} invoices`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

function failures(results: BenchResults, ids: string[]): string {
  const lines = ids.map((id) => [id, errorOf(results.jobs.find((j) => j.id === id))] as const).filter(([, e]) => e !== undefined);
  return lines.length === 0 ? "" : `\n${lines.map(([id, e]) => `- \`${id}\` did not complete: ${e}`).join("\n")}\n`;
}

/** Named figures for the this-run / previous-run table (lower is better for all of them but ratios). */
export function keyFigures(results: BenchResults): Map<string, { value: number; unit: "ms" | "MiB" | "×" | "B" | "count" }> {
  const out = new Map<string, { value: number; unit: "ms" | "MiB" | "×" | "B" | "count" }>();
  for (const id of ["review-100k", "review-1m"]) {
    const r = resultOf<EngineReviewResult>(results, id);
    if (!r) continue;
    const size = `${fmtInt(r.invoices)} invoices`;
    out.set(`Full review from cells, ${size}`, { value: r.fullFromCells.medianMs, unit: "ms" });
    out.set(`Read (recognise + read), ${size}`, { value: r.steps.read.medianMs, unit: "ms" });
    out.set(`Engine review, ${size}`, { value: r.steps.review.medianMs, unit: "ms" });
    out.set(`Aging only, ${size}`, { value: r.steps.aging.medianMs, unit: "ms" });
    out.set(`Peak RSS during review, ${size}`, { value: r.memory.peakMiB, unit: "MiB" });
    if (r.duckdb) out.set(`DuckDB pivot, ${size}`, { value: r.duckdb.pivot.medianMs, unit: "ms" });
  }
  for (const id of JIT_JOBS) {
    const jit = resultOf<JitStabilityResult>(results, id);
    if (jit?.traced && jit.runs.length > 1) {
      out.set(`Optimised code thrown away, engine review runs 2–${jit.runs.length}, ${fmtInt(jit.invoices)} invoices`, {
        value: thrownAwayAfterFirst(jit),
        unit: "count",
      });
    }
  }
  for (const id of ["formulas-10k", "formulas-100k", "formulas-10k-by-customer"]) {
    const r = resultOf<FormulaSheetResult>(results, id);
    if (!r) continue;
    const size = `${fmtInt(r.invoices)} rows${r.byCustomer ? " by customer" : ""}`;
    out.set(`HyperFormula build + evaluate, ${size}`, { value: r.hyperformula.buildAndEvaluate.medianMs, unit: "ms" });
    out.set(`CREDIT.AGING, ${size}`, { value: r.creditAging.timing.medianMs, unit: "ms" });
  }
  const rt = resultOf<RoundTripsResult>(results, "roundtrips");
  for (const f of rt?.figures ?? []) {
    out.set(`context.sync() calls, ${fmtInt(f.invoices)} invoices`, { value: f.syncs, unit: "count" });
    out.set(`Largest request, ${fmtInt(f.invoices)} invoices`, { value: f.maxRequestBytes, unit: "B" });
  }
  const fn = resultOf<CustomFunctionsResult>(results, "functions");
  if (fn) {
    out.set(`CREDIT.GRADE spilled, ${fmtInt(fn.rows)} rows`, { value: fn.grade.spilled.medianMs, unit: "ms" });
    out.set(`CREDIT.LIMIT spilled, ${fmtInt(fn.rows)} rows`, { value: fn.limit.spilled.medianMs, unit: "ms" });
    out.set(`CREDIT.GRADE ${fmtInt(fn.rows)} single-cell calls`, { value: fn.grade.singleCells.medianMs, unit: "ms" });
    out.set(`CREDIT.LIMIT ${fmtInt(fn.rows)} single-cell calls`, { value: fn.limit.singleCells.medianMs, unit: "ms" });
  }
  const b = resultOf<BundlesResult>(results, "bundles");
  for (const f of b?.bundles ?? []) out.set(`${f.file} gzip`, { value: f.gzipBytes, unit: "B" });
  return out;
}

function fmtFigure(f: { value: number; unit: string } | undefined): string {
  if (!f) return "–";
  switch (f.unit) {
    case "ms":
      return fmtMs(f.value);
    case "MiB":
      return `${f.value.toFixed(1)} MiB`;
    case "B":
      return fmtBytes(f.value);
    default:
      return fmtInt(f.value);
  }
}

function machineSection(r: BenchResults): string {
  const m = r.machine;
  return table(["", ""], [
    ["CPU", `${m.cpu} × ${m.cores} cores`],
    ["Memory", `${m.memoryGiB} GiB`],
    ["OS", m.os],
    ["Node.js / V8", `${m.node} / ${m.v8}`],
    ["Peers", `DuckDB (@duckdb/node-api) ${m.duckdb ?? "?"}, HyperFormula ${m.hyperformula ?? "?"}`],
    ["Commit", m.commit ?? "–"],
    ["Load average at the end (1, 5, 15 min)", m.loadAverage ? `${m.loadAverage.join(", ")} on ${m.cores} cores${(m.loadAverage[1] ?? 0) > m.cores ? " (**other work was running: timings are inflated**)" : ""}` : "–"],
    ["Run", `${r.generatedAt}, ${fmtMs(r.totalMs)} in all (peer install ${fmtMs(r.setupMs)})${r.partial ? ", partial run (--only): other sections are from the previous run" : ""}`],
  ]);
}

function engineSection(r: BenchResults): string {
  const rows: string[][] = [];
  const detail: string[] = [];
  for (const id of ["review-100k", "review-1m"]) {
    const e = resultOf<EngineReviewResult>(r, id);
    if (!e) continue;
    rows.push([
      sizeLabel(e.customers, e.invoices),
      fmtTiming(e.fullFromCells),
      fmtMs(e.fullFromCells.samplesMs[0]),
      fmtMs(e.steps.read.medianMs),
      fmtMs(e.steps.review.medianMs),
      `${e.memory.peakMiB} MiB`,
      `${e.memory.reviewPeakDeltaMiB} MiB`,
      `${e.memory.processMaxRssMiB} MiB`,
    ]);
    const s = e.stats;
    detail.push(
      `- ${sizeLabel(e.customers, e.invoices)}: ${fmtInt(s.financialRows)} financial rows; ${pct(s.settled, s.invoices)} settled, ` +
        `${fmtInt(s.openItems)} open items of which ${fmtInt(s.partlyPaid)} part-paid, ${fmtInt(s.creditNotes)} credit notes (${pct(s.creditNotes, s.invoices)}); ` +
        `generated in ${fmtMs(e.generateMs)}. Review: ${fmtInt(e.outcome.customersReviewed)} customers graded ` +
        `${Object.entries(e.outcome.grades).map(([g, n]) => `${g} ${n}`).join(", ")}; open balance ${fmtInt(e.outcome.openBalance)}; ` +
        `${fmtInt(e.outcome.collections)} collection lines; ${fmtInt(e.outcome.warnings)} warnings.`,
    );
  }
  return `## 1. Engine review from 2-D arrays

The full review (scores, grades, limits, aging, payment behaviour, warnings, collection actions,
KPIs) from a \`WorkbookSnapshot\` of raw cell values as Excel hands them (dates as serials, money as
numbers, yes/no as text): recognise tables → read and validate every cell → \`reviewPortfolio\`.
Peak RSS is sampled every 5 ms by a worker thread during the timed runs; *working memory* is that
peak less the settled RSS before the first run (the generated cells already in memory); the
process maximum (\`resourceUsage().maxRSS\`) also covers generating the data and the DuckDB part.
*First run (cold)* is the first of those runs, in a process that has not read or reviewed anything before: what
a user waits for at the first review after opening the task pane (V8 has not compiled the code
yet); the median is the time of a review run again (*of which …* are the steps timed apart, after
those runs).

${table(["Portfolio", "Full review from cells: median (runs, min–max)", "First run (cold)", "of which read", "of which engine review", "Peak RSS", "Working memory", "Process max RSS"], rows)}

${detail.join("\n")}
${jitParagraph(r)}
${failures(r, ["review-100k", "review-1m", ...JIT_JOBS])}`;
}

/** Times a JIT-stability run threw optimised code away: bailouts and code marked for deoptimisation. */
const codeThrownAway = (run: JitStabilityResult["runs"][number]): number => run.bailouts + run.marked;
/** The same over runs 2 to the last (the first run compiles the code). */
const thrownAwayAfterFirst = (j: JitStabilityResult): number => j.runs.slice(1).reduce((sum, run) => sum + codeThrownAway(run), 0);

/** The JIT-stability jobs: the engine review at 100k and at 1M invoices. */
const JIT_JOBS = ["jit", "jit-1m"];

/** Section 1's note on JIT stability: optimised code thrown away per review (the "jit" jobs). */
function jitParagraph(r: BenchResults): string {
  const lines: string[] = [];
  for (const id of JIT_JOBS) {
    const j = resultOf<JitStabilityResult>(r, id);
    if (!j || !j.traced || j.runs.length < 2) continue;
    const later = j.runs.slice(1);
    const reasons = new Map<string, number>();
    const functions = new Map<string, number>();
    for (const run of later) {
      for (const [k, n] of Object.entries(run.reasons)) reasons.set(k, (reasons.get(k) ?? 0) + n);
      for (const [k, n] of Object.entries(run.functions)) functions.set(k, (functions.get(k) ?? 0) + n);
    }
    const top = (m: Map<string, number>): string =>
      [...m].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
    const times = later.map((run) => run.ms);
    lines.push(
      `- ${sizeLabel(j.customers, j.invoices)} (\`${id}\`): runs 2–${j.runs.length} threw optimised code away ` +
        `${fmtInt(thrownAwayAfterFirst(j))} times in all (per run: ${later.map(codeThrownAway).join(", ")}); ` +
        `bailout reasons: ${top(reasons)}; functions: ${top(functions)}. Their times: ${fmtMs(Math.min(...times))}–${fmtMs(Math.max(...times))} ` +
        `(median ${fmtMs(median(times))}); the first run, cold, ${fmtMs(j.runs[0].ms)}.`,
    );
  }
  if (lines.length === 0) return "";
  return `
**JIT stability** (the \`jit\` jobs): the engine review run again and again in one process per size,
each run after a forced full collection, with V8's deoptimisation trace (\`--trace-deopt\`) counted per
run. A review that keeps its optimised code varies little from run to run; see
bench/FINDINGS.md, fourth and fifth passes.

${lines.join("\n")}
`;
}

function duckSection(r: BenchResults): string {
  const rows: string[][] = [];
  const verdicts: string[] = [];
  for (const id of ["review-100k", "review-1m"]) {
    const e = resultOf<EngineReviewResult>(r, id);
    if (!e?.duckdb) continue;
    const d = e.duckdb;
    const pivot = d.pivot.medianMs;
    rows.push([
      fmtInt(e.invoices),
      fmtMs(d.loadMs),
      fmtTiming(d.pivot),
      fmtMs(e.steps.aging.medianMs),
      fmtMs(e.steps.review.medianMs),
      fmtMs(e.fullFromCells.medianMs),
      fmtRatio(e.steps.aging.medianMs / pivot),
      fmtRatio(e.steps.review.medianMs / pivot),
      fmtRatio(e.fullFromCells.medianMs / (d.loadMs + pivot)),
      d.mismatchedCustomers === 0 ? `yes (${fmtInt(d.customersCompared)} customers to the cent)` : `**no**: ${d.mismatchedCustomers} customers differ`,
    ]);
    verdicts.push(`${fmtInt(e.invoices)} invoices: ${mark(e.steps.review.medianMs < pivot)} (review ${fmtMs(e.steps.review.medianMs)} vs pivot ${fmtMs(pivot)})`);
  }
  const first = resultOf<EngineReviewResult>(r, "review-1m") ?? resultOf<EngineReviewResult>(r, "review-100k");
  return `## 2. Against DuckDB: the per-customer aging pivot

DuckDB ${first?.duckdb ? `${first.duckdb.version}, ${first.duckdb.threads} threads,` : ""} in the same process, loaded from the same 2-D
arrays with its appender (load timed apart), runs the pivot an analyst would write:
\`SUM(CASE WHEN dpd <= 0 …) … GROUP BY customer_id\` over the items open at the as-of date (open
amount = amount − paid). Ours: *aging only* = \`openRowsAt\` + \`ageLedger\` on the portfolio
already read; *engine review* = \`reviewPortfolio\` on the portfolio already read (both sides have
loaded their data); *from cells* = section 1 (read included). Ratios are our time ÷ DuckDB's
(below 1× = we are faster). Both agings are compared customer by customer, in cents.

${table(["Invoices", "DuckDB load", "DuckDB pivot: median (runs, min–max)", "Our aging only", "Our engine review", "Our review from cells", "Aging ÷ pivot", "Review ÷ pivot", "From cells ÷ (load + pivot)", "Same aging"], rows)}

Target, our full review faster than DuckDB's pivot alone: ${verdicts.join("; ") || "not measured"}.
${failures(r, ["review-100k", "review-1m"])}`;
}

function formulaSection(r: BenchResults): string {
  const rows: string[][] = [];
  let target: boolean | undefined;
  for (const id of ["formulas-10k", "formulas-100k", "formulas-10k-by-customer"]) {
    const f = resultOf<FormulaSheetResult>(r, id);
    if (!f) continue;
    const ours = f.creditAging.timing.medianMs;
    const ratio = f.hyperformula.buildAndEvaluate.medianMs / ours;
    if (id === "formulas-100k") target = ratio >= AGING_RATIO_TARGET;
    rows.push([
      `${fmtInt(f.invoices)} rows${f.byCustomer ? `, ${fmtInt(f.customers)} customers × 7 buckets` : ", 7 bucket totals"}`,
      fmtInt(f.formulaCount),
      fmtTiming(f.hyperformula.buildAndEvaluate),
      fmtTiming(f.hyperformula.recalcAfterAsOfChange),
      `${f.hyperformula.peakMiB} MiB`,
      fmtTiming(f.creditAging.timing),
      fmtRatio(ratio),
      fmtRatio(f.hyperformula.recalcAfterAsOfChange.medianMs / ours),
      f.mismatchedBuckets === 0 ? "yes" : `**no** (${f.mismatchedBuckets} buckets)`,
    ]);
  }
  return `## 3. Against a formulas-only sheet (HyperFormula)

The open items (customer, due date, open amount) as a user pastes them from the ledger; the
formulas-only aging adds a day formula per row (\`=Params!$A$1-B2\`) and a SUMIFS block
(\`=SUMIFS(C:C, D:D, ">30", D:D, "<=60")\` per bucket, and per customer in the last row). Timed in
HyperFormula: building the workbook with every formula evaluated, and the recalculation after the
as-of date changes. Ours: one \`=CREDIT.AGING(amounts, dueDates, asOf[, , customers])\` call with
the ranges as Excel passes them (2-D arrays). Ratios: HyperFormula's time ÷ CREDIT.AGING's.
The per-customer layout is run at 10k rows only: at 100k rows × 1,000 customers its 7,000 SUMIFS
over 100k rows would run for about half an hour in HyperFormula.

${table(["Range", "Formulas", "HyperFormula build + evaluate", "HyperFormula recalc (as-of changed)", "HyperFormula peak RSS", "CREDIT.AGING", "Build ÷ AGING", "Recalc ÷ AGING", "Same totals"], rows)}

Target, at least ${AGING_RATIO_TARGET}× at 100k rows (build + evaluate ÷ CREDIT.AGING): ${mark(target)}.
${failures(r, ["formulas-10k", "formulas-100k", "formulas-10k-by-customer"])}`;
}

function roundTripSection(r: BenchResults): string {
  const rt = resultOf<RoundTripsResult>(r, "roundtrips");
  const figures = rt?.figures ?? [];
  const rows = figures.map((f) => [
    sizeLabel(f.customers, f.invoices),
    f.status,
    fmtInt(f.runs),
    fmtInt(f.syncs),
    f.bound === undefined ? "–" : fmtInt(f.bound),
    f.responseBytes === undefined ? "–" : fmtBytes(f.responseBytes),
    f.requestBytes === undefined ? "–" : fmtBytes(f.requestBytes),
    fmtBytes(f.maxRequestBytes),
    fmtBytes(f.maxResponseBytes),
    fmtInt(f.overBudget),
    fmtMs(f.ms),
  ]);
  const withBound = figures.filter((f) => f.bound !== undefined);
  const formulaMet = withBound.length > 0 ? withBound.every((f) => f.syncs <= (f.bound ?? 0)) : undefined;
  const withinBudget = figures.length > 0 ? figures.every((f) => f.maxRequestBytes <= REQUEST_TARGET) : undefined;
  const fixed = rt?.fixedSyncs ?? 7;
  return `## 4. Excel round trips (Office adapter against a counting fake)

\`runReview\` through \`OfficeWorkbook\` over \`test/support/fakeExcel.ts\`, which counts every
\`context.sync()\` and measures each request (everything queued since the previous sync) and
response (everything loaded by it) as JSON bytes: read the input tables, review, write the
output sheets (a first review, so the committee's register is created too).${rt ? ` Driven by: ${rt.via}.` : ""}

The formula (issue 19 §4): **syncs ≤ ${fixed} + ⌈bytes read ÷ 4 MiB⌉ + ⌈bytes written ÷ 4 MiB⌉**. The ${fixed}
fixed syncs are reading's 2 (sheets and the date probe; tables, markers and a 64-row sample),
the register's 3 and writing's 2 (sheets, markers); every other sync carries one group of
values of at most 4 MiB. Reads size their chunks from the measured average row (× 1.02), writes
pack rows across tables up to the budget (\`packRows\`).

${table(["Workbook", "Status", "Excel.run calls", "context.sync() calls", "Formula's bound", "Bytes read", "Bytes written", "Largest request", "Largest response", "Syncs over 4 MB", "Time (fake)"], rows)}

Targets: a fixed number of syncs plus at most one per 4 MB moved, checked at every size: ${mark(formulaMet)}; each request at most 4 MB: ${mark(withinBudget)}.
${failures(r, ["roundtrips"])}`;
}

function functionSection(r: BenchResults): string {
  const fn = resultOf<CustomFunctionsResult>(r, "functions");
  const rows = fn
    ? [
        ["CREDIT.SCORE (input of GRADE)", fmtTiming(fn.score.spilled), fmtInt(fn.score.spilledRowsPerSecond), "–", "–", "–"],
        ["CREDIT.GRADE", fmtTiming(fn.grade.spilled), fmtInt(fn.grade.spilledRowsPerSecond), fmtTiming(fn.grade.singleCells), fmtInt(fn.grade.singleCellCallsPerSecond), fmtInt(fn.grade.errorCells)],
        ["CREDIT.LIMIT", fmtTiming(fn.limit.spilled), fmtInt(fn.limit.spilledRowsPerSecond), fmtTiming(fn.limit.singleCells), fmtInt(fn.limit.singleCellCallsPerSecond), fmtInt(fn.limit.errorCells)],
      ]
    : [];
  return `## 5. Custom functions

${fn ? fmtInt(fn.rows) : "100,000"} customers' cells as Excel passes them: one spilled call over the whole range, and one
call per row (a formula filled down, each call getting 1×1 ranges). Time of the JavaScript
function only (Excel's own calculation-chain overhead is not in it).

${table(["Function", "One spilled call: median (runs, min–max)", "Rows/s", "Single-cell calls, all rows", "Calls/s", "Error rows"], rows)}
${failures(r, ["functions"])}`;
}

function bundleSection(r: BenchResults): string {
  const b = resultOf<BundlesResult>(r, "bundles");
  const rows = (b?.bundles ?? []).map((f) => [f.file, fmtBytes(f.rawBytes), fmtBytes(f.gzipBytes)]);
  const fn = b?.bundles.find((f) => f.file === "functions.js");
  const buildNote = b && !b.ok ? `\nThe production build reported errors:\n\n\`\`\`\n${b.log ?? ""}\n\`\`\`\n` : "";
  return `## 6. Bundles

\`webpack --mode production\` with the project's config (built into bench/work/dist), gzip level 9.
${b ? `Build time ${fmtMs(b.buildMs)}.` : ""}

${table(["Bundle", "Raw", "gzip"], rows)}

Target, functions bundle at most 60 KB gzip: ${mark(fn ? fn.gzipBytes <= FUNCTIONS_GZIP_TARGET : undefined)}.
${buildNote}${failures(r, ["bundles"])}`;
}

/** The figures of a case's result, flattened to "path: value" lines (numbers, strings and booleans). */
function flatFigures(value: unknown, path = ""): [string, string][] {
  if (typeof value === "number") return [[path, Number.isInteger(value) ? fmtInt(value) : value.toFixed(3)]];
  if (typeof value === "string" || typeof value === "boolean") return [[path, String(value)]];
  if (Array.isArray(value)) return value.flatMap((v, i) => flatFigures(v, `${path}[${i}]`));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => flatFigures(v, path === "" ? k : `${path}.${k}`));
  return [];
}


const fmtSeconds = (s: number | undefined): string => (s === undefined || !Number.isFinite(s) ? "–" : `${s.toFixed(1)} s`);
const fmtMB = (mb: number | undefined): string => (mb === undefined ? "–" : `${fmtInt(mb)} MB`);

/** Issue 19: the CLI by ledger size against pandas, the DuckDB path past Excel, the workbench's long tasks by phase. */
function bigLedgerSection(r: BenchResults): string {
  const cli = resultOf<CliBySizeResult>(r, "cli-by-size");
  const cliRows = (cli?.rows ?? []).map((row) => {
    const pandas = row.pandas !== undefined && !("skipped" in row.pandas) ? row.pandas : undefined;
    return [
      fmtInt(row.invoices),
      row.fileMB === undefined ? "–" : `${row.fileMB.toFixed(1)} MB`,
      fmtMB(row.peakMB),
      fmtMB(row.peakMBPer100k),
      fmtSeconds(row.seconds),
      fmtSeconds(row.cpuSeconds),
      fmtInt(row.rowsPerSecond),
      pandas ? `${fmtSeconds(pandas.seconds)} (${fmtSeconds(pandas.cpuSeconds)} CPU), ${fmtMB(pandas.peakMB)}` : row.pandas && "skipped" in row.pandas ? `skipped: ${row.pandas.skipped}` : "–",
      fmtRatio(row.timeVsPandas),
      fmtRatio(row.cpuVsPandas),
      row.exit === 0 ? "0" : `**${String(row.exit)}**`,
    ];
  });
  const at1m = cli?.rows.find((row) => row.invoices >= 1_000_000);
  const memoryMet = at1m ? at1m.exit === 0 && at1m.peakMB <= (cli?.targets.peakMBAt1M ?? 1536) : undefined;
  const timeMet = at1m?.timeVsPandas !== undefined ? at1m.timeVsPandas <= (cli?.targets.timeVsPandasAt1M ?? 0.5) : undefined;
  const cpuMet = at1m?.cpuVsPandas !== undefined ? at1m.cpuVsPandas <= (cli?.targets.timeVsPandasAt1M ?? 0.5) : undefined;

  const duckRows: string[][] = [];
  const duckVerdicts: string[] = [];
  for (const id of ["duckdb-path-1m", "duckdb-path-10m"]) {
    const d = resultOf<DuckdbPathResult>(r, id);
    if (!d) continue;
    duckRows.push([
      `${fmtInt(d.invoices)} / ${fmtInt(d.customers)}`,
      `${d.parquetMB.toFixed(1)} MB`,
      fmtSeconds(d.review.seconds),
      fmtSeconds(d.review.cpuSeconds),
      fmtMB(d.review.peakMB),
      fmtInt(d.review.rowsPerSecond),
      fmtMs(d.pivotMs),
      fmtRatio(d.reviewVsPivot),
      d.comparison.error !== undefined ? `**${d.comparison.error}**` : d.comparison.differing === 0 ? `yes (${fmtInt(d.comparison.customers)} customers to the cent)` : `**no**: ${fmtInt(d.comparison.differing)} differ`,
    ]);
    if (d.invoices >= 10_000_000) duckVerdicts.push(`${fmtInt(d.invoices)} invoices in under ${d.targets.seconds} s and ${fmtInt(d.targets.peakMB)} MB with every customer's aging equal: ${mark(d.targets.met && d.comparison.differing === 0 && d.comparison.error === undefined)}`);
  }
  const stages = resultOf<DuckdbPathResult>(r, "duckdb-path-10m")?.stages ?? [];
  const stageRows = stages.map((st) => [st.stage, fmtSeconds(st.wallSeconds), fmtSeconds(st.cpuSeconds), fmtMB(st.rssMB)]);

  const wb = resultOf<WorkbenchImportResult>(r, "workbench-import");
  let workbench = "not measured";
  if (wb && "skipped" in wb) workbench = `skipped: ${wb.skipped}`;
  else if (wb) {
    const page = new Map((wb.page?.phases ?? []).map((ph) => [ph.name, ph]));
    const rows = wb.worker.phases.map((ph) => [ph.name, fmtMs(ph.ms), fmtInt(ph.longTasks), fmtMs(ph.longestMs), fmtMs(ph.longestFrameGapMs), page.has(ph.name) ? fmtMs(page.get(ph.name)?.longestMs) : "–"]);
    workbench = `${fmtInt(wb.invoices)} invoices (${wb.fileMB.toFixed(1)} MB) imported, scanned, reviewed and exported in Chromium with the engine in workers; the peer is the same session with the engine on the page.

${table(["Phase", "Time", "Long tasks (> 50 ms)", "Longest task", "Longest frame gap", "Longest task, engine on the page"], rows)}

Target, no main-thread task over ${fmtInt(wb.targetMs)} ms in any phase: ${mark(wb.met)} (longest ${fmtMs(wb.worker.longestMs)}).`;
  }

  return `## 7. Big ledgers (issue 19)

### The CLI by ledger size, against pandas' \`read_excel\` of the same file

\`credit-desk review\` (bin/credit-desk.js) on workbooks generated by scripts/bigWorkbook.ts, in a
child under \`/usr/bin/time -v\` (wall, user + system CPU, peak RSS); pandas (Debian's
python3-pandas with openpyxl) only reads the same file, all sheets, in the same run. CPU seconds
are steadier than wall time on a shared machine.

${table(["Invoices", "File", "Peak RSS", "Peak per 100k", "Review", "Review CPU", "Rows/s", "pandas read_excel", "Time ÷ pandas", "CPU ÷ pandas", "Exit"], cliRows)}

Targets at 1,000,000 invoices: peak RSS ≤ ${fmtInt(cli?.targets.peakMBAt1M ?? 1536)} MB: ${mark(memoryMet)}; at most ${cli?.targets.timeVsPandasAt1M ?? 0.5}× pandas' time: ${mark(timeMet)} (CPU: ${mark(cpuMet)}).

### Past Excel: a Parquet ledger reviewed through DuckDB

\`credit-desk review --customers … --ledger ledger.parquet\` on a ledger generated by DuckDB's SQL
(bench/cases/duckdbPath.ts), in a child under \`/usr/bin/time -v\`; every customer's aging in the
written Aging table compared, to the cent, with DuckDB's own DECIMAL pivot over the same file
(its median time is the peer).

${table(["Invoices / customers", "Parquet", "Review", "Review CPU", "Peak RSS", "Rows/s", "DuckDB pivot", "Review ÷ pivot", "Same aging"], duckRows)}

${duckVerdicts.join("; ") || "Target at 10,000,000 invoices: not measured"}.
${stageRows.length > 0 ? `\nWhere the 10,000,000-invoice review spends its time (the CLI's stages, \`CREDIT_DESK_DEBUG\`):\n\n${table(["Stage", "Wall", "CPU", "RSS after"], stageRows)}\n` : ""}
### The workbench stays responsive

${workbench}
${failures(r, ["cli-by-size", "duckdb-path-1m", "duckdb-path-10m", "workbench-import"])}`;
}

const LATER_CASES: readonly [string, string][] = [
  ["whatif-1m", "What-if scenario from the portfolio already read, against the full review (target ≤ 0.5×; issue 14)"],
  ["whatif-chain-1m", "Formula chain of a what-if sheet as spilled calls (target < 250 ms; issue 14)"],
  ["model-fit", "Default-model fit times (Taiwan target < 2 s; issue 17)"],
];

function laterSection(r: BenchResults): string {
  const parts = LATER_CASES.map(([id, title]) => {
    const job = r.jobs.find((j) => j.id === id);
    const error = errorOf(job);
    if (error !== undefined) return `### ${title}

${error}
`;
    return `### ${title}

${table(["Figure", "Value"], flatFigures(job!.result).slice(0, 60))}`;
  });
  return `## 8. What-if and models

Each case's figures as it reports them (times in ms unless named otherwise).

${parts.join("\n")}`;
}

function comparisonSection(r: BenchResults, previous: BenchResults | undefined): string {
  if (!previous) return "";
  const now = keyFigures(r);
  const before = keyFigures(previous);
  const rows = [...now].map(([label, f]) => {
    const p = before.get(label);
    const change = p && p.value !== 0 ? `${(((f.value - p.value) / p.value) * 100).toFixed(0)} %` : "–";
    return [label, fmtFigure(p), fmtFigure(f), change];
  });
  return `## Key figures against the previous run

Previous run: ${previous.generatedAt}${previous.machine.commit ? ` (commit ${previous.machine.commit})` : ""}. Negative change = less time, memory or bytes.

${table(["Figure", "Previous", "This run", "Change"], rows)}
`;
}

export function renderReport(results: BenchResults, previous?: BenchResults): string {
  const findingsFile = join(__dirname, "FINDINGS.md");
  const findings = existsSync(findingsFile) ? readFileSync(findingsFile, "utf8").trim() : "";
  return `# Credit Desk benchmark results

Generated by \`npm run bench\` (bench/run.js; see bench/README.md). Do not edit by hand: the
profile notes at the end come from bench/FINDINGS.md.${results.quick ? "\n\n**Quick run (--quick): small sizes, a smoke test of the harness, not figures to quote.**" : ""}

${machineSection(results)}

${engineSection(results)}
${duckSection(results)}
${formulaSection(results)}
${roundTripSection(results)}
${functionSection(results)}
${bundleSection(results)}
${bigLedgerSection(results)}
${laterSection(results)}
${comparisonSection(results, previous)}
${findings ? `\n${findings.replace(/^(#+) /gm, "#$1 ")}\n` : ""}`;
}
