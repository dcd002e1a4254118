/**
 * Section 3: the aging a user builds with formulas only (per-row open-amount and day formulas and
 * a SUMIFS row of bucket totals, in HyperFormula) against one CREDIT.AGING call over the same
 * range, at one ledger size per child process. Both answers are compared bucket by bucket.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import type { CellValue } from "../../src/host/WorkbookPort";
import { toCents } from "../../src/engine/money/cents";
import { generatePortfolio } from "../generate";
import { performance } from "node:perf_hooks";
import { collectGarbage, median, mib, settle, settledRssBytes, startRssSampler, timeRuns, type Timing } from "../lib/measure";
import { agingArgs, agingTotals, callAging, creditAgingDescription } from "../peers/creditAgingCall";
import { buildFormulaSheet, evaluateFormulaSheet, openItemsRange, recalculateAt } from "../peers/hyperFormulaPeer";

export interface FormulaSheetArgs {
  invoices: number;
  /** Runs of the HyperFormula build (1 at 100k rows: one build takes over a minute). */
  sheetRuns: number;
  functionRuns: number;
  /** One SUMIFS row per customer (and CREDIT.AGING with its customers argument) instead of one total row. */
  byCustomer: boolean;
}

export interface FormulaSheetResult {
  invoices: number;
  byCustomer: boolean;
  customers: number;
  formulaCount: number;
  hyperformula: { version: string; buildAndEvaluate: Timing; recalcAfterAsOfChange: Timing; peakMiB: number; baselineMiB: number };
  creditAging: { call: string; timing: Timing };
  /** Buckets whose totals differ by more than a cent between the two. */
  mismatchedBuckets: number;
  totals: { hyperformula: number[]; creditAging: number[] };
}

export async function formulaSheet(args: FormulaSheetArgs): Promise<FormulaSheetResult> {
  // About 30 % of a generated ledger is open at the as-of date: generate 4× the rows wanted.
  const { snapshot, asOf } = generatePortfolio({ customers: Math.max(10, Math.round(args.invoices / 100)), invoices: args.invoices * 4 });
  const receivables = snapshot.tables.find((t) => t.name === "Receivables");
  if (!receivables) throw new Error("no Receivables table");
  const range = openItemsRange(receivables, asOf, args.invoices);
  const edges = DEFAULT_POLICY.agingEdges;

  // CREDIT.AGING first (small), then the sheet (large), so the sheet's memory does not weigh on it.
  const excelArgs = agingArgs(range, asOf);
  const call = await timeRuns(() => callAging(excelArgs, args.byCustomer), args.functionRuns, 1);
  collectGarbage();

  const customers = args.byCustomer ? [...new Set(range.customerIds)] : undefined;
  const sheet = buildFormulaSheet(range, { asOf, edges, customers });
  const sampler = startRssSampler();
  const baseline = settledRssBytes();
  sampler.reset();
  const built = await timeRuns(() => evaluateFormulaSheet(sheet), args.sheetRuns);
  const peak = sampler.peakBytes();
  await sampler.stop();
  const run = built.last;
  // Portfolio totals of the SUMIFS block (column sums when it has one row per customer).
  const hfTotals = edges.map(() => 0).concat(0);
  for (const row of run.values) row.slice(1).forEach((v, i) => { hfTotals[i] += Number(v); });
  let toggle = 0;
  const recalc = await timeRuns(() => recalculateAt(run, asOf - (++toggle % 2)), Math.max(1, args.sheetRuns));
  // Put the as-of date back (an odd number of toggles leaves it a day early).
  if (toggle % 2 === 1) recalculateAt(run, asOf);

  const ours = agingTotals(call.last, edges.length + 1);
  let mismatched = 0;
  hfTotals.forEach((v, i) => {
    if (Math.abs(toCents(v) - toCents(ours[i] ?? Number.NaN)) > 1 || Number.isNaN(ours[i])) mismatched++;
  });
  const { HyperFormula } = await import("hyperformula");
  return {
    invoices: args.invoices,
    byCustomer: args.byCustomer,
    customers: new Set(range.customerIds).size,
    formulaCount: sheet.formulaCount,
    hyperformula: { version: HyperFormula.version, buildAndEvaluate: built.timing, recalcAfterAsOfChange: recalc.timing, peakMiB: mib(peak), baselineMiB: mib(baseline) },
    creditAging: { call: creditAgingDescription(range.amounts.length, args.byCustomer), timing: call.timing },
    mismatchedBuckets: mismatched,
    totals: { hyperformula: hfTotals, creditAging: ours },
  };
}

