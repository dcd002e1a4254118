/**
 * The formulas-only peer (issue 6, section 3): the aging a user builds without the add-in, in a
 * spreadsheet engine (HyperFormula, the engine behind Handsontable): the open items pasted from
 * the ledger (customer, due date, open amount), one day formula per row (days past due) and a
 * SUMIFS block (one row of bucket totals, or one row per customer). Timed: building the workbook and
 * evaluating every formula, and a recalculation after the as-of date changes.
 */
import { HyperFormula } from "hyperformula";
import { toExcelSerial, type DayNumber } from "../../src/engine/dates/dayNumber";
import type { CellValue, SourceTable } from "../../src/host/WorkbookPort";
import { TABLE_FIELDS } from "../../src/app/headerAliases";

export interface FormulaSheetOptions {
  asOf: DayNumber;
  edges: readonly number[];
  /** SUMIFS rows: one per customer id given, or a single portfolio row when absent. */
  customers?: readonly string[];
}

export interface FormulaSheet {
  /** Sheets as HyperFormula takes them: raw values and formula strings. */
  sheets: Record<string, (string | number | boolean | null)[][]>;
  formulaCount: number;
  /** Rows of the Aging sheet that hold results (0-based), and its first result column. */
  agingRows: number;
}

/** SUMIFS criteria of each bucket on the days-past-due column (each bucket holds its upper edge). */
export function bucketCriteria(edges: readonly number[]): { lower?: number; upper?: number }[] {
  const out: { lower?: number; upper?: number }[] = [];
  let lower: number | undefined;
  for (const edge of edges) {
    out.push({ lower, upper: edge });
    lower = edge;
  }
  out.push({ lower });
  return out;
}

/** An open-items range as a user pastes it from the ledger: customer, due date (serial), open amount. */
export interface OpenItemsRange {
  customerIds: string[];
  dueSerials: number[];
  amounts: number[];
}

/**
 * The open items of a generated ledger at the as-of date (open amount = Amount − PaidAmount of
 * the items not settled by then, zero-amount rows left out), the first `count` of them.
 */
export function openItemsRange(table: SourceTable, asOf: DayNumber, count: number): OpenItemsRange {
  const fields = TABLE_FIELDS.receivables.fields.map((f) => f.field);
  const [cCustomer, cInvoice, cDue, cAmount, cPaid, cSettled] = ["customerId", "invoiceDate", "dueDate", "amount", "paidAmount", "settledDate"].map((f) => fields.indexOf(f));
  const asOfSerial = toExcelSerial(asOf);
  const out: OpenItemsRange = { customerIds: [], dueSerials: [], amounts: [] };
  const num = (v: CellValue): number => (typeof v === "number" ? v : 0);
  for (const row of table.rows) {
    if (out.amounts.length >= count) break;
    const settled = row[cSettled];
    if (num(row[cInvoice]) > asOfSerial || (typeof settled === "number" && settled <= asOfSerial)) continue;
    const open = Math.round((num(row[cAmount]) - num(row[cPaid])) * 100) / 100;
    if (open === 0) continue;
    out.customerIds.push(String(row[cCustomer]));
    out.dueSerials.push(num(row[cDue]));
    out.amounts.push(open);
  }
  if (out.amounts.length < count) throw new Error(`only ${out.amounts.length} open items, ${count} wanted`);
  return out;
}

/**
 * The workbook: sheet "Ledger" (CustomerId, DueDate, OpenAmount, Days) with one day formula per
 * row (=as-of − due date), sheet "Params" (as-of serial in A1), sheet "Aging" with the SUMIFS block.
 */
export function buildFormulaSheet(range: OpenItemsRange, options: FormulaSheetOptions): FormulaSheet {
  const n = range.amounts.length;
  const ledger: (string | number | boolean | null)[][] = [["CustomerId", "DueDate", "OpenAmount", "Days"]];
  for (let i = 0; i < n; i++) {
    ledger.push([range.customerIds[i], range.dueSerials[i], range.amounts[i], `=Params!$A$1-B${i + 2}`]);
  }
  const last = n + 1;
  const sumifs = (customer: string | undefined, c: { lower?: number; upper?: number }): string => {
    const parts = [`Ledger!$C$2:$C$${last}`];
    if (customer !== undefined) parts.push(`Ledger!$A$2:$A$${last}`, `"${customer}"`);
    if (c.lower !== undefined) parts.push(`Ledger!$D$2:$D$${last}`, `">${c.lower}"`);
    if (c.upper !== undefined) parts.push(`Ledger!$D$2:$D$${last}`, `"<=${c.upper}"`);
    return `=SUMIFS(${parts.join(",")})`;
  };
  const criteria = bucketCriteria(options.edges);
  const aging: (string | number | null)[][] = [];
  const rowsFor = options.customers ?? [undefined];
  for (const customer of rowsFor) aging.push([customer ?? "Portfolio", ...criteria.map((c) => sumifs(customer, c))]);
  return {
    sheets: { Ledger: ledger, Params: [[toExcelSerial(options.asOf)]], Aging: aging },
    formulaCount: n + rowsFor.length * criteria.length,
    agingRows: rowsFor.length,
  };
}

export interface FormulaRun {
  /** Bucket totals per Aging row, as HyperFormula computed them. */
  values: unknown[][];
  engine: HyperFormula;
}

/** Build the workbook in HyperFormula (evaluating every formula) and read the Aging block. */
export function evaluateFormulaSheet(sheet: FormulaSheet): FormulaRun {
  const maxRows = Math.max(...Object.values(sheet.sheets).map((rows) => rows.length)) + 1;
  const engine = HyperFormula.buildFromSheets(sheet.sheets, { licenseKey: "gpl-v3", maxRows: Math.max(40_000, maxRows) });
  const agingId = engine.getSheetId("Aging");
  if (agingId === undefined) throw new Error("Aging sheet missing");
  return { values: engine.getSheetValues(agingId), engine };
}

/** Change the as-of date and read the Aging block again (HyperFormula recomputes the dependents). */
export function recalculateAt(run: FormulaRun, asOf: DayNumber): unknown[][] {
  const paramsId = run.engine.getSheetId("Params");
  const agingId = run.engine.getSheetId("Aging");
  if (paramsId === undefined || agingId === undefined) throw new Error("sheets missing");
  run.engine.setCellContents({ sheet: paramsId, row: 0, col: 0 }, [[toExcelSerial(asOf)]]);
  return run.engine.getSheetValues(agingId);
}
