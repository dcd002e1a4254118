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
  /** Number of error problems (not warnings) recorded on this row so far. */
  readonly errorCount: number;
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
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/**
 * Call `visit` for each non-blank data row of the table. The reader passed to `visit` is built
 * once per table and moved from row to row (no closures per row), so it is only valid during
 * the call of `visit` for its row.
 */
export function forEachRow(
  table: RecognisedTable,
  dateSystem: DateSystem,
  problems: Problem[],
  visit: (row: RowReader) => void,
): void {
  const reader = new TableRowReader(table, dateSystem, problems);
  const rows = table.source.rows;
  for (let dataIndex = 0; dataIndex < rows.length; dataIndex++) {
    const cells = rows[dataIndex];
    if (rowIsBlank(cells)) continue;
    reader.moveTo(cells, dataIndex);
    visit(reader);
  }
}

/** The RowReader of one table, pointed at one data row at a time by `moveTo`. */
class TableRowReader implements RowReader {
  dataIndex = 0;
  sheetRow = 0;
  errorCount = 0;
  private cells: readonly CellValue[] = [];

  constructor(
    private readonly table: RecognisedTable,
    private readonly dateSystem: DateSystem,
    private readonly problems: Problem[],
  ) {}

  moveTo(cells: readonly CellValue[], dataIndex: number): void {
    this.cells = cells;
    this.dataIndex = dataIndex;
    this.sheetRow = this.table.source.headerRow + 1 + dataIndex;
    this.errorCount = 0;
  }

  raw(field: string): CellValue {
    const index = this.table.columns[field];
    return index === undefined ? null : this.cells[index] ?? null;
  }

  has(field: string): boolean {
    return this.table.columns[field] !== undefined && !isBlank(this.raw(field));
  }

  report(field: string, message: string, severity: Problem["severity"] = "error"): void {
    const { row, column } = cellPosition(this.table, this.dataIndex, field);
    this.problems.push({ severity, table: this.table.source.name, sheet: this.table.source.sheet, row, column, field, message });
    if (severity === "error") this.errorCount++;
  }

  text(field: string): string | undefined {
    return this.has(field) ? this.take(field, readText(this.raw(field), field)) : undefined;
  }

  requiredText(field: string): string | undefined {
    return this.has(field) ? this.take(field, readText(this.raw(field), field)) : this.missing(field);
  }

  number(field: string, bounds: { min?: number; max?: number; isInteger?: boolean } = {}): number | undefined {
    if (!this.has(field)) return undefined;
    const n = this.take(field, readNumber(this.raw(field), field));
    if (n === undefined) return undefined;
    const { min, max, isInteger } = bounds;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      this.report(field, `${headerOf(this.table, field)} row ${this.dataIndex + 1}: ${n} is out of range (must be ${range})`);
      return undefined;
    }
    if (isInteger && !Number.isInteger(n)) {
      this.report(field, `${headerOf(this.table, field)} row ${this.dataIndex + 1}: ${n} must be a whole number`);
      return undefined;
    }
    return n;
  }

  requiredNumber(field: string): number | undefined {
    return this.has(field) ? this.take(field, readNumber(this.raw(field), field)) : this.missing(field);
  }

  date(field: string): DayNumber | undefined {
    return this.has(field) ? this.take(field, toDayNumber(this.raw(field), this.dateSystem, field)) : undefined;
  }

  requiredDate(field: string): DayNumber | undefined {
    return this.has(field) ? this.take(field, toDayNumber(this.raw(field), this.dateSystem, field)) : this.missing(field);
  }

  boolean(field: string): boolean | undefined {
    return this.has(field) ? this.take(field, readBoolean(this.raw(field), field)) : undefined;
  }

  private take<T>(field: string, result: Result<T>): T | undefined {
    if (result.ok) return result.value;
    this.report(field, `${headerOf(this.table, field)} row ${this.dataIndex + 1}: ${detailOf(result.error)}`);
    return undefined;
  }

  private missing(field: string): undefined {
    this.report(field, `${headerOf(this.table, field)} row ${this.dataIndex + 1}: is missing`);
    return undefined;
  }
}
