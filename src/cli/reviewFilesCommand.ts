/**
 * `credit-desk review --customers … --ledger …` (issue 19 §3): a review whose ledger is past
 * Excel, in Parquet or CSV, read by DuckDB (an optional dependency, loaded only here). The small
 * tables are read whole and validated as a workbook's are (same headers and aliases, same
 * readers); the ledger's rows are streamed from DuckDB straight into the engine's ledger columns
 * and validated on the way, each problem with its file, row and column. The same runReview then
 * reviews and builds the sheets, written to a new workbook (Summary, Credit Review, Aging,
 * Collections, the Collections cut at what a sheet holds), or the --json result.
 * Exit codes as `review`: 0 written, 1 input problems or DuckDB missing (nothing written).
 */
import * as path from "path";
import { performance } from "perf_hooks";
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "../app/errorText";
import type { Ledger } from "../engine/receivables/Ledger";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { CellValue, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions, WrittenSheet } from "../host/WorkbookPort";
import { DuckDbFiles, type LedgerCellProblem, type LedgerField, type LedgerFileReading } from "../host/duckdb/duckDbFiles";
import { DUCKDB_VERSION, loadDuckDb, type DuckLoader } from "../host/duckdb/duckDbApi";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import { runReview } from "../app/runReview";
import { readPortfolio, type PortfolioReading } from "../app/readPortfolio";
import { recogniseTables } from "../app/recogniseTables";
import { headerCurrency, TABLE_FIELDS } from "../app/headerAliases";
import type { ColumnMapping, Problem, RecognisedTable, ReviewOutcome } from "../app/types";
import type { MessageId } from "../i18n/messages";
import { createTranslator, type Translator } from "../i18n/translator";
import type { CliIo } from "./CliIo";
import { dataFilesSnapshot } from "./dataFileTables";
import { formatProblem, formatSummary } from "./formatSummary";
import { recognitionReport } from "./mapOption";
import { mayWriteOutput } from "./openFiles";
import type { DataFiles } from "./parseCommandLine";
import { reviewJson } from "./reviewJson";
import { terminalSafe } from "./terminalSafe";
import { VERSION } from "./version";

/** Problems printed before the rest are counted. */
const MAX_PROBLEM_LINES = 50;

export interface ReviewFilesRun {
  files: DataFiles;
  output: string;
  asOf: DayNumber;
  json: boolean;
  force: boolean;
  outputLanguage?: OutputLanguage;
  mapping?: ColumnMapping;
  t: Translator;
  /** How DuckDB is loaded (tests inject a loader that fails). */
  loadDuckDb?: DuckLoader;
  /** The Collections rows a sheet takes (default: all a sheet holds; tests inject a small cap). */
  collectionsCap?: number;
  /** The outcome, for the bench's comparison with DuckDB's own pivot. */
  onOutcome?: (outcome: ReviewOutcome, ledger: Ledger) => void;
}

/** `<ledger>-reviewed.xlsx` beside the ledger file. @example defaultFilesOutput("/d/ar.parquet") //=> "/d/ar-reviewed.xlsx" */
export function defaultFilesOutput(ledger: string): string {
  const parsed = path.parse(ledger);
  return path.join(parsed.dir, `${parsed.name}-reviewed.xlsx`);
}

const LEDGER_FIELDS: readonly LedgerField[] = ["invoiceId", "customerId", "invoiceDate", "dueDate", "amount", "paidAmount", "openAmount", "settledDate", "currency", "disputed"];

/** Field → the ledger file's column, as the recognition mapped its headers (an open-items list: the amount is the open amount). */
function ledgerPlan(table: RecognisedTable): { columns: Partial<Record<LedgerField, string>>; currency?: string } {
  const columns: Partial<Record<LedgerField, string>> = {};
  for (const field of LEDGER_FIELDS) {
    const index = table.columns[field];
    if (index !== undefined) columns[field] = table.source.headers[index];
  }
  if (columns.amount === undefined && columns.openAmount !== undefined) columns.amount = columns.openAmount;
  const currency = columns.currency === undefined ? headerCurrency(columns.amount ?? "") : undefined;
  return { columns, ...(currency !== undefined ? { currency } : {}) };
}

/** A ledger problem as the review's Problem: the file as its sheet, the cell, the words in both languages. */
function ledgerProblem(p: LedgerCellProblem, file: string, table: RecognisedTable): Problem {
  const id = `duckdb.problem.${p.kind}` as MessageId;
  const params = { file, row: p.row, column: p.column, value: p.value ?? "" };
  const column = table.source.headers.indexOf(p.column);
  return { severity: "error", table: table.source.name, sheet: file, row: p.row - 1, column: Math.max(0, column), field: p.field, message: createTranslator("en-US").t(id, params), id, params };
}

