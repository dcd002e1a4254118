/**
 * The DuckDB peer (issue 6, section 2): the per-customer aging pivot an analyst would write in
 * SQL, run by DuckDB (`@duckdb/node-api`, installed into bench/node_modules by bench/run.js) in
 * this same process, over the same receivable rows the engine reads, loaded from the same 2-D
 * arrays with DuckDB's appender. Loading is timed apart from the pivot.
 *
 * The package is loaded with require() through the small typed surface below, so that the root
 * type-check (`tsc -p .`, which includes bench/) passes on a clone whose bench/node_modules is
 * not installed yet.
 */
import { toExcelSerial, type DayNumber } from "../../src/engine/dates/dayNumber";
import type { CellValue, SourceTable } from "../../src/host/WorkbookPort";
import { TABLE_FIELDS } from "../../src/app/headerAliases";

interface DuckAppender {
  appendVarchar(value: string): void;
  appendInteger(value: number): void;
  appendDouble(value: number): void;
  appendNull(): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}

interface DuckReader {
  getRows(): unknown[][];
}

interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<DuckReader>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}

interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

interface DuckApi {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
  version(): string;
}

function loadDuckDb(): DuckApi {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const api: DuckApi = require("@duckdb/node-api");
  return api;
}

/** The aging edges of the default policy, as SQL CASE arms (each bucket holds its upper edge). */
export function pivotSql(asOf: DayNumber, edges: readonly number[]): string {
  const asOfSerial = toExcelSerial(asOf);
  const arms: string[] = [];
  let lower = Number.NEGATIVE_INFINITY;
  edges.forEach((edge, i) => {
    const condition = lower === Number.NEGATIVE_INFINITY ? `dpd <= ${edge}` : `dpd > ${lower} AND dpd <= ${edge}`;
    arms.push(`SUM(CASE WHEN ${condition} THEN open_amount ELSE 0 END) AS b${i}`);
    lower = edge;
  });
  arms.push(`SUM(CASE WHEN dpd > ${lower} THEN open_amount ELSE 0 END) AS b${edges.length}`);
  return `
    WITH open_items AS (
      SELECT customer_id, ${asOfSerial} - due_date AS dpd, amount - COALESCE(paid, 0) AS open_amount
      FROM receivables
      WHERE invoice_date <= ${asOfSerial} AND (settled IS NULL OR settled > ${asOfSerial})
    )
    SELECT customer_id, ${arms.join(",\n      ")}
    FROM open_items
    GROUP BY customer_id
    ORDER BY customer_id`;
}

export interface DuckPeer {
  version: string;
  threads: number;
  /** Rows loaded with the appender; milliseconds spent loading. */
  load(table: SourceTable): Promise<{ rows: number; ms: number }>;
  /** Run the pivot; rows are [customerId, bucket sums...]. */
  pivot(asOf: DayNumber, edges: readonly number[]): Promise<unknown[][]>;
  close(): void;
}

const num = (value: CellValue): number | undefined => (typeof value === "number" ? value : undefined);

export async function openDuckPeer(): Promise<DuckPeer> {
  const api = loadDuckDb();
  const instance = await api.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  const threadRows = (await connection.runAndReadAll("SELECT current_setting('threads')")).getRows();
  await connection.run(`CREATE TABLE receivables (customer_id VARCHAR, invoice_date INTEGER, due_date INTEGER, amount DOUBLE, paid DOUBLE, settled INTEGER)`);
  const fields = TABLE_FIELDS.receivables.fields.map((f) => f.field);
  const at = (field: string): number => fields.indexOf(field);
  return {
    version: api.version(),
    threads: Number(threadRows[0]?.[0] ?? 0),
    async load(table) {
      const start = performance.now();
      await connection.run("DELETE FROM receivables");
      const appender = await connection.createAppender("receivables");
      const [cCustomer, cInvoice, cDue, cAmount, cPaid, cSettled] = ["customerId", "invoiceDate", "dueDate", "amount", "paidAmount", "settledDate"].map(at);
      const appendInt = (value: CellValue): void => {
        const n = num(value);
        if (n === undefined) appender.appendNull(); else appender.appendInteger(n);
      };
      const appendDouble = (value: CellValue): void => {
        const n = num(value);
        if (n === undefined) appender.appendNull(); else appender.appendDouble(n);
      };
      for (const row of table.rows) {
        appender.appendVarchar(String(row[cCustomer]));
        appendInt(row[cInvoice]);
        appendInt(row[cDue]);
        appendDouble(row[cAmount]);
        appendDouble(row[cPaid]);
        appendInt(row[cSettled]);
        appender.endRow();
      }
      appender.flushSync();
      appender.closeSync();
      return { rows: table.rows.length, ms: performance.now() - start };
    },
    async pivot(asOf, edges) {
      const reader = await connection.runAndReadAll(pivotSql(asOf, edges));
      return reader.getRows();
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
