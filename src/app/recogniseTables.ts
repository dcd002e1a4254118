/**
 * Recognise the input tables of a workbook by their headers (credit-method.md §1).
 * Every table and plain range on any sheet is a candidate, except the add-in's own output
 * sheets (those carrying its marker, `snapshot.outputSheets`: a user's sheet that happens to be
 * called "Summary" is the user's data). A plain range may start with a title row (or a merged
 * title) and blank spacer rows: its header row is the row among its first HEADER_SEARCH_ROWS
 * that matches a kind's headers best, and the range is re-sliced there (headerRow, headers,
 * rows), so problems still name the right sheet row. A candidate is classified as the kind
 * whose required fields it matches best (ties: more matched fields, then a sheet or table name
 * that hints the kind); for each kind the best candidate wins: a visible one before any on a
 * hidden sheet, then real Excel tables before plain ranges.
 *
 * @example recogniseTables({ sheets: ["客户"], dateSystem: "1900", tables: [{ name: "T1", sheet: "客户",
 *   kind: "table", headerRow: 0, firstColumn: 0, headers: ["客户编号", "客户名称"], rows: [] }] })
 *   //=> { tables: { customers: { columns: { customerId: 0, name: 1 }, ... } }, missingTables: ["receivables"] }
 */
import type { CellValue, SourceTable, WorkbookSnapshot } from "../host/WorkbookPort";
import { isCustomerNameHeader } from "./deriveCustomers";
import { isAddinTable } from "./addinTables";
import { INPUT_TABLE_KINDS, TABLE_FIELDS, isDerivedHeader, matchHeader, normaliseHeader } from "./headerAliases";
import { type ColumnMapping, type InputTableKind, type RecognisedTable, type Recognition } from "./types";

/** Tables a review cannot run without. Financials, Orders and Policy are optional. */
export const REQUIRED_TABLES: readonly InputTableKind[] = ["customers", "receivables"];

/** Rows of a plain range searched for its header row (a title, a subtitle, spacer rows above it). */
export const HEADER_SEARCH_ROWS = 10;

/** Whether a table sits on a hidden or very hidden sheet. */
export function isOnHiddenSheet(source: SourceTable): boolean {
  return source.sheetVisibility === "hidden" || source.sheetVisibility === "veryHidden";
}

/**
 * How a message names a table: its name, and its sheet when the sheet is hidden (the user
 * cannot see it otherwise). @example tableLabel({ name: "Cust", sheet: "Old", sheetVisibility: "hidden", … })
 * //=> '"Cust" (hidden sheet Old)'
 */
export function tableLabel(source: SourceTable): string {
  return isOnHiddenSheet(source) ? `"${source.name}" (hidden sheet ${source.sheet})` : `"${source.name}"`;
}

interface Candidate {
  table: RecognisedTable;
  requiredMatched: number;
  matched: number;
  hinted: boolean;
}

function mapColumns(kind: InputTableKind, source: SourceTable, mapping: ColumnMapping | undefined): RecognisedTable {
  const userMap = new Map<string, string>();
  for (const [header, field] of Object.entries(mapping?.[kind] ?? {})) userMap.set(normaliseHeader(header), field);
  const known = new Set(TABLE_FIELDS[kind].fields.map((s) => s.field));
  const columns: Record<string, number> = {};
  const unrecognisedHeaders: string[] = [];
  source.headers.forEach((header, index) => {
    const text = String(header ?? "").trim();
    if (text === "") return;
    const mapped = userMap.get(normaliseHeader(text));
    const field = mapped !== undefined && known.has(mapped) ? mapped : matchHeader(kind, text);
    if (field !== undefined && columns[field] === undefined) columns[field] = index;
    // A column Credit Desk computes itself (账龄, days overdue) is neither read nor reported.
    else if (field === undefined && isDerivedHeader(kind, text)) return;
    else unrecognisedHeaders.push(text);
  });
  // A ledger known by customer name only (QuickBooks' "Name", an aging sheet's "Customer"): the name column is its customer.
  if (kind === "receivables" && columns.customerId === undefined) {
    const index = source.headers.findIndex((h, i) => !Object.values(columns).includes(i) && isCustomerNameHeader(String(h ?? "").trim()));
    if (index >= 0) {
      columns.customerId = index;
      const at = unrecognisedHeaders.indexOf(String(source.headers[index] ?? "").trim());
      if (at >= 0) unrecognisedHeaders.splice(at, 1);
    }
  }
  const missingRequired = TABLE_FIELDS[kind].required.filter((field) => columns[field] === undefined);
  return { kind, source, columns, unrecognisedHeaders, missingRequired };
}

function isHinted(kind: InputTableKind, source: SourceTable): boolean {
  const hints = TABLE_FIELDS[kind].nameHints.map(normaliseHeader);
  return [source.name, source.sheet].some((name) => hints.includes(normaliseHeader(name)));
}

