/**
 * Render one SheetSpec onto an empty ExcelJS worksheet: bold title in A1, info blocks
 * (label/value lines), each table as a real Excel table (header row, row stripes, a totals row
 * written as plain bold values under it), number formats per column, column widths, conditional
 * formats, data validations (one range-wide rule per column), frozen rows, detail columns as a
 * collapsed outline group, the height of rows with wrapped text (wrappedLines) and tab colour.
 *
 * Charts: ExcelJS cannot write native charts, so a chart is left out of the .xlsx file; its data
 * is the table it plots, which is written. A one-line note is placed at the chart's anchor cell
 * (when that cell is free) so the reader knows where the add-in would draw it.
 *
 * Strings are always written as text cells (shared strings), never as formulas, whatever they
 * start with: ExcelJS only writes a formula for a `{ formula }` object, which is never built here.
 */
import type { Alignment, CellIsRuleType, ConditionalFormattingRule, DataBarRuleType, DataValidation, TableStyleProperties, Worksheet } from "exceljs";
import type { CellValue, ChartSpec, ColumnSpec, ConditionalFormatSpec, InfoBlock, PrintSpec, SheetSpec, TableSpec, ValidationSpec } from "../WorkbookPort";
import { a1, a1Range } from "./cellAddress";
import { addRangeValidation } from "./excelJsInternals";
import { numberFormatOf } from "../numberFormatOf";
import { alignOf, headerFooterText, printTitlesOf } from "./columnLayout";
import { detailColumnGroups } from "../office/sheetLayout";
import { rowHeightOf, wrappedLines } from "./wrappedLines";

/** Excel's limit on the characters in one cell. */
const MAX_CELL_TEXT = 32767;
/** Excel's limit on an inline list validation ("A,B,C"). */
export const MAX_LIST_FORMULA = 255;
export const DEFAULT_TABLE_STYLE = "TableStyleMedium2" satisfies TableStyleProperties["theme"];
/** Rows sampled to estimate a column width when the spec gives none. */
const WIDTH_SAMPLE_ROWS = 200;

export interface WriteContext {
  /** Table names already used in the workbook (lower case); names written here are added. */
  usedTableNames: Set<string>;
  /** Called after each table with the number of data rows written. */
  onRows?: (rows: number) => void;
  /** Sheet columns hidden in a collapsed detail group (set by writeSheet). */
  hiddenColumns?: ReadonlySet<number>;
}

/** A value ExcelJS can write safely: no NaN/Infinity, text within Excel's cell limit. */
export function safeValue(value: CellValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") return value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT) : value;
  return value;
}

/** "#RRGGBB" → ExcelJS ARGB "FFRRGGBB"; undefined for anything else. */
export function argbOf(color: string | undefined): string | undefined {
  if (color === undefined) return undefined;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(color.trim());
  return m ? `FF${m[1].toUpperCase()}` : undefined;
}

/**
 * A valid, workbook-unique Excel table name: letters, digits, underscores and periods, starting
 * with a letter or underscore; a clash gets "_2", "_3", … (Excel rejects duplicate names).
 */
