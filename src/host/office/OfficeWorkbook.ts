import type {
  CellValue,
  ChartSpec,
  ConditionalFormatSpec,
  SheetSpec,
  SourceTable,
  TableSpec,
  ValidationSpec,
  WorkbookPort,
  WorkbookSnapshot,
  WriteOptions,
  WriteResult,
} from "../WorkbookPort";
import { cellAddress, rangeAddress, type CellRect } from "../address";
import { numberFormatOf } from "../numberFormatOf";
import { chunkRows, chunkUniformRows, jsonBytes, packGroups, PAYLOAD_BUDGET_BYTES } from "./payload";
import { chartTable, checkSheetSpecs, columnOf, tableGeometry, type TableGeometry } from "./sheetLayout";
import { toExcelInput } from "./textSafety";

/** Runs one Office.js batch; `Excel.run` in the add-in, a fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  run?: ExcelRun;
  /**
   * Date system of the workbook. `Workbook.use1904DateSystem` exists only in the preview API
   * (not in the released requirement sets typed by @types/office-js), so it is not read: the
   * default is "1900" and a caller that knows better passes "1904".
   */
  dateSystem?: "1900" | "1904";
  /** Payload cap per request and per response (default 4 MB). */
  budgetBytes?: number;
}

/** Rows loaded in the metadata batch to estimate the size of every table row. */
export const SAMPLE_ROWS = 64;
/** Margin on the sampled row size: later rows may be longer than the sampled ones. */
export const ROW_SIZE_SAFETY = 1.25;
/** Row size assumed per cell when no data row could be sampled. */
const FALLBACK_CELL_BYTES = 32;
/** Column width unit: points per character of the default font (Calibri 11). */
const POINTS_PER_CHARACTER = 6;
const DEFAULT_TABLE_STYLE = "TableStyleMedium2";
const DEFAULT_CHART_SIZE = { widthPt: 480, heightPt: 288 };

const CHART_TYPES = {
  columnStacked: "ColumnStacked",
  columnClustered: "ColumnClustered",
  pie: "Pie",
  barClustered: "BarClustered",
} as const satisfies Record<ChartSpec["type"], string>;

const defaultRun: ExcelRun = (batch) => Excel.run(batch);

/** One block read from the workbook: a table body or a table-less sheet's used range. */
interface ReadSource {
  table: SourceTable;
  sheet: Excel.Worksheet;
  /** Sheet rectangle of the rows still to load after the sample. */
  firstRow: number;
  firstColumn: number;
  columnCount: number;
  remaining: number;
  bytesPerRow: number;
}

/** A block of values to write, already made text-safe, with its request size. */
interface ValueWrite {
  sheet: string;
  rect: CellRect;
  values: CellValue[][];
  bytes: number;
}

/** Convert a value read through Office.js: empty cells come back as "". */
function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function toCellRows(values: unknown[][]): CellValue[][] {
  return values.map((row) => row.map(toCellValue));
}

function rowBytes(row: readonly unknown[]): number {
  return jsonBytes(row) + 1;
}