function noteProblem(id: MessageId, params: Record<string, string | number>, table: RecognisedTable): Problem {
  return { severity: "error", table: table.source.name, sheet: table.source.sheet, row: -1, column: -1, field: "", message: createTranslator("en-US").t(id, params), id, params };
}

/** Currencies of the ledger and the customers: more than one is an error, as in a workbook. */
function currencyProblem(reading: PortfolioReading, ledger: Ledger, table: RecognisedTable): Problem | undefined {
  const currencies = new Set<string>(ledger.currencies.filter((c) => c !== ""));
  for (const customer of reading.portfolio.customers) if (customer.currency) currencies.add(customer.currency.toUpperCase());
  if (currencies.size <= 1) return undefined;
  return noteProblem("duckdb.problem.mixedCurrencies", { currencies: [...currencies].sort().join(", "), file: table.source.sheet }, table);
}

/** The ledger's problems as Problems, the ones past the first few counted in one line. */
function ledgerProblems(read: LedgerFileReading, table: RecognisedTable): Problem[] {
  const file = table.source.sheet;
  const problems = read.problems.map((p) => ledgerProblem(p, file, table));
  if (read.problemCount > read.problems.length) problems.push(noteProblem("duckdb.problem.more", { count: read.problemCount - read.problems.length, file }, table));
  return problems;
}

/**
 * The new review workbook, begun with a sheet listing the input files: made by ExcelJS, then
 * opened again as a package, so that the review's sheets are rendered row by row into the zip
 * when it is saved (the path of a workbook review: a 200,000-invoice review spent 35 of its 59 s
 * CPU in ExcelJS's in-memory writer, profiled with --cpu-prof), not built as ExcelJS objects.
 */
async function outputBook(snapshot: WorkbookSnapshot, ledgerRows: number, version: string, t: Translator): Promise<XlsxWorkbook> {
  const rowsOf = (kind: string, rows: number): CellValue[] => [kind, snapshot.tables.find((x) => x.name === kind)?.sheet ?? "", rows];
  const rows = snapshot.tables.map((table) => (table.name === TABLE_FIELDS.receivables.tableName ? rowsOf(table.name, ledgerRows) : rowsOf(table.name, table.rows.length)));
  const sheet: SheetSpec = {
    name: t.t("cliFiles.inputs.sheet"),
    title: t.t("cliFiles.inputs.title", { version }),
    tables: [{
      name: "CreditDeskInputFiles", headerRow: 2, firstColumn: 0, style: "TableStyleLight9", rows,
      columns: [{ header: t.t("cliFiles.inputs.table"), kind: "text", width: 16 }, { header: t.t("cliFiles.inputs.file"), kind: "text", width: 48 }, { header: t.t("cliFiles.inputs.rows"), kind: "integer", numberFormat: "#,##0", width: 14 }],
    }],
  };
  const created = XlsxWorkbook.create({ dateSystem: snapshot.dateSystem });
  await created.writeSheets([sheet]);
  const reopened = await XlsxWorkbook.load(new Uint8Array(await created.toBuffer()));
  // An ExcelJS workbook always opens again; if it did not, the new workbook itself is written (slower).
  return reopened.ok ? reopened.value : created;
}

/** The output workbook as the review's port: the snapshot is the files', the sheets go to a new workbook. */
function filesPort(snapshot: WorkbookSnapshot, book: XlsxWorkbook, written: WrittenSheet[]): WorkbookPort {
  return {
    readWorkbook: async () => snapshot,
    async writeSheets(sheets: SheetSpec[], options?: WriteOptions) {
      const result = await book.writeSheets(sheets, options);
      written.push(...result.sheets);
      return result;
    },
    updateTableRows: (table: string, rows: CellValue[][]) => book.updateTableRows(table, rows),
    select: (sheet: string, row: number, column: number) => book.select(sheet, row, column),
  };
}

function printProblems(problems: readonly Problem[], io: CliIo, t: Translator): void {
  for (const problem of problems.slice(0, MAX_PROBLEM_LINES)) io.stderr.write(`${formatProblem(problem, t)}\n`);
  if (problems.length > MAX_PROBLEM_LINES) io.stderr.write(`${t.t("duckdb.problem.more", { count: problems.length - MAX_PROBLEM_LINES, file: "" }).trim()}\n`);
}

function invalid(problems: readonly Problem[], run: ReviewFilesRun, io: CliIo, outcome?: ReviewOutcome): number {
  const errors = problems.filter((p) => p.severity === "error").length;
  if (run.json && outcome !== undefined) io.stdout.write(reviewJson(outcome, run.asOf, run.files, null));
  else printProblems(problems, io, run.t);
  io.stderr.write(`${run.t.t("cliFiles.invalid", { count: errors })}\n`);
  return 1;
}

/**
 * With CREDIT_DESK_DEBUG set, one stderr line per stage with its wall and CPU seconds (the bench
 * reads them to say where the time of a 10M-invoice review goes).
 */
