/**
 * One SheetSpec as the parts of a worksheet, rendered straight to XML and handed out piece by
 * piece (issue 19: an output sheet of a million rows is never an object model nor one string):
 * the worksheet part (rows rendered in batches of about 1 MB as the zip asks for them), its
 * table parts and the cell formats it uses (registered in a StyleBook, written once).
 *
 * The layout is WriteSheet's (the ExcelJS writer for new workbooks): bold title in A1, info
 * blocks, each table a real Excel table (header, rows, a totals row of bold values under it),
 * number formats, alignment and wrap per column (WorkbookPort ColumnSpec), widths, conditional
 * formats, list/number/date validations (one range-wide rule per column), frozen rows and
 * columns, detail columns as collapsed outline groups (ColumnSpec.detail), the height of every row
 * with wrapped text (wrappedLines), page setup, header/footer, tab colour and, for a chart, a note
 * at its anchor (or the chart itself, drawn by the caller: `charts` tells where each chart's data is).
 *
 * Strings are inline strings (`t="inlineStr"`), so no shared-strings table grows with the rows;
 * text is always text, never a formula, whatever it starts with. Characters XML cannot hold are
 * written as Excel's `_xHHHH_` escapes.
 * @example const sheet = renderSheetXml(spec, new StyleBook(), new Set()); [...sheet.pieces({ cellXf: (i) => i, dxf: (i) => i }, true)].join("")
 */
import type { CellValue, ChartSpec, ConditionalFormatSpec, SheetSpec, TableSpec, ValidationSpec } from "../WorkbookPort";
import { numberFormatOf } from "../numberFormatOf";
import { a1, a1Range, columnLetters } from "./cellAddress";
import { alignOf, headerFooterText } from "./columnLayout";
import { detailColumnGroups } from "../office/sheetLayout";
import type { StyleBook } from "./styleBook";
import { argbOf, columnIndex, DEFAULT_TABLE_STYLE, estimatedWidth, isTableTheme, MAX_LIST_FORMULA, safeValue, uniqueHeaders, uniqueTableName } from "./writeSheet";
import { escapeXml } from "./xmlText";
import { rowHeightOf, wrappedLines } from "./wrappedLines";

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/**
 * Characters of XML a writer gathers before it hands them to the zip (ZlibZipDeflate.pushText,
 * which encodes them into its buffer): small, so that the batch, a tree of small strings, dies
 * young instead of being copied by collections and flattened (see ZlibZipDeflate).
 */
export const TEXT_PIECE_CHARS = 1 << 14;
const BATCH_CHARS = TEXT_PIECE_CHARS;

/** Maps the StyleBook's indices to the workbook's (mergeStyles). */
export interface StyleIndices {
  cellXf(index: number): number;
  dxf(index: number): number;
}

export interface RenderedTable {
  /** The name it got (a free variant when the spec's was taken). */
  name: string;
  /** The table part, with its workbook-unique id. */
  xml(id: number, styles: StyleIndices): string;
}

/** Where a chart's data sits once written (for the chart part). */
export interface ChartPlacement {
  chart: ChartSpec;
  table: string;
  /** The table's spec (its rows are the chart's cached values). */
  spec: TableSpec;
  /** 0-based sheet row of the header and of the last data row; sheet columns of the category and the series. */
  headerRow: number;
  lastRow: number;
  categoryColumn: number;
  seriesColumns: number[];
}

export interface RenderedSheet {
  name: string;
  /** Data rows of its tables (for progress). */
  rows: number;
  /** Table parts, in the order of their relationship ids rId1, rId2, … */
  tables: RenderedTable[];
  /** The charts whose table is on this sheet, with where their data is. */
  charts: ChartPlacement[];
  /**
   * The worksheet part's XML in pieces. `selected`: tabSelected on its view; `drawingRelId`: a
   * drawing part (charts) to refer to.
   */
  pieces(styles: StyleIndices, selected: boolean, drawingRelId?: string): Iterable<string>;
}