/**
 * WorkbookPort over Office.js: the only code in Credit Desk that calls `Excel.run`.
 *
 * Every operation is one `Excel.run` with a constant number of `context.sync()` calls, plus one
 * per 4 MB of payload: reading takes 2 metadata syncs (names, then ranges with a 64-row sample)
 * and one sync per group of value chunks; writing takes 1 sync to learn the existing sheets and
 * one per 4 MB group of values (formats, tables, charts ride in the last one).
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly dateSystem: "1900" | "1904";
  private readonly budget: number;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.dateSystem = options.dateSystem ?? "1900";
    this.budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets.load("items/name");
      const tables = workbook.tables.load("items/name,items/worksheet/name");
      await context.sync();

      const sheetNames = worksheets.items.map((s) => s.name);
      const withTables = new Set(tables.items.map((t) => t.worksheet.name));
      const pending: (() => ReadSource | undefined)[] = [];
      for (const table of tables.items) {
        const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex,columnCount");
        const body = table.getDataBodyRange().load("rowCount,rowIndex,columnIndex,columnCount");
        const sample = body.getIntersection(body.getRow(0).getResizedRange(SAMPLE_ROWS - 1, 0)).load("values");
        pending.push(() => {
          const sampled = toCellRows(sample.values);
          const source: SourceTable = {
            name: table.name,
            sheet: table.worksheet.name,
            kind: "table",
            headerRow: header.rowIndex,
            firstColumn: header.columnIndex,
            headers: (header.values[0] ?? []).map((v) => (v === null || v === undefined ? "" : String(v))),
            rows: sampled,
          };
          return this.readSource(source, table.worksheet, body.rowIndex, body.columnCount, body.rowCount);
        });
      }
      for (const sheet of worksheets.items) {
        if (withTables.has(sheet.name)) continue;
        const used = sheet.getUsedRange(true).load("rowCount,rowIndex,columnIndex,columnCount");
        const sample = used.getIntersection(used.getRow(0).getResizedRange(SAMPLE_ROWS, 0)).load("values");
        pending.push(() => {
          const sampled = toCellRows(sample.values);
          const [head, ...rows] = sampled;
          // A blank sheet reports A1 as its used range.
          if (!head || head.every((v) => v === null)) return undefined;
          const source: SourceTable = {
            name: sheet.name,
            sheet: sheet.name,
            kind: "range",
            headerRow: used.rowIndex,
            firstColumn: used.columnIndex,
            headers: head.map((v) => (v === null ? "" : String(v))),
            rows,
          };
          return this.readSource(source, sheet, used.rowIndex + 1, used.columnCount, used.rowCount - 1);
        });
      }
      await context.sync();

      const sources = pending.map((make) => make()).filter((s): s is ReadSource => s !== undefined);
      const chunks = sources.flatMap((source) =>
        chunkUniformRows(source.remaining, source.bytesPerRow, this.budget).map((c) => ({ ...c, source })),
      );
      for (const group of packGroups(chunks, this.budget)) {
        const loads = group.map((chunk) => {
          const { source } = chunk;
          const address = rangeAddress({
            row: source.firstRow + chunk.start,
            column: source.firstColumn,
            rowCount: chunk.end - chunk.start,
            columnCount: source.columnCount,
          });
          return { source, range: source.sheet.getRange(address).load("values") };
        });
        await context.sync();
        for (const { source, range } of loads) {
          for (const row of toCellRows(range.values)) source.table.rows.push(row);
        }
      }
      for (const { table } of sources) {
        // An Excel table keeps one blank body row when it has no data; trailing blank rows are not data.
        if (table.kind === "table") {
          while (table.rows.length > 0 && table.rows[table.rows.length - 1].every((v) => v === null)) table.rows.pop();
        }
      }
      return { sheets: sheetNames, tables: sources.map((s) => s.table), dateSystem: this.dateSystem, outputSheets: [] };
    });
  }

  /**
   * Book-keeping for one block after the metadata sync: the sampled rows are already in
   * `table.rows`; the rest (`dataRows` minus the sample) will be loaded in chunks sized from the
   * longest sampled row.
   */
  private readSource(
    table: SourceTable,
    sheet: Excel.Worksheet,
    dataRow: number,
    columnCount: number,
    dataRows: number,
  ): ReadSource {
    const sampledRows = table.rows.length;
    const longest = table.rows.reduce((max, row) => Math.max(max, rowBytes(row)), 0);
    const measured = longest > 0 ? longest : columnCount * FALLBACK_CELL_BYTES;
    return {
      table,
      sheet,
      firstRow: dataRow + sampledRows,
      firstColumn: table.firstColumn,
      columnCount,
      remaining: Math.max(0, dataRows - sampledRows),
      bytesPerRow: Math.ceil(measured * ROW_SIZE_SAFETY),
    };
  }

  async updateTableRows(_table: string, _rows: CellValue[][]): Promise<void> {
    throw new Error("updateTableRows: not implemented yet (issue 13, in progress)");
  }

  async writeSheets(specs: SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    checkSheetSpecs(specs);
    const result: WriteResult = { sheets: specs.map((s) => ({ requested: s.name, written: s.name })) };
    if (specs.length === 0) return result;
    // Everything but the table rows (formats, rules, charts, info blocks) rides along with the
    // value chunks; its size is bounded by the specs without their rows.
    const overhead = Math.min(
      Math.floor(this.budget / 2),
      2 * jsonBytes(specs.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: [] })) }))),
    );
    const chunkBudget = this.budget - overhead;
    const writes = specs.flatMap((spec) => valueWrites(spec, chunkBudget));
    const groups = packGroups(writes, chunkBudget);
    const totalSyncs = 1 + Math.max(1, groups.length);
    let syncs = 0;
    options.onProgress?.(0);

    await this.run(async (context) => {
      const workbook = context.workbook;
      const sync = async (): Promise<void> => {
        await context.sync();
        syncs += 1;
        options.onProgress?.(syncs / totalSyncs);
      };
      const worksheets = workbook.worksheets.load("items/name,items/position");
      const tables = workbook.tables.load("items/name,items/worksheet/name");
      await sync();

      const replaced = new Set(specs.map((s) => s.name.toLowerCase()));
      for (const spec of specs) {
        for (const table of spec.tables) {
          const clash = tables.items.find((t) => t.name.toLowerCase() === table.name.toLowerCase());
          if (clash && !replaced.has(clash.worksheet.name.toLowerCase())) {
            throw new Error(`Table name ${table.name} is already used on sheet ${clash.worksheet.name}`);
          }
        }
      }

      const suspend = (): void => {
        workbook.application.suspendApiCalculationUntilNextSync();
        workbook.application.suspendScreenUpdatingUntilNextSync();
      };
      suspend();

      // Set-up: move each sheet being replaced out of the way, then add its successor at the same
      // position. The old sheets are deleted last, so the workbook never runs out of sheets.
      const taken = new Set(worksheets.items.map((s) => s.name.toLowerCase()));
      const old: Excel.Worksheet[] = [];
      const created = new Map<string, Excel.Worksheet>();
      specs.forEach((spec, i) => {
        const previous = worksheets.items.find((s) => s.name.toLowerCase() === spec.name.toLowerCase());
        if (previous) {
          let temp = `~cd-old-${i}`;
          while (taken.has(temp.toLowerCase())) temp += "~";
          taken.add(temp.toLowerCase());
          previous.name = temp;
          old.push(previous);
        }
        const sheet = workbook.worksheets.add(spec.name);
        if (previous) sheet.position = previous.position;
        created.set(spec.name, sheet);
      });
      const sheetOf = (name: string): Excel.Worksheet => {
        const sheet = created.get(name);
        if (!sheet) throw new Error(`Sheet ${name} is not being written`);
        return sheet;
      };

      for (let g = 0; g < Math.max(1, groups.length); g++) {
        if (g > 0) suspend();
        for (const write of groups[g] ?? []) {
          sheetOf(write.sheet).getRange(rangeAddress(write.rect)).values = write.values;
        }
        if (g === Math.max(1, groups.length) - 1) {
          for (const spec of specs) formatSheet(sheetOf(spec.name), spec, specs, sheetOf);
          for (const sheet of old) sheet.delete();
        }
        await sync();
      }
    });
    return result;
  }

  async select(sheet: string, row: number, column: number): Promise<void> {
    const address = cellAddress(row, column);
    await this.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(address).select();
      await context.sync();
    });
  }
}

