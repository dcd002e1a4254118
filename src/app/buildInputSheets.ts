/**
 * The set-up sheets (credit-method.md §1): Customers, Financials, Receivables, Orders and Policy
 * as real Excel tables with the canonical headers, number formats, data validations (scores
 * whole 0–10, dates, yes/no lists) and frozen headers. Policy is filled with the defaults
 * (`policyToRows(DEFAULT_POLICY)`) with each key's description in the language given (the
 * catalogue's `policy.<key>.description`; default en-US, which is also the policy's outputLanguage
 * written); with `withSample` the other tables hold the sample portfolio.
 * @example buildInputSheets(false, asOf).map((s) => s.name) //=> ["Customers", "Financials", "Receivables", "Orders", "Policy"]
 */
import type { DateSystem, DayNumber } from "../engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../engine/policy/defaultPolicy";
import type { OutputLanguage } from "../engine/policy/Policy";
import { policyToRows } from "../engine/policy/policyToRows";
import type { CellValue, ColumnKind, ColumnSpec, SheetSpec, ValidationSpec } from "../host/WorkbookPort";
import { fitColumnWidths } from "./output/fitColumnWidths";
import { INPUT_TABLE_KINDS, TABLE_FIELDS, type FieldKind, type FieldSpec } from "./headerAliases";
import { samplePortfolio, type SampleRecord } from "./samplePortfolio";
import type { InputTableKind } from "./types";
import type { MessageId } from "../i18n/messages";
import { createTranslator } from "../i18n/translator";

const COLUMN_KIND: Record<FieldKind, ColumnKind> = {
  text: "text", number: "number", money: "money", percent: "percent", date: "date", boolean: "text", score: "integer", integer: "integer",
};

const YES_NO = ["Yes", "No"];

function columnOf(spec: FieldSpec): ColumnSpec {
  const column: ColumnSpec = { header: spec.header, kind: COLUMN_KIND[spec.kind], width: Math.max(10, Math.min(28, spec.header.length + 2)) };
  if (spec.kind === "date") column.numberFormat = "yyyy-mm-dd";
  if (spec.kind === "money") {
    column.numberFormat = "#,##0.00";
    column.width = Math.max(column.width ?? 0, 16);
  }
  if (spec.kind === "percent") column.numberFormat = "0.0%";
  return column;
}

function validationOf(kind: InputTableKind, spec: FieldSpec): ValidationSpec | undefined {
  switch (spec.kind) {
    case "score":
      return { type: "wholeNumber", column: spec.header, min: 0, max: 10 };
    case "date":
      return { type: "date", column: spec.header };
    case "boolean":
      return { type: "list", column: spec.header, values: YES_NO };
    default:
      if (kind === "customers" && spec.field === "potential") return { type: "wholeNumber", column: spec.header, min: 0, max: 10 };
      if (kind === "customers" && spec.field === "previousGrade") return { type: "list", column: spec.header, values: ["A", "B", "C", "D"] };
      return undefined;
  }
}

/** Rows of a sample table in the column order of the set-up sheet. */
export function recordsToRows(kind: InputTableKind, records: readonly SampleRecord[]): CellValue[][] {
  const fields = TABLE_FIELDS[kind].fields;
  return records.map((record) => fields.map((spec) => record[spec.field] ?? null));
}

/** The default Policy's rows: key, value and the key's description in the language. */
export function policyRows(language: OutputLanguage = "en-US"): CellValue[][] {
  const t = createTranslator(language);
  return policyToRows({ ...DEFAULT_POLICY, outputLanguage: language }).map(([key, value]) => [key, value, t.t(`policy.${key}.description` as MessageId)]);
}

export function buildInputSheets(withSample: boolean, asOf: DayNumber, language: OutputLanguage = "en-US", dateSystem: DateSystem = "1900"): SheetSpec[] {
  const sample = withSample ? samplePortfolio(asOf, 1, dateSystem) : undefined;
  return INPUT_TABLE_KINDS.map((kind): SheetSpec => {
    const spec = TABLE_FIELDS[kind];
    const fields = spec.fields;
    const rows = kind === "policy" ? policyRows(language) : sample ? recordsToRows(kind, sample[kind]) : [];
    const columns = fields.map(columnOf);
    if (kind === "policy") {
      // Values are numbers, texts and yes/no; leave them in General format.
      columns[1] = { header: fields[1].header, kind: "text", numberFormat: "General", width: 40 };
      columns[0] = { ...columns[0], width: 36 };
      columns[2] = { ...columns[2], width: 40 };
    }
    const validations = fields.map((f) => validationOf(kind, f)).filter((v): v is ValidationSpec => v !== undefined);
    // Widths that show every sample value and leave room for the user's (issue 15: no ### in Revenue).
    return fitColumnWidths({
      name: spec.sheet,
      role: "input",
      tables: [{ name: spec.tableName, headerRow: 0, firstColumn: 0, columns, rows, validations, style: "TableStyleMedium2" }],
      freezeRows: 1,
      tabColor: "#2F5597",
    }, { widthIsMinimum: true });
  });
}

/**
 * The Customers input sheet of the set-up flow, pre-filled with customers (id and name; the
 * scores, financial figures and current limits left empty for the user): what
 * `init --from-ledger` and the pane's "Customers sheet from the ledger" write.
 * @example customersSheetFromLedger([{ customerId: "N-af18b74e", name: "Arava Motors Ltd" }]).tables[0].rows[0].slice(0, 3)
 *   //=> ["N-af18b74e", "Arava Motors Ltd", null]
 */
export function customersSheetFromLedger(customers: readonly { customerId: string; name?: string }[]): SheetSpec {
  const [sheet] = buildInputSheets(false, 0);
  const fields = TABLE_FIELDS.customers.fields;
  const rows = customers.map((c) => fields.map((spec): CellValue => (spec.field === "customerId" ? c.customerId : spec.field === "name" ? c.name ?? null : null)));
  return { ...sheet, tables: [{ ...sheet.tables[0], rows }] };
}
