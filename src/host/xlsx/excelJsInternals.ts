/**
 * Typed, runtime-checked access to ExcelJS 4.4 members that its typings omit or get wrong:
 * `worksheet.tables` (the typings declare `getTables()` as `[Table, void][]`, but it returns
 * wrappers holding a `table` model), `worksheet.dataValidations` (range-wide validations) and
 * `worksheet.orderNo` (tab position). Every accessor checks the shape it relies on, so an
 * ExcelJS upgrade that changes them fails loudly here rather than corrupting a file.
 */
import type { DataValidation, Worksheet } from "exceljs";

/** The part of an ExcelJS table model that Credit Desk reads. */
export interface TableModel {
  name: string;
  /** Whole table range incl. header and totals, e.g. "A1:D20" (set on load and on addTable). */
  tableRef: string;
  /** True when the table has a totals row (totalsRowCount="1"). */
  totalsRow: boolean;
  /** True when the table's first row is its header (see repairLoadedTables: ExcelJS misreads it). */
  headerRow: boolean;
  columns: { name: string; filterButton?: boolean }[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function isTableModel(value: unknown): value is TableModel {
  return (
    isRecord(value) &&
    typeof value.name === "string" &&
    typeof value.tableRef === "string" &&
    Array.isArray(value.columns) &&
    value.columns.every((c) => isRecord(c) && typeof c.name === "string")
  );
}

/** ExcelJS's own (mutable) table models of a worksheet. */
function liveTableModels(worksheet: Worksheet): (Record<string, unknown> & TableModel)[] {
  const tables: unknown = Reflect.get(worksheet, "tables");
  if (!isRecord(tables)) throw new Error("ExcelJS worksheet.tables is missing (unsupported ExcelJS version)");
  return Object.values(tables).map((wrapper) => {
    const model: unknown = isRecord(wrapper) ? wrapper.table : undefined;
    if (!isRecord(model) || !isTableModel(model)) throw new Error("ExcelJS table model has an unexpected shape (unsupported ExcelJS version)");
    return model;
  });
}

/** The table models of a worksheet (copies), in the order ExcelJS holds them. */
export function tableModelsOf(worksheet: Worksheet): TableModel[] {
  return liveTableModels(worksheet).map((model) => ({
    name: model.name,
    tableRef: model.tableRef,
    totalsRow: model.totalsRow === true,
    headerRow: model.headerRow !== false,
    columns: model.columns.map((c) => ({ name: c.name, filterButton: c.filterButton })),
  }));
}

/** Give a table a new range (its data rows grown or shrunk); its autofilter covers the header and data rows. */
export function setTableRange(worksheet: Worksheet, name: string, tableRef: string, autoFilterRef: string | undefined): void {
  for (const model of liveTableModels(worksheet)) {
    if (model.name !== name) continue;
    model.tableRef = tableRef;
    if (autoFilterRef !== undefined && typeof model.autoFilterRef === "string") model.autoFilterRef = autoFilterRef;
  }
}

/** Correct what ExcelJS misread of a loaded table: whether it has a header row, and its filter buttons. */
export function patchTableModel(worksheet: Worksheet, name: string, patch: { headerRow: boolean; filterButtons: boolean[] }): void {
  for (const model of liveTableModels(worksheet)) {
    if (model.name !== name) continue;
    model.headerRow = patch.headerRow;
    model.columns.forEach((column, i) => {
      column.filterButton = patch.filterButtons[i] ?? false;
    });
  }
}

interface DataValidationsLike {
  add(address: string, validation: DataValidation): unknown;
}

function isDataValidations(value: unknown): value is DataValidationsLike {
  return isRecord(value) && typeof value.add === "function";
}

/**
 * Add one validation for a whole range ("C2:C100001"): ExcelJS writes it as one
 * `<dataValidation sqref="…">`, where per-cell `cell.dataValidation` would build 100k entries.
 */
export function addRangeValidation(worksheet: Worksheet, range: string, validation: DataValidation): void {
  const validations: unknown = Reflect.get(worksheet, "dataValidations");
  if (!isDataValidations(validations)) throw new Error("ExcelJS worksheet.dataValidations is missing (unsupported ExcelJS version)");
  validations.add(range, validation);
}

/** The tab position ExcelJS sorts worksheets by. */
export function orderNoOf(worksheet: Worksheet): number {
  const orderNo: unknown = Reflect.get(worksheet, "orderNo");
  if (typeof orderNo !== "number") throw new Error("ExcelJS worksheet.orderNo is missing (unsupported ExcelJS version)");
  return orderNo;
}

/** Move a worksheet to the tab position of another (used to replace a sheet in place). */
export function setOrderNo(worksheet: Worksheet, orderNo: number): void {
  Reflect.set(worksheet, "orderNo", orderNo);
}