// eslint-disable-next-line no-control-regex
const SPECIAL = /[<>&\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
// eslint-disable-next-line no-control-regex
const SPECIAL_ALL = /[<>&\u0000-\u0008\u000B-\u001F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;

/** Cell text as XML content: markup escaped, characters XML cannot hold (and a literal `_xHHHH_`) as Excel's escapes. */
export function cellTextXml(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(SPECIAL_ALL, (ch) => {
    if (ch === "<") return "&lt;";
    if (ch === ">") return "&gt;";
    if (ch === "&") return "&amp;";
    return `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}

/** The XML of one cell; "" for a blank (a styled blank when `keepBlank`, e.g. a totals row's border). `s`: ` s="N"` or "". */
function cellXml(ref: string, s: string, value: CellValue | undefined, keepBlank = false): string {
  const v = safeValue(value);
  if (v === null) return keepBlank && s !== "" ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  const space = /^\s|\s$|\n/.test(v) ? ' xml:space="preserve"' : "";
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${cellTextXml(v)}</t></is></c>`;
}

/** A cell kept apart from the tables' rows (title, info lines, headers, totals, notes): value and StyleBook index. */
interface LooseCell {
  value: CellValue;
  xf: number;
}

interface TableBlock {
  spec: TableSpec;
  firstDataRow: number;
  lastDataRow: number;
  width: number;
  left: number;
  /** StyleBook index of each column's data cells. */
  xfs: number[];
  /** The wrapped columns (index in the table) and the characters a line holds in each. */
  wrapped: WrappedColumn[];
}

/** A wrapped column of a table: its index, the characters a line holds, and the lines of the texts seen (columns repeat their texts: an action, a decision). */
interface WrappedColumn {
  index: number;
  room: number;
  lines: Map<string, number>;
}

/** Texts remembered per wrapped column: 1,000,000 rows of a few actions cost a lookup each, not a wrap (2 s). */
const MAX_REMEMBERED_TEXTS = 4096;

function linesOf(column: WrappedColumn, text: string, less: number): number {
  if (less !== 0) return wrappedLines(text, column.room - less);
  const known = column.lines.get(text);
  if (known !== undefined) return known;
  const lines = wrappedLines(text, column.room);
  if (column.lines.size < MAX_REMEMBERED_TEXTS) column.lines.set(text, lines);
  return lines;
}

/** A table header shares its cell with the filter button (about two characters). */
const FILTER_BUTTON_CHARS = 2;

/** Lines the tallest wrapped cell of a row takes (1 when nothing wraps). */
function rowLines(values: readonly CellValue[] | undefined, wrapped: readonly WrappedColumn[], less = 0): number {
  let lines = 1;
  if (values === undefined) return lines;
  for (let i = 0; i < wrapped.length; i++) {
    const value = values[wrapped[i].index];
    if (typeof value === "string" && value.length > 0) lines = Math.max(lines, linesOf(wrapped[i], value, less));
  }
  return lines;
}

/** A row's height attributes: none for one line, else the stored height of its lines (wrappedLines). */
function heightXml(lines: number): string {
  return lines > 1 ? ` ht="${rowHeightOf(lines)}" customHeight="1"` : "";
}

function validationXml(spec: ValidationSpec, sqref: string): string {
  const common = `allowBlank="1" showErrorMessage="1" errorStyle="stop" errorTitle="${escapeXml(spec.column)}"`;
  switch (spec.type) {
    case "wholeNumber":
    case "decimal": {
      const type = spec.type === "wholeNumber" ? "whole" : "decimal";
      const error = `Enter a ${spec.type === "wholeNumber" ? "whole number" : "number"} from ${spec.min} to ${spec.max}.`;
      return `<dataValidation type="${type}" operator="between" ${common} error="${escapeXml(error)}" sqref="${sqref}"><formula1>${spec.min}</formula1><formula2>${spec.max}</formula2></dataValidation>`;
    }
    case "date":
      // 1 = 1900-01-01 in the 1900 date system.
      return `<dataValidation type="date" operator="greaterThan" ${common} error="Enter a date (YYYY-MM-DD)." sqref="${sqref}"><formula1>1</formula1></dataValidation>`;
    case "list": {
      const list = spec.values.join(",");
      // Inline lists cannot hold commas or quotes, and Excel caps them at 255 characters.
      if (spec.values.some((v) => /[,"]/.test(v)) || list.length > MAX_LIST_FORMULA) return "";
      return `<dataValidation type="list" ${common} error="${escapeXml(`Choose one of: ${spec.values.join(", ")}.`)}" sqref="${sqref}"><formula1>${escapeXml(`"${list}"`)}</formula1></dataValidation>`;
    }
    default: {
      const never: never = spec;
      throw new Error(`unhandled validation ${JSON.stringify(never)}`);
    }
  }
}

/** A conditional format's rule; `dxf`: its StyleBook dxf index (cellIs rules). */
function ruleXml(spec: ConditionalFormatSpec, priority: number, dxf: number | undefined, styles: StyleIndices): string {
  switch (spec.type) {
    case "textEquals":
    case "greaterThan": {
      const operator = spec.type === "textEquals" ? "equal" : "greaterThan";
      // A quoted string literal: an exact (case-insensitive) match, not "contains".
      const formula = spec.type === "textEquals" ? `"${spec.text.replace(/"/g, '""')}"` : String(spec.value);
      return `<cfRule type="cellIs"${dxf === undefined ? "" : ` dxfId="${styles.dxf(dxf)}"`} priority="${priority}" operator="${operator}"><formula>${escapeXml(formula)}</formula></cfRule>`;
    }
    case "dataBar":
      return `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argbOf(spec.color) ?? "FF638EC6"}"/></dataBar></cfRule>`;
    default: {
      const never: never = spec;
      throw new Error(`unhandled conditional format ${JSON.stringify(never)}`);
    }
  }
}

/** The detail columns (ColumnSpec.detail) of a sheet: grouped and hidden, and the column after each group, which holds its + button. */
interface ColumnOutline {
  grouped: Set<number>;
  collapsed: Set<number>;
}

function columnOutlineOf(spec: SheetSpec): ColumnOutline {
  const grouped = new Set<number>();
  const collapsed = new Set<number>();
  for (const group of detailColumnGroups(spec)) {
    for (let c = group.first; c <= group.last; c++) grouped.add(c);
    collapsed.add(group.last + 1);
  }
  return { grouped, collapsed };
}

/** Excel's width of a column the sheet leaves at the default (8.43 characters and the cell margins). */
const DEFAULT_COLUMN_WIDTH = 9.140625;

/**
 * The `<col>` elements: each column's width; a detail column at outline level 1 and hidden, the
 * column after its group `collapsed` (ECMA-376 Part 1, `col`; the + button sits on the summary
 * column, right of its detail while `outlinePr summaryRight` keeps its default), as Excel and
 * XlsxWriter write a collapsed column group; `sheetFormatPr outlineLevelCol` gives the levels.
 */
function colsXml(widths: ReadonlyMap<number, number>, outline: ColumnOutline): string {
  const columns = [...new Set([...[...widths].filter(([, w]) => w > 0).map(([c]) => c), ...outline.grouped, ...outline.collapsed])].sort((a, b) => a - b);
  return columns
    .map((c) => {
      const width = widths.get(c);
      const grouped = outline.grouped.has(c) ? ' hidden="1" outlineLevel="1"' : "";
      const collapsed = outline.collapsed.has(c) ? ' collapsed="1"' : "";
      return `<col min="${c + 1}" max="${c + 1}" width="${width !== undefined && width > 0 ? width : DEFAULT_COLUMN_WIDTH}"${width !== undefined && width > 0 ? ' customWidth="1"' : ""}${grouped}${collapsed}/>`;
    })
    .join("");
}

/**
 * `activeCell`: the cell selected when the sheet opens (A1 address), if any. `drawCharts`: the
 * caller draws the charts it can (`charts`); otherwise every chart gets its note.
 */
export function renderSheetXml(spec: SheetSpec, book: StyleBook, usedTableNames: Set<string>, activeCell?: string, drawCharts = false): RenderedSheet {
  const loose = new Map<number, Map<number, LooseCell>>();
  const put = (row: number, column: number, value: CellValue, xf: number): void => {
    let cells = loose.get(row);
    if (!cells) loose.set(row, (cells = new Map()));
    cells.set(column, { value: safeValue(value), xf });
  };
  const isFree = (row: number, column: number): boolean => {
    const cell = loose.get(row)?.get(column);
    return cell === undefined || cell.value === null;
  };
  const widths = new Map<number, number>();
  const widen = (column: number, width: number): void => {
    widths.set(column, Math.max(widths.get(column) ?? 0, width));
  };

  if (spec.title !== undefined) put(0, 0, spec.title, book.xf({ bold: true, size: 14 }));
  const bold = book.xf({ bold: true });
  for (const block of spec.info ?? []) {
    block.lines.forEach(([label, value], i) => {
      widen(block.column, Math.min(40, label.length + 2));
      put(block.row + i, block.column, label, bold);
      const format = block.formats?.[label];
      put(block.row + i, block.column + 1, value, format ? book.xf({ numFmt: format }) : 0);
    });
  }

  const blocks: TableBlock[] = [];
  const tables: RenderedTable[] = [];
  const rules: { sqref: string; spec: ConditionalFormatSpec; dxf: number | undefined }[] = [];
  const validations: { sqref: string; spec: ValidationSpec }[] = [];
  const written = new Map<string, { name: string; block: TableBlock }>();
  let rows = 0;
  for (const table of spec.tables) {
    const width = table.columns.length;
    // An Excel table needs at least one data row; an empty one reads back as no rows.
    const dataRows = Math.max(1, table.rows.length);
    const firstDataRow = table.headerRow + 1;
    const lastDataRow = table.headerRow + dataRows;
    const name = uniqueTableName(table.name, usedTableNames);
    const headers = uniqueHeaders(table.columns);
    const vertical = table.columns.some((c) => c.wrap === true) ? "top" : undefined;
    const xfs = table.columns.map((column) => book.xf({ numFmt: numberFormatOf(column), horizontal: alignOf(column), wrap: column.wrap, vertical }));
    table.columns.forEach((column, c) => {
      const sheetColumn = table.firstColumn + c;
      put(table.headerRow, sheetColumn, headers[c], book.xf({ horizontal: alignOf(column), wrap: column.wrap, vertical }));
      if (table.totals) put(lastDataRow + 1, sheetColumn, table.totals[c] ?? null, book.xf({ numFmt: numberFormatOf(column), horizontal: alignOf(column), wrap: column.wrap, vertical, bold: true, border: "totals" }));
      widen(sheetColumn, estimatedWidth(column, c, table.rows));
    });
    const block: TableBlock = { spec: table, firstDataRow, lastDataRow, width, left: table.firstColumn, xfs, wrapped: [] };
    blocks.push(block);
    written.set(table.name.toLowerCase(), { name, block });
    rows += table.rows.length;

    for (const cf of table.conditionalFormats ?? []) {
      const c = table.firstColumn + columnIndex(table, cf.column, "a conditional format");
      const dxf = cf.type === "dataBar" ? undefined : book.dxf(argbOf(cf.fill), argbOf(cf.fontColor));
      rules.push({ sqref: a1Range(firstDataRow, c, lastDataRow, c), spec: cf, dxf });
    }
    for (const v of table.validations ?? []) {
      const c = table.firstColumn + columnIndex(table, v.column, "a validation");
      validations.push({ sqref: a1Range(firstDataRow, c, lastDataRow, c), spec: v });
    }
    const ref = a1Range(table.headerRow, table.firstColumn, lastDataRow, table.firstColumn + width - 1);
    const style = table.style !== undefined && isTableTheme(table.style) ? table.style : DEFAULT_TABLE_STYLE;
    tables.push({
      name,
      xml: (id) =>
        `${XML_HEADER}<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
        `<tableColumns count="${width}">${headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join("")}</tableColumns>` +
        `<tableStyleInfo name="${style}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    });
  }

  // Rows with wrapped text get the height of their lines (LibreOffice does not grow a row, nor
  // does Excel one written with a height): a line holds the column's width less its margins. As
  // Excel's row AutoFit, the hidden columns (a collapsed detail group) do not count.
  const outline = columnOutlineOf(spec);
  const looseLines = new Map<number, number>();
  for (const block of blocks) {
    block.wrapped = block.spec.columns.flatMap((column, index) =>
      column.wrap === true && !outline.grouped.has(block.left + index) ? [{ index, room: (widths.get(block.left + index) ?? estimatedWidth(column, index, block.spec.rows)) - 1, lines: new Map<string, number>() }] : []);
    if (block.wrapped.length === 0) continue;
    const header = rowLines(block.spec.columns.map((c) => c.header), block.wrapped, FILTER_BUTTON_CHARS);
    looseLines.set(block.spec.headerRow, Math.max(looseLines.get(block.spec.headerRow) ?? 1, header));
    if (block.spec.totals) looseLines.set(block.lastDataRow + 1, Math.max(looseLines.get(block.lastDataRow + 1) ?? 1, rowLines(block.spec.totals, block.wrapped)));
  }

  const charts: ChartPlacement[] = [];
  const note = book.xf({ italic: true, color: "FF666666" });
  for (const chart of spec.charts ?? []) {
    const target = written.get(chart.table.toLowerCase());
    const tableName = target?.name ?? chart.table;
    if (target) {
      const t = target.block.spec;
      const category = t.columns.findIndex((c) => c.header === chart.categoryColumn);
      const series = chart.seriesColumns.map((h) => t.columns.findIndex((c) => c.header === h));
      if (drawCharts && category >= 0 && series.length > 0 && series.every((i) => i >= 0) && t.rows.length > 0) {
        charts.push({ chart, table: tableName, spec: t, headerRow: t.headerRow, lastRow: target.block.lastDataRow, categoryColumn: t.firstColumn + category, seriesColumns: series.map((i) => t.firstColumn + i) });
        continue;
      }
    }
    if (isFree(chart.anchor.row, chart.anchor.column)) put(chart.anchor.row, chart.anchor.column, `Chart "${chart.title}": drawn by the Excel add-in; in this .xlsx file its data is table ${tableName}.`, note);
  }

  const freezeRows = Math.max(0, spec.freezeRows ?? 0);
  const freezeColumns = Math.max(0, spec.freezeColumns ?? 0);
  const print = spec.print;
  const tab = argbOf(spec.tabColor);

  function* pieces(styles: StyleIndices, selected: boolean, drawingRelId?: string): Generator<string> {
    const s = (xf: number): string => (xf === 0 ? "" : ` s="${styles.cellXf(xf)}"`);
    const sheetPr = `${tab ? `<tabColor rgb="${tab}"/>` : ""}${print ? '<pageSetUpPr fitToPage="1"/>' : ""}`;
    let head = `${XML_HEADER}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${sheetPr ? `<sheetPr>${sheetPr}</sheetPr>` : ""}`;
    head += `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0">`;
    if (freezeRows > 0 || freezeColumns > 0) {
      const pane = freezeRows > 0 && freezeColumns > 0 ? "bottomRight" : freezeColumns > 0 ? "topRight" : "bottomLeft";
      const selection = activeCell === undefined ? "" : ` activeCell="${activeCell}" sqref="${activeCell}"`;
      head += `<pane${freezeColumns > 0 ? ` xSplit="${freezeColumns}"` : ""}${freezeRows > 0 ? ` ySplit="${freezeRows}"` : ""} topLeftCell="${a1(freezeRows, freezeColumns)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"${selection}/>`;
    } else if (activeCell !== undefined) {
      head += `<selection activeCell="${activeCell}" sqref="${activeCell}"/>`;
    }
    head += `</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"${outline.grouped.size > 0 ? ' outlineLevelCol="1"' : ""}/>`;
    const cols = colsXml(widths, outline);
    if (cols !== "") head += `<cols>${cols}</cols>`;
    yield `${head}<sheetData>`;

    // Column letters and styles of each table, once.
    const letters = blocks.map((b) => Array.from({ length: b.width }, (_, c) => columnLetters(b.left + c)));
    const cellStyles = blocks.map((b) => b.xfs.map(s));
    const looseRows = [...loose.keys()].sort((a, b) => a - b);
    const lastRow = Math.max(-1, ...looseRows, ...blocks.map((b) => b.lastDataRow));
    let batch = "";
    let nextLoose = 0;
    for (let r = 0; r <= lastRow; r++) {
      const extra = looseRows[nextLoose] === r ? loose.get(r) : undefined;
      if (extra) nextLoose++;
      let only: number | undefined;
      let count = 0;
      for (let i = 0; i < blocks.length; i++) {
        if (r >= blocks[i].firstDataRow && r <= blocks[i].lastDataRow) {
          only = i;
          count++;
        }
      }
      if (count === 0 && !extra) continue;
      const rowNumber = r + 1;
      let xml = "";
      let lines = looseLines.get(r) ?? 1;
      if (count === 1 && !extra && only !== undefined) {
        // The common case: a data row of one table.
        const b = blocks[only];
        const values = b.spec.rows[r - b.firstDataRow] ?? [];
        const l = letters[only];
        const st = cellStyles[only];
        for (let c = 0; c < b.width; c++) xml += cellXml(`${l[c]}${rowNumber}`, st[c], values[c]);
        if (b.wrapped.length > 0) lines = Math.max(lines, rowLines(values, b.wrapped));
      } else {
        const cells = new Map<number, string>();
        blocks.forEach((b, i) => {
          if (r < b.firstDataRow || r > b.lastDataRow) return;
          const values = b.spec.rows[r - b.firstDataRow] ?? [];
          for (let c = 0; c < b.width; c++) cells.set(b.left + c, cellXml(`${letters[i][c]}${rowNumber}`, cellStyles[i][c], values[c]));
          if (b.wrapped.length > 0) lines = Math.max(lines, rowLines(values, b.wrapped));
        });
        for (const [c, cell] of extra ?? []) cells.set(c, cellXml(`${columnLetters(c)}${rowNumber}`, s(cell.xf), cell.value, true));
        for (const c of [...cells.keys()].sort((a, b) => a - b)) xml += cells.get(c);
      }
      if (xml === "") continue;
      batch += `<row r="${rowNumber}"${heightXml(lines)}>${xml}</row>`;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = "";
      }
    }
    let tail = `${batch}</sheetData>`;
    if (rules.length > 0) tail += rules.map((rule, i) => `<conditionalFormatting sqref="${rule.sqref}">${ruleXml(rule.spec, i + 1, rule.dxf, styles)}</conditionalFormatting>`).join("");
    const validationXmls = validations.map((v) => validationXml(v.spec, v.sqref)).filter((x) => x !== "");
    if (validationXmls.length > 0) tail += `<dataValidations count="${validationXmls.length}">${validationXmls.join("")}</dataValidations>`;
    tail += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
    if (print) {
      tail += `<pageSetup orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="${print.fitToPagesTall ?? 0}"/>`;
      const header = headerFooterText(print.header);
      const footer = headerFooterText(print.footer);
      if (header !== undefined || footer !== undefined) tail += `<headerFooter>${header !== undefined ? `<oddHeader>${escapeXml(header)}</oddHeader>` : ""}${footer !== undefined ? `<oddFooter>${escapeXml(footer)}</oddFooter>` : ""}</headerFooter>`;
    }
    if (drawingRelId !== undefined) tail += `<drawing r:id="${drawingRelId}"/>`;
    if (tables.length > 0) tail += `<tableParts count="${tables.length}">${tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join("")}</tableParts>`;
    yield `${tail}</worksheet>`;
  }

  return { name: spec.name, rows, tables, charts, pieces };
}
