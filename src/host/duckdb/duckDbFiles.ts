/**
 * Files past Excel (issue 19 §3): CSV and Parquet read through DuckDB. Small tables (customers,
 * financials, orders, policy) are read whole as cells; the receivables ledger is streamed chunk
 * by chunk (DuckDB's chunked reader) straight into the engine's typed ledger columns, never as a
 * 2-D array of cells, and a workbook's receivables can be written to a typed Parquet file.
 *
 * Column types: DuckDB converts what it can in SQL (DATE, TIMESTAMP and ISO text dates to day
 * numbers, DOUBLE and DECIMAL to doubles, a text cell it cannot cast kept as text); what it
 * cannot is read by the engine's own readers (readNumber, toDayNumber, readBoolean), the ones a
 * workbook's cells go through, so a file and a workbook accept the same values. A value neither
 * can read is a problem with its row (the header is row 1, as in a sheet) and column.
 * @example const opened = await openDuckDbFiles(); if (opened.ok) await opened.files.columns("ledger.parquet") //=> [{ name: "InvoiceId", type: "VARCHAR" }, …]
 */
import { toDayNumber, type DayNumber } from "../../engine/dates/dayNumber";
import { ledgerBuilder, type Ledger } from "../../engine/receivables/Ledger";
import { readBoolean } from "../../engine/values/readBoolean";
import { readNumber } from "../../engine/values/readNumber";
import type { CellValue } from "../WorkbookPort";
import { loadDuckDb, type DuckConnection, type DuckInstance, type DuckLoader, type DuckVector } from "./duckDbApi";

export type DataFileKind = "csv" | "parquet";

/** The file's kind by its extension (.csv, .parquet / .pq), or undefined. */
export function dataFileKind(file: string): DataFileKind | undefined {
  if (/\.csv$/i.test(file)) return "csv";
  if (/\.(parquet|pq)$/i.test(file)) return "parquet";
  return undefined;
}

/** A SQL string literal. @example sqlString("it's") //=> "'it''s'" */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A SQL identifier. @example sqlName('Due "Date"') //=> '"Due ""Date"""' */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The table function reading a file; a ledger's CSV is read as text, cast in SQL, so a bad cell far down cannot stop the read. */
export function sourceSql(file: string, options: { allText?: boolean } = {}): string {
  const kind = dataFileKind(file);
  if (kind === "parquet") return `read_parquet(${sqlString(file)})`;
  return `read_csv(${sqlString(file)}, header = true${options.allText ? ", all_varchar = true" : ""})`;
}

export interface FileColumn {
  name: string;
  /** DuckDB's type name: VARCHAR, DOUBLE, DECIMAL(18,2), DATE, TIMESTAMP, BIGINT, BOOLEAN, … */
  type: string;
}

/** The ledger fields the reader takes, each read from the named column of the file. */
export type LedgerField = "invoiceId" | "customerId" | "invoiceDate" | "dueDate" | "amount" | "paidAmount" | "openAmount" | "settledDate" | "currency" | "disputed";

export interface LedgerPlan {
  /** Field → the file's column name. invoiceId, customerId, invoiceDate, dueDate and amount are required. */
  columns: Partial<Record<LedgerField, string>>;
  /** Every row's currency when the file has no currency column (written in the amount's header). */
  currency?: string;
}

export type LedgerProblemKind = "missing" | "notNumber" | "notDate" | "notBoolean" | "unknownCustomer" | "dueBeforeInvoice";

export interface LedgerCellProblem {
  kind: LedgerProblemKind;
  /** The row as a sheet would number it: the header is row 1, the first record row 2 (a CSV's line number). */
  row: number;
  field: LedgerField;
  column: string;
  /** The text of the cell (for a value that could not be read, or the unknown customer). */
  value?: string;
}

export interface LedgerFileReading {
  ledger: Ledger;
  /** Rows read from the file (with the rows that had problems). */
  rows: number;
  /** The first problems found (at most `maxProblems`), and how many there were in all. */
  problems: LedgerCellProblem[];
  problemCount: number;
}

export interface LedgerReadOptions {
  /**
   * The Customers table's ids: a ledger row of any other customer is an error. DuckDB matches
   * them (the file's ids cast to an ENUM of these, the row's customer read as the ENUM's code), so
   * no row's id is decoded and hashed in JavaScript: in the review of 2,000,000 Parquet invoices,
   * decoding each id and looking it up in a Set was 1.5 s of the 5.8 s read (node --cpu-prof).
   */
  knownCustomers?: readonly string[];
  maxProblems?: number;
}

