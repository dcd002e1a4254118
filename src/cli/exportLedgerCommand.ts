/**
 * `credit-desk export-ledger book.xlsx ledger.parquet [--table Receivables]` (issue 19 §3): the
 * workbook's Receivables table, recognised and read exactly as the review reads it (headers and
 * aliases, the mapping saved in the workbook, report rows left out, every cell validated), written
 * to Parquet with typed columns under the set-up names, so a ledger that outgrows Excel can move
 * out of it and be reviewed with `review --customers book.xlsx --ledger ledger.parquet`.
 * Exit codes: 0 written; 1 the workbook cannot be read, has no such table, has errors in it, or
 * DuckDB is missing (nothing written).
 */
import * as path from "path";
import { fieldSpec, TABLE_FIELDS } from "../app/headerAliases";
import { readReceivables } from "../app/readReceivables";
import { recogniseTables } from "../app/recogniseTables";
import { mergeMappings, savedMapping } from "../app/savedMapping";
import type { Problem, RecognisedTable } from "../app/types";
import type { Ledger } from "../engine/receivables/Ledger";
import { DUCKDB_VERSION, loadDuckDb, type DuckLoader } from "../host/duckdb/duckDbApi";
import { DuckDbFiles, type ParquetRowWriter } from "../host/duckdb/duckDbFiles";
import type { Translator } from "../i18n/translator";
import type { CliIo } from "./CliIo";
import { formatProblem } from "./formatSummary";
import { loadWorkbook, mayWriteOutput } from "./openFiles";
import { terminalSafe } from "./terminalSafe";

export interface ExportLedgerRun {
  workbook: string;
  parquet: string;
  /** The table to export by name (default: the one the review recognises as Receivables). */
  table?: string;
  force: boolean;
  t: Translator;
  loadDuckDb?: DuckLoader;
}

type ColumnType = "VARCHAR" | "DOUBLE" | "DATE" | "BOOLEAN";

/** The Parquet columns: each ledger field under its set-up header, with its type and how a row's value is appended. */
const COLUMNS: readonly { field: string; type: ColumnType; write: (w: ParquetRowWriter, l: Ledger, i: number) => void }[] = [
  { field: "invoiceId", type: "VARCHAR", write: (w, l, i) => w.text(l.invoiceId[i]) },
  { field: "customerId", type: "VARCHAR", write: (w, l, i) => w.text(l.customerIds[l.customer[i]!]) },
  { field: "invoiceDate", type: "DATE", write: (w, l, i) => w.day(l.invoiceDate[i]) },
  { field: "dueDate", type: "DATE", write: (w, l, i) => w.day(l.dueDate[i]) },
  { field: "amount", type: "DOUBLE", write: (w, l, i) => w.number(l.amount[i]) },
  { field: "paidAmount", type: "DOUBLE", write: (w, l, i) => w.number(l.paidAmount[i]) },
  { field: "openAmount", type: "DOUBLE", write: (w, l, i) => w.number(l.openAmount[i]) },
  { field: "settledDate", type: "DATE", write: (w, l, i) => w.day(l.settledDate[i]) },
  { field: "currency", type: "VARCHAR", write: (w, l, i) => w.text(l.currency[i] === 0 ? undefined : l.currencies[l.currency[i]!]) },
  { field: "disputed", type: "BOOLEAN", write: (w, l, i) => w.boolean(l.disputed[i] === 1) },
];

/** The Parquet column names: the set-up headers (InvoiceId, CustomerId, …), which the review recognises. */
export function exportColumns(): { name: string; type: ColumnType }[] {
  return COLUMNS.map((c) => ({ name: fieldSpec("receivables", c.field)?.header ?? c.field, type: c.type }));
}

/** The table to export: the one named, recognised as receivables, or the one the review would read. */
function receivablesTable(snapshot: Parameters<typeof recogniseTables>[0], name: string | undefined): RecognisedTable | undefined {
  const mapping = savedMapping(snapshot);
  if (name === undefined) return recogniseTables(snapshot, mapping).tables.receivables;
  const named = snapshot.tables.filter((t) => t.name.toLowerCase() === name.toLowerCase());
  return recogniseTables({ ...snapshot, tables: named }, mergeMappings(mapping, {})).tables.receivables;
}

export async function exportLedger(run: ExportLedgerRun, io: CliIo): Promise<number> {
  const t = run.t;
  if (!(await mayWriteOutput(run.parquet, { inPlace: false, force: run.force }, io))) return 1;
  const book = await loadWorkbook(run.workbook, io);
  if (!book) return 1;
  const snapshot = await book.readWorkbook();
  const file = path.basename(run.workbook);
  const table = receivablesTable(snapshot, run.table);
  if (table === undefined) {
    io.stderr.write(`credit-desk: ${terminalSafe(t.t("duckdb.problem.noTable", { file, table: run.table ?? TABLE_FIELDS.receivables.tableName }))}\n`);
    return 1;
  }
  const problems: Problem[] = table.missingRequired.map((field) => ({
    severity: "error", table: table.source.name, sheet: table.source.sheet, row: table.source.headerRow, column: table.source.firstColumn, field,
    message: `${TABLE_FIELDS.receivables.tableName} table "${table.source.name}" has no ${fieldSpec("receivables", field)?.header ?? field} column`,
  }));
  const read = problems.length > 0 ? undefined : readReceivables(table, snapshot.dateSystem, undefined, problems);
  const errors = problems.filter((p) => p.severity === "error");
  if (read === undefined || errors.length > 0) {
    for (const problem of errors) io.stderr.write(`${formatProblem(problem, t)}\n`);
    io.stderr.write(`${t.t("cliFiles.export.invalid", { count: errors.length, file: terminalSafe(file) })}\n`);
    return 1;
  }
  const opened = await DuckDbFiles.open(run.loadDuckDb ?? loadDuckDb);
  if (!opened.ok) {
    io.stderr.write(`${t.t("duckdb.missing", { file: terminalSafe(path.basename(run.parquet)), detail: terminalSafe(opened.detail), version: DUCKDB_VERSION })}\n`);
    return 1;
  }
  try {
    const ledger = read.ledger;
    await opened.files.writeParquet(run.parquet, exportColumns(), (w) => {
      for (let i = 0; i < ledger.length; i++) {
        for (const column of COLUMNS) column.write(w, ledger, i);
        w.endRow();
      }
    });
  } finally {
    opened.files.close();
  }
  io.stdout.write(`${t.t("cliFiles.export.done", { rows: read.ledger.length, table: terminalSafe(table.source.name), file: terminalSafe(run.parquet) })}\n`);
  return 0;
}