// #region what-if chain (issue 14, Done when 4)

export interface WhatIfChainArgs {
  customers: number;
  invoices: number;
  runs: number;
  /**
   * Hand every call new arrays (default true), as Excel does: at each recalculation a custom
   * function receives its ranges marshalled afresh (new arrays, new strings), so no cache keyed by
   * array identity ever hits. false reuses one set of arrays for every call (the figure before
   * session 8, kept for comparison only).
   */
  freshArrays?: boolean;
  /** Which chains to run: over the ledger's ranges, over a CREDIT.LEDGER handle, or both (default). */
  chains?: "ranges" | "handle" | "both";
  /** Wait for the process to be quiet before each call (quiet(), default true); false: settle only, the figure before session 9. */
  quiet?: boolean;
}

/** One CREDIT call of the chain: its formula, its timing (ledger kept) and the error cells it returned. */
export interface ChainStep {
  call: string;
  timing: Timing;
  cpuMs: number;
  errorCells: number;
}

/** One chain's figures: each call, the chain after an edit outside the ledger, and after a ledger edit. */
export interface ChainFigures {
  /** Each call's median over the kept-ledger chain runs (a recalculation after an edit outside the ledger). */
  steps: ChainStep[];
  /** The whole chain, every call in order, the ledger kept: Σ of the calls' wall clock per run, and their CPU time. */
  chain: Timing;
  chainCpuMs: number;
  /**
   * The whole chain after the ledger changed: every cache cleared before each run, so the first
   * ledger call reads it again (over a handle: CREDIT.LEDGER's call is in it, first).
   */
  coldChain: Timing;
  coldChainCpuMs: number;
  /** The kept-ledger chain's wall and CPU medians both within the target. */
  met: boolean;
}

export interface WhatIfChainResult {
  customers: number;
  invoices: number;
  freshArrays: boolean;
  targetMs: number;
  /** The chain with every ledger function given the Receivables ranges (1,000,000 rows each). */
  ranges?: ChainFigures;
  /**
   * The same chain with the ledger functions given CREDIT.LEDGER's handle cell and no ledger
   * range; `ledgerCall` is CREDIT.LEDGER itself, which Excel recalculates only when a ledger cell
   * changes (what a ledger edit costs before the chain).
   */
  handle?: ChainFigures & { ledgerCall: ChainStep; handleText: string };
  /** handle.chain's CPU median over ranges.chain's (both run). */
  handleOverRangesCpu?: number;
  /** Whether each call waited for quiet, and the time all the waits took (ms). */
  quiet: boolean;
  quietWaitMs: number;
}

/** A table's column as Excel hands a column range to a function: n×1. */
function columnOf(rows: readonly CellValue[][], index: number): CellValue[][] {
  const out: CellValue[][] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = [rows[i][index] ?? null];
  return out;
}

const errorCellsOf = (out: unknown): number => {
  // A scalar (CREDIT.LEDGER's handle text) is one cell: an error only if it is one.
  if (!Array.isArray(out)) return out instanceof Error ? 1 : 0;
  let n = 0;
  for (const row of out) if (Array.isArray(row)) for (const v of row) if (v instanceof Error) n++;
  return n;
};

const round1 = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * Wait, after settle, until the process is quiet: less than 2 ms of CPU (any thread) in a 20 ms
 * window, at most 3 s. With the 1,000,000-invoice portfolio held (several GB), a forced full
 * collection leaves its helper threads sweeping for ~200 ms, far past SETTLE_MS, and
 * process.cpuUsage charged that to the call timed next: a /tmp driver timing CREDIT.LIMIT over
 * 10,000 customers after gc() beside 1.5 GB of live objects measured 80 ms CPU for 41 ms wall,
 * and 45 ms CPU / 35 ms wall after waiting for quiet (the same as without the 1.5 GB). Session 9
 * (issue 14); `quietWaitsMs` in the result records how long each chain's calls waited.
 */
const QUIET_WINDOW_MS = 20;
const QUIET_CPU_MS = 2;
let quietWaitedMs = 0;
async function quiet(): Promise<void> {
  const start = performance.now();
  for (let k = 0; k < 150; k++) {
    const cpu = process.cpuUsage();
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const used = process.cpuUsage(cpu);
    if ((used.user + used.system) / 1000 < QUIET_CPU_MS) break;
  }
  quietWaitedMs += performance.now() - start;
}