/** The ENUM type of the known customers' ids (made for one read, dropped after it). */
const CUSTOMER_ENUM = "credit_desk_customer";

const FIELD_KINDS: Readonly<Record<LedgerField, "text" | "money" | "date" | "boolean">> = {
  invoiceId: "text", customerId: "text", invoiceDate: "date", dueDate: "date", amount: "money",
  paidAmount: "money", openAmount: "money", settledDate: "date", currency: "text", disputed: "boolean",
};
const FIELDS = Object.keys(FIELD_KINDS) as LedgerField[];

const isNumericType = (type: string): boolean => /^(DOUBLE|FLOAT|REAL|DECIMAL|NUMERIC|HUGEINT|UHUGEINT|BIGINT|INTEGER|SMALLINT|TINYINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/i.test(type);
const isDateType = (type: string): boolean => /^(DATE|TIMESTAMP)/i.test(type);

/**
 * One field's SQL: the value DuckDB converts (`typed`), and the cell as text for the engine's
 * readers where DuckDB's cast may not be the whole story (`raw`; undefined when the column's type
 * settles it: a DATE, a DOUBLE). Dates become day numbers (days since 1970-01-01, the engine's).
 */
function fieldSql(kind: "text" | "money" | "date" | "boolean", column: string, type: string): { typed: string; raw?: string } {
  const c = sqlName(column);
  const rawText = `NULLIF(trim(CAST(${c} AS VARCHAR)), '')`;
  switch (kind) {
    case "text":
      return { typed: rawText };
    case "money":
      if (isNumericType(type)) return { typed: `CAST(${c} AS DOUBLE)`, raw: /^(DOUBLE|FLOAT|REAL)/i.test(type) ? `CASE WHEN NOT isfinite(${c}) THEN CAST(${c} AS VARCHAR) END` : undefined };
      return { typed: `TRY_CAST(trim(CAST(${c} AS VARCHAR)) AS DOUBLE)`, raw: rawText };
    case "date":
      if (isDateType(type)) return { typed: `CAST(CAST(${c} AS DATE) - DATE '1970-01-01' AS INTEGER)` };
      // An Excel serial (a number column) goes to the engine's serial reader (its 1900 quirk included).
      if (isNumericType(type)) return { typed: "CAST(NULL AS INTEGER)", raw: rawText };
      return { typed: `CAST(TRY_CAST(trim(CAST(${c} AS VARCHAR)) AS DATE) - DATE '1970-01-01' AS INTEGER)`, raw: rawText };
    case "boolean":
      return /^BOOLEAN/i.test(type) ? { typed: c } : { typed: "CAST(NULL AS BOOLEAN)", raw: rawText };
  }
}

/**
 * The customer's SQL when the known customers are an ENUM: the code of the id among them
 * (`typed`, NULL for an id that is not one of them), and the id as text only then (`raw`, for
 * the problem's words).
 */
function customerSql(column: string): { typed: string; raw: string } {
  const text = `NULLIF(trim(CAST(${sqlName(column)} AS VARCHAR)), '')`;
  const code = `enum_code(TRY_CAST(${text} AS ${CUSTOMER_ENUM}))`;
  return { typed: code, raw: `CASE WHEN ${code} IS NULL THEN ${text} END` };
}

/** A plain JS value of a small table's cell: dates as ISO text (the readers take it), big numbers as numbers. */
function cellOf(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return Number(value);
  const text = String(value);
  // DuckDB's DATE and DECIMAL values print as "2025-06-30" and "1234.50".
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  return text;
}

class ProblemLog {
  readonly problems: LedgerCellProblem[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(problem: LedgerCellProblem): void {
    if (this.count++ < this.max) this.problems.push(problem);
  }
}

/** One row's fields in JS, read from the chunk's vectors by the engine's rules (no object per row beyond the ledger's own strings). */
interface FieldReader {
  field: LedgerField;
  column: string;
  typed: DuckVector | undefined;
  raw: DuckVector | undefined;
}

export class DuckDbFiles {
  private constructor(private readonly instance: DuckInstance, private readonly connection: DuckConnection, readonly version: string) {}

  /** DuckDB opened in memory, or why it cannot be (the package is not installed). */
  static async open(loader: DuckLoader = loadDuckDb): Promise<{ ok: true; files: DuckDbFiles } | { ok: false; detail: string }> {
    const loaded = loader();
    if (!loaded.ok) return loaded;
    const instance = await loaded.api.DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    return { ok: true, files: new DuckDbFiles(instance, connection, loaded.api.version()) };
  }

  /** The file's columns and their types, as DuckDB reads them. */
  async columns(file: string, options: { allText?: boolean } = {}): Promise<FileColumn[]> {
    const reader = await this.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${sourceSql(file, options)}`);
    return reader.getRows().map((row) => ({ name: String(row[0]), type: String(row[1]) }));
  }

  /** A small table whole: its headers and its rows as cells (customers, financials, orders, a policy). */
  async readTable(file: string): Promise<{ headers: string[]; rows: CellValue[][] }> {
    const reader = await this.connection.runAndReadAll(`SELECT * FROM ${sourceSql(file)}`);
    return { headers: reader.columnNames(), rows: reader.getRows().map((row) => row.map(cellOf)) };
  }

  /** Runs SQL and gives its rows (the bench's pivot, tests' fixtures). */
  async query(sql: string): Promise<unknown[][]> {
    return (await this.connection.runAndReadAll(sql)).getRows();
  }

  async run(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  /**
   * The ledger file read into the engine's Ledger, chunk by chunk. Rows with a problem are left
   * out of the ledger (the review does not run while there are errors).
   */
  async readLedger(file: string, plan: LedgerPlan, options: LedgerReadOptions = {}): Promise<LedgerFileReading> {
    const types = new Map((await this.columns(file, { allText: dataFileKind(file) === "csv" })).map((c) => [c.name, c.type]));
    const customers = options.knownCustomers === undefined ? undefined : await this.customerEnum(options.knownCustomers);
    try {
      const selects: string[] = [];
      const slots: { field: LedgerField; column: string; typed: number; raw: number }[] = [];
      for (const field of FIELDS) {
        const column = plan.columns[field];
        if (column === undefined || !types.has(column)) continue;
        const sql = field === "customerId" && customers !== undefined ? customerSql(column) : fieldSql(FIELD_KINDS[field], column, types.get(column)!);
        const typed = selects.push(sql.typed) - 1;
        const raw = sql.raw === undefined ? -1 : selects.push(sql.raw) - 1;
        slots.push({ field, column, typed, raw });
      }
      const source = sourceSql(file, { allText: true });
      const total = Number((await this.query(`SELECT count(*) FROM ${source}`))[0]?.[0] ?? 0);
      const stream = await this.connection.stream(`SELECT ${selects.join(", ")} FROM ${source}`);
      const log = new ProblemLog(options.maxProblems ?? 200);
      const builder = ledgerBuilder(total);
      const rowReader = new LedgerRowReader(slots, plan, log, customers);
      let rows = 0;
      for (let chunk = await stream.fetchChunk(); chunk !== null && chunk.rowCount > 0; chunk = await stream.fetchChunk()) {
        rowReader.bind((i) => chunk.getColumnVector(i));
        rows = rowReader.addRows(chunk.rowCount, rows, builder);
      }
      return { ledger: builder.build(), rows, problems: log.problems, problemCount: log.count };
    } finally {
      if (customers !== undefined) await this.connection.run(`DROP TYPE IF EXISTS ${CUSTOMER_ENUM}`);
    }
  }

  /** The ENUM of the known customers' ids; answers the ids in the order of their codes. */
  private async customerEnum(ids: readonly string[]): Promise<readonly string[]> {
    const staging = "credit_desk_known_customers";
    await this.connection.run(`DROP TYPE IF EXISTS ${CUSTOMER_ENUM}`);
    await this.connection.run(`CREATE OR REPLACE TEMP TABLE ${staging} (id VARCHAR)`);
    const appender = await this.connection.createAppender(staging);
    for (const id of new Set(ids)) {
      appender.appendVarchar(id);
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
    await this.connection.run(`CREATE TYPE ${CUSTOMER_ENUM} AS ENUM (SELECT id FROM ${staging})`);
    await this.connection.run(`DROP TABLE ${staging}`);
    const values = await this.query(`SELECT unnest(enum_range(NULL::${CUSTOMER_ENUM}))`);
    return values.map((row) => String(row[0]));
  }

  /** Values of a column that occur more than once (the first `limit`, most frequent first), counted by DuckDB over the whole file. */
  async repeatedValues(file: string, column: string, limit = 20): Promise<{ value: string; count: number }[]> {
    const c = sqlName(column);
    const rows = await this.query(`SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM ${sourceSql(file, { allText: true })}
      WHERE ${c} IS NOT NULL GROUP BY v HAVING count(*) > 1 ORDER BY n DESC, v LIMIT ${Math.max(0, Math.floor(limit))}`);
    return rows.map((row) => ({ value: String(row[0]), count: Number(row[1]) }));
  }

  /**
   * A table written to Parquet with typed columns: `fill` appends each row's values through the
   * appender given (DATE columns take day numbers, written as DATE by the final COPY).
   */
  async writeParquet(file: string, columns: readonly { name: string; type: "VARCHAR" | "DOUBLE" | "DATE" | "BOOLEAN" }[], fill: (append: ParquetRowWriter) => void): Promise<void> {
    const staging = "credit_desk_export";
    await this.connection.run(`DROP TABLE IF EXISTS ${staging}`);
    await this.connection.run(`CREATE TABLE ${staging} (${columns.map((c, i) => `c${i} ${c.type === "DATE" ? "INTEGER" : c.type}`).join(", ")})`);
    const appender = await this.connection.createAppender(staging);
    fill({
      text: (value) => (value === undefined ? appender.appendNull() : appender.appendVarchar(value)),
      number: (value) => (value === undefined || Number.isNaN(value) ? appender.appendNull() : appender.appendDouble(value)),
      day: (value) => (value === undefined || Number.isNaN(value) ? appender.appendNull() : appender.appendInteger(value)),
      boolean: (value) => (value === undefined ? appender.appendNull() : appender.appendBoolean(value)),
      endRow: () => appender.endRow(),
    });
    appender.flushSync();
    appender.closeSync();
    const select = columns.map((c, i) => `${c.type === "DATE" ? `DATE '1970-01-01' + c${i}` : `c${i}`} AS ${sqlName(c.name)}`).join(", ");
    await this.connection.run(`COPY (SELECT ${select} FROM ${staging}) TO ${sqlString(file)} (FORMAT parquet)`);
    await this.connection.run(`DROP TABLE ${staging}`);
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

export interface ParquetRowWriter {
  text(value: string | undefined): void;
  number(value: number | undefined): void;
  day(value: DayNumber | undefined): void;
  boolean(value: boolean | undefined): void;
  endRow(): void;
}

/**
 * Reads the rows of one chunk after another into the ledger builder. A class with its fields
 * set once (the readers of the chunk's vectors), so the per-row loop keeps one shape.
 */
class LedgerRowReader {
  private readonly readers: FieldReader[];
  private readonly at: Partial<Record<LedgerField, FieldReader>>;
  /** The ledger's number of each known customer by its ENUM code (−1: not in the ledger yet). */
  private readonly numberOfCode: Int32Array;

  constructor(
    private readonly slots: readonly { field: LedgerField; column: string; typed: number; raw: number }[],
    private readonly plan: LedgerPlan,
    private readonly log: ProblemLog,
    /** The known customers' ids by their ENUM code (the customer's typed value is its code), or undefined (any customer is known). */
    private readonly customers: readonly string[] | undefined,
  ) {
    this.readers = slots.map((s) => ({ field: s.field, column: s.column, typed: undefined, raw: undefined }));
    this.numberOfCode = new Int32Array(customers?.length ?? 0).fill(-1);
    this.at = Object.fromEntries(this.readers.map((r) => [r.field, r]));
  }

  bind(vector: (index: number) => DuckVector): void {
    this.slots.forEach((s, i) => {
      this.readers[i]!.typed = vector(s.typed);
      this.readers[i]!.raw = s.raw < 0 ? undefined : vector(s.raw);
    });
  }

  /** Adds the chunk's rows; `before` rows were read before it. Answers the rows read so far. */
  addRows(count: number, before: number, builder: ReturnType<typeof ledgerBuilder>): number {
    for (let i = 0; i < count; i++) this.addRow(i, before + i + 2, builder);
    return before + count;
  }

  private addRow(i: number, row: number, builder: ReturnType<typeof ledgerBuilder>): void {
    const errorsBefore = this.log.count;
    const invoiceId = this.text("invoiceId", i, row, true);
    // With known customers, the customer is its ENUM code; without, its id.
    const customer = this.customers === undefined ? this.text("customerId", i, row, true) : this.knownCustomer(i, row);
    const invoiceDate = this.date("invoiceDate", i, row, true);
    const dueDate = this.date("dueDate", i, row, true);
    const amount = this.money("amount", i, row, true);
    const paid = this.money("paidAmount", i, row, false);
    const open = this.money("openAmount", i, row, false);
    const settled = this.date("settledDate", i, row, false);
    const currency = this.text("currency", i, row, false) ?? this.plan.currency;
    const isDisputed = this.boolean("disputed", i, row);
    if (invoiceDate !== undefined && dueDate !== undefined && dueDate < invoiceDate) this.problem("dueBeforeInvoice", "dueDate", row);
    if (this.log.count !== errorsBefore || invoiceId === undefined || customer === undefined || invoiceDate === undefined || dueDate === undefined || amount === undefined) return;
    const currencyCode = currency ? currency.toUpperCase() : undefined;
    if (typeof customer === "string") builder.add(invoiceId, customer, invoiceDate, dueDate, amount, paid, open, settled, currencyCode, isDisputed === true);
    else builder.addFor(this.customerNumber(customer, builder), invoiceId, invoiceDate, dueDate, amount, paid, open, settled, currencyCode, isDisputed === true);
  }

  /** The ledger's number of the known customer with this ENUM code, looked up in the ledger once per customer. */
  private customerNumber(code: number, builder: ReturnType<typeof ledgerBuilder>): number {
    let number = this.numberOfCode[code]!;
    if (number < 0) this.numberOfCode[code] = number = builder.customerNumberOf(this.customers![code]!);
    return number;
  }

  private problem(kind: LedgerProblemKind, field: LedgerField, row: number, value?: string): void {
    this.log.add({ kind, row, field, column: this.at[field]?.column ?? this.plan.columns[field] ?? field, ...(value !== undefined ? { value } : {}) });
  }

  private rawOf(reader: FieldReader, i: number): string | undefined {
    const raw = reader.raw?.getItem(i);
    return raw === null || raw === undefined ? undefined : String(raw);
  }

  private text(field: LedgerField, i: number, row: number, isRequired: boolean): string | undefined {
    const reader = this.at[field];
    const value = reader?.typed?.getItem(i);
    if (typeof value === "string") return value;
    if (isRequired) this.problem("missing", field, row);
    return undefined;
  }

  /** The row's customer among the known ones: its ENUM code; missing, or unknown with its id, is a problem. */
  private knownCustomer(i: number, row: number): number | undefined {
    const reader = this.at.customerId;
    const code = reader?.typed?.getItem(i);
    if (typeof code === "number") return code;
    const raw = reader === undefined ? undefined : this.rawOf(reader, i);
    if (raw === undefined) this.problem("missing", "customerId", row);
    else this.problem("unknownCustomer", "customerId", row, raw);
    return undefined;
  }

  private money(field: LedgerField, i: number, row: number, isRequired: boolean): number | undefined {
    const reader = this.at[field];
    if (reader === undefined) return isRequired ? this.missing(field, row) : undefined;
    const value = reader.typed?.getItem(i);
    if (typeof value === "number" && Number.isFinite(value)) return value;
    const raw = this.rawOf(reader, i);
    if (raw === undefined) return isRequired ? this.missing(field, row) : undefined;
    const read = readNumber(raw, field);
    if (read.ok && Number.isFinite(read.value)) return read.value;
    this.problem("notNumber", field, row, raw);
    return undefined;
  }

  private date(field: LedgerField, i: number, row: number, isRequired: boolean): DayNumber | undefined {
    const reader = this.at[field];
    if (reader === undefined) return isRequired ? this.missing(field, row) : undefined;
    const value = reader.typed?.getItem(i);
    if (typeof value === "number") return value;
    const raw = this.rawOf(reader, i);
    if (raw === undefined) return isRequired ? this.missing(field, row) : undefined;
    const serial = Number(raw);
    const read = toDayNumber(raw.trim() !== "" && Number.isFinite(serial) ? serial : raw, "1900", field);
    if (read.ok) return read.value;
    this.problem("notDate", field, row, raw);
    return undefined;
  }

  private boolean(field: LedgerField, i: number, row: number): boolean | undefined {
    const reader = this.at[field];
    if (reader === undefined) return undefined;
    const value = reader.typed?.getItem(i);
    if (typeof value === "boolean") return value;
    const raw = this.rawOf(reader, i);
    if (raw === undefined) return undefined;
    const read = readBoolean(raw, field);
    if (read.ok) return read.value;
    this.problem("notBoolean", field, row, raw);
    return undefined;
  }

  private missing(field: LedgerField, row: number): undefined {
    this.problem("missing", field, row);
    return undefined;
  }
}