export function uniqueTableName(wanted: string, used: Set<string>): string {
  let base = wanted.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}_${n}`;
  used.add(name.toLowerCase());
  return name;
}

type TableTheme = NonNullable<TableStyleProperties["theme"]>;

/** Excel's built-in table styles are TableStyleLight1..21, Medium1..28 and Dark1..11. */
export function isTableTheme(style: string): style is TableTheme {
  const m = /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(style);
  if (!m) return false;
  const n = Number(m[2]);
  const max = m[1] === "Light" ? 21 : m[1] === "Medium" ? 28 : 11;
  return n >= 1 && n <= max;
}

/** Table column names must be unique and non-blank; Excel itself would rename them the same way. */
export function uniqueHeaders(columns: ColumnSpec[]): string[] {
  const seen = new Set<string>();
  return columns.map((column, i) => {
    const base = column.header.trim() === "" ? `Column${i + 1}` : column.header;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base}${n}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

function textWidth(value: CellValue, kind: ColumnSpec["kind"]): number {
  if (value === null) return 0;
  if (kind === "date" && typeof value === "number") return 10;
  if (typeof value === "number") return value.toLocaleString("en-US", { maximumFractionDigits: 2 }).length + 1;
  return String(value).length;
}

export function estimatedWidth(column: ColumnSpec, index: number, rows: CellValue[][]): number {
  if (column.width !== undefined) return column.width;
  let widest = column.header.length + 3; // room for the filter button
  for (let r = 0; r < Math.min(rows.length, WIDTH_SAMPLE_ROWS); r++) widest = Math.max(widest, textWidth(rows[r][index] ?? null, column.kind));
  return Math.min(60, Math.max(8, widest + 2));
}

export function columnIndex(table: TableSpec, header: string, what: string): number {
  const index = table.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`${what} refers to column "${header}", which table ${table.name} does not have`);
  return index;
}

function conditionalRule(spec: ConditionalFormatSpec, priority: number): ConditionalFormattingRule {
  switch (spec.type) {
    case "textEquals":
    case "greaterThan": {
      const fill = argbOf(spec.fill);
      const font = argbOf(spec.fontColor);
      const rule: CellIsRuleType = {
        type: "cellIs",
        priority,
        operator: spec.type === "textEquals" ? "equal" : "greaterThan",
        // A quoted string literal: an exact (case-insensitive) match, not "contains".
        formulae: [spec.type === "textEquals" ? `"${spec.text.replace(/"/g, '""')}"` : String(spec.value)],
        style: {
          ...(fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: fill } } } : {}),
          ...(font ? { font: { color: { argb: font } } } : {}),
        },
      };
      return rule;
    }
    case "dataBar": {
      // ExcelJS renders `color` but its typings omit it.
      const rule: DataBarRuleType & { color: { argb: string } } = {
        type: "dataBar",
        priority,
        gradient: false,
        cfvo: [{ type: "min" }, { type: "max" }],
        color: { argb: argbOf(spec.color) ?? "FF638EC6" },
      };
      return rule;
    }
    default: {
      const never: never = spec;
      throw new Error(`unhandled conditional format ${JSON.stringify(never)}`);
    }
  }
}