/** The value blocks of a sheet: title, info blocks, and each table cut into ≤ budget chunks. */
function valueWrites(spec: SheetSpec, budget: number): ValueWrite[] {
  const writes: ValueWrite[] = [];
  const block = (row: number, column: number, values: CellValue[][]): ValueWrite => {
    const safe = values.map((line) => line.map(toExcelInput));
    return {
      sheet: spec.name,
      rect: { row, column, rowCount: safe.length, columnCount: safe[0].length },
      values: safe,
      bytes: jsonBytes(safe),
    };
  };
  if (spec.title !== undefined) writes.push(block(0, 0, [[spec.title]]));
  for (const info of spec.info ?? []) {
    if (info.lines.length > 0) writes.push(block(info.row, info.column, info.lines.map(([l, v]) => [l, v])));
  }
  for (const table of spec.tables) {
    const g = tableGeometry(table);
    const rows: CellValue[][] = [table.columns.map((c) => c.header), ...table.rows];
    const safeRows = rows.map((line) => line.map(toExcelInput));
    for (const chunk of chunkRows(safeRows.map(rowBytes), budget)) {
      const values = safeRows.slice(chunk.start, chunk.end);
      writes.push({
        sheet: spec.name,
        rect: { row: g.headerRow + chunk.start, column: g.firstColumn, rowCount: values.length, columnCount: g.columnCount },
        values,
        bytes: chunk.bytes,
      });
    }
    if (table.totals && g.totalsRow !== null) writes.push(block(g.totalsRow, g.firstColumn, [table.totals]));
  }
  return writes;
}

