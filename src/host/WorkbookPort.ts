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
  /** Visibility of the sheet that holds it; absent means visible. A hidden or very hidden
   *  sheet's table never outranks a visible one, and messages about it say it is hidden. */
  sheetVisibility?: "visible" | "hidden" | "veryHidden";
}

/**
 * An output sheet the add-in wrote, recognised by its marker (never by its name alone): a hidden,
 * sheet-scoped defined name `CreditDesk.Output` whose value is the output's logical name (the
 * SheetSpec name it was written for, e.g. "Summary"). The marker survives save and reopen in Excel
 * and in .xlsx files, and follows the sheet when the user renames it.
 */
export interface OutputSheetMark {
  /** The sheet's current name. */
  sheet: string;
  /** The output it was written for (SheetSpec.outputId, or SheetSpec.name, at the time). */
  output: string;
}

/** The hidden sheet-scoped defined name that marks an output sheet as the add-in's own. */
export const OUTPUT_MARKER_NAME = "CreditDesk.Output";

export interface WorkbookSnapshot {
  sheets: string[];
  tables: SourceTable[];
  /** Date system of the workbook (Excel for Mac legacy files may use 1904). */
  dateSystem: "1900" | "1904";
  /** The sheets that carry the add-in's output marker. Every other sheet is the user's. */
  outputSheets: OutputSheetMark[];
  /**
   * Formula cells that have no calculated value yet (files written by generators that leave the
   * values to Excel: fullCalcOnLoad), per sheet; they read as blank. Absent when there are none,
   * or when the adapter cannot tell (only the .xlsx package reader tells today).
   */
  uncalculatedFormulas?: UncalculatedFormulas[];
}

/** A sheet's formula cells without a calculated value: A1 references (the first ones) and how many there are. */
export interface UncalculatedFormulas {
  sheet: string;
  cells: string[];
  count: number;
}

export type ColumnKind = "text" | "integer" | "number" | "money" | "percent" | "date" | "boolean";

export interface ColumnSpec {
  header: string;
  kind: ColumnKind;
  /** Excel number format; adapters derive one from kind when absent. */
  numberFormat?: string;
  /** Width in characters. */
  width?: number;
  /** Wrap long text inside the column's width (cells and header). */
  wrap?: boolean;
  /**
   * Horizontal alignment of the header and the cells. Default: right for number kinds (integer,
   * number, money, percent, date), left for text and boolean; headers follow their column.
   */
  align?: "left" | "center" | "right";
  /**
   * A detail column: consecutive detail columns of a sheet form one outline group of columns,
   * collapsed (hidden, with Excel's + button above the column after the group to expand it), so
   * they do not print and are one click away. Where two tables share a sheet column, it is
   * grouped when either table says so. Default: a plain column, always shown.
   */
  detail?: boolean;
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
  /** "line": lines with a marker at each point (a trend across reviews). */
  type: "columnStacked" | "columnClustered" | "pie" | "barClustered" | "line";
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

/** Header or footer text, in Excel's codes: &A sheet name, &P page, &N pages, &D date. */
export interface HeaderFooterSpec {
  left?: string;
  center?: string;
  right?: string;
}

/** How a sheet prints (Page Layout). */
export interface PrintSpec {
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide; the height follows the content unless fitToPagesTall is set. */
  fitToPagesWide: number;
  fitToPagesTall?: number;
  /** 0-based sheet rows repeated at the top of every page, inclusive: [first, last]. */
  titleRows?: [number, number];
  /** 0-based sheet columns repeated at the left of every page, inclusive: [first, last]. */
  titleColumns?: [number, number];
  header?: HeaderFooterSpec;
  footer?: HeaderFooterSpec;
}

export interface SheetSpec {
  /**
   * For an output sheet, its logical name: written to the sheet marked with this output name
   * (whatever it is called now), else to a sheet of this name if none exists, else to the first
   * free name "Name (2)", "Name (3)", ... A sheet the add-in did not mark is never replaced.
   * For an input sheet (set-up), the sheet's name; set-up refuses when it is taken.
   */
  name: string;
  /**
   * For an output sheet, the value of its marker: a name that does not change with the output
   * language (e.g. "Credit Review" whether the sheet is called "Credit Review" or "信用评审"), so a
   * review in another language still replaces the previous one. Defaults to `name`.
   */
  outputId?: string;
  /** "output" (default): the add-in's own sheet, marked and replaced on every run. "input": a
   *  sheet set-up creates once for the user to fill; written only where no sheet has the name,
   *  never marked, never replaced. */
  role?: "output" | "input";
  /** Title in the first cell, bold. */
  title?: string;
  info?: InfoBlock[];
  tables: TableSpec[];
  charts?: ChartSpec[];
  /** Rows frozen at the top (0 = none). */
  freezeRows?: number;
  /** Columns frozen at the left (0 = none), e.g. 2 for ID and Name. */
  freezeColumns?: number;
  /** Page setup; absent = Excel's defaults. */
  print?: PrintSpec;
  /** Tab colour, "#RRGGBB". */
  tabColor?: string;
}

export interface WriteOptions {
  /** Called with 0..1 as work proceeds. */
  onProgress?: (fraction: number) => void;
  /**
   * The sheet (SheetSpec.name of one of the written sheets) shown when the write is done, e.g.
   * the Summary after a review. Output sheets are placed, in the order given, together as one
   * group of tabs; input sheets are never moved.
   */
  activate?: string;
}

/** Where each sheet of a writeSheets call went. */
export interface WrittenSheet {
  /** SheetSpec.name. */
  requested: string;
  /** The sheet's name in the workbook (differs when a sheet of the user's held the name). */
  written: string;
}

export interface WriteResult {
  sheets: WrittenSheet[];
}

export interface WorkbookPort {
  /** Every Excel table, and the used range of each sheet that holds no table, read in one batch. */
  readWorkbook(): Promise<WorkbookSnapshot>;
  /**
   * Write the sheets as one all-or-nothing change: an output sheet replaces the sheet marked as
   * that output (see SheetSpec.name) or is created; a sheet the add-in did not mark is never
   * touched. Table names must be unique across the workbook; a name held by a table of the user's
   * gets a free variant. On any failure the workbook holds the old outputs (or none), never a
   * mix, and no temporary sheet is left behind; leftovers of an earlier failed run are removed.
   * Strings starting with "=", "+", "-" or "@" are written as text, never as formulas.
   */
  writeSheets(sheets: SheetSpec[], options?: WriteOptions): Promise<WriteResult>;
  /**
   * Replace the data rows of an existing Excel table in place (the policy save): the sheet and
   * the table are kept, so formulas that point at them keep working. The rows are as wide as the
   * table; the table grows or shrinks to their number. Text is written as text, as above.
   */
  updateTableRows(table: string, rows: CellValue[][]): Promise<void>;
  /** Select a cell (jump to a problem or a customer's row). */
  select(sheet: string, row: number, column: number): Promise<void>;
}
