/**
 * Section 3: the aging a user builds with formulas only (per-row open-amount and day formulas and
 * a SUMIFS row of bucket totals, in HyperFormula) against one CREDIT.AGING call over the same
 * range, at one ledger size per child process. Both answers are compared bucket by bucket.
 */
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { toCents } from "../../src/engine/money/cents";
import { generatePortfolio } from "../generate";
import { collectGarbage, mib, settledRssBytes, startRssSampler, timeRuns, type Timing } from "../lib/measure";
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
