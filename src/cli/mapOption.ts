/**
 * The CLI's column mapping (issue 20): `--map "Header=Field"` (repeatable) read into a
 * ColumnMapping, and the report printed before a review of what was recognised, what was mapped
 * (by --map or by the mapping saved in the workbook) and what was skipped, in the --lang language.
 * @example parseMapOptions(["Open Advance (ILS)=OpenAmount"]) //=> { ok: true, mapping: { receivables: { "Open Advance (ILS)": "openAmount" }, … } }
 */
import { TABLE_FIELDS, fieldSpec, isDerivedHeader, normaliseHeader } from "../app/headerAliases";
import { withoutFootnotes } from "../app/recogniseTables";
import { mappingFromPairs, savedMapping } from "../app/savedMapping";
import type { ColumnMapping, InputTableKind, Recognition } from "../app/types";
import type { WorkbookSnapshot } from "../host/WorkbookPort";
import type { Translator } from "../i18n/translator";
import { terminalSafe } from "./terminalSafe";

export type MapOptions = { ok: true; mapping: ColumnMapping } | { ok: false; message: string };

/** The --map values as a mapping, or the usage message (localized) for the first bad one. */
export function parseMapOptions(values: readonly string[], t: Translator): MapOptions {
  const pairs: { header: string; field: string }[] = [];
  for (const value of values) {
    // The field is after the last "=": a header may itself hold one ("A=B=Amount" maps "A=B").
    const at = value.lastIndexOf("=");
    const header = at < 0 ? "" : value.slice(0, at).trim();
    const field = at < 0 ? "" : value.slice(at + 1).trim();
    if (header === "" || field === "") return { ok: false, message: t.t("cli.map.badPair", { value }) };
    const one = mappingFromPairs([{ header, field }]);
    if (!one.ok) return { ok: false, message: t.t("cli.map.unknownField", { value, field, fields: one.valid.join(", ") }) };
    pairs.push({ header, field });
  }
  const all = mappingFromPairs(pairs);
  return all.ok ? { ok: true, mapping: all.mapping } : { ok: false, message: t.t("cli.map.unknownField", { value: all.field, field: all.field, fields: all.valid.join(", ") }) };
}

function mappedField(mapping: ColumnMapping, kind: InputTableKind, header: string): string | undefined {
  const entry = Object.entries(mapping[kind] ?? {}).find(([h]) => normaliseHeader(h) === normaliseHeader(header));
  return entry?.[1];
}

/**
 * The lines printed before a review (none for a workbook read entirely by its own set-up names,
 * such as one made by `init`): per input table where it was found, its rows and the
 * columns read (Field ← "Header"); the headers mapped by --map or by the saved mapping; the
 * headers and note rows skipped; the tables not found (Customers: taken from the ledger).
 */
export function recognitionReport(recognition: Recognition, snapshot: WorkbookSnapshot, given: ColumnMapping, t: Translator): string[] {
  const saved = savedMapping(snapshot);
  const lines: string[] = [t.t("cli.map.heading")];
  // Worth a report: a workbook that is not read by its own set-up names alone (a mapping, another header, a skipped column or row, derived customers).
  let isNoteworthy = Object.keys(given).length > 0 || Object.keys(saved).length > 0 || (!recognition.tables.customers && recognition.tables.receivables !== undefined);
  const kindName = (kind: InputTableKind): string => t.t("cli.map.kind", { kind });
  for (const kind of Object.keys(TABLE_FIELDS) as InputTableKind[]) {
    const table = recognition.tables[kind];
    if (!table) {
      if (kind === "customers" && recognition.tables.receivables) lines.push(t.t("cli.map.customersDerived"));
      else if (kind === "customers" || kind === "receivables") lines.push(t.t("cli.map.notFound", { table: kindName(kind) }));
      continue;
    }
    const { source } = table;
    const where = source.kind === "table"
      ? t.t("cli.map.whereTable", { name: terminalSafe(source.name), sheet: terminalSafe(source.sheet) })
      : t.t("cli.map.whereRange", { sheet: terminalSafe(source.sheet), row: source.headerRow + 1 });
    // A column under its own set-up name is counted; one read from another header is named ("InvoiceId ← \"Invoice #\"").
    const read = Object.entries(table.columns).sort((a, b) => a[1] - b[1]);
    const named = read.filter(([field, index]) => normaliseHeader(String(source.headers[index] ?? "")) !== normaliseHeader(fieldSpec(kind, field)?.header ?? field));
    const columns = named.map(([field, index]) => `${fieldSpec(kind, field)?.header ?? field} ← "${terminalSafe(String(source.headers[index] ?? ""))}"`);
    if (named.length > 0) isNoteworthy = true;
    if (named.length < read.length) columns.push(t.t("cli.map.ownNames", { count: read.length - named.length }));
    lines.push(t.t("cli.map.recognised", { table: kindName(kind), where, count: source.rows.length, columns: columns.join(", ") }));
    for (const [field, index] of Object.entries(table.columns)) {
      const header = String(source.headers[index] ?? "");
      const fromGiven = mappedField(given, kind, header) === field;
      const fromSaved = !fromGiven && mappedField(saved, kind, header) === field;
      if (fromGiven || fromSaved) lines.push(t.t("cli.map.mapped", { header: terminalSafe(header), field: fieldSpec(kind, field)?.header ?? field, source: fromGiven ? "given" : "saved" }));
    }
    for (const field of table.missingRequired) lines.push(t.t("cli.map.missing", { table: kindName(kind), field: fieldSpec(kind, field)?.header ?? field }));
    const skipped = [
      ...table.unrecognisedHeaders,
      ...source.headers.map((h) => String(h ?? "").trim()).filter((h) => h !== "" && isDerivedHeader(kind, h)),
    ];
    if (skipped.length > 0) isNoteworthy = true;
    if (skipped.length > 0) lines.push(t.t("cli.map.skipped", { table: kindName(kind), columns: skipped.map((h) => `"${terminalSafe(h)}"`).join(", ") }));
    const original = snapshot.tables.find((s) => s.name === source.name && s.sheet === source.sheet && s.kind === source.kind);
    const notes = original ? original.rows.length - withoutFootnotes(original).rows.length : 0;
    if (notes > 0) isNoteworthy = true;
    if (notes > 0) lines.push(t.t("cli.map.notesSkipped", { table: kindName(kind), count: notes }));
  }
  return isNoteworthy ? lines : [];
}
