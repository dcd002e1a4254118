/**
 * The column mapping kept IN the workbook (issue 20): a small input table `CreditDeskMapping`
 * (columns Table, Header, Field; one row per mapped header) on a sheet the add-in creates,
 * "Credit Desk Mapping". The pane's mapping dialog and the CLI's `--map` save to it; every
 * review (pane or CLI) reads it back, so a mapping chosen once travels with the workbook, not
 * with the machine. It is written with the port's ordinary calls: `writeSheets` with role
 * "input" the first time (never replacing a sheet), `updateTableRows` afterwards.
 * @example mappingFromPairs([{ header: "Open Advance (ILS)", field: "OpenAmount" }])
 *   //=> { ok: true, mapping: { receivables: { "Open Advance (ILS)": "openAmount" }, orders: {…} } } (every kind that has the field)
 */
import type { CellValue, SheetSpec, SourceTable, WorkbookPort, WorkbookSnapshot } from "../host/WorkbookPort";
import { INPUT_TABLE_KINDS, TABLE_FIELDS, normaliseHeader } from "./headerAliases";
import type { ColumnMapping, InputTableKind } from "./types";

export const MAPPING_TABLE = "CreditDeskMapping";
export const MAPPING_SHEET = "Credit Desk Mapping";
export const MAPPING_HEADERS = ["Table", "Header", "Field"] as const;

/** Whether a source is the add-in's mapping table (never an input candidate). */
export function isMappingTable(source: Pick<SourceTable, "name" | "kind">): boolean {
  return source.kind === "table" && source.name.toLowerCase() === MAPPING_TABLE.toLowerCase();
}

function isKind(text: string): text is InputTableKind {
  return (INPUT_TABLE_KINDS as readonly string[]).includes(text);
}

/** The mapping saved in the workbook ({} when there is none). Rows naming no known table kind or field are ignored. */
export function savedMapping(snapshot: WorkbookSnapshot): ColumnMapping {
  const table = snapshot.tables.find(isMappingTable);
  if (!table) return {};
  const at = (name: string): number => table.headers.findIndex((h) => normaliseHeader(String(h ?? "")) === normaliseHeader(name));
  const [kindAt, headerAt, fieldAt] = MAPPING_HEADERS.map(at);
  if (kindAt < 0 || headerAt < 0 || fieldAt < 0) return {};
  const mapping: ColumnMapping = {};
  for (const row of table.rows) {
    const kind = String(row[kindAt] ?? "").trim().toLowerCase();
    const header = String(row[headerAt] ?? "").trim();
    const field = String(row[fieldAt] ?? "").trim();
    if (!isKind(kind) || header === "" || field === "") continue;
    if (!TABLE_FIELDS[kind].fields.some((f) => f.field === field)) continue;
    (mapping[kind] ??= {})[header] = field;
  }
  return mapping;
}

/** `given` over `saved`, header by header (a header the user maps now replaces its saved field). */
export function mergeMappings(saved: ColumnMapping, given: ColumnMapping | undefined): ColumnMapping {
  const merged: ColumnMapping = {};
  for (const kind of INPUT_TABLE_KINDS) {
    const entries = { ...(saved[kind] ?? {}) };
    const overrides = given?.[kind] ?? {};
    for (const header of Object.keys(overrides)) {
      for (const old of Object.keys(entries)) if (normaliseHeader(old) === normaliseHeader(header)) delete entries[old];
    }
    // An empty field means "not mapped": the user cleared the header in the dialog.
    const all = Object.entries({ ...entries, ...overrides }).filter(([, field]) => field !== "");
    if (all.length > 0) merged[kind] = Object.fromEntries(all);
  }
  return merged;
}

/** The mapping as the table's rows (Table, Header, Field), in table-kind order. */
export function mappingRows(mapping: ColumnMapping): CellValue[][] {
  return INPUT_TABLE_KINDS.flatMap((kind) => Object.entries(mapping[kind] ?? {}).filter(([, field]) => field !== "").map(([header, field]): CellValue[] => [kind, header, field]));
}

/** The mapping sheet as set-up writes it: an input sheet the user may read and edit. */
export function mappingSheet(mapping: ColumnMapping): SheetSpec {
  return {
    name: MAPPING_SHEET,
    role: "input",
    tables: [{
      name: MAPPING_TABLE, headerRow: 0, firstColumn: 0, style: "TableStyleLight1",
      columns: [{ header: MAPPING_HEADERS[0], kind: "text", width: 14 }, { header: MAPPING_HEADERS[1], kind: "text", width: 32 }, { header: MAPPING_HEADERS[2], kind: "text", width: 20 }],
      rows: mappingRows(mapping),
    }],
    freezeRows: 1,
    tabColor: "#7F7F7F",
  };
}

function sameRows(a: readonly CellValue[][], b: readonly CellValue[][]): boolean {
  return a.length === b.length && a.every((row, i) => row.length === b[i].length && row.every((v, j) => v === b[i][j]));
}

/**
 * Save the mapping in the workbook: the saved mapping merged with this one (`mergeMappings`),
 * written to the CreditDeskMapping table (updated in place when it exists, else created on its
 * own sheet). "unchanged" when the table already says the same; "refused" when a sheet of the
 * user's holds the sheet's name and no mapping table exists (nothing is written then).
 */
export async function saveMapping(port: WorkbookPort, mapping: ColumnMapping, snapshot?: WorkbookSnapshot): Promise<"created" | "updated" | "unchanged" | "refused"> {
  const book = snapshot ?? (await port.readWorkbook());
  const existing = book.tables.find(isMappingTable);
  const merged = mergeMappings(savedMapping(book), mapping);
  const rows = mappingRows(merged);
  if (existing) {
    if (sameRows(existing.rows.map((r) => r.slice(0, 3)), rows)) return "unchanged";
    await port.updateTableRows(existing.name, rows);
    return "updated";
  }
  if (rows.length === 0) return "unchanged";
  if (book.sheets.some((s) => s.toLowerCase() === MAPPING_SHEET.toLowerCase())) return "refused";
  await port.writeSheets([mappingSheet(merged)]);
  return "created";
}

/** Every field a `--map` may name: the set-up headers (e.g. "OpenAmount"), each once. */
export function mappableFields(): string[] {
  const seen = new Set<string>();
  for (const kind of INPUT_TABLE_KINDS) for (const spec of TABLE_FIELDS[kind].fields) seen.add(spec.header);
  return [...seen];
}

/**
 * `Header=Field` pairs (the CLI's --map) as a mapping: the field named by its set-up header or
 * its canonical name, case- and space-insensitively, for every table kind that has it. An
 * unknown field is refused with the list of the valid ones.
 */
export function mappingFromPairs(pairs: readonly { header: string; field: string }[]): { ok: true; mapping: ColumnMapping } | { ok: false; field: string; valid: string[] } {
  const mapping: ColumnMapping = {};
  for (const { header, field } of pairs) {
    const wanted = normaliseHeader(field);
    let found = false;
    for (const kind of INPUT_TABLE_KINDS) {
      const spec = TABLE_FIELDS[kind].fields.find((f) => normaliseHeader(f.header) === wanted || normaliseHeader(f.field) === wanted);
      if (!spec) continue;
      (mapping[kind] ??= {})[header] = spec.field;
      found = true;
    }
    if (!found) return { ok: false, field, valid: mappableFields() };
  }
  return { ok: true, mapping };
}
