/**
 * The messages between the page and the engine worker (engineWorker.ts), and how a snapshot's
 * tables and a review's sheets travel in chunks of rows (issues 16 and 19: no main-thread task
 * over 200 ms). A postMessage serialises its whole message in the posting task and the receiver
 * unpacks it in one task: one message holding a 100,000-invoice table is one long task on each
 * side (the import worker measured about 500 ms to unpack such a message on the page), so a
 * table goes as its header (rows empty) and then ROWS_PER_MESSAGE rows per message.
 */
import type { CellValue, SheetSpec, SourceTable, WorkbookSnapshot } from "../../host/WorkbookPort";
import type { PortfolioReading } from "../../app/readPortfolio";
import type { ReviewComputation } from "../../app/runReview";
import type { ColumnMapping, RecognisedTable, Recognition, ReviewOptions } from "../../app/types";

export const ROWS_PER_MESSAGE = 5_000;

/** ReviewOptions without its functions and signal (what can be posted). */
export type ReviewSettings = Omit<ReviewOptions, "signal" | "onProgress" | "onRecognised">;

/** The snapshot without its tables (which go before it, as "table" and "rows" messages). */
export type SnapshotFrame = Omit<WorkbookSnapshot, "tables">;

export type EngineRequest =
  /** A table of the snapshot, its rows empty: the "rows" messages after it are its rows. */
  | { kind: "table"; table: SourceTable }
  | { kind: "rows"; rows: CellValue[][] }
  | { kind: "scan"; snapshot: SnapshotFrame; mapping: ColumnMapping }
  | { kind: "review"; snapshot: SnapshotFrame; options: ReviewSettings };

/** A recognised table whose source is the snapshot's table `sourceIndex` (not sent back), or its own source (a report's rows trimmed). */
export type WireRecognisedTable = Omit<RecognisedTable, "source"> & ({ sourceIndex: number } | { source: SourceTable });
export interface WireRecognition {
  tables: Partial<Record<keyof Recognition["tables"], WireRecognisedTable>>;
  missingTables: Recognition["missingTables"];
}

export type EngineReply =
  | { kind: "progress"; stage: string; fraction: number }
  | { kind: "scanned"; recognition: WireRecognition; reading: PortfolioReading }
  /** The computation with every output table's rows empty: the "rows" replies after it fill them, "end" closes it. */
  | { kind: "reviewed"; computation: ReviewComputation }
  | { kind: "rows"; sheet: number; table: number; rows: CellValue[][] }
  | { kind: "end" }
  | { kind: "failed"; message: string };

/**
 * The buffers of a reading's ledger columns (typed arrays), to transfer with the "scanned" reply
 * instead of copying them: 9 columns of 100,000 invoices are 7 MB the page would otherwise copy in
 * the task that unpacks the reply. The worker posting them is done with them (one worker per job).
 */
export function ledgerBuffers(reading: PortfolioReading): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const column of Object.values(reading.portfolio.receivables) as unknown[]) {
    // Not `instanceof ArrayBuffer` (false across realms); a SharedArrayBuffer cannot be transferred.
    if (ArrayBuffer.isView(column) && Object.prototype.toString.call(column.buffer) === "[object ArrayBuffer]") buffers.add(column.buffer as ArrayBuffer);
  }
  return [...buffers];
}

/** The requests that carry a snapshot's tables, each table's rows in chunks. */
export function* tableRequests(tables: readonly SourceTable[], chunk = ROWS_PER_MESSAGE): Generator<EngineRequest> {
  for (const table of tables) {
    yield { kind: "table", table: { ...table, rows: [] } };
    for (let from = 0; from < table.rows.length; from += chunk) yield { kind: "rows", rows: table.rows.slice(from, from + chunk) };
  }
}

/** Collects "table" and "rows" requests back into the snapshot's tables. */
export class TableCollector {
  readonly tables: SourceTable[] = [];

  add(request: EngineRequest): boolean {
    if (request.kind === "table") this.tables.push({ ...request.table, rows: [] });
    else if (request.kind === "rows") appendRows(this.tables[this.tables.length - 1]!.rows, request.rows);
    else return false;
    return true;
  }
}

/** The replies that carry a computation: its skeleton (every output table's rows empty), then the rows in chunks, then "end". */
export function* computationReplies(computation: ReviewComputation, chunk = ROWS_PER_MESSAGE): Generator<EngineReply> {
  if (computation.status === "invalid") {
    yield { kind: "reviewed", computation };
    yield { kind: "end" };
    return;
  }
  const sheets = computation.outcome.sheets;
  const skeleton: SheetSpec[] = sheets.map((sheet) => ({ ...sheet, tables: sheet.tables.map((table) => ({ ...table, rows: [] })) }));
  yield { kind: "reviewed", computation: { ...computation, outcome: { ...computation.outcome, sheets: skeleton } } };
  for (let s = 0; s < sheets.length; s++) {
    const tables = sheets[s]!.tables;
    for (let t = 0; t < tables.length; t++) {
      const rows = tables[t]!.rows;
      for (let from = 0; from < rows.length; from += chunk) yield { kind: "rows", sheet: s, table: t, rows: rows.slice(from, from + chunk) };
    }
  }
  yield { kind: "end" };
}

/** The snapshot's tables put back into a recognition that came from the worker. */
export function recognitionOf(wire: WireRecognition, tables: readonly SourceTable[]): Recognition {
  const recognised: Recognition["tables"] = {};
  for (const [kind, table] of Object.entries(wire.tables) as [keyof Recognition["tables"], WireRecognisedTable][]) {
    const source = "source" in table ? table.source : tables[table.sourceIndex];
    if (source === undefined) throw new Error(`the engine worker named table ${"sourceIndex" in table ? table.sourceIndex : "?"}, which the snapshot does not have`);
    const { columns, unrecognisedHeaders, missingRequired } = table;
    recognised[kind] = { kind: table.kind, source, columns, unrecognisedHeaders, missingRequired };
  }
  return { tables: recognised, missingTables: wire.missingTables };
}

/** A recognition for posting: a source that is one of the snapshot's tables goes as its index. */
export function wireRecognition(recognition: Recognition, tables: readonly SourceTable[]): WireRecognition {
  const wire: WireRecognition["tables"] = {};
  for (const [kind, table] of Object.entries(recognition.tables) as [keyof Recognition["tables"], RecognisedTable][]) {
    const { source, ...rest } = table;
    const sourceIndex = tables.indexOf(source);
    wire[kind] = sourceIndex >= 0 ? { ...rest, sourceIndex } : { ...rest, source };
  }
  return { tables: wire, missingTables: recognition.missingTables };
}

/** Appends in a loop: `push(...rows)` overflows the stack past about 100,000 arguments. */
export function appendRows(target: CellValue[][], rows: readonly CellValue[][]): void {
  for (const row of rows) target.push(row);
}
