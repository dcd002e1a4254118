/**
 * Reading one recognised table row by row, turning cells into engine values and recording a
 * Problem (with the 0-based sheet row = headerRow + 1 + data index, and the cell's sheet
 * column) for every cell that cannot be read. Blank rows are skipped. Messages name the row as
 * Excel numbers it (sheet row + 1, the row a user sees beside the cell: issue 16), and carry a
 * message id with its parameters (`problem.cell.*`) for the pane to render in the user's language.
 * A message about a table on a hidden sheet ends with "(hidden sheet X)" and the problem says so
 * (isSheetHidden).
 *
 * Fields are read through Columns resolved once per table (`columnsOf`), so reading a cell is an
 * index into the row rather than a lookup by field name (issue 6: a million receivable rows).
 */
import { dayOfSerial1900, toDayNumber, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import type { DomainError, Result } from "../engine/errors";
import { createTranslator } from "../i18n/translator";
import { detailParams, errorDetailText } from "./errorText";
import { isBlank } from "../engine/values/isBlank";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import type { CellValue } from "../host/WorkbookPort";
import type { DetailedProblem, ProblemParams } from "./groupProblems";
import { fieldSpec } from "./headerAliases";
import { isOnHiddenSheet } from "./recogniseTables";
import type { Problem, RecognisedTable } from "./types";

/** A field's column in a recognised table. */
export interface Column {
  readonly field: string;
  /** Index of the column among the table's columns; -1 when the table has none for the field. */
  readonly index: number;
  /** The header a user sees for the field (headerOf). */
  readonly header: string;
}

/** Limits a number must keep to; a number outside them is a problem and reads as blank. */
export interface Bounds {
  readonly min?: number;
  readonly max?: number;
  readonly isInteger?: boolean;
}

export interface RowReader {
  /** 0-based index of the row among the table's data rows. */
  readonly dataIndex: number;
  /** 0-based sheet row of this data row. */
  readonly sheetRow: number;
  /** The row's number as Excel shows it (sheetRow + 1), the number messages give. */
  readonly excelRow: number;
  /** The row's cells, as the table holds them (for telling report rows from invoice lines). */
  readonly cells: readonly CellValue[];
  text(column: Column): string | undefined;
  requiredText(column: Column): string | undefined;
  number(column: Column, bounds?: Bounds): number | undefined;
  requiredNumber(column: Column): number | undefined;
  date(column: Column): DayNumber | undefined;
  requiredDate(column: Column): DayNumber | undefined;
  boolean(column: Column): boolean | undefined;
  /**
   * Record a problem on a column's cell of this row: its English message, and the message id
   * (problem.*) and parameters the pane renders it from (the row and header are added).
   */
  report(column: Column, message: string, severity?: Problem["severity"], messageId?: string, params?: ProblemParams): void;
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
function headerOf(table: RecognisedTable, field: string): string {
  const index = table.columns[field];
  return index !== undefined ? table.source.headers[index] : fieldSpec(table.kind, field)?.header ?? field;
}

/** The column of a field in a table. */
export function columnOf(table: RecognisedTable, field: string): Column {
  return { field, index: table.columns[field] ?? -1, header: headerOf(table, field) };
}

/** The columns of some fields of a table, by field name. */
export function columnsOf<F extends string>(table: RecognisedTable, fields: readonly F[]): Readonly<Record<F, Column>> {
  const columns = {} as Record<F, Column>;
  for (const field of fields) columns[field] = columnOf(table, field);
  return columns;
}

/** The part of an error worth showing next to a header and row (the field is named already), in English (the problem's fallback message). */
function detailOf(error: DomainError): string {
  return errorDetailText(createTranslator("en-US"), error);
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

/**
 * The RowReader of one table, pointed at one data row at a time by `moveTo`. Each method reads
 * its cell once; the common cell (text, a finite number, a 1900 serial date) is taken as it is,
 * and any other goes through the engine's reader (readText, readNumber, toDayNumber), which
 * gives the same value for the common cells and the error for a bad one. Issue 6: no Result
 * object per cell.
 */
class TableRowReader implements RowReader {
  dataIndex = 0;
  sheetRow = 0;
  excelRow = 1;
  errorCount = 0;
  cells: readonly CellValue[] = [];
  private readonly isSystem1900: boolean;
  /** Said after every message about a table on a hidden sheet, which the user cannot see. */
  private readonly hiddenNote: string;
  private readonly isSheetHidden: boolean;

  constructor(
    private readonly table: RecognisedTable,
    private readonly dateSystem: DateSystem,
    private readonly problems: Problem[],
  ) {
    this.isSystem1900 = dateSystem === "1900";
    this.isSheetHidden = isOnHiddenSheet(table.source);
    this.hiddenNote = this.isSheetHidden ? ` (hidden sheet ${table.source.sheet})` : "";
  }

  moveTo(cells: readonly CellValue[], dataIndex: number): void {
    this.cells = cells;
    this.dataIndex = dataIndex;
    this.sheetRow = this.table.source.headerRow + 1 + dataIndex;
    this.excelRow = this.sheetRow + 1;
    this.errorCount = 0;
  }

  report(column: Column, message: string, severity: Problem["severity"] = "error", messageId?: string, params?: ProblemParams): void {
    // The column's sheet position (cellPosition's rule: the table's first column when absent).
    const sheetColumn = this.table.source.firstColumn + Math.max(column.index, 0);
    const problem: DetailedProblem = {
      severity, table: this.table.source.name, sheet: this.table.source.sheet, row: this.sheetRow, column: sheetColumn, field: column.field,
      message: message + this.hiddenNote,
      messageId,
      params: messageId === undefined ? undefined : { header: column.header, row: this.excelRow, ...params },
      isSheetHidden: this.isSheetHidden ? true : undefined,
    };
    this.problems.push(problem);
    if (severity === "error") this.errorCount++;
  }

  text(column: Column): string | undefined {
    const text = this.textOf(this.cell(column), column);
    return text === "" ? undefined : text;
  }

  requiredText(column: Column): string | undefined {
    const text = this.textOf(this.cell(column), column);
    return text === "" ? this.missing(column) : text;
  }

  number(column: Column, bounds?: Bounds): number | undefined {
    const value = this.cell(column);
    if (isBlank(value)) return undefined;
    const n = this.numberOf(value, column);
    if (n === undefined || bounds === undefined) return n;
    const { min, max, isInteger } = bounds;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      const id = min !== undefined && max !== undefined ? "problem.cell.outOfRange" : min !== undefined ? "problem.cell.belowMin" : "problem.cell.aboveMax";
      this.report(column, `${column.header} row ${this.excelRow}: ${n} is out of range (must be ${range})`, "error", id, { value: n, min: min ?? "", max: max ?? "" });
      return undefined;
    }
    if (isInteger && !Number.isInteger(n)) {
      this.report(column, `${column.header} row ${this.excelRow}: ${n} must be a whole number`, "error", "problem.cell.notWhole", { value: n });
      return undefined;
    }
    return n;
  }

  requiredNumber(column: Column): number | undefined {
    const value = this.cell(column);
    return isBlank(value) ? this.missing(column) : this.numberOf(value, column);
  }

  date(column: Column): DayNumber | undefined {
    const value = this.cell(column);
    return isBlank(value) ? undefined : this.dayOf(value, column);
  }

  requiredDate(column: Column): DayNumber | undefined {
    const value = this.cell(column);
    return isBlank(value) ? this.missing(column) : this.dayOf(value, column);
  }

  boolean(column: Column): boolean | undefined {
    const value = this.cell(column);
    return isBlank(value) ? undefined : this.take(column, readBoolean(value, column.field));
  }

  /** The cell of a column in this row (null when the column is absent or the row is short). */
  private cell(column: Column): CellValue {
    return column.index < 0 ? null : this.cells[column.index] ?? null;
  }

  /** The text of a cell, "" for a blank one (a text cell is trimmed once, for isBlank and readText alike). */
  private textOf(value: CellValue, column: Column): string | undefined {
    if (typeof value === "string") return value.trim();
    return isBlank(value) ? "" : this.take(column, readText(value, column.field));
  }

  private numberOf(value: CellValue, column: Column): number | undefined {
    return typeof value === "number" && Number.isFinite(value) ? value : this.take(column, readNumber(value, column.field));
  }

  private dayOf(value: CellValue, column: Column): DayNumber | undefined {
    const day = typeof value === "number" && this.isSystem1900 ? dayOfSerial1900(value) : undefined;
    return day !== undefined ? day : this.take(column, toDayNumber(value, this.dateSystem, column.field));
  }

  private take<T>(column: Column, result: Result<T>): T | undefined {
    if (result.ok) return result.value;
    const detail = detailOf(result.error);
    this.report(column, `${column.header} row ${this.excelRow}: ${detail}`, "error", "problem.cell.invalid", detailParams(result.error));
    return undefined;
  }

  private missing(column: Column): undefined {
    this.report(column, `${column.header} row ${this.excelRow}: is missing`, "error", "problem.cell.missing");
    return undefined;
  }
}