function candidateFor(kind: InputTableKind, source: SourceTable, mapping: ColumnMapping | undefined): Candidate | undefined {
  const table = mapColumns(kind, source, mapping);
  const required = TABLE_FIELDS[kind].required.length;
  const requiredMatched = required - table.missingRequired.length;
  const matched = Object.keys(table.columns).length;
  const hinted = isHinted(kind, source);
  // A table must carry most of a kind's required fields (or be named for it) to be taken as one;
  // a lone customer-id column is not yet a Customers table.
  const enough = hinted
    ? requiredMatched >= 1
    : requiredMatched === required
      ? matched >= Math.min(2, TABLE_FIELDS[kind].fields.length)
      : requiredMatched * 2 > required;
  return enough ? { table, requiredMatched, matched, hinted } : undefined;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.requiredMatched !== b.requiredMatched) return a.requiredMatched > b.requiredMatched;
  if (a.matched !== b.matched) return a.matched > b.matched;
  return a.hinted && !b.hinted;
}

function preferred(a: Candidate, b: Candidate): boolean {
  const aHidden = isOnHiddenSheet(a.table.source);
  if (aHidden !== isOnHiddenSheet(b.table.source)) return !aHidden;
  const aTable = a.table.source.kind === "table";
  const bTable = b.table.source.kind === "table";
  if (aTable !== bTable) return aTable;
  if (a.table.missingRequired.length !== b.table.missingRequired.length) return a.table.missingRequired.length < b.table.missingRequired.length;
  if (a.hinted !== b.hinted) return a.hinted;
  return a.matched > b.matched;
}

/** The best kind for a source, or undefined when it looks like no input table. */
function bestCandidate(source: SourceTable, mapping: ColumnMapping | undefined): Candidate | undefined {
  let best: Candidate | undefined;
  for (const kind of INPUT_TABLE_KINDS) {
    const candidate = candidateFor(kind, source, mapping);
    if (candidate && (!best || better(candidate, best))) best = candidate;
  }
  return best;
}

function headerTextOf(value: CellValue): string {
  return value === null ? "" : String(value).trim();
}

/**
 * A plain range re-sliced at its header row: the row among its first HEADER_SEARCH_ROWS whose
 * headers make the best candidate (the first such row on a tie, so a range whose first row is
 * its header is kept as it is). Only the headers are tried; the rows are sliced once, at the end.
 */
function withHeaderRow(source: SourceTable, mapping: ColumnMapping | undefined): { source: SourceTable; best: Candidate | undefined } {
  let best = bestCandidate(source, mapping);
  if (source.kind !== "range") return { source, best };
  let offset = 0;
  const last = Math.min(HEADER_SEARCH_ROWS - 1, source.rows.length - 1);
  for (let k = 1; k <= last; k++) {
    const headers = source.rows[k - 1].map(headerTextOf);
    if (headers.every((h) => h === "")) continue;
    const candidate = bestCandidate({ ...source, headers, rows: [] }, mapping);
    if (candidate && (!best || better(candidate, best))) {
      best = candidate;
      offset = k;
    }
  }
  if (offset === 0 || !best) return { source, best };
  const resliced: SourceTable = {
    ...source,
    headerRow: source.headerRow + offset,
    headers: source.rows[offset - 1].map(headerTextOf),
    rows: source.rows.slice(offset),
  };
  return { source: resliced, best: bestCandidate(resliced, mapping) };
}

function filledCells(row: readonly CellValue[]): number {
  let n = 0;
  for (const value of row) if (value !== null && !(typeof value === "string" && value.trim() === "")) n++;
  return n;
}

/**
 * A plain range without the notes below its data: after the last blank row, rows that fill at
 * most one cell (a source line, a footnote) are not data when the rows above them fill more.
 * @example a ledger whose last rows are a blank row and "Snapshot of the ledger, …" in column A keeps only its invoices
 */
export function withoutFootnotes(source: SourceTable): SourceTable {
  if (source.kind !== "range") return source;
  const { rows } = source;
  let end = rows.length;
  while (end > 0 && filledCells(rows[end - 1]) <= 1) end--;
  // Only when a blank row separates the data from the notes: a last one-cell row right below the data is data (and reported).
  let blank = end;
  while (blank < rows.length && filledCells(rows[blank]) > 0) blank++;
  if (end === rows.length || blank === rows.length || end === 0) return source;
  return { ...source, rows: rows.slice(0, end) };
}

export function recogniseTables(snapshot: WorkbookSnapshot, mapping?: ColumnMapping): Recognition {
  const outputSheets = new Set(snapshot.outputSheets.map((mark) => mark.sheet));
  const winners: Partial<Record<InputTableKind, Candidate>> = {};
  for (const table of snapshot.tables) {
    if (outputSheets.has(table.sheet) || isAddinTable(table)) continue;
    const { best } = withHeaderRow(withoutFootnotes(table), mapping);
    if (!best) continue;
    const current = winners[best.table.kind];
    if (!current || preferred(best, current)) winners[best.table.kind] = best;
  }
  const tables: Recognition["tables"] = {};
  for (const kind of INPUT_TABLE_KINDS) {
    const winner = winners[kind];
    if (winner) tables[kind] = winner.table;
  }
  return { tables, missingTables: REQUIRED_TABLES.filter((kind) => !tables[kind]) };
}