/**
 * The whole formula chain of a what-if sheet as Excel recalculates it after an edit, each call one
 * spilled formula over whole columns: PAYMENTRECORD and DAYSLATE (12 m, trend) over the ledger,
 * SCORE with the derived payment record, COVERAGE, GRADE, FINANCIALS (the five figures LIMIT
 * reads), LIMIT, POSITION, EXPOSURE, UTILISATION and WARNINGS. Every argument of every call is a
 * new array built outside the timing by JSON.parse of the range (Excel marshals ranges into the
 * function the same way: new arrays and strings at every call), so the caches are exercised as in
 * Excel: by comparing cells. (CPU time is reported too: on the shared 2-core machine wall time
 * includes waiting for other processes.) Reported for each chain: each call (median of the
 * runs), the chain with the caches kept (an edit outside the Receivables table: a policy value, a
 * score; Σ of the calls per run), and the chain after a ledger edit (caches cleared). Two chains:
 * `ranges`, the ledger functions given the Receivables columns, and `handle`, the same calls given
 * CREDIT.LEDGER's handle cell instead (no call but LEDGER receives a million-row range; LEDGER's
 * own call reported apart, as what a ledger edit costs, and first in the handle chain's
 * after-edit figure). Target: under 250 ms (wall and CPU medians) at 10,000 customers /
 * 1,000,000 invoices for the chain Excel recalculates on every edit.
 */
