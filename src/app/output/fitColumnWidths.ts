/**
 * Column widths fitted to what a sheet shows (issue 15): every column as wide as its longest
 * displayed value and its header, in Excel's width unit (characters of the default font's digit),
 * with East Asian wide characters counting double; long text wraps inside a maximum width; number
 * columns are right-aligned (their headers too), rank columns centred so that a rank never runs
 * into the ID beside it.
 *
 * Widths are decided per sheet column, over every block that uses it (tables, info blocks), so two
 * tables stacked on one sheet get the same, sufficient width. Data columns of a table are scanned
 * once: numbers by their extremes (the displayed length grows with the magnitude), texts by their
 * display width.
 */
import type { CellValue, ColumnSpec, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import { isWide } from "../../engine/values/isWide";

/** Widest a text column grows before its text wraps. */
export const MAX_TEXT_WIDTH = 42;
/** Narrowest column. */
export const MIN_WIDTH = 5;
/** Room a table header needs beyond its text: the filter button and the cell margins. */
export const HEADER_PADDING = 3;
/** Room a cell needs beyond its text: the cell margins, and proportional letters wider than digits. */
export const CELL_PADDING = 2;
/** Text of letters is wider than the digit the width unit counts (bold headers more so). */
export const TEXT_FACTOR = 1.1;
export const HEADER_FACTOR = 1.15;

const NUMBER_KINDS: ReadonlySet<ColumnSpec["kind"]> = new Set(["integer", "number", "money", "percent", "date"]);

/**
 * Display width of a text in character cells: wide (CJK) characters count 2, others 1; a text of
 * several lines is as wide as its widest line.
 * @example displayWidth("Acme 有限公司") //=> 13
 */
export function displayWidth(text: string): number {
  let widest = 0;
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.codePointAt(i) ?? 0;
    if (code > 0xffff) i++;
    if (code === 10) {
      widest = Math.max(widest, width);
      width = 0;
    } else width += code < 0x1100 ? 1 : isWide(code) ? 2 : 1;
  }
  return Math.max(widest, width);
}

/** What a number format shows: decimals, thousands grouping, percent, date. */
interface NumberShape {
  decimals: number;
  grouped: boolean;
  percent: boolean;
  /** Fixed length of a date or time format, else undefined. */
  fixed?: number;
}

