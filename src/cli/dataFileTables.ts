/**
 * The input tables of a review from files (issue 19 §3) as the snapshot the review reads: each
 * small table (customers, financials, orders, policy) from a CSV or Parquet file read whole by
 * DuckDB, or from an .xlsx that holds it (the table recognised there, and only that one); the
 * ledger as its header row alone (its rows are streamed later, straight into the ledger's
 * columns). Each table's "sheet" is its file's name, so a problem names the file and the cell.
 */
import * as path from "path";
import { errorText } from "../app/errorText";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../host/WorkbookPort";
import { dataFileKind, type DuckDbFiles } from "../host/duckdb/duckDbFiles";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import { TABLE_FIELDS } from "../app/headerAliases";
import { recogniseTables } from "../app/recogniseTables";
import { mergeMappings, savedMapping } from "../app/savedMapping";
import type { ColumnMapping, InputTableKind } from "../app/types";
import type { Translator } from "../i18n/translator";
import type { DataFiles } from "./parseCommandLine";

export type TableLoad = { ok: true; table: SourceTable; dateSystem?: "1900" | "1904" } | { ok: false; message: string };

function fileTable(kind: InputTableKind, file: string, headers: string[], rows: CellValue[][]): SourceTable {
  return { name: TABLE_FIELDS[kind].tableName, sheet: path.basename(file), kind: "table", headerRow: 0, firstColumn: 0, headers, rows };
}

/** One small table from its file; a problem reading it is a message in the user's language. */
export async function loadTable(kind: InputTableKind, file: string, files: DuckDbFiles, mapping: ColumnMapping, t: Translator): Promise<TableLoad> {
  const name = path.basename(file);
  if (/\.xlsx$/i.test(file)) {
    const loaded = await XlsxWorkbook.load(file);
    if (!loaded.ok) return { ok: false, message: t.t("duckdb.problem.badFile", { file: name, detail: errorText(t, loaded.error) }) };
    const snapshot = await loaded.value.readWorkbook();
    const found = recogniseTables(snapshot, mergeMappings(savedMapping(snapshot), mapping)).tables[kind];
    if (found === undefined) return { ok: false, message: t.t("duckdb.problem.noTable", { file: name, table: TABLE_FIELDS[kind].tableName }) };
    // The sheet keeps its own name, shown with the file's: "book.xlsx Customers".
    return { ok: true, table: { ...found.source, sheet: `${name} ${found.source.sheet}` }, dateSystem: snapshot.dateSystem };
  }
  try {
    const read = await files.readTable(file);
    return { ok: true, table: fileTable(kind, file, read.headers, read.rows) };
  } catch (e) {
    return { ok: false, message: t.t("duckdb.problem.badFile", { file: name, detail: e instanceof Error ? e.message.split("\n")[0]! : String(e) }) };
  }
}

/** The ledger's header row as a table without rows (recognised like a workbook's Receivables table). */
export async function ledgerHeaders(file: string, files: DuckDbFiles, t: Translator): Promise<TableLoad> {
  try {
    const columns = await files.columns(file, { allText: dataFileKind(file) === "csv" });
    return { ok: true, table: fileTable("receivables", file, columns.map((c) => c.name), []) };
  } catch (e) {
    return { ok: false, message: t.t("duckdb.problem.badFile", { file: path.basename(file), detail: e instanceof Error ? e.message.split("\n")[0]! : String(e) }) };
  }
}

/** Every input table of the files as one snapshot, or the messages of the files that cannot be read. */
export async function dataFilesSnapshot(input: DataFiles, files: DuckDbFiles, mapping: ColumnMapping, t: Translator): Promise<{ ok: true; snapshot: WorkbookSnapshot } | { ok: false; messages: string[] }> {
  const loads = [await loadTable("customers", input.customers, files, mapping, t), await ledgerHeaders(input.ledger, files, t)];
  const optional: [InputTableKind, string | undefined][] = [["financials", input.financials], ["orders", input.orders], ["policy", input.policy]];
  for (const [kind, file] of optional) if (file !== undefined) loads.push(await loadTable(kind, file, files, mapping, t));
  const messages = loads.flatMap((l) => (l.ok ? [] : [l.message]));
  if (messages.length > 0) return { ok: false, messages };
  const tables = loads.flatMap((l) => (l.ok ? [l.table] : []));
  const dateSystem = loads.find((l) => l.ok && l.dateSystem !== undefined);
  return {
    ok: true,
    snapshot: { sheets: [...new Set(tables.map((table) => table.sheet))], tables, dateSystem: dateSystem?.ok ? dateSystem.dateSystem ?? "1900" : "1900", outputSheets: [] },
  };
}