export async function whatIfChain(args: WhatIfChainArgs): Promise<WhatIfChainResult> {
  await import("../../test/support/customFunctionsStub"); // CustomFunctions.Error, as Excel provides it
  const fns = await import("../../src/functions/functions");
  const { clearFunctionCaches } = await import("../../src/functions/functionCaches");
  const { TABLE_FIELDS } = await import("../../src/app/headerAliases");
  const { CHARACTERISTIC_KEYS } = await import("../../src/engine/policy/characteristics");
  const { toExcelSerial } = await import("../../src/engine/dates/dayNumber");
  const freshArrays = args.freshArrays ?? true;
  const { snapshot, asOf } = generatePortfolio({ customers: args.customers, invoices: args.invoices });
  const table = (name: string): { headers: readonly unknown[]; rows: CellValue[][] } => {
    const t = snapshot.tables.find((x) => x.name === name);
    if (!t) throw new Error(`no ${name} table`);
    return t;
  };
  const at = (kind: "customers" | "receivables", field: string): number => TABLE_FIELDS[kind].fields.findIndex((f) => f.field === field);
  const customers = table("Customers").rows;
  const ledger = table("Receivables").rows;
  const financialTable = table("Financials");
  // Each range as the JSON Excel's marshalling amounts to; `range` gives new arrays from it at every call.
  type Range = { json: string; kept?: CellValue[][] };
  const rangeOf = (cells: CellValue[][]): Range => ({ json: JSON.stringify(cells) });
  const range = (r: Range): CellValue[][] => {
    if (freshArrays) return JSON.parse(r.json) as CellValue[][];
    r.kept ??= JSON.parse(r.json) as CellValue[][];
    return r.kept;
  };
  const c = (field: string): Range => rangeOf(columnOf(customers, at("customers", field)));
  const r = (field: string): Range => rangeOf(columnOf(ledger, at("receivables", field)));
  const ids = c("customerId");
  const scoreBlock = rangeOf(customers.map((row) => CHARACTERISTIC_KEYS.map((key) => row[at("customers", key)])));
  const financials = rangeOf([financialTable.headers as CellValue[], ...financialTable.rows]);
  const day = toExcelSerial(asOf);
  const L = { invoiceIds: r("invoiceId"), customers: r("customerId"), invoiceDates: r("invoiceDate"), dueDates: r("dueDate"), amounts: r("amount"), settled: r("settledDate"), paid: r("paidAmount"), open: r("openAmount"), disputed: r("disputed") };
  const C = { entered: c("paymentRecord"), sales: c("annualCreditSales"), margin: c("grossMargin"), collateral: c("collateral"), previousGrade: c("previousGrade"), keyAccount: c("keyAccount"), lastReviewDate: c("lastReviewDate") };
  const column = (out: unknown[][]): CellValue[][] => out.map((row) => [row[0] instanceof Error ? null : (row[0] as CellValue)]);
  const FIGURES = ["CurrentAssets", "Inventory", "CurrentLiabilities", "TotalLiabilities", "Equity"];
  // CREDIT.LEDGER's handle cell, as the handle chain's ledger functions get it (set by the LEDGER call).
  const handleCell: Range = rangeOf([[null]]);
  const ledgerCall = {
    call: "LEDGER(invoiceIds, customers, invoiceDates, dueDates, amounts, settled, paid, open, disputed)", key: "LEDGER",
    args: (): Arg[] => [L.invoiceIds, L.customers, L.invoiceDates, L.dueDates, L.amounts, L.settled, L.paid, L.open, L.disputed], run: fns.ledger,
  };

  // The chain's calls in sheet order, each reading the spills of the calls before it (spills are ranges too: new arrays at every call).
  const spills = new Map<string, Range>();
  const spill = (key: string): Range => spills.get(key) ?? rangeOf([[null]]);
  type Arg = Range | number | string | undefined;
  type Call = { call: string; key: string; args: () => Arg[]; run: (...a: never[]) => unknown; keep?: boolean };
  const callsOf = (viaHandle: boolean): Call[] => {
    const behaviour = viaHandle ? [ids, handleCell, undefined, undefined, undefined] : [ids, L.customers, L.dueDates, L.amounts, L.settled];
    const positionArgs = viaHandle
      ? [ids, handleCell, undefined, undefined, undefined, undefined, undefined, day]
      : [ids, L.invoiceIds, L.customers, L.invoiceDates, L.dueDates, L.amounts, L.settled, day, L.paid, L.open, L.disputed];
    const ledgerWords = viaHandle ? "handle" : "ledger…";
    return [
      { call: `PAYMENTRECORD(ids, ${ledgerWords}, asOf, entered)`, key: "PAYMENTRECORD", args: () => [...behaviour, day, C.entered], run: fns.paymentrecord },
      { call: `DAYSLATE(ids, ${ledgerWords}, "12m")`, key: "DAYSLATE:12m", args: () => [...behaviour, day, "12m"], run: fns.dayslate },
      { call: `DAYSLATE(ids, ${ledgerWords}, "trend")`, key: "DAYSLATE:trend", args: () => [...behaviour, day, "trend"], run: fns.dayslate },
      { call: "SCORE(scores, , , paymentRecord)", key: "SCORE", args: () => [scoreBlock, undefined, undefined, spill("PAYMENTRECORD")], run: fns.score },
      { call: "COVERAGE(scores, , , paymentRecord)", key: "COVERAGE", args: () => [scoreBlock, undefined, undefined, spill("PAYMENTRECORD")], run: fns.coverage },
      { call: "GRADE(composite)", key: "GRADE", args: () => [spill("SCORE")], run: fns.grade },
      ...FIGURES.map((figure): Call => ({ call: `FINANCIALS(ids, Financials, asOf, "${figure}")`, key: `FINANCIALS:${figure}`, args: () => [ids, financials, day, figure], run: fns.financials })),
      {
        call: "LIMIT(grade, sales, margin, 5 figures, collateral, daysLate)", key: "LIMIT",
        args: () => [spill("GRADE"), C.sales, C.margin, ...FIGURES.map((f) => spill(`FINANCIALS:${f}`)), C.collateral, spill("DAYSLATE:12m")], run: fns.limit,
      },
      { call: `POSITION(ids, ${ledgerWords}, asOf)`, key: "POSITION", args: () => positionArgs, run: fns.position, keep: true },
      { call: `EXPOSURE(ids, ${ledgerWords}, asOf)`, key: "EXPOSURE", args: () => positionArgs, run: fns.exposure },
      { call: "UTILISATION(exposure, limit)", key: "UTILISATION", args: () => [spill("EXPOSURE"), spill("LIMIT")], run: fns.utilisation },
      {
        call: 'WARNINGS(…, "count")', key: "WARNINGS",
        args: () => [ids, day, spill("GRADE"), spill("COVERAGE"), spill("LIMIT"), spill("POSITION"), spill("DAYSLATE:trend"), C.previousGrade, C.keyAccount, C.lastReviewDate, financials, "count"],
        run: fns.warnings,
      },
    ];
  };
  const handOver = (a: Arg): unknown => (typeof a === "object" ? range(a) : a);

  /**
   * One call timed: its arguments built just before it (untimed), from the spills of the calls
   * before, then one full collection, then the call (wall clock and CPU of the process). Only one
   * call's arguments exist at a time, as in Excel: arguments of the whole chain built first
   * (several GB at 1M invoices) made the collector, not the calls, most of the time.
   */
  const timeCall = async (step: Call): Promise<{ ms: number; cpu: number; errors: number; out: unknown }> => {
    let given: unknown[] | undefined = step.args().map(handOver);
    collectGarbage();
    await settle(); // the collector's concurrent sweeping done before the timing, as timeRuns does
    if (args.quiet ?? true) await quiet();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const out = (step.run as (...a: unknown[]) => unknown)(...given);
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    given = undefined;
    return { ms, cpu: (used.user + used.system) / 1000, errors: errorCellsOf(out), out };
  };
  const runLedger = async (): Promise<{ ms: number; cpu: number; errors: number }> => {
    const t = await timeCall(ledgerCall);
    handleCell.json = JSON.stringify([[t.out instanceof Error ? null : t.out]]);
    handleCell.kept = undefined;
    return t;
  };
  const runChain = async (calls: Call[]): Promise<{ ms: number[]; cpu: number[]; errors: number[] }> => {
    const ms: number[] = [];
    const cpu: number[] = [];
    const errors: number[] = [];
    for (const step of calls) {
      const t = await timeCall(step);
      ms.push(t.ms);
      cpu.push(t.cpu);
      errors.push(t.errors);
      spills.set(step.key, rangeOf(step.keep ? (t.out as CellValue[][]) : column(t.out as unknown[][])));
    }
    return { ms, cpu, errors };
  };
  const timingOf = (samples: number[], cpuSamples: number[]): Timing => ({
    medianMs: round1(median(samples)), minMs: round1(Math.min(...samples)), maxMs: round1(Math.max(...samples)), runs: samples.length, samplesMs: samples.map(round1),
    cpuMedianMs: round1(median(cpuSamples)),
  });
  const sum = (xs: number[]): number => xs.reduce((total, x) => total + x, 0);
  const targetMs = 250;

  /** The figures of one chain: a warm start, `runs` kept-ledger runs, then `runs` runs after every cache is cleared (`first`: the ledger read again). */
  const measure = async (calls: Call[], first?: () => Promise<{ ms: number; cpu: number }>): Promise<ChainFigures> => {
    clearFunctionCaches();
    if (first) await first();
    await runChain(calls); // the spills each call reads, and a warm start
    const warm: Awaited<ReturnType<typeof runChain>>[] = [];
    for (let i = 0; i < args.runs; i++) warm.push(await runChain(calls));
    const steps: ChainStep[] = calls.map((step, i) => ({
      call: step.call, timing: timingOf(warm.map((w) => w.ms[i]), warm.map((w) => w.cpu[i])), cpuMs: round1(median(warm.map((w) => w.cpu[i]))), errorCells: warm[warm.length - 1].errors[i],
    }));
    const cold: { ms: number; cpu: number }[] = [];
    for (let i = 0; i < args.runs; i++) {
      clearFunctionCaches();
      const before = first ? await first() : { ms: 0, cpu: 0 };
      const run = await runChain(calls);
      cold.push({ ms: before.ms + sum(run.ms), cpu: before.cpu + sum(run.cpu) });
    }
    const chain = timingOf(warm.map((w) => sum(w.ms)), warm.map((w) => sum(w.cpu)));
    const chainCpuMs = round1(median(warm.map((w) => sum(w.cpu))));
    return {
      steps, chain, chainCpuMs,
      coldChain: timingOf(cold.map((c) => c.ms), cold.map((c) => c.cpu)), coldChainCpuMs: round1(median(cold.map((c) => c.cpu))),
      met: chain.medianMs < targetMs && chainCpuMs < targetMs,
    };
  };

  const which = args.chains ?? "both";
  const result: WhatIfChainResult = { customers: args.customers, invoices: args.invoices, freshArrays, targetMs, quiet: args.quiet ?? true, quietWaitMs: 0 };
  if (which !== "handle") result.ranges = await measure(callsOf(false));
  if (which !== "ranges") {
    const figures = await measure(callsOf(true), runLedger);
    // CREDIT.LEDGER alone, as after a ledger edit (it always reads its ranges; the held ledger is kept by its tag).
    const ledgerRuns: Awaited<ReturnType<typeof runLedger>>[] = [];
    for (let i = 0; i < args.runs; i++) ledgerRuns.push(await runLedger());
    const ledgerStep: ChainStep = {
      call: ledgerCall.call, timing: timingOf(ledgerRuns.map((r) => r.ms), ledgerRuns.map((r) => r.cpu)), cpuMs: round1(median(ledgerRuns.map((r) => r.cpu))), errorCells: ledgerRuns[ledgerRuns.length - 1].errors,
    };
    result.handle = { ...figures, ledgerCall: ledgerStep, handleText: String((JSON.parse(handleCell.json) as unknown[][])[0][0]) };
  }
  result.quietWaitMs = Math.round(quietWaitedMs);
  if (result.ranges && result.handle) result.handleOverRangesCpu = Math.round((result.handle.chainCpuMs / result.ranges.chainCpuMs) * 1000) / 1000;
  return result;
}
// #endregion what-if chain
