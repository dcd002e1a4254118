/**
 * The set-up flow: write the input sheets (Customers, Financials, Receivables, Orders, Policy),
 * empty or with the sample portfolio. It never overwrites: when the workbook already has any
 * recognised input table, or a sheet or table of the same name, it writes nothing and returns
 * one problem for each conflict.
 * @example await setUpWorkbook(port, { withSample: true, asOf }) //=> { status: "written", problems: [], sheets: [5 sheets] }
 */
import type { WorkbookPort } from "../host/WorkbookPort";
import { buildInputSheets } from "./buildInputSheets";
import { TABLE_FIELDS } from "./headerAliases";
import { recogniseTables } from "./recogniseTables";
import type { Problem, SetUpOptions, SetUpOutcome } from "./types";

export async function setUpWorkbook(port: WorkbookPort, options: SetUpOptions): Promise<SetUpOutcome> {
  const progress = options.onProgress ?? ((): void => undefined);
  const language = options.outputLanguage ?? "en-US";
  if (options.signal?.aborted) return { status: "cancelled", problems: [], sheets: buildInputSheets(options.withSample, options.asOf, language) };
  progress("reading", 0);
  const snapshot = await port.readWorkbook();
  // The sample's dates are written as serials of the workbook's own date system (1904 on old Mac files).
  const sheets = buildInputSheets(options.withSample, options.asOf, language, snapshot.dateSystem);
  const recognition = recogniseTables(snapshot);
  const problems: Problem[] = [];
  const conflict = (sheet: string, table: string, row: number, column: number, message: string): void => {
    problems.push({ severity: "error", table, sheet, row, column, field: "", message });
  };
  for (const table of Object.values(recognition.tables)) {
    const { source } = table;
    conflict(source.sheet, source.name, source.headerRow, source.firstColumn,
      `A ${TABLE_FIELDS[table.kind].tableName} table already exists (${source.kind === "table" ? `table ${source.name}` : "a range"} on sheet ${source.sheet}); set-up does not overwrite input tables`);
  }
  const taken = new Set(problems.map((p) => p.sheet.toLowerCase()));
  const sheetNames = new Set(snapshot.sheets.map((s) => s.toLowerCase()));
  const tableNames = new Map(snapshot.tables.filter((t) => t.kind === "table").map((t) => [t.name.toLowerCase(), t]));
  for (const spec of sheets) {
    if (sheetNames.has(spec.name.toLowerCase()) && !taken.has(spec.name.toLowerCase())) {
      conflict(spec.name, "", -1, -1, `Sheet ${spec.name} already exists; set-up does not overwrite it`);
    }
    for (const t of spec.tables) {
      const existing = tableNames.get(t.name.toLowerCase());
      if (existing && !taken.has(existing.sheet.toLowerCase())) {
        conflict(existing.sheet, existing.name, existing.headerRow, existing.firstColumn, `A table named ${existing.name} already exists on sheet ${existing.sheet}`);
      }
    }
  }
  if (problems.length > 0) return { status: "refused", problems, sheets };
  if (options.signal?.aborted) return { status: "cancelled", problems, sheets };
  progress("writing", 0.3);
  const result = await port.writeSheets(sheets, { onProgress: (f) => progress("writing", 0.3 + 0.7 * f) });
  progress("done", 1);
  return { status: "written", problems, sheets, written: result.sheets };
}
