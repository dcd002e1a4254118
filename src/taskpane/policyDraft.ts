/**
 * The Policy sheet as the policy editor holds it: key/value/description rows read from the
 * recognised Policy table (or the defaults when the workbook has none), checked with the engine's
 * `policyFromRange`, and written back as the set-up flow lays the sheet out.
 */
import { errorText } from "../app/errorText";
import type { Result } from "../engine/errors";
import type { Translator } from "../i18n/translator";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { Policy } from "../engine/policy/Policy";
import { policyFromRange } from "../engine/policy/policyFromRange";
import { shortFingerprint } from "../engine/policy/policyFingerprint";
import { policyToRows } from "../engine/policy/policyToRows";
import { isBlank } from "../engine/values";
import type { CellValue, SheetSpec, WorkbookSnapshot } from "../host/WorkbookPort";
import { buildInputSheets } from "../app/buildInputSheets";
import { recogniseTables } from "../app/recogniseTables";
import type { ColumnMapping, RecognisedTable } from "../app/types";

export interface PolicyDraftRow {
  key: string;
  /** The value as the user sees and edits it. */
  value: string;
  description: string | null;
}

export interface PolicySource {
  rows: PolicyDraftRow[];
  /** The recognised Policy table, or undefined when the workbook has none (defaults shown). */
  table?: RecognisedTable;
}

export interface PolicyCheck {
  policy: Policy;
  fingerprint: string;
}

function textOf(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** The Policy rows of a workbook, or the default policy's rows when it has no Policy table. */
export function policySourceOf(snapshot: WorkbookSnapshot, mapping?: ColumnMapping): PolicySource {
  const table = recogniseTables(snapshot, mapping).tables.policy;
  if (!table || table.missingRequired.length > 0) {
    return { rows: policyToRows(DEFAULT_POLICY).map(([key, value]) => ({ key, value: textOf(value), description: null })) };
  }
  const { key, value, description } = table.columns;
  const rows = table.source.rows
    .filter((row) => !isBlank(row[key]))
    .map((row) => ({
      key: textOf(row[key]).trim(),
      value: textOf(row[value]),
      description: description === undefined || isBlank(row[description]) ? null : textOf(row[description]),
    }));
  return { rows, table };
}

/** The policy the rows describe, with its fingerprint, or the first problem (naming its key). */
export function checkPolicyRows(rows: readonly PolicyDraftRow[]): Result<PolicyCheck> {
  const read = policyFromRange(rows.map((r) => [r.key, r.value]));
  if (!read.ok) return read;
  return { ok: true, value: { policy: read.value.policy, fingerprint: shortFingerprint(read.value.policy) } };
}

export function problemText(t: Translator, result: Result<unknown>): string | undefined {
  return result.ok ? undefined : errorText(t, result.error);
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The cell written for an edited value: a number or TRUE/FALSE where the text is one, else the text. */
export function cellOf(text: string): CellValue {
  const t = text.trim();
  if (PLAIN_NUMBER.test(t)) return Number(t);
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return t;
}

/**
 * The Policy sheet to write: the set-up flow's layout with these rows, on the sheet (and under
 * the table name) the workbook already uses.
 */
export function policySheetOf(rows: readonly PolicyDraftRow[], table: RecognisedTable | undefined): SheetSpec {
  const template = buildInputSheets(false, 0).find((s) => s.name === "Policy");
  if (!template || template.tables.length === 0) throw new Error("the set-up flow has no Policy sheet layout");
  const [first, ...rest] = template.tables;
  const width = first.columns.length;
  const tableRows = rows.map((r) => {
    const cells: CellValue[] = [r.key, cellOf(r.value), r.description];
    return cells.slice(0, width).concat(Array<CellValue>(Math.max(0, width - cells.length)).fill(null));
  });
  const sheet = table?.source.sheet ?? template.name;
  const name = table?.source.kind === "table" ? table.source.name : first.name;
  return { ...template, name: sheet, tables: [{ ...first, name, rows: tableRows }, ...rest] };
}

/**
 * The Policy table's data rows after a save, for an in-place update (WorkbookPort.updateTableRows):
 * every row of the table as it is, with the value cell of each edited key replaced; keys of the
 * draft the table lacks are appended. Columns the policy does not use are kept as they are, so the
 * sheet, the table and formulas pointing at them (`=Policy!B2`) survive the save.
 * @example policyTableRowsOf([{ key: "version", value: "2", description: null }], table with [["version", "1", "x"]])
 *   //=> [["version", 2, "x"]]
 */
export function policyTableRowsOf(rows: readonly PolicyDraftRow[], table: RecognisedTable): CellValue[][] {
  const { key, value, description } = table.columns;
  const width = table.source.headers.length;
  const byKey = new Map(rows.map((r) => [r.key.toLowerCase(), r]));
  const seen = new Set<string>();
  const out = table.source.rows.map((line) => {
    const k = textOf(line[key]).trim().toLowerCase();
    const draft = byKey.get(k);
    if (isBlank(line[key]) || !draft) return [...line];
    seen.add(k);
    const next = [...line];
    next[value] = cellOf(draft.value);
    return next;
  });
  for (const r of rows) {
    if (seen.has(r.key.toLowerCase())) continue;
    const line: CellValue[] = Array<CellValue>(width).fill(null);
    line[key] = r.key;
    line[value] = cellOf(r.value);
    if (description !== undefined) line[description] = r.description;
    out.push(line);
  }
  return out;
}

/**
 * The Policy rows with a what-if scenario's changes applied (the What-if view's Apply): each
 * change replaces the value of its key (matched without regard to case), a key the rows lack is
 * appended; every other row is kept as it is.
 * @example rowsWithChanges([{ key: "gradeBands.A", value: "80", description: "x" }], [{ key: "gradebands.a", value: 70 }])
 *   //=> [{ key: "gradeBands.A", value: "70", description: "x" }]
 */
export function rowsWithChanges(rows: readonly PolicyDraftRow[], changes: readonly { key: string; value: string | number | boolean }[]): PolicyDraftRow[] {
  const out = rows.map((r) => ({ ...r }));
  for (const change of changes) {
    const key = change.key.trim();
    const row = out.find((r) => r.key.toLowerCase() === key.toLowerCase());
    if (row) row.value = textOf(change.value);
    else out.push({ key, value: textOf(change.value), description: null });
  }
  return out;
}
