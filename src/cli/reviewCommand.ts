/**
 * `credit-desk review`: load the workbook, run the review workflow through the xlsx adapter,
 * save the output workbook, print the summary (or --json). Exit codes: 0 written; 1 the workbook
 * cannot be read, has validation errors, or the output cannot be saved (then nothing is written).
 */
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { describeError } from "../engine/errors";
import type { CellValue, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions } from "../host/WorkbookPort";
import { runReview, type ReviewOutcome } from "../app";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import type { CliIo } from "./CliIo";
import { formatProblem, formatSummary } from "./formatSummary";
import { progressBar, type ProgressBar } from "./progressBar";
import { VERSION } from "./version";

/** Input warnings printed after a successful review; the rest are counted. */
const MAX_WARNING_LINES = 20;

export interface ReviewRun {
  input: string;
  output: string;
  asOf: DayNumber;
  json: boolean;
}

function rowsOf(snapshot: WorkbookSnapshot): number {
  return snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
}

/** The adapter, watched: the snapshot's size decides whether a progress bar is worth drawing. */
function watchedPort(book: XlsxWorkbook, io: CliIo, onBar: (bar: ProgressBar) => void): WorkbookPort {
  return {
    async readWorkbook() {
      const snapshot = await book.readWorkbook();
      onBar(progressBar(io.stderr, rowsOf(snapshot)));
      return snapshot;
    },
    writeSheets: (sheets: SheetSpec[], options?: WriteOptions) => book.writeSheets(sheets, options),
    updateTableRows: (table: string, rows: CellValue[][]) => book.updateTableRows(table, rows),
    select: (sheet: string, row: number, column: number) => book.select(sheet, row, column),
  };
}

/** The machine-readable result: the outcome without the sheet descriptions, plus the run's facts. */
function jsonOf(outcome: ReviewOutcome, run: ReviewRun, written: boolean): string {
  const result = {
    status: outcome.status,
    asOf: toIsoDate(run.asOf),
    input: run.input,
    output: written ? run.output : null,
    policyFingerprint: outcome.policyFingerprint ?? null,
    kpis: outcome.kpis ?? null,
    critical: outcome.critical ?? [],
    customers: outcome.customers ?? [],
    problems: outcome.problems,
  };
  return `${JSON.stringify(result, null, 2)}\n`;
}

export async function reviewFile(run: ReviewRun, io: CliIo): Promise<number> {
  const loaded = await XlsxWorkbook.load(run.input);
  if (!loaded.ok) {
    io.stderr.write(`credit-desk: ${describeError(loaded.error)}\n`);
    return 1;
  }
  const book = loaded.value;
  let bar: ProgressBar = progressBar(io.stderr, 0);
  const port = watchedPort(book, io, (b) => (bar = b));

  const outcome = await runReview(port, {
    asOf: run.asOf,
    generatedAt: io.now().toISOString(),
    addinVersion: VERSION,
    onProgress: (stage, fraction) => bar.update(stage, fraction),
  });

  if (outcome.status !== "written") {
    bar.done();
    const errors = outcome.problems.filter((p) => p.severity === "error");
    if (run.json) io.stdout.write(jsonOf(outcome, run, false));
    else for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    const why = outcome.status === "cancelled" ? "the review was cancelled" : `${errors.length} error${errors.length === 1 ? "" : "s"} in the workbook`;
    io.stderr.write(`credit-desk: ${run.input}: ${why}; nothing was written\n`);
    return 1;
  }

  bar.update("saving", 1);
  const saved = await book.save(run.output);
  bar.done();
  if (!saved.ok) {
    io.stderr.write(`credit-desk: ${describeError(saved.error)}\n`);
    return 1;
  }

  if (run.json) {
    io.stdout.write(jsonOf(outcome, run, true));
    return 0;
  }
  const warnings = outcome.problems.filter((p) => p.severity === "warning");
  for (const problem of warnings.slice(0, MAX_WARNING_LINES)) io.stderr.write(`${formatProblem(problem)}\n`);
  if (warnings.length > MAX_WARNING_LINES) io.stderr.write(`… and ${warnings.length - MAX_WARNING_LINES} more warnings\n`);
  io.stdout.write(formatSummary(outcome, { asOf: toIsoDate(run.asOf), output: run.output }));
  return 0;
}
