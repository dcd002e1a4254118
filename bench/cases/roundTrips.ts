/**
 * Section 4: Excel round trips of a whole review through the Office adapter (OfficeWorkbook),
 * against the counting fake of the Excel object model (test/support/fakeExcel.ts): the number
 * of `context.sync()` calls and the largest request and response payloads, for reading the input
 * tables and for writing the output sheets, at several ledger sizes so that the growth shows.
 */
import { createFakeExcel, type FakeStats } from "../../test/support/fakeExcel";
import { OfficeWorkbook } from "../../src/host/office/OfficeWorkbook";
import { PAYLOAD_BUDGET_BYTES } from "../../src/host/office/payload";
import { runReview } from "../../src/app/runReview";
import { generatePortfolio } from "../generate";
import { PERIOD_DAYS } from "../lib/pipeline";
import { timeOnce } from "../lib/measure";

const GENERATED_AT = "2025-06-30T12:00:00.000Z";

/**
 * The syncs of a first review that do not depend on the data's size (OfficeWorkbook's contract):
 * reading, 2 (sheets and the date probe; tables, markers and a 64-row sample); creating the
 * committee's register, 3 (sheets, markers, its rows); writing the outputs, 2 (sheets and
 * markers) before its value groups. The rest is one sync per group of value chunks of at most
 * 4 MB: the formula checked is syncs ≤ FIXED_SYNCS + ⌈bytes read ÷ 4 MiB⌉ + ⌈bytes written ÷ 4 MiB⌉.
 */
export const FIXED_SYNCS = 7;

/** The bound of issue 19 §4 for a review that read and wrote these many bytes. */
export function syncBound(responseBytes: number, requestBytes: number, budget = PAYLOAD_BUDGET_BYTES): number {
  return FIXED_SYNCS + Math.ceil(responseBytes / budget) + Math.ceil(requestBytes / budget);
}

export interface RoundTripsArgs {
  sizes: { customers: number; invoices: number }[];
}

export interface RoundTripFigure {
  customers: number;
  invoices: number;
  status: string;
  syncs: number;
  runs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalBytes: number;
  /** Syncs whose request or response exceeded the 4 MB budget. */
  overBudget: number;
  /** All response bytes (what was read) and all request bytes (what was written). */
  responseBytes?: number;
  requestBytes?: number;
  /** syncBound(responseBytes, requestBytes): the most syncs the formula allows (older results lack these three). */
  bound?: number;
  ms: number;
}

export interface RoundTripsResult {
  /** How the review was driven: runReview, or the port calls it makes. */
  via: string;
  budgetBytes: number;
  /** FIXED_SYNCS of the run (older results lack it). */
  fixedSyncs?: number;
  figures: RoundTripFigure[];
}

function figureOf(customers: number, invoices: number, status: string, stats: FakeStats, ms: number): RoundTripFigure {
  const responseBytes = stats.perSync.reduce((n, s) => n + s.responseBytes, 0);
  const requestBytes = stats.perSync.reduce((n, s) => n + s.requestBytes, 0);
  return {
    customers,
    invoices,
    status,
    syncs: stats.syncs,
    runs: stats.runs,
    maxRequestBytes: stats.maxRequestBytes,
    maxResponseBytes: stats.maxResponseBytes,
    totalBytes: stats.totalBytes,
    overBudget: stats.perSync.filter((s) => s.requestBytes > PAYLOAD_BUDGET_BYTES || s.responseBytes > PAYLOAD_BUDGET_BYTES).length,
    responseBytes,
    requestBytes,
    bound: syncBound(responseBytes, requestBytes),
    ms,
  };
}

export async function roundTrips(args: RoundTripsArgs): Promise<RoundTripsResult> {
  const figures: RoundTripFigure[] = [];
  for (const size of args.sizes) {
    const { snapshot, asOf } = generatePortfolio(size);
    const fake = createFakeExcel();
    for (const table of snapshot.tables) fake.seedTable({ sheet: table.sheet, name: table.name, headers: table.headers, rows: table.rows });
    fake.resetStats();
    const port = new OfficeWorkbook({ run: fake.run });
    const run = await timeOnce(async () => (await runReview(port, { asOf, periodDays: PERIOD_DAYS, generatedAt: GENERATED_AT, addinVersion: "bench" })).status);
    figures.push(figureOf(size.customers, size.invoices, run.value, fake.stats, run.ms));
  }
  return { via: "runReview", budgetBytes: PAYLOAD_BUDGET_BYTES, fixedSyncs: FIXED_SYNCS, figures };
}
