/**
 * What-if recomputation (issue 14, "Done when" 3): on a portfolio already read (10,000 customers /
 * 1,000,000 invoices at full size), the time of one scenario compared from the what-if base
 * (`runScenario`: every customer reviewed again under the draft policy, the comparison built),
 * as a ratio to the full engine review of the same portfolio (`reviewPortfolio`); target ≤ 0.5×.
 * The read is not repeated in either. Also reported: building the base once (what the pane does
 * when the What-if tab first opens on a reading), and a draft that changes the aging edges and
 * provision percents, which ages the ledger again. Beside the wall-clock medians, the CPU-time
 * medians (process.cpuUsage), which other processes on a shared machine do not inflate.
 */
import { generatePortfolio } from "../generate";
import { collectGarbage, median, timeRuns, type Timing } from "../lib/measure";
import { readFromCells, reviewOf } from "../lib/pipeline";
import { runScenario, whatIfBase, type ScenarioDraft, type WhatIfBase } from "../../src/engine/scenarios";

export interface WhatIfArgs {
  customers: number;
  invoices: number;
  runs: number;
}

/** Median CPU time (user + system, all threads of the process) of each measured step, ms. */
export interface CpuMedians {
  review: number;
  base: number;
  scenario: number;
  agingScenario: number;
  /** scenario / review in CPU time: the machine's other load does not enter it. */
  ratio: number;
}

export interface WhatIfResult {
  customers: number;
  invoices: number;
  /** The full engine review of the portfolio already read. */
  review: Timing;
  /** The what-if base, built once per reading and as-of date. */
  base: Timing;
  /** gradeBands.A=70, weights.paymentRecord=3: the scenario the issue names. */
  scenario: Timing;
  /** agingEdges and provisionPercents changed: the ledger aged again. */
  agingScenario: Timing;
  /** scenario median / review median (target ≤ 0.5). */
  ratio: number;
  /** (base + scenario) / review: the first scenario on a fresh reading. */
  firstRatio: number;
  agingRatio: number;
  cpu: CpuMedians;
  outcome: { changedCustomers: number; limitBefore: number; limitAfter: number };
}

/** The function, recording each call's CPU time in `samples`. */
function withCpu<T>(fn: () => T, samples: number[]): () => T {
  return () => {
    const start = process.cpuUsage();
    const value = fn();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
    return value;
  };
}

const DRAFT: ScenarioDraft = { changes: [{ key: "gradeBands.A", value: "70" }, { key: "weights.paymentRecord", value: "3" }] };
const AGING_DRAFT: ScenarioDraft = { changes: [{ key: "agingEdges", value: "0,30,60,90,180" }, { key: "provisionPercents", value: "1,3,6,12,30,100" }] };

function scenarioOf(base: WhatIfBase, draft: ScenarioDraft) {
  const r = runScenario(base, draft);
  if (!r.ok) throw new Error(`scenario failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export async function whatIf(args: WhatIfArgs): Promise<WhatIfResult> {
  const { snapshot, asOf } = await generatePortfolio({ customers: args.customers, invoices: args.invoices });
  const read = readFromCells(snapshot);
  collectGarbage();
  const cpu = { review: [] as number[], base: [] as number[], scenario: [] as number[], aging: [] as number[] };
  const review = await timeRuns(withCpu(() => reviewOf(read, asOf), cpu.review), args.runs);
  collectGarbage();
  const base = await timeRuns(withCpu(() => {
    const b = whatIfBase(read.portfolio, read.policy, asOf);
    if (!b.ok) throw new Error(`base failed: ${JSON.stringify(b.error)}`);
    return b.value;
  }, cpu.base), args.runs);
  collectGarbage();
  const scenario = await timeRuns(withCpu(() => scenarioOf(base.last, DRAFT), cpu.scenario), args.runs);
  collectGarbage();
  const aging = await timeRuns(withCpu(() => scenarioOf(base.last, AGING_DRAFT), cpu.aging), args.runs);
  const r = review.timing.medianMs;
  return {
    customers: args.customers,
    invoices: args.invoices,
    review: review.timing,
    base: base.timing,
    scenario: scenario.timing,
    agingScenario: aging.timing,
    ratio: scenario.timing.medianMs / r,
    firstRatio: (base.timing.medianMs + scenario.timing.medianMs) / r,
    agingRatio: aging.timing.medianMs / r,
    cpu: {
      review: median(cpu.review),
      base: median(cpu.base),
      scenario: median(cpu.scenario),
      agingScenario: median(cpu.aging),
      ratio: median(cpu.scenario) / median(cpu.review),
    },
    outcome: { changedCustomers: scenario.last.changedCustomers, limitBefore: scenario.last.totalLimit.before, limitAfter: scenario.last.totalLimit.after },
  };
}
