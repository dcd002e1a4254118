/**
 * `credit-desk review`: load the workbook, run the review workflow through the xlsx adapter,
 * save the output workbook, print the summary (or --json). Exit codes: 0 written; 1 the workbook
 * cannot be read, has validation errors, or the output cannot be saved (then nothing is written),
 * which includes a read-only input with --in-place and an existing output without --force
 * (outputFileProblem, checked before the review runs). Everything printed that comes from the
 * workbook (names, sheet names, messages) goes through terminalSafe.
 */
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "../app/errorText";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { CellValue, OutputSheetMark, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions, WrittenSheet } from "../host/WorkbookPort";
import { runReview } from "../app";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import type { CliIo } from "./CliIo";
import { loadWorkbook, mayWriteOutput } from "./openFiles";
import { formatProblem, formatSummary } from "./formatSummary";
import { progressBar, type ProgressBar } from "./progressBar";
import { reviewJson } from "./reviewJson";
import { terminalSafe } from "./terminalSafe";
import { VERSION } from "./version";
import { recognitionReport } from "./mapOption";
import { MAPPING_SHEET, MAPPING_TABLE, saveMapping } from "../app/savedMapping";
import type { ColumnMapping } from "../app/types";
import { createTranslator, type Translator } from "../i18n/translator";

/** Input warnings printed after a successful review; the rest are counted. */
const MAX_WARNING_LINES = 20;

export interface ReviewRun {
  input: string;
  output: string;
  asOf: DayNumber;
  json: boolean;
  /** The output is the input (--in-place). */
  inPlace: boolean;
  /** Replace an existing output file (--force). */
  force: boolean;
  /** --lang given on the command line: the output sheets' language where the Policy names none. */
  outputLanguage?: OutputLanguage;
  /** The --map mapping (saved in the output workbook after a review). */
  mapping?: ColumnMapping;
  /** The --lang translator for the recognition report and the problems that have a message id. */
  t?: Translator;
}

/** What the watched port saw: the output marks read, and where the sheets went. */
interface PortLog {
  sheets: string[];
  marks: OutputSheetMark[];
  written: WrittenSheet[];
}

function rowsOf(snapshot: WorkbookSnapshot): number {
  return snapshot.tables.reduce((n, t) => n + t.rows.length, 0);
}

/** The adapter, watched: the snapshot's size decides whether a progress bar is worth drawing. */
function watchedPort(book: XlsxWorkbook, io: CliIo, log: PortLog, onBar: (bar: ProgressBar) => void): WorkbookPort {
  return {
    async readWorkbook() {
      const snapshot = await book.readWorkbook();
      log.sheets = snapshot.sheets;
      log.marks = snapshot.outputSheets;
      onBar(progressBar(io.stderr, rowsOf(snapshot)));
      return snapshot;
    },
    async writeSheets(sheets: SheetSpec[], options?: WriteOptions) {
      const result = await book.writeSheets(sheets, options);
      log.written.push(...result.sheets);
      return result;
    },
    updateTableRows: (table: string, rows: CellValue[][]) => book.updateTableRows(table, rows),
    select: (sheet: string, row: number, column: number) => book.select(sheet, row, column),
  };
}

/**
 * One line when an output went to another sheet than its name: beside a sheet of the user's
 * that holds the name ("Summary (2)", on the first review and on every later one), or into the
 * add-in's own sheet that the user renamed. `sheets` and `marks`: the workbook as read.
 * @example sheetNotice([{ requested: "Summary", written: "Summary (2)" }], ["Summary"], []) //=> 'Output sheets: Summary → "Summary (2)" (your sheet "Summary" was left as it is)'
 */
export function sheetNotice(written: readonly WrittenSheet[], sheets: readonly string[], marks: readonly OutputSheetMark[]): string | undefined {
  const moved = written.filter((w) => w.written !== w.requested);
  if (moved.length === 0) return undefined;
  const ours = new Set(marks.map((m) => m.sheet.toLowerCase()));
  const parts = moved.map((w) => {
    const requested = terminalSafe(w.requested);
    const sheet = terminalSafe(w.written);
    const users = sheets.find((s) => s.toLowerCase() === w.requested.toLowerCase() && !ours.has(s.toLowerCase()));
    return users !== undefined ? `${requested} → "${sheet}" (your sheet "${terminalSafe(users)}" was left as it is)` : `${requested} → "${sheet}" (the add-in's sheet from an earlier review, renamed)`;
  });
  return `Output sheets: ${parts.join("; ")}`;
}

export async function reviewFile(run: ReviewRun, io: CliIo): Promise<number> {
  if (!(await mayWriteOutput(run.output, { inPlace: run.inPlace, force: run.force }, io))) return 1;
  const book = await loadWorkbook(run.input, io);
  if (!book) return 1;
  let bar: ProgressBar = progressBar(io.stderr, 0);
  const log: PortLog = { sheets: [], marks: [], written: [] };
  const port = watchedPort(book, io, log, (b) => (bar = b));

  const t = run.t ?? createTranslator("en-US");
  const mapping = run.mapping ?? {};
  const outcome = await runReview(port, {
    asOf: run.asOf,
    generatedAt: io.now().toISOString(),
    addinVersion: VERSION,
    outputLanguage: run.outputLanguage,
    mapping,
    onRecognised: (recognition, snapshot) => {
      for (const line of recognitionReport(recognition, snapshot, mapping, t)) io.stderr.write(`${line}\n`);
    },
    onProgress: (stage, fraction) => bar.update(stage, fraction),
  });

  if (outcome.status !== "written") {
    bar.done();
    const errors = outcome.problems.filter((p) => p.severity === "error");
    if (run.json) io.stdout.write(reviewJson(outcome, run.asOf, run.input, null));
    else for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem, t)}\n`);
    const why = outcome.status === "cancelled" ? "the review was cancelled" : `${errors.length} error${errors.length === 1 ? "" : "s"} in the workbook`;
    io.stderr.write(`credit-desk: ${terminalSafe(run.input)}: ${why}; nothing was written\n`);
    return 1;
  }

  // A mapping given with --map travels with the workbook written: the pane and the next review use it.
  const mappingSaved = Object.keys(mapping).length > 0 ? await saveMapping(book, mapping) : undefined;
  bar.update("saving", 1);
  const saved = await book.save(run.output);
  bar.done();
  if (!saved.ok) {
    io.stderr.write(`credit-desk: ${terminalSafe(errorText(t, saved.error))}; nothing was written\n`);
    return 1;
  }

  if (run.json) {
    io.stdout.write(reviewJson(outcome, run.asOf, run.input, run.output, log.written));
    return 0;
  }
  const warnings = outcome.problems.filter((p) => p.severity === "warning");
  for (const problem of warnings.slice(0, MAX_WARNING_LINES)) io.stderr.write(`${formatProblem(problem, t)}\n`);
  if (warnings.length > MAX_WARNING_LINES) io.stderr.write(`… and ${warnings.length - MAX_WARNING_LINES} more warnings\n`);
  io.stdout.write(formatSummary(outcome, { asOf: toIsoDate(run.asOf), output: run.output }, t));
  if (mappingSaved === "refused") io.stderr.write(`${t.t("cli.map.notSaved", { sheet: MAPPING_SHEET })}\n`);
  else if (mappingSaved !== undefined) io.stdout.write(`${t.t("cli.map.saved", { sheet: MAPPING_SHEET, table: MAPPING_TABLE })}\n`);
  const notice = sheetNotice(log.written, log.sheets, log.marks);
  if (notice !== undefined) io.stdout.write(`${notice}\n`);
  return 0;
}
