/**
 * Reading one recognised table row by row, turning cells into engine values and recording a
 * Problem (with the 0-based sheet row = headerRow + 1 + data index, and the cell's sheet
 * column) for every cell that cannot be read. Blank rows are skipped.
 */
import { toDayNumber, type DateSystem, type DayNumber } from "../../engine/dates/dayNumber";
import { describeError, type DomainError, type Result } from "../../engine/errors";
import { isBlank, readBoolean, readNumber, readText } from "../../engine/values";
import type { CellValue } from "../WorkbookPort";
import { fieldSpec } from "./headerAliases";
import type { Problem, RecognisedTable } from "./types";

export interface RowReader {
  /** 0-based index of the row among the table's data rows. */
  readonly dataIndex: number;
  /** 0-based sheet row of this data row. */
  readonly sheetRow: number;
  /** Whether the field's column exists and the cell is not blank. */
  has(field: string): boolean;
  /** The raw cell (null when the column is absent). */
  raw(field: string): CellValue;
  text(field: string): string | undefined;
  requiredText(field: string): string | undefined;
  number(field: string, bounds?: { min?: number; max?: number; isInteger?: boolean }): number | undefined;
  requiredNumber(field: string): number | undefined;
  date(field: string): DayNumber | undefined;
  requiredDate(field: string): DayNumber | undefined;
  boolean(field: string): boolean | undefined;
  /** Record a problem on a field's cell of this row. */
  report(field: string, message: string, severity?: Problem["severity"]): void;
}

/** The sheet position of a field's cell in a data row (column = first column when absent). */
export function cellPosition(table: RecognisedTable, dataIndex: number, field: string): { row: number; column: number } {
  const index = table.columns[field];
  return {
    row: table.source.headerRow + 1 + dataIndex,
    column: table.source.firstColumn + (index === undefined ? 0 : index),
  };
}

/** The header a user sees for a field: the workbook's own header, else the canonical one. */
export function headerOf(table: RecognisedTable, field: string): string {
  const index = table.columns[field];
  return index !== undefined ? table.source.headers[index] : fieldSpec(table.kind, field)?.header ?? field;
}

/** The part of an error worth showing next to a header and row (the field is named already). */
function detailOf(error: DomainError): string {
  return error.kind === "invalidInput" || error.kind === "outOfRange" ? error.detail : describeError(error);
}

function rowIsBlank(row: readonly CellValue[]): boolean {
  return row.every((v) => isBlank(v));
}

/** Call `visit` for each non-blank data row of the table. */
export function forEachRow(
  table: RecognisedTable,
  dateSystem: DateSystem,
  problems: Problem[],
  visit: (row: RowReader) => void,
): void {
  table.source.rows.forEach((cells, dataIndex) => {
    if (rowIsBlank(cells)) return;
    visit(makeReader(table, dateSystem, problems, cells, dataIndex));
  });
}

function makeReader(table: RecognisedTable, dateSystem: DateSystem, problems: Problem[], cells: readonly CellValue[], dataIndex: number): RowReader {
  const raw = (field: string): CellValue => {
    const index = table.columns[field];
    return index === undefined ? null : cells[index] ?? null;
  };
  const has = (field: string): boolean => table.columns[field] !== undefined && !isBlank(raw(field));
  const report = (field: string, message: string, severity: Problem["severity"] = "error"): void => {
    const { row, column } = cellPosition(table, dataIndex, field);
    problems.push({ severity, table: table.source.name, sheet: table.source.sheet, row, column, field, message });
  };
  const take = <T>(field: string, result: Result<T>): T | undefined => {
    if (result.ok) return result.value;
    report(field, `${headerOf(table, field)} row ${dataIndex + 1}: ${detailOf(result.error)}`);
    return undefined;
  };
  const missing = (field: string): undefined => {
    report(field, `${headerOf(table, field)} row ${dataIndex + 1}: is missing`);
    return undefined;
  };
  const reader: RowReader = {
    dataIndex,
    sheetRow: table.source.headerRow + 1 + dataIndex,
    has,
    raw,
    report,
    text: (field) => (has(field) ? take(field, readText(raw(field), field)) : undefined),
    requiredText: (field) => (has(field) ? take(field, readText(raw(field), field)) : missing(field)),
    number: (field, bounds = {}) => {
      if (!has(field)) return undefined;
      const n = take(field, readNumber(raw(field), field));
      if (n === undefined) return undefined;
      const { min, max, isInteger } = bounds;
      const name = headerOf(table, field);
      if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
        const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
        report(field, `${name} row ${dataIndex + 1}: ${n} is out of range (must be ${range})`);
        return undefined;
      }
      if (isInteger && !Number.isInteger(n)) {
        report(field, `${name} row ${dataIndex + 1}: ${n} must be a whole number`);
        return undefined;
      }
      return n;
    },
    requiredNumber: (field) => (has(field) ? take(field, readNumber(raw(field), field)) : missing(field)),
    date: (field) => (has(field) ? take(field, toDayNumber(raw(field), dateSystem, field)) : undefined),
    requiredDate: (field) => (has(field) ? take(field, toDayNumber(raw(field), dateSystem, field)) : missing(field)),
    boolean: (field) => (has(field) ? take(field, readBoolean(raw(field), field)) : undefined),
  };
  return reader;
}
