/**
 * Sections 1 and 2 of the benchmark, in one child process per portfolio size:
 * 1. the full review from 2-D arrays as Excel hands them (recognise + read + review): median of
 *    N runs and peak memory (RSS sampled by a worker thread during the runs; the baseline is the
 *    process with the generated cells in memory, before any review);
 * 2. then, in the same process over the same rows, DuckDB's per-customer aging pivot (loaded from
 *    the same arrays with its appender) against our aging-only and full-review times. The two
 *    agings are compared customer by customer to the cent, so the race is over the same answer.
 */
import { generatePortfolio, type PortfolioStats } from "../generate";
import { collectGarbage, mib, settledRssBytes, startRssSampler, timeOnce, timeRuns, maxRssBytes, type Timing } from "../lib/measure";
import { agingOf, readFromCells, reviewFromCells, reviewOf } from "../lib/pipeline";
import { openDuckPeer } from "../peers/duckdbPeer";
import { toCents } from "../../src/engine/money/cents";

export interface EngineReviewArgs {
  customers: number;
  invoices: number;
  runs: number;
  /** Skip the DuckDB part (section 1 only). */
  withDuckDb: boolean;
}

export interface EngineReviewResult {
  customers: number;
  invoices: number;
  stats: PortfolioStats;
  generateMs: number;
  /** Section 1: recognise + read + review from cells. */
  fullFromCells: Timing;
  memory: { baselineMiB: number; peakMiB: number; reviewPeakDeltaMiB: number; processMaxRssMiB: number };
  /** Steps of the full review, timed apart (medians). */
  steps: { read: Timing; review: Timing; aging: Timing };
  outcome: { customersReviewed: number; openBalance: number; collections: number; warnings: number; grades: Record<string, number> };
  duckdb?: {
    version: string;
    threads: number;
    loadMs: number;
    pivot: Timing;
    customersCompared: number;
    mismatchedCustomers: number;
  };
}

export async function engineReview(args: EngineReviewArgs): Promise<EngineReviewResult> {
  const generated = await timeOnce(() => generatePortfolio({ customers: args.customers, invoices: args.invoices }));
  const { snapshot, asOf, stats } = generated.value;

  // Section 1: peak memory and median of the full path from cells.
  const sampler = startRssSampler();
  const baseline = settledRssBytes();
  sampler.reset();
  const full = await timeRuns(() => reviewFromCells(snapshot, asOf), args.runs);
  const peak = sampler.peakBytes();
  await sampler.stop();
  const review = full.last;
  const grades: Record<string, number> = {};
  for (const line of review.gradeDistribution) grades[line.grade] = line.customers;
  const outcome = {
    customersReviewed: review.customers.length,
    openBalance: review.aging.totals.total,
    collections: review.collections.length,
    warnings: review.kpis.warnings,
    grades,
  };
  collectGarbage();

  // The steps apart: read once (timed N times), then engine-only review and aging-only on it.
  const read = await timeRuns(() => readFromCells(snapshot), args.runs);
  const portfolio = read.last;
  const engineOnly = await timeRuns(() => reviewOf(portfolio, asOf), args.runs);
  const aging = await timeRuns(() => agingOf(portfolio, asOf), args.runs);

  const result: EngineReviewResult = {
    customers: args.customers,
    invoices: args.invoices,
    stats,
    generateMs: generated.ms,
    fullFromCells: full.timing,
    memory: {
      baselineMiB: mib(baseline),
      peakMiB: mib(peak),
      reviewPeakDeltaMiB: mib(peak - baseline),
      processMaxRssMiB: mib(maxRssBytes()),
    },
    steps: { read: read.timing, review: engineOnly.timing, aging: aging.timing },
    outcome,
  };
  if (!args.withDuckDb) return result;

  // Section 2: DuckDB in this process, over the same receivable rows.
  const receivables = snapshot.tables.find((t) => t.name === "Receivables");
  if (!receivables) throw new Error("no Receivables table in the generated snapshot");
  const peer = await openDuckPeer();
  const load = await peer.load(receivables);
  const edges = portfolio.policy.agingEdges;
  const pivot = await timeRuns(() => peer.pivot(asOf, edges), args.runs);
  peer.close();

  // Same answer? Compare each customer's buckets in cents.
  const { width, bucketCents, customers } = aging.last;
  const ours = new Map<string, number[]>();
  for (const c of customers) ours.set(portfolio.portfolio.receivables.customerIds[c], Array.from(bucketCents.subarray(c * width, (c + 1) * width)));
  let mismatched = 0;
  for (const row of pivot.last) {
    const id = String(row[0]);
    const mine = ours.get(id);
    const theirs = row.slice(1).map((v) => toCents(Number(v ?? 0)));
    const same = mine !== undefined && mine.length === theirs.length && mine.every((c, i) => c === theirs[i]);
    if (!same && !(mine === undefined && theirs.every((c) => c === 0))) mismatched++;
  }
  result.duckdb = {
    version: peer.version,
    threads: peer.threads,
    loadMs: load.ms,
    pivot: pivot.timing,
    customersCompared: pivot.last.length,
    mismatchedCustomers: mismatched,
  };
  return result;
}