function stageClock(io: CliIo, env: Readonly<Record<string, string | undefined>>): (stage: string) => void {
  if (!env.CREDIT_DESK_DEBUG) return () => undefined;
  let wall = performance.now();
  let cpu = process.cpuUsage();
  return (stage) => {
    const used = process.cpuUsage(cpu);
    io.stderr.write(`debug: stage ${stage} wall ${((performance.now() - wall) / 1000).toFixed(2)} s cpu ${((used.user + used.system) / 1e6).toFixed(2)} s rss ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`);
    wall = performance.now();
    cpu = process.cpuUsage();
  };
}

export async function reviewDataFiles(run: ReviewFilesRun, io: CliIo): Promise<number> {
  const t = run.t;
  const stage = stageClock(io, io.env ?? process.env);
  if (!(await mayWriteOutput(run.output, { inPlace: false, force: run.force }, io))) return 1;
  const opened = await DuckDbFiles.open(run.loadDuckDb ?? loadDuckDb);
  if (!opened.ok) {
    io.stderr.write(`${t.t("duckdb.missing", { file: terminalSafe(path.basename(run.files.ledger)), detail: terminalSafe(opened.detail), version: DUCKDB_VERSION })}\n`);
    return 1;
  }
  const files = opened.files;
  try {
    const mapping = run.mapping ?? {};
    const loaded = await dataFilesSnapshot(run.files, files, mapping, t);
    if (!loaded.ok) {
      for (const message of loaded.messages) io.stderr.write(`credit-desk: ${terminalSafe(message)}\n`);
      io.stderr.write(`${t.t("cliFiles.invalid", { count: loaded.messages.length })}\n`);
      return 1;
    }
    const snapshot = loaded.snapshot;
    const recognition = recogniseTables(snapshot, mapping);
    for (const line of recognitionReport(recognition, snapshot, mapping, t)) io.stderr.write(`${line}\n`);
    const small = readPortfolio(snapshot, recognition);
    stage("small-tables");
    const ledgerTable = recognition.tables.receivables;
    if (small.problems.some((p) => p.severity === "error") || ledgerTable === undefined) {
      return invalid(small.problems, run, io, { status: "invalid", problems: small.problems });
    }
    const read = await files.readLedger(run.files.ledger, ledgerPlan(ledgerTable), { knownCustomers: small.portfolio.customers.map((c) => c.customerId) });
    stage("read-ledger");
    io.stderr.write(`${t.t("cliFiles.read", { rows: read.rows, file: terminalSafe(ledgerTable.source.sheet), version: files.version })}\n`);
    const problems = [...small.problems, ...ledgerProblems(read, ledgerTable)];
    // A repeated invoice id is a warning, as in a workbook (DuckDB counts them over the whole file).
    const invoiceColumn = ledgerTable.source.headers[ledgerTable.columns.invoiceId ?? -1];
    if (invoiceColumn !== undefined) {
      for (const repeated of await files.repeatedValues(run.files.ledger, invoiceColumn)) {
        const params = { file: ledgerTable.source.sheet, column: invoiceColumn, value: repeated.value, count: repeated.count };
        problems.push({ ...noteProblem("duckdb.problem.duplicateInvoice", params, ledgerTable), severity: "warning", field: "invoiceId" });
      }
    }
    const currency = currencyProblem(small, read.ledger, ledgerTable);
    if (currency !== undefined) problems.push(currency);
    if (problems.some((p) => p.severity === "error")) return invalid(problems, run, io, { status: "invalid", problems });

    const reading: PortfolioReading = { ...small, portfolio: { ...small.portfolio, receivables: read.ledger }, problems };
    const book = await outputBook(snapshot, read.rows, files.version, createTranslator(run.outputLanguage ?? small.policy.outputLanguage ?? "en-US"));
    const written: WrittenSheet[] = [];
    const outcome = await runReview(filesPort(snapshot, book, written), {
      collectionsRowLimit: run.collectionsCap,
      asOf: run.asOf,
      generatedAt: io.now().toISOString(),
      addinVersion: VERSION,
      outputLanguage: run.outputLanguage,
      mapping,
      portfolioReading: reading,
    });
    stage("review-and-sheets");
    if (outcome.status !== "written") return invalid(outcome.problems, run, io, outcome);
    run.onOutcome?.(outcome, read.ledger);
    const saved = await book.save(run.output);
    stage("save");
    if (!saved.ok) {
      io.stderr.write(`credit-desk: ${terminalSafe(errorText(t, saved.error))}; nothing was written\n`);
      return 1;
    }
    if (run.json) {
      io.stdout.write(reviewJson(outcome, run.asOf, run.files, run.output, written));
      return 0;
    }
    printProblems(outcome.problems.filter((p) => p.severity === "warning"), io, t);
    io.stdout.write(formatSummary(outcome, { asOf: toIsoDate(run.asOf), output: run.output }, t));
    return 0;
  } finally {
    files.close();
  }
}