/** Rows a column-wide format or rule covers: the data rows (an Excel table always has ≥ 1). */
function dataRect(g: TableGeometry, column: number, withTotals: boolean): CellRect {
  const rows = Math.max(1, g.dataRowCount) + (withTotals && g.totalsRow !== null ? 1 : 0);
  return { row: g.dataRow, column, rowCount: rows, columnCount: 1 };
}

/** Everything after the values: table objects, formats, rules, charts, panes, tab colour. */
function formatSheet(
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  all: readonly SheetSpec[],
  sheetOf: (name: string) => Excel.Worksheet,
): void {
  if (spec.title !== undefined) {
    const title = sheet.getRange("A1");
    title.format.font.bold = true;
    title.format.font.size = 14;
  }
  for (const info of spec.info ?? []) {
    info.lines.forEach(([label], i) => {
      const format = info.formats?.[label];
      if (format) sheet.getRange(cellAddress(info.row + i, info.column + 1)).numberFormat = [[format]];
    });
  }
  for (const table of spec.tables) formatTable(sheet, table);
  for (const chart of spec.charts ?? []) addChart(sheet, chart, spec, all, sheetOf);
  if (spec.freezeRows && spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  if (spec.tabColor) sheet.tabColor = spec.tabColor;
}

function formatTable(sheet: Excel.Worksheet, table: TableSpec): void {
  const g = tableGeometry(table);
  const tableRect = { row: g.headerRow, column: g.firstColumn, rowCount: Math.max(1, g.dataRowCount) + 1, columnCount: g.columnCount };
  const excelTable = sheet.tables.add(rangeAddress(tableRect), true);
  excelTable.name = table.name;
  excelTable.style = table.style ?? DEFAULT_TABLE_STYLE;

  table.columns.forEach((column, i) => {
    const col = g.firstColumn + i;
    const format = numberFormatOf(column);
    // One 1x1 array broadcasts the format over the whole column range: one small request per column.
    if (format !== undefined) sheet.getRange(rangeAddress(dataRect(g, col, true))).numberFormat = [[format]];
    if (column.width !== undefined) {
      sheet.getRange(cellAddress(g.headerRow, col)).format.columnWidth = column.width * POINTS_PER_CHARACTER;
    } else {
      const full = { row: g.headerRow, column: col, rowCount: tableRect.rowCount + (g.totalsRow === null ? 0 : 1), columnCount: 1 };
      sheet.getRange(rangeAddress(full)).format.autofitColumns();
    }
  });
  if (g.totalsRow !== null) {
    sheet.getRange(rangeAddress({ row: g.totalsRow, column: g.firstColumn, rowCount: 1, columnCount: g.columnCount })).format.font.bold = true;
  }
  for (const rule of table.conditionalFormats ?? []) {
    addConditionalFormat(sheet.getRange(rangeAddress(dataRect(g, columnOf(g, rule.column), false))), rule);
  }
  for (const rule of table.validations ?? []) {
    sheet.getRange(rangeAddress(dataRect(g, columnOf(g, rule.column), false))).dataValidation.rule = validationRule(rule);
  }
}

/** A quoted text literal for an Excel formula: "say ""hi""". */
function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function addConditionalFormat(range: Excel.Range, rule: ConditionalFormatSpec): void {
  switch (rule.type) {
    case "textEquals": {
      // Excel's textComparison rule has no "equals" operator (only contains/begins/ends), so an
      // exact match is a cell-value rule comparing with a text literal: ="E".
      const format = range.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = rule.fill;
      if (rule.fontColor) format.cellValue.format.font.color = rule.fontColor;
      format.cellValue.rule = { formula1: `=${formulaText(rule.text)}`, operator: "EqualTo" };
      return;
    }
    case "dataBar": {
      const format = range.conditionalFormats.add("DataBar");
      format.dataBar.positiveFormat.fillColor = rule.color;
      return;
    }
    case "greaterThan": {
      const format = range.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = rule.fill;
      if (rule.fontColor) format.cellValue.format.font.color = rule.fontColor;
      format.cellValue.rule = { formula1: `=${rule.value}`, operator: "GreaterThan" };
      return;
    }
  }
}

function validationRule(rule: ValidationSpec): Excel.DataValidationRule {
  switch (rule.type) {
    case "wholeNumber":
      return { wholeNumber: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "decimal":
      return { decimal: { formula1: rule.min, formula2: rule.max, operator: "Between" } };
    case "date":
      return { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } };
    case "list":
      // The list source is comma-separated: an item holding a comma would split in two.
      return { list: { inCellDropDown: true, source: rule.values.join(",") } };
  }
}

function addChart(
  sheet: Excel.Worksheet,
  chart: ChartSpec,
  spec: SheetSpec,
  all: readonly SheetSpec[],
  sheetOf: (name: string) => Excel.Worksheet,
): void {
  const { sheet: owner, geometry: g } = chartTable(chart, spec, all);
  const source = sheetOf(owner.name);
  const rows = Math.max(1, g.dataRowCount);
  const category = columnOf(g, chart.categoryColumn);
  const series = chart.seriesColumns.map((h) => columnOf(g, h));
  const contiguous = series.every((col, i) => col === category + 1 + i);
  const type = CHART_TYPES[chart.type];
  let excelChart: Excel.Chart;
  if (contiguous) {
    const data = { row: g.headerRow, column: category, rowCount: rows + 1, columnCount: 1 + series.length };
    excelChart = sheet.charts.add(type, source.getRange(rangeAddress(data)), "Columns");
  } else {
    const column = (col: number, withHeader: boolean): Excel.Range =>
      source.getRange(
        rangeAddress({ row: withHeader ? g.headerRow : g.dataRow, column: col, rowCount: withHeader ? rows + 1 : rows, columnCount: 1 }),
      );
    const categories = column(category, false);
    excelChart = sheet.charts.add(type, column(series[0], true), "Columns");
    excelChart.series.getItemAt(0).setXAxisValues(categories);
    chart.seriesColumns.slice(1).forEach((header, i) => {
      const added = excelChart.series.add(header);
      added.setValues(column(series[i + 1], false));
      added.setXAxisValues(categories);
    });
  }
  excelChart.name = chart.name;
  excelChart.title.text = chart.title;
  excelChart.setPosition(cellAddress(chart.anchor.row, chart.anchor.column));
  const size = chart.size ?? DEFAULT_CHART_SIZE;
  excelChart.width = size.widthPt;
  excelChart.height = size.heightPt;
}