function shapeOf(format: string | undefined, kind: ColumnSpec["kind"]): NumberShape {
  if (kind === "date" || (format !== undefined && /[ymd]/i.test(format) && !/[#0]/.test(format))) {
    return { decimals: 0, grouped: false, percent: false, fixed: (format ?? "yyyy-mm-dd").replace(/["\\]/g, "").length };
  }
  if (format === undefined || format === "General") {
    return kind === "percent" ? { decimals: 1, grouped: false, percent: true } : { decimals: kind === "integer" ? 0 : 2, grouped: kind === "money", percent: false };
  }
  const section = format.split(";")[0];
  const decimals = /\.(0+)/.exec(section)?.[1].length ?? 0;
  return { decimals, grouped: section.includes(","), percent: section.includes("%") };
}

/**
 * The text a number shows under a number format (the formats the output sheets use: "0", "0.0",
 * "0.00", "#,##0", "#,##0.00", "0.0%", "yyyy-mm-dd"; "General" shows up to 11 characters).
 * @example formatNumberText(-1234567.891, "#,##0.00") //=> "-1,234,567.89"
 */
export function formatNumberText(value: number, format: string | undefined, kind: ColumnSpec["kind"] = "number"): string {
  const shape = shapeOf(format, kind);
  if (shape.fixed !== undefined) return "0".repeat(shape.fixed);
  if (format === "General" || (format === undefined && kind === "number")) {
    const text = String(value);
    return text.length > 11 ? text.slice(0, 11) : text;
  }
  const scaled = shape.percent ? value * 100 : value;
  const fixed = Math.abs(scaled).toFixed(shape.decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = shape.grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : whole;
  const negative = scaled < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}${shape.percent ? "%" : ""}`;
}

/** Width the header needs on at most two lines (it wraps at spaces, or anywhere in CJK text). */
export function headerLinesWidth(header: string): { oneLine: number; twoLines: number } {
  const oneLine = displayWidth(header);
  const words = /[\u1100-\uffff]/.test(header) ? Array.from(header) : header.split(/\s+/).filter((w) => w.length > 0);
  let best = oneLine;
  // The best split into two lines: the longer half is as short as it can be.
  for (let i = 1; i < words.length; i++) {
    const sep = /[\u1100-\uffff]/.test(header) ? "" : " ";
    const left = displayWidth(words.slice(0, i).join(sep));
    const right = displayWidth(words.slice(i).join(sep));
    best = Math.min(best, Math.max(left, right));
  }
  return { oneLine, twoLines: best };
}

/** How wide a column's values are: the widest displayed text, in character cells. */
export function contentWidth(column: ColumnSpec, values: readonly CellValue[]): number {
  return cellsWidth(column, values.map((v) => [v]), 0);
}

/**
 * The widest displayed value of column `index` over the rows (and the totals row), read in place:
 * no array of the column's values is built (the 1,000,000-invoice Collections sheet has 300,000
 * rows × 17 columns; building those arrays took about a tenth of the CLI review's time).
 */
function cellsWidth(column: ColumnSpec, rows: readonly (readonly CellValue[])[], index: number, totals?: readonly CellValue[]): number {
  let widest = 0;
  let max = Number.NEGATIVE_INFINITY;
  let min = Number.POSITIVE_INFINITY;
  const see = (v: CellValue): void => {
    if (typeof v === "number") {
      if (v > max) max = v;
      if (v < min) min = v;
    } else if (typeof v === "string") {
      // A text is at most twice as wide as it is long (wide characters count 2): a shorter one cannot widen the column.
      if (v.length * 2 > widest) {
        const w = displayWidth(v);
        if (w > widest) widest = w;
      }
    } else if (typeof v === "boolean") widest = Math.max(widest, 5);
  };
  for (const row of rows) see(row[index]);
  if (totals) see(totals[index]);
  const numberWidth = (v: number): number => formatNumberText(v, column.numberFormat, column.kind).length;
  if (max !== Number.NEGATIVE_INFINITY) widest = Math.max(widest, numberWidth(max), numberWidth(min));
  return widest;
}

/** One block's claim on a sheet column: the width it needs, and whether it may wrap to get less. */
interface Need {
  /** Width that shows the content on one line. */
  full: number;
  /** Width below which even wrapping cuts (a word, a number). */
  least: number;
}

/** What a table column needs: its header (on two lines at most) and its values. */
function tableColumnNeed(table: TableSpec, index: number): Need {
  const column = table.columns[index];
  const header = headerLinesWidth(column.header);
  const content = cellsWidth(column, table.rows, index, table.totals);
  const isNumber = NUMBER_KINDS.has(column.kind);
  const cell = isNumber ? content + CELL_PADDING : Math.ceil(content * TEXT_FACTOR) + CELL_PADDING;
  const headerFull = Math.ceil(header.oneLine * HEADER_FACTOR) + HEADER_PADDING;
  const headerLeast = Math.ceil(header.twoLines * HEADER_FACTOR) + HEADER_PADDING;
  const text = isNumber ? cell : Math.min(cell, MAX_TEXT_WIDTH);
  return { full: Math.max(cell, headerFull), least: Math.max(text, headerLeast, MIN_WIDTH) };
}

/**
 * The fitted width of every sheet column a sheet uses: for each column, the widest need of the
 * blocks in it, where a table column's header may wrap onto two lines and its long text wraps at
 * MAX_TEXT_WIDTH; info-block labels and numbers count in full (a label is cut by its value beside
 * it, a number shows ###), info-block texts and headings (lines without values) overflow into the
 * empty cells on their right.
 */
export function sheetColumnWidths(sheet: SheetSpec, needs: ReadonlyMap<TableSpec, Need[]> = tableNeeds(sheet)): Map<number, number> {
  const widths = new Map<number, number>();
  const claim = (column: number, width: number): void => {
    widths.set(column, Math.max(widths.get(column) ?? MIN_WIDTH, Math.ceil(width)));
  };
  for (const table of sheet.tables) {
    (needs.get(table) ?? []).forEach((need, i) => claim(table.firstColumn + i, need.least));
  }
  for (const info of sheet.info ?? []) {
    // A block of headings alone (no values) overflows into the empty cells on its right.
    const hasValues = info.lines.some(([, value]) => value !== null);
    for (const [label, value] of info.lines) {
      if (hasValues) claim(info.column, Math.ceil(displayWidth(label) * TEXT_FACTOR) + CELL_PADDING);
      if (typeof value === "number") {
        const format = info.formats?.[label];
        claim(info.column + 1, formatNumberText(value, format ?? "General", format && /[ymd]/i.test(format) ? "date" : "number").length + CELL_PADDING);
      }
    }
  }
  return widths;
}

/** Every table column's need, measured once per sheet. */
function tableNeeds(sheet: SheetSpec): Map<TableSpec, Need[]> {
  return new Map(sheet.tables.map((table) => [table, table.columns.map((_, i) => tableColumnNeed(table, i))]));
}

function defaultAlign(column: ColumnSpec): "left" | "right" {
  return NUMBER_KINDS.has(column.kind) ? "right" : "left";
}

/**
 * The sheet with every table column's width set to its sheet column's fitted width, `wrap` where
 * the header or the text needs more than that width, and `align` explicit (right for numbers, a
 * column's own choice kept, e.g. a centred rank). With `widthIsMinimum`, a width the spec gives
 * is kept when it is wider (set-up sheets: room for the values the user will type).
 * @example fitColumnWidths(creditReviewSheet).tables[0].columns[0] //=> { header: "Customer ID", kind: "text", width: 15, wrap: false, align: "left" }
 */
export function fitColumnWidths(sheet: SheetSpec, options: { widthIsMinimum?: boolean } = {}): SheetSpec {
  const needs = tableNeeds(sheet);
  const widths = sheetColumnWidths(sheet, needs);
  if (options.widthIsMinimum) {
    for (const table of sheet.tables) {
      table.columns.forEach((column, i) => {
        const at = table.firstColumn + i;
        if (column.width !== undefined) widths.set(at, Math.max(widths.get(at) ?? MIN_WIDTH, column.width));
      });
    }
  }
  const tables = sheet.tables.map((table): TableSpec => ({
    ...table,
    columns: table.columns.map((column, i): ColumnSpec => {
      const width = widths.get(table.firstColumn + i) ?? MIN_WIDTH;
      const need = needs.get(table)?.[i] ?? tableColumnNeed(table, i);
      return { ...column, width, wrap: column.wrap === true || need.full > width, align: column.align ?? defaultAlign(column) };
    }),
  }));
  return { ...sheet, tables };
}
