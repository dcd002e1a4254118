/**
 * Reads the Approved Limits register (核定额度, issue 15), the input table the add-in creates once
 * (`ApprovedLimits`) and the credit committee fills: customer, decision, approved limit, approved
 * by, approved on, valid until, comment. Columns are found by their header in either language
 * (the catalogue's `approved.column.*`), else by their place in the table as created. A row
 * without a customer id is skipped; an approved limit that is not an amount ≥ 0 is a warning
 * (the recommended limit then applies), as is a customer listed twice (the first row counts).
 * Dates are Excel serials or text (YYYY-MM-DD); a date that cannot be read is left out.
 * @example readApprovedLimits(snapshot).entries[0] //=> { customerId: "C001", approvedLimit: 50000, approvedBy: "Committee", … }
 */
import { toDayNumber, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import type { ApprovalEntry } from "../engine/review/reviewHistoryCommittee";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../host/WorkbookPort";
import type { MessageId } from "../i18n/messages";
import { createTranslator } from "../i18n/translator";
import { OUTPUT_LANGUAGES } from "../engine/policy/Policy";
import { APPROVED_FIELDS, APPROVED_LIMITS_TABLE, type ApprovedField } from "./output/historySheets";
import type { Problem } from "./types";

export interface ApprovedLimitsReading {
  /** The register, when the workbook has one. */
  table?: SourceTable;
  entries: ApprovalEntry[];
  problems: Problem[];
}

/** The register's table: the Excel table named ApprovedLimits (any case). */
export function approvedLimitsTable(snapshot: WorkbookSnapshot): SourceTable | undefined {
  return snapshot.tables.find((t) => t.kind === "table" && t.name.toLowerCase() === APPROVED_LIMITS_TABLE.toLowerCase());
}

/** Each field's column index in the table: by header in any output language, else by position. */
export function approvedColumns(headers: readonly string[]): Record<ApprovedField, number> {
  const normal = headers.map((h) => h.trim().toLowerCase());
  const out = {} as Record<ApprovedField, number>;
  APPROVED_FIELDS.forEach((field, position) => {
    const names = OUTPUT_LANGUAGES.map((l) => createTranslator(l).t(`approved.column.${field}` as MessageId).toLowerCase());
    const found = normal.findIndex((h) => names.includes(h));
    out[field] = found >= 0 ? found : position < headers.length ? position : -1;
  });
  return out;
}

const textOf = (value: CellValue | undefined): string | undefined => (value === undefined || isBlank(value) ? undefined : String(value).trim());

function dayOf(value: CellValue | undefined, system: DateSystem): DayNumber | undefined {
  if (value === undefined || isBlank(value)) return undefined;
  const d = toDayNumber(value, system);
  return d.ok ? d.value : undefined;
}

export function readApprovedLimits(snapshot: WorkbookSnapshot): ApprovedLimitsReading {
  const table = approvedLimitsTable(snapshot);
  if (table === undefined) return { entries: [], problems: [] };
  const t = createTranslator("en-US");
  const col = approvedColumns(table.headers);
  const at = (row: CellValue[], field: ApprovedField): CellValue | undefined => (col[field] < 0 ? undefined : row[col[field]]);
  const entries: ApprovalEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  table.rows.forEach((row, i) => {
    const customerId = textOf(at(row, "customerId"));
    if (customerId === undefined) return;
    const sheetRow = table.headerRow + 1 + i;
    const problem = (field: ApprovedField, message: string): Problem => ({ severity: "warning", table: table.name, sheet: table.sheet, row: sheetRow, column: table.firstColumn + col[field], field, message });
    if (seen.has(customerId)) {
      problems.push(problem("customerId", t.format("approved.problem.duplicate", { row: sheetRow + 1, customerId })));
      return;
    }
    seen.add(customerId);
    const limitCell = at(row, "approvedLimit");
    let approvedLimit: number | undefined;
    if (limitCell !== undefined && !isBlank(limitCell)) {
      const n = readNumber(limitCell, "approvedLimit");
      if (n.ok && n.value >= 0) approvedLimit = n.value;
      else problems.push(problem("approvedLimit", t.format("approved.problem.badLimit", { row: sheetRow + 1, value: String(limitCell) })));
    }
    entries.push({
      customerId,
      decision: textOf(at(row, "decision")),
      approvedLimit,
      approvedBy: textOf(at(row, "approvedBy")),
      approvedOn: dayOf(at(row, "approvedOn"), snapshot.dateSystem),
      validUntil: dayOf(at(row, "validUntil"), snapshot.dateSystem),
      comment: textOf(at(row, "comment")),
    });
  });
  return { table, entries, problems };
}
