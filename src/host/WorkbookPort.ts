/**
 * WorkbookPort: the one contract between Credit Desk and a workbook host.
 * Adapters: office/ (Office.js, the only code that calls Excel.run), xlsx/ (ExcelJS, CLI),
 * memory/ (tests, demo, workbench). The task pane and the CLI get a port injected.
 *
 * Reading returns every candidate table in one call (one batch on Office.js); writing takes a
 * whole sheet description and renders it in bulk. Row and column indexes are 0-based.
 */

/** A cell value as read from or written to a workbook. Dates are read as Excel serial numbers. */
export type CellValue = string | number | boolean | null;

/** A rectangular block of data with a header row: an Excel table or a sheet's used range. */
export interface SourceTable {
  /** Excel table name, or the sheet name for a plain range. */
  name: string;
  sheet: string;
  /** "table" for a real Excel table (ListObject), "range" for a sheet's used range. */
  kind: "table" | "range";
  /** Sheet row and column of the header's first cell (0-based). */
  headerRow: number;
  firstColumn: number;
  headers: string[];
  /** Data rows below the header; each as long as headers. */
  rows: CellValue[][];
}

export interface WorkbookSnapshot {
  sheets: string[];
  tables: SourceTable[];
  /** Date system of the workbook (Excel for Mac legacy files may use 1904). */
  dateSystem: "1900" | "1904";
}

export type ColumnKind = "text" | "integer" | "number" | "money" | "percent" | "date" | "boolean";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Excel number format; adapters derive one from kind when absent. */
  numberFormat?: string;
  /** Width in characters. */
  width?: number;
}

export type ConditionalFormatSpec =
  | { type: "textEquals"; column: string; text: string; fill: string; fontColor?: string }
  | { type: "dataBar"; column: string; color: string }
  | { type: "greaterThan"; column: string; value: number; fill: string; fontColor?: string };

export type ValidationSpec =
  | { type: "wholeNumber" | "decimal"; column: string; min: number; max: number }
  | { type: "date"; column: string }
  | { type: "list"; column: string; values: string[] };

export interface TableSpec {
  /** Excel table name (letters, digits, underscores; unique in the workbook). */
  name: string;
  /** Sheet row/column of the header's first cell (0-based). */
  headerRow: number;
  firstColumn: number;
  columns: ColumnSpec[];
  rows: CellValue[][];
  /** Optional totals row (written as values, below the data). */
  totals?: CellValue[];
  conditionalFormats?: ConditionalFormatSpec[];
  validations?: ValidationSpec[];
  /** Table style, e.g. "TableStyleMedium2". */
  style?: string;
}

export interface ChartSpec {
  name: string;
  title: string;
  type: "columnStacked" | "columnClustered" | "pie" | "barClustered";
  /** Table whose data the chart plots. */
  table: string;
  /** Header of the category column (x axis), and headers of the series columns. */
  categoryColumn: string;
  seriesColumns: string[];
  /** Whether the table's totals row is excluded (it always is; listed for clarity). */
  anchor: { row: number; column: number };
  size?: { widthPt: number; heightPt: number };
}

/** A block of label/value lines written above the tables (title, audit stamp, KPIs). */
export interface InfoBlock {
  row: number;
  column: number;
  lines: [string, CellValue][];
  /** Number formats by line label, e.g. { "As-of date": "yyyy-mm-dd" }. */
  formats?: Record<string, string>;
}

export interface SheetSpec {
  name: string;
  /** Title in the first cell, bold. */
  title?: string;
  info?: InfoBlock[];
  tables: TableSpec[];
  charts?: ChartSpec[];
  /** Rows frozen at the top (0 = none). */
  freezeRows?: number;
  /** Tab colour, "#RRGGBB". */
  tabColor?: string;
}

export interface WriteOptions {
  /** Called with 0..1 as work proceeds. */
  onProgress?: (fraction: number) => void;
}

export interface WorkbookPort {
  /** Every Excel table, and the used range of each sheet that holds no table, read in one batch. */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /**
   * Write the sheets, each replacing an existing sheet of the same name (the add-in's own output
   * sheets) or creating it. Input sheets are never passed here except by the set-up flow.
   * Strings starting with "=", "+", "-" or "@" are written as text, never as formulas.
   */
  writeSheets(sheets: SheetSpec[], options?: WriteOptions): Promise<void>;
  /** Select a cell (jump to a problem or a customer's row). */
  select(sheet: string, row: number, column: number): Promise<void>;
}
