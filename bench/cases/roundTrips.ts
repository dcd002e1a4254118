/**
 * Section 4: Excel round trips of a whole review through the Office adapter (OfficeWorkbook),
 * against the counting fake of the Excel object model (test/support/fakeExcel.ts): the number
 * of `context.sync()` calls and the largest request and response payloads, for reading the input
 * tables and for writing the output sheets, at several ledger sizes so that the growth shows.
 */
import { createFakeExcel, type FakeStats } from "../../test/support/fakeExcel";
import { OfficeWorkbook } from "../../src/host/office/OfficeWorkbook";
import { PAYLOAD_BUDGET_BYTES } from "../../src/host/office/payload";
import { policyFingerprint } from "../../src/engine/policy/policyFingerprint";
import type { DayNumber } from "../../src/engine/dates/dayNumber";
import type { WorkbookPort } from "../../src/host/WorkbookPort";
import { buildOutputSheets } from "../../src/app/buildOutputSheets";
import { generatePortfolio } from "../generate";
import { PERIOD_DAYS, readFromCells, reviewOf } from "../lib/pipeline";
import { timeOnce } from "../lib/measure";

const GENERATED_AT = "2025-06-30T12:00:00.000Z";

type ReviewRun = (port: WorkbookPort, asOf: DayNumber) => Promise<string>;

/**
 * The workflow's `runReview` when src/app/runReview.ts exists; until it lands, the same
 * port calls in the same order (read the workbook, review, write the four output sheets).
 */
async function reviewRunner(): Promise<{ via: string; run: ReviewRun }> {
  // Loaded by path at run time so that this file type-checks before runReview.ts lands.
  const modulePath = "../../src/app/runReview";
  let runReview: unknown;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded: unknown = require(modulePath);
    runReview = typeof loaded === "object" && loaded !== null ? Reflect.get(loaded, "runReview") : undefined;
  } catch (error) {
    // Only a missing module means "not landed yet"; any other failure is a real one.
    if (!(error instanceof Error && Reflect.get(error, "code") === "MODULE_NOT_FOUND" && error.message.includes("runReview"))) throw error;
    runReview = undefined;
  }
  if (typeof runReview === "function") {
    const fn = runReview;
    return {
      via: "runReview",
      run: async (port, asOf) => {
        const outcome: unknown = await Reflect.apply(fn, undefined, [port, { asOf, periodDays: PERIOD_DAYS, generatedAt: GENERATED_AT, addinVersion: "bench" }]);
        return String(typeof outcome === "object" && outcome !== null ? Reflect.get(outcome, "status") : outcome);
      },
    };
  }
  return {
    via: "port steps (runReview.ts not found): readWorkbook, review, buildOutputSheets, writeSheets",
    run: async (port, asOf) => {
      const read = readFromCells(await port.readWorkbook());
      const review = reviewOf(read, asOf);
      const sheets = buildOutputSheets(review, {
        asOf, generatedAt: GENERATED_AT, addinVersion: "bench", policyFingerprint: policyFingerprint(read.policy), policyVersion: read.policy.version,
      });
      await port.writeSheets(sheets);
      return "written";
    },
  };
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
  ms: number;
}

export interface RoundTripsResult {
  /** How the review was driven: runReview, or the port calls it makes. */
  via: string;
  budgetBytes: number;
  figures: RoundTripFigure[];
}

function figureOf(customers: number, invoices: number, status: string, stats: FakeStats, ms: number): RoundTripFigure {
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
    ms,
  };
}

export async function roundTrips(args: RoundTripsArgs): Promise<RoundTripsResult> {
  const figures: RoundTripFigure[] = [];
  const runner = await reviewRunner();
  for (const size of args.sizes) {
    const { snapshot, asOf } = generatePortfolio(size);
    const fake = createFakeExcel();
    for (const table of snapshot.tables) fake.seedTable({ sheet: table.sheet, name: table.name, headers: table.headers, rows: table.rows });
    fake.resetStats();
    const port = new OfficeWorkbook({ run: fake.run });
    const run = await timeOnce(() => runner.run(port, asOf));
    figures.push(figureOf(size.customers, size.invoices, run.value, fake.stats, run.ms));
  }
  return { via: runner.via, budgetBytes: PAYLOAD_BUDGET_BYTES, figures };
}