function validationRule(spec: ValidationSpec): DataValidation | undefined {
  const common = { allowBlank: true, showErrorMessage: true, errorStyle: "stop", errorTitle: spec.column };
  switch (spec.type) {
    case "wholeNumber":
    case "decimal":
      return {
        ...common,
        type: spec.type === "wholeNumber" ? "whole" : "decimal",
        operator: "between",
        formulae: [spec.min, spec.max],
        error: `Enter a ${spec.type === "wholeNumber" ? "whole number" : "number"} from ${spec.min} to ${spec.max}.`,
      };
    case "date":
      return {
        ...common,
        type: "date",
        operator: "greaterThan",
        formulae: [new Date(Date.UTC(1900, 0, 1))],
        error: "Enter a date (YYYY-MM-DD).",
      };
    case "list": {
      const list = spec.values.join(",");
      // Inline lists cannot hold commas or quotes, and Excel caps them at 255 characters.
      if (spec.values.some((v) => /[,"]/.test(v)) || list.length > MAX_LIST_FORMULA) return undefined;
      return { ...common, type: "list", formulae: [`"${list}"`], error: `Choose one of: ${spec.values.join(", ")}.` };
    }
    default: {
      const never: never = spec;
      throw new Error(`unhandled validation ${JSON.stringify(never)}`);
    }
  }
}

function writeInfoBlock(worksheet: Worksheet, block: InfoBlock, widths: Map<number, number>): void {
  block.lines.forEach(([label, value], i) => {
    widths.set(block.column, Math.max(widths.get(block.column) ?? 0, Math.min(40, label.length + 2)));
    const labelCell = worksheet.getCell(block.row + i + 1, block.column + 1);
    labelCell.value = safeValue(label);
    labelCell.font = { bold: true };
    const valueCell = worksheet.getCell(block.row + i + 1, block.column + 2);
    valueCell.value = safeValue(value);
    const format = block.formats?.[label];
    if (format) valueCell.numFmt = format;
  });
}

/** Writes the table and answers the name it got (a free variant when the spec's name was taken). */
function writeTable(worksheet: Worksheet, table: TableSpec, context: WriteContext, widths: Map<number, number>): string {
  const width = table.columns.length;
  const rows = table.rows.map((row) => Array.from({ length: width }, (_, c) => safeValue(row[c])));
  // An Excel table needs at least one data row; an empty one reads back as no rows.
  const dataRows = rows.length > 0 ? rows : [new Array<CellValue>(width).fill(null)];
  const firstDataRow = table.headerRow + 1;
  const lastDataRow = table.headerRow + dataRows.length;

  const name = uniqueTableName(table.name, context.usedTableNames);
  worksheet.addTable({
    name,
    ref: a1(table.headerRow, table.firstColumn),
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style !== undefined && isTableTheme(table.style) ? table.style : DEFAULT_TABLE_STYLE, showRowStripes: true },
    columns: uniqueHeaders(table.columns).map((name) => ({ name, filterButton: true })),
    rows: dataRows,
  });

  const totalsRow = table.totals ? lastDataRow + 1 : undefined;
  if (table.totals && totalsRow !== undefined) {
    const excelRow = worksheet.getRow(totalsRow + 1);
    for (let c = 0; c < width; c++) {
      const cell = excelRow.getCell(table.firstColumn + c + 1);
      cell.value = safeValue(table.totals[c]);
      cell.font = { bold: true };
      cell.border = { top: { style: "thin" }, bottom: { style: "double" } };
    }
  }

  // Wrapped text makes rows taller: every cell of such a table sits at the top of its row.
  const vertical = table.columns.some((c) => c.wrap === true) ? "top" : undefined;
  table.columns.forEach((column, c) => {
    const sheetColumn = table.firstColumn + c;
    const format = numberFormatOf(column);
    const alignment: Partial<Alignment> = { horizontal: alignOf(column), ...(column.wrap ? { wrapText: true } : {}), ...(vertical ? { vertical } : {}) };
    worksheet.getCell(table.headerRow + 1, sheetColumn + 1).alignment = alignment;
    for (let r = firstDataRow; r <= (totalsRow ?? lastDataRow); r++) {
      const cell = worksheet.getCell(r + 1, sheetColumn + 1);
      if (format) cell.numFmt = format;
      cell.alignment = alignment;
    }
    widths.set(sheetColumn, Math.max(widths.get(sheetColumn) ?? 0, estimatedWidth(column, c, rows)));
  });
  setWrappedRowHeights(worksheet, table, widths, context.hiddenColumns);

  (table.conditionalFormats ?? []).forEach((spec, i) => {
    const c = table.firstColumn + columnIndex(table, spec.column, "a conditional format");
    worksheet.addConditionalFormatting({ ref: a1Range(firstDataRow, c, lastDataRow, c), rules: [conditionalRule(spec, i + 1)] });
  });

  for (const spec of table.validations ?? []) {
    const c = table.firstColumn + columnIndex(table, spec.column, "a validation");
    const rule = validationRule(spec);
    if (rule) addRangeValidation(worksheet, a1Range(firstDataRow, c, lastDataRow, c), rule);
  }
  context.onRows?.(rows.length);
  return name;
}

/**
 * Rows with wrapped text get the height of their lines (wrappedLines; LibreOffice does not grow a
 * row), as renderSheetXml stores them: header (beside its filter button), data and totals rows;
 * hidden columns (a collapsed detail group) do not count, as in Excel's row AutoFit.
 */
function setWrappedRowHeights(worksheet: Worksheet, table: TableSpec, widths: ReadonlyMap<number, number>, hidden: ReadonlySet<number> | undefined): void {
  const wrapped = table.columns.flatMap((column, index) =>
    column.wrap === true && hidden?.has(table.firstColumn + index) !== true ? [{ index, room: (widths.get(table.firstColumn + index) ?? 8.43) - 1 }] : []);
  if (wrapped.length === 0) return;
  const linesOf = (values: readonly CellValue[], less: number): number =>
    Math.max(1, ...wrapped.map(({ index, room }) => { const v = values[index]; return typeof v === "string" && v.length > 0 ? wrappedLines(v, room - less) : 1; }));
  const rows: [number, readonly CellValue[], number][] = [[table.headerRow, table.columns.map((c) => c.header), 2], ...table.rows.map((row, i): [number, readonly CellValue[], number] => [table.headerRow + 1 + i, row, 0])];
  if (table.totals) rows.push([table.headerRow + Math.max(1, table.rows.length) + 1, table.totals, 0]);
  for (const [row, values, less] of rows) {
    const lines = linesOf(values, less);
    if (lines > 1) worksheet.getRow(row + 1).height = rowHeightOf(lines);
  }
}

/** `tableName`: the name the chart's table was written under (it follows a free variant such as Aging_2). */
function writeChartNote(worksheet: Worksheet, chart: ChartSpec, tableName: string): void {
  const cell = worksheet.getCell(chart.anchor.row + 1, chart.anchor.column + 1);
  if (cell.value !== null && cell.value !== undefined) return;
  cell.value = `Chart "${chart.title}": drawn by the Excel add-in; in this .xlsx file its data is table ${tableName}.`;
  cell.font = { italic: true, color: { argb: "FF666666" } };
}

/** Page setup: orientation, fit to pages (0 tall = as many as needed), print titles, header and footer. */
function writePrint(worksheet: Worksheet, print: PrintSpec): void {
  const titles = printTitlesOf(print);
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fitToPagesWide,
    fitToHeight: print.fitToPagesTall ?? 0,
    ...(titles.rows ? { printTitlesRow: titles.rows } : {}),
    ...(titles.columns ? { printTitlesColumn: titles.columns } : {}),
  };
  const header = headerFooterText(print.header);
  const footer = headerFooterText(print.footer);
  if (header !== undefined || footer !== undefined) {
    worksheet.headerFooter = { ...worksheet.headerFooter, ...(header !== undefined ? { oddHeader: header } : {}), ...(footer !== undefined ? { oddFooter: footer } : {}) };
  }
}

export function writeSheet(worksheet: Worksheet, spec: SheetSpec, context: WriteContext): void {
  if (spec.title !== undefined) {
    const cell = worksheet.getCell(1, 1);
    cell.value = safeValue(spec.title);
    cell.font = { bold: true, size: 14 };
  }
  const widths = new Map<number, number>();
  for (const block of spec.info ?? []) writeInfoBlock(worksheet, block, widths);
  const written = new Map<string, string>();
  const groups = detailColumnGroups(spec);
  const hiddenColumns = new Set(groups.flatMap((g) => Array.from({ length: g.last - g.first + 1 }, (_, i) => g.first + i)));
  for (const table of spec.tables) written.set(table.name.toLowerCase(), writeTable(worksheet, table, { ...context, hiddenColumns }, widths));
  for (const [column, width] of widths) worksheet.getColumn(column + 1).width = width;
  // Detail columns (ColumnSpec.detail): an outline group, collapsed. ExcelJS marks the grouped
  // columns themselves `collapsed` rather than the column after them; Excel opens either collapsed.
  for (const group of groups) {
    worksheet.properties.outlineLevelCol = 1;
    for (let c = group.first; c <= group.last; c++) {
      const column = worksheet.getColumn(c + 1);
      column.outlineLevel = 1;
      column.hidden = true;
    }
  }
  for (const chart of spec.charts ?? []) writeChartNote(worksheet, chart, written.get(chart.table.toLowerCase()) ?? chart.table);

  const freezeRows = Math.max(0, spec.freezeRows ?? 0);
  const freezeColumns = Math.max(0, spec.freezeColumns ?? 0);
  if (freezeRows > 0 || freezeColumns > 0) {
    worksheet.views = [{ state: "frozen", xSplit: freezeColumns, ySplit: freezeRows, topLeftCell: a1(freezeRows, freezeColumns) }];
  }
  if (spec.print) writePrint(worksheet, spec.print);
  const tab = argbOf(spec.tabColor);
  if (tab) worksheet.properties.tabColor = { argb: tab };
}
