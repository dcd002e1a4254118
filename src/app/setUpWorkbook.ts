/**
 * The set-up flow: write the input sheets (Customers, Financials, Receivables, Orders, Policy),
 * empty or with the sample portfolio. It never overwrites: when the workbook already has any
 * recognised input table, or a sheet or table of the same name, it writes nothing and returns
 * one problem for each conflict.
 * @example await setUpWorkbook(port, { withSample: true, asOf }) //=> { status: "written", problems: [], sheets: [5 sheets] }
 */
import type { WorkbookPort } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import type { MessageId } from "../i18n/messages";
import { buildInputSheets, customersSheetFromLedger } from "./buildInputSheets";
import { ledgerCustomers } from "./deriveCustomers";
import { mergeMappings, savedMapping } from "./savedMapping";
import { TABLE_FIELDS } from "./headerAliases";
import { recogniseTables } from "./recogniseTables";
import type { ColumnMapping, Problem, SetUpOptions, SetUpOutcome } from "./types";

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

export interface FromLedgerOptions {
  /** A mapping over the one saved in the workbook (the CLI's --map). */
  mapping?: ColumnMapping;
  signal?: AbortSignal;
}

/** The outcome of `setUpCustomersFromLedger`: the set-up outcome and the number of customers written. */
export type FromLedgerOutcome = SetUpOutcome & { customers: number };

function setUpProblem(id: MessageId, params: Record<string, string | number>, at?: { sheet: string; table: string; row: number; column: number }): Problem {
  return { severity: "error", table: at?.table ?? "", sheet: at?.sheet ?? "", row: at?.row ?? -1, column: at?.column ?? -1, field: "", message: createTranslator("en-US").t(id, params), id, params };
}

/**
 * Write a Customers input sheet pre-filled with the ledger's customers (issue 20): one row per
 * distinct customer of the recognised Receivables table (its id, or the stable `N-…` id of a
 * name-only ledger, and its name), every other column empty for the user's scores, financials
 * and current limits. Refused, writing nothing, when there is no ledger, when the workbook
 * already has a Customers table, or when a sheet is called Customers.
 * @example await setUpCustomersFromLedger(port) //=> { status: "written", customers: 20, sheets: [Customers], … }
 */
export async function setUpCustomersFromLedger(port: WorkbookPort, options: FromLedgerOptions = {}): Promise<FromLedgerOutcome> {
  const snapshot = await port.readWorkbook();
  const recognition = recogniseTables(snapshot, mergeMappings(savedMapping(snapshot), options.mapping));
  const ledger = recognition.tables.receivables;
  const existing = recognition.tables.customers;
  const problems: Problem[] = [];
  if (ledger === undefined || ledger.columns.customerId === undefined) {
    problems.push(setUpProblem("setup.fromLedger.noLedger", {}));
    return { status: "refused", problems, sheets: [], customers: 0 };
  }
  const { idOf, nameOf } = ledgerCustomers(ledger);
  const ids = [...new Set(idOf.values())];
  const sheet = customersSheetFromLedger(ids.map((customerId) => ({ customerId, name: nameOf.get(customerId) || undefined })));
  if (existing) {
    const { source } = existing;
    problems.push(setUpProblem("setup.fromLedger.customersExist", { name: source.name, sheet: source.sheet }, { sheet: source.sheet, table: source.name, row: source.headerRow, column: source.firstColumn }));
  }
  if (snapshot.sheets.some((s) => s.toLowerCase() === sheet.name.toLowerCase())) problems.push(setUpProblem("setup.fromLedger.sheetExists", { sheet: sheet.name }, { sheet: sheet.name, table: "", row: -1, column: -1 }));
  const tableName = sheet.tables[0].name.toLowerCase();
  const clash = snapshot.tables.find((t) => t.kind === "table" && t.name.toLowerCase() === tableName);
  if (clash && !existing) problems.push(setUpProblem("setup.fromLedger.tableExists", { name: clash.name, sheet: clash.sheet }, { sheet: clash.sheet, table: clash.name, row: clash.headerRow, column: clash.firstColumn }));
  if (problems.length > 0) return { status: "refused", problems, sheets: [sheet], customers: ids.length };
  if (options.signal?.aborted) return { status: "cancelled", problems, sheets: [sheet], customers: ids.length };
  const result = await port.writeSheets([sheet]);
  return { status: "written", problems, sheets: [sheet], written: result.sheets, customers: ids.length };
}
