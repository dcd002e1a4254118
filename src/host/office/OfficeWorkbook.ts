import type {
  CellValue,
  ChartSpec,
  ConditionalFormatSpec,
  PrintSpec,
  SheetSpec,
  SourceTable,
  TableSpec,
  ValidationSpec,
  WorkbookPort,
  WorkbookSnapshot,
  WriteOptions,
  WriteResult,
  WrittenSheet,
} from "../WorkbookPort";
import { OUTPUT_MARKER_NAME } from "../WorkbookPort";
import { cellAddress, rangeAddress, type CellRect } from "../address";
import { numberFormatOf } from "../numberFormatOf";
import { jsonBytes, packRows, PAYLOAD_BUDGET_BYTES } from "./payload";
import {
  chartTable, checkSheetSpecs, columnOf, detailColumnGroups, horizontalAlignmentOf, outputGroupStart, tableGeometry, wholeColumns, wholeRows, type TableGeometry,
} from "./sheetLayout";
import { freeTableName, outputIdOf, planWrite, renamedSpec, type SheetMarks } from "../planWrite";
import { toExcelInput } from "./textSafety";

/** Runs one Office.js batch; `Excel.run` in the add-in, a fake in tests. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface OfficeWorkbookOptions {
  run?: ExcelRun;
  /**
   * Date system of the workbook, when the caller knows it (e.g. a `dateSystem` Policy setting).
   * Absent (the default), it is detected on every read: the released requirement sets have no
   * `use1904DateSystem` property, so the adapter asks Excel to evaluate DATE(1904,1,2) through
   * `workbook.functions` (ExcelApi 1.2), which is 1 in the 1904 system and 1463 in the 1900 one.
   * Without ExcelApi 1.2 it falls back to "1900".
   */
  dateSystem?: "1900" | "1904";
  /** Requirement-set check (Office.context.requirements.isSetSupported in the add-in). */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Payload cap per request and per response (default 4 MB). */
  budgetBytes?: number;
}

/** Rows loaded in the metadata batch to estimate the size of every table row. */
export const SAMPLE_ROWS = 64;
/** Margin on the sample's average row for the first chunk: later rows may be longer than the sampled ones (a chunk Excel refuses as over 5 MB is retried smaller). */
export const ROW_SIZE_SAFETY = 1.1;
/** Margin over the measured average row once chunks have been loaded (see readRemainingRows). */
export const MEASURED_ROW_MARGIN = 1.02;
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
  line: "LineMarkers",
} as const satisfies Record<ChartSpec["type"], string>;

/** The hidden sheet-scoped name that marks a sheet being written (a leftover if a run failed). */
export const TEMP_MARKER_NAME = "CreditDesk.Temp";

/** Office's requirement-set check when running inside Office, else "supported" (tests, fakes). */
function officeIsSetSupported(name: string, version: string): boolean {
  if (typeof Office === "undefined" || !Office.context?.requirements) return true;
  return Office.context.requirements.isSetSupported(name, version);
}

/**
 * `Excel.run` for the add-in. With ExcelApi 1.11 (where `RunOptions.delayForCellEdit` arrived),
 * a batch issued while the user edits a cell waits for the edit to end instead of failing.
 */
export const officeRun: ExcelRun = (batch) =>
  officeIsSetSupported("ExcelApi", "1.11") ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch);

const defaultRun: ExcelRun = officeRun;

/** A sheet with its markers, as the first two syncs of a read or a write see it. */
interface SheetInfo extends SheetMarks {
  sheet: Excel.Worksheet;
  visibility: string;
}

/** The value of a marker name: its text (Excel computes ="Summary" to Summary). */
function markerText(value: unknown): string {
  const text = String(value ?? "");
  const quoted = /^="((?:[^"]|"")*)"$/.exec(text);
  return quoted ? quoted[1].replace(/""/g, '"') : text;
}

/**
 * The sheets (name, visibility, position) after one sync, with their defined names queued
 * (Worksheet.names, ExcelApi 1.4): `output` and `isTemp` are readable after the next sync.
 */
async function loadSheetInfos(context: Excel.RequestContext): Promise<SheetInfo[] & { requeueNames(): void }> {
  const worksheets = context.workbook.worksheets.load("items/name,items/visibility,items/position");
  await context.sync();
  const queueNames = (): Excel.NamedItemCollection[] => worksheets.items.map((sheet) => sheet.names.load("items/name,items/value"));
  let names = queueNames();
  const infos = worksheets.items.map((sheet, i) => ({
    sheet,
    get name() {
      return sheet.name;
    },
    get visibility() {
      return String(sheet.visibility);
    },
    get output() {
      const mark = names[i].items.find((n) => n.name.toLowerCase() === OUTPUT_MARKER_NAME.toLowerCase());
      return mark ? markerText(mark.value) : undefined;
    },
    get isTemp() {
      return names[i].items.some((n) => n.name.toLowerCase() === TEMP_MARKER_NAME.toLowerCase());
    },
  }));
  // After a refused sync nothing it loaded is readable: the names are asked again with the retry.
  return Object.assign(infos, { requeueNames: () => void (names = queueNames()) });
}

const VISIBILITY = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" } as const;
function visibilityOf(value: string): "visible" | "hidden" | "veryHidden" {
  return value === "Hidden" || value === "VeryHidden" ? VISIBILITY[value] : "visible";
}

/** Add a hidden sheet-scoped name whose value is a text, e.g. CreditDesk.Output → ="Summary". */
function addMarker(sheet: Excel.Worksheet, name: string, text: string): Excel.NamedItem {
  const item = sheet.names.add(name, `="${text.replace(/"/g, '""')}"`);
  item.visible = false;
  return item;
}


/** One block read from the workbook: a table body or a table-less sheet's used range. */
interface ReadSource {
  table: SourceTable;
  sheet: Excel.Worksheet;
  /** Sheet rectangle of the rows still to load after the sample. */
  firstRow: number;
  firstColumn: number;
  columnCount: number;
  remaining: number;
  /** Estimated JSON bytes per row of the chunks still to load. */
  bytesPerRow: number;
  /** Rows loaded after the sample, and their measured JSON bytes: the estimate follows their average. */
  loadedRows: number;
  loadedBytes: number;
  /** Set when Excel refused a chunk as too large: the estimate never goes below it again. */
  floorBytesPerRow: number;
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

/** Rows [start, end) of a block still to load (indexes after the sample). */
interface RowSlice {
  source: ReadSource;
  start: number;
  end: number;
}

/**
 * Take slices off the front of the queue while their estimated size fits the budget, splitting
 * the slice that crosses it (at least one row is always taken). Order is kept: a block's rows
 * arrive in sheet order.
 */
function takeWithinBudget(queue: RowSlice[], budget: number): RowSlice[] {
  const group: RowSlice[] = [];
  let left = budget;
  while (queue.length > 0) {
    const slice = queue[0];
    const perRow = Math.max(1, slice.source.bytesPerRow);
    const fit = Math.max(group.length === 0 ? 1 : 0, Math.floor(left / perRow));
    if (fit === 0) break;
    const rows = slice.end - slice.start;
    if (fit < rows) {
      group.push({ source: slice.source, start: slice.start, end: slice.start + fit });
      slice.start += fit;
      break;
    }
    group.push(slice);
    queue.shift();
    left -= rows * perRow;
  }
  return group;
}

/**
 * Whether a failed sync was Excel refusing a request or a response over its payload limit
 * (Excel.ErrorCodes requestPayloadSizeLimitExceeded / responsePayloadSizeLimitExceeded).
 */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : "";
  const message = error instanceof Error ? error.message : "";
  return /PayloadSizeLimitExceeded/i.test(code) || /PayloadSizeLimitExceeded/i.test(message);
}

/**
 * WorkbookPort over Office.js: the only code in Credit Desk that calls `Excel.run`.
 *
 * Every operation is one `Excel.run` with a constant number of `context.sync()` calls, plus one
 * per 4 MB of payload: reading takes 2 metadata syncs (sheets, tables and the date-system probe;
 * then each sheet's markers and the ranges with a 64-row sample) and one sync per group of value
 * chunks; writing takes 2 syncs to learn the sheets, tables and markers, and one per 4 MB group
 * of values (formats, tables, charts and the swap ride in the last one). A failed write costs one
 * more `Excel.run` (clean-up, 2 syncs). updateTableRows takes 1 sync plus one per 4 MB of rows.
 *
 * Output sheets carry a hidden sheet-scoped name (OUTPUT_MARKER_NAME, see WorkbookPort), so a
 * user's sheet called "Summary" is never replaced; sheets under construction carry
 * TEMP_MARKER_NAME until the swap, so a leftover of a failed run is recognised and removed.
 *
 * Requirement sets used (from @types/office-js): ExcelApi 1.1 (worksheets add/delete/name/
 * position/visibility, tables add/name/rows.add/rows.getItemAt().delete, ranges, chart
 * setPosition, NamedItem.visible/value, RangeFormat.wrapText/horizontalAlignment), 1.2
 * (workbook.functions for the date probe, autofitColumns, autofitRows), 1.4 (Worksheet.names,
 * NamedItemCollection.add, NamedItem.delete), 1.6 (conditional formats,
 * suspendApiCalculationUntilNextSync), 1.7 (series setXAxisValues, freezeRows/freezeColumns/
 * freezeAt, tabColor), 1.8 (data validation), 1.9 (suspendScreenUpdatingUntilNextSync, pageLayout:
 * orientation, zoom, print titles, headersFooters); Range.group/hideGroupDetails (the detail
 * columns' outline group), used only where ExcelApi 1.10 is supported (else Range.columnHidden,
 * 1.2); and RunOptions.delayForCellEdit, used only where ExcelApi 1.11 is supported (officeRun).
 */
export class OfficeWorkbook implements WorkbookPort {
  private readonly run: ExcelRun;
  private readonly dateSystem: "1900" | "1904" | undefined;
  private readonly budget: number;
  private readonly isSetSupported: (name: string, version: string) => boolean;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? defaultRun;
    this.dateSystem = options.dateSystem;
    this.budget = options.budgetBytes ?? PAYLOAD_BUDGET_BYTES;
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.run(async (context) => {
      const workbook = context.workbook;
      const tables = workbook.tables.load("items/name,items/worksheet/name");
      // DATE(1904,1,2) is serial 1 in the 1904 date system and 1463 in the 1900 one.
      const probe = this.dateSystem === undefined && this.isSetSupported("ExcelApi", "1.2")
        ? workbook.functions.date(1904, 1, 2).load("value")
        : undefined;
      const infos = await loadSheetInfos(context);

      const sheetNames = infos.map((s) => s.name);
      const withTables = new Set(tables.items.map((t) => t.worksheet.name));
      // The metadata sync samples the first rows of every block to size the chunks that follow.
      // Its response has no size known in advance (many tables, wide rows, long text): when Excel
      // refuses it as over 5 MB, the metadata is asked again without the sample, and the chunked
      // reads below size themselves from what they measure.
      let pending = this.queueBlocks(tables.items, infos, withTables, SAMPLE_ROWS);
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error)) throw error;
        infos.requeueNames();
        pending = this.queueBlocks(tables.items, infos, withTables, 0);
        await context.sync();
      }

      // Sheets of an unfinished write (a failed run's leftovers) are not part of the workbook's content.
      const temp = new Set(infos.filter((s) => s.isTemp).map((s) => s.name));
      const sources = pending
        .map((make) => make())
        .filter((s): s is ReadSource => s !== undefined && !temp.has(s.table.sheet));
      await this.readRemainingRows(context, sources);
      for (const { table } of sources) {
        // An Excel table keeps one blank body row when it has no data; trailing blank rows are not data.
        if (table.kind === "table") {
          while (table.rows.length > 0 && table.rows[table.rows.length - 1].every((v) => v === null)) table.rows.pop();
        }
      }
      const probed = probe && typeof probe.value === "number" && probe.value < 1462 ? "1904" : "1900";
      return {
        sheets: sheetNames.filter((name) => !temp.has(name)),
        tables: sources.map((s) => s.table),
        dateSystem: this.dateSystem ?? probed,
        outputSheets: infos.filter((s) => !s.isTemp && s.output !== undefined).map((s) => ({ sheet: s.name, output: s.output ?? "" })),
      };
    });
  }

  /**
   * Queue the metadata of every block (an Excel table's header and body, or a table-less sheet's
   * used range) and, with `sampleRows` > 0, its first data rows. Each returned function builds the
   * block's ReadSource after the sync (undefined for a blank sheet).
   */
  private queueBlocks(
    tables: Excel.Table[],
    infos: SheetInfo[],
    withTables: Set<string>,
    sampleRows: number,
  ): (() => ReadSource | undefined)[] {
    const infoOf = new Map(infos.map((s) => [s.name, s]));
    const pending: (() => ReadSource | undefined)[] = [];
    for (const table of tables) {
      const header = table.getHeaderRowRange().load("values,rowIndex,columnIndex,columnCount");
      const body = table.getDataBodyRange().load("rowCount,rowIndex,columnIndex,columnCount");
      const sample = sampleRows > 0 ? body.getIntersection(body.getRow(0).getResizedRange(sampleRows - 1, 0)).load("values") : undefined;
      pending.push(() => {
        const source: SourceTable = {
          name: table.name,
          sheet: table.worksheet.name,
          kind: "table",
          headerRow: header.rowIndex,
          firstColumn: header.columnIndex,
          headers: (header.values[0] ?? []).map((v) => (v === null || v === undefined ? "" : String(v))),
          rows: sample ? toCellRows(sample.values) : [],
          sheetVisibility: visibilityOf(infoOf.get(table.worksheet.name)?.visibility ?? "Visible"),
        };
        return this.readSource(source, table.worksheet, body.rowIndex, body.columnCount, body.rowCount);
      });
    }
    for (const info of infos) {
      const sheet = info.sheet;
      if (withTables.has(sheet.name)) continue;
      const used = sheet.getUsedRange(true).load("rowCount,rowIndex,columnIndex,columnCount");
      // Without a sample, the header row alone (it is needed to know the block is not blank).
      const sample = used.getIntersection(used.getRow(0).getResizedRange(sampleRows, 0)).load("values");
      pending.push(() => {
        const [head, ...rows] = toCellRows(sample.values);
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
          sheetVisibility: visibilityOf(info.visibility),
        };
        return this.readSource(source, sheet, used.rowIndex + 1, used.columnCount, used.rowCount - 1);
      });
    }
    return pending;
  }

  /**
   * Load the rows after the sample, in syncs of at most `budget` estimated bytes. The first
   * chunk's estimate per row is the sample's average row (× ROW_SIZE_SAFETY); after it, the
   * average of the rows loaded so far × MEASURED_ROW_MARGIN, so that the syncs carry close to
   * 4 MB each (one sync per 4 MB read, issue 19 §4) rather than the longest row's share. Excel's
   * limit is 5 MB, 25 % above the budget: a sync it refuses (rows much longer than those seen
   * so far) is retried with the estimate of its blocks doubled, which then stays the floor, in
   * smaller chunks, down to one row a sync.
   */
  private async readRemainingRows(context: Excel.RequestContext, sources: ReadSource[]): Promise<void> {
    const queue: RowSlice[] = sources.filter((s) => s.remaining > 0).map((source) => ({ source, start: 0, end: source.remaining }));
    while (queue.length > 0) {
      const group = takeWithinBudget(queue, this.budget);
      const loads = group.map((slice) => ({
        slice,
        range: slice.source.sheet.getRange(rangeAddress({
          row: slice.source.firstRow + slice.start,
          column: slice.source.firstColumn,
          rowCount: slice.end - slice.start,
          columnCount: slice.source.columnCount,
        })).load("values"),
      }));
      try {
        await context.sync();
      } catch (error) {
        if (!isPayloadTooLarge(error)) throw error;
        const rows = group.reduce((n, s) => n + s.end - s.start, 0);
        if (rows <= 1) throw new Error(`Table ${group[0].source.table.name}: one row is larger than Excel can return in one response (5 MB)`);
        for (const slice of group) {
          slice.source.bytesPerRow *= 2;
          slice.source.floorBytesPerRow = slice.source.bytesPerRow;
        }
        queue.unshift(...group);
        continue;
      }
      for (const { slice, range } of loads) {
        const values = toCellRows(range.values);
        for (const row of values) slice.source.table.rows.push(row);
        const source = slice.source;
        source.loadedRows += values.length;
        // Measured as Excel sends them (blanks as "", before toCellRows makes them null).
        source.loadedBytes += jsonBytes(range.values) + 1;
        const average = source.loadedBytes / Math.max(1, source.loadedRows);
        source.bytesPerRow = Math.max(source.floorBytesPerRow, Math.ceil(average * MEASURED_ROW_MARGIN));
      }
    }
  }

  /**
   * Book-keeping for one block after the metadata sync: the sampled rows are already in
   * `table.rows`; the rest (`dataRows` minus the sample) will be loaded in chunks sized from the
   * sample's average row.
   */
  private readSource(
    table: SourceTable,
    sheet: Excel.Worksheet,
    dataRow: number,
    columnCount: number,
    dataRows: number,
  ): ReadSource {
    const sampledRows = table.rows.length;
    const sampled = table.rows.reduce((sum, row) => sum + rowBytes(row), 0);
    const measured = sampled > 0 ? sampled / table.rows.length : columnCount * FALLBACK_CELL_BYTES;
    return {
      table,
      sheet,
      firstRow: dataRow + sampledRows,
      firstColumn: table.firstColumn,
      columnCount,
      remaining: Math.max(0, dataRows - sampledRows),
      bytesPerRow: Math.ceil(measured * ROW_SIZE_SAFETY),
      loadedRows: 0,
      loadedBytes: 0,
      floorBytesPerRow: 0,
    };
  }

  async updateTableRows(tableName: string, rows: CellValue[][]): Promise<void> {
    await this.run(async (context) => {
      const table = context.workbook.tables.getItem(tableName);
      const body = table.getDataBodyRange().load("rowIndex,columnIndex,rowCount,columnCount");
      const sheet = table.worksheet;
      await context.sync();

      const width = body.columnCount;
      rows.forEach((row, i) => {
        if (row.length !== width) throw new Error(`Table ${tableName}: row ${i} has ${row.length} cells, expected ${width}`);
      });
      // An Excel table keeps one body row: an empty update leaves one blank row.
      const target = rows.length === 0 ? [Array<CellValue>(width).fill("")] : rows.map((row) => row.map((v) => (v === null ? "" : toExcelInput(v))));
      if (target.length > body.rowCount) {
        const blank = Array.from({ length: target.length - body.rowCount }, () => Array<string>(width).fill(""));
        table.rows.add(undefined, blank);
      }
      for (let i = body.rowCount - 1; i >= target.length; i--) table.rows.getItemAt(i).delete();
      for (const group of packRows([target.map(rowBytes)], this.budget)) {
        for (const chunk of group) {
          const rect = { row: body.rowIndex + chunk.start, column: body.columnIndex, rowCount: chunk.end - chunk.start, columnCount: width };
          sheet.getRange(rangeAddress(rect)).values = target.slice(chunk.start, chunk.end);
        }
        await context.sync();
      }
    });
  }

  async writeSheets(specs: SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    checkSheetSpecs(specs);
    if (specs.length === 0) return { sheets: [] };
    // Everything but the table rows (formats, rules, charts, info blocks) rides along with the
    // value chunks; its size is bounded by the specs without their rows.
    const overhead = Math.min(
      Math.floor(this.budget / 2),
      2 * jsonBytes(specs.map((s) => ({ ...s, tables: s.tables.map((t) => ({ ...t, rows: [] })) }))),
    );
    const chunkBudget = this.budget - overhead;
    let written: WrittenSheet[] = [];
    const swap: SwapState = { started: false, sheets: [] };
    try {
      written = await this.run((context) => this.writeBatch(context, specs, chunkBudget, options, swap));
    } catch (error) {
      await this.run((context) => finishFailedWrite(context, swap)).catch(() => undefined); // the next write removes leftovers if this fails too
      throw error;
    }
    return { sheets: written };
  }

  /**
   * One write (WorkbookPort.writeSheets) as one Excel.run: 2 syncs to learn the sheets, their
   * markers and the tables; then the new sheets are built under temporary names (marked with
   * TEMP_MARKER_NAME, tables under temporary names), one sync per ≤ budget group of values, and
   * the last sync swaps them in after the formats: the replaced sheets are deleted, the new ones
   * renamed to their final names (tables too), unmarked as temporary and moved where the old ones
   * were. A failure before the swap leaves the old outputs; the caller deletes the temporary
   * sheets. Leftovers of an earlier failed run are deleted first.
   */
  private async writeBatch(
    context: Excel.RequestContext,
    specs: readonly SheetSpec[],
    chunkBudget: number,
    options: WriteOptions,
    swap: SwapState,
  ): Promise<WrittenSheet[]> {
    const workbook = context.workbook;
    const tables = workbook.tables.load("items/name,items/worksheet/name");
    // The sheet the user is on: when it is an output being replaced, its successor is shown in its
    // place (Excel would otherwise show a neighbour once the old one is deleted).
    const active = workbook.worksheets.getActiveWorksheet().load("name");
    const infos = await loadSheetInfos(context);
    options.onProgress?.(0);
    await context.sync();

    const plans = planWrite(specs, infos, tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name })));
    const renamed = plans.map((plan) => renamedSpec(plan, plans));
    const groups = valueGroups(renamed, chunkBudget);
    const groupCount = Math.max(1, groups.length);
    const totalSyncs = 2 + groupCount;
    let syncs = 2;
    const sync = async (): Promise<void> => {
      await context.sync();
      syncs += 1;
      options.onProgress?.(syncs / totalSyncs);
    };
    options.onProgress?.(syncs / totalSyncs);

    // Calculation is suspended while values go to the temporary sheets, which no formula reads yet.
    // The last batch (formats, then the swap that gives the sheets their final names, where the
    // user's formulas find them) runs with calculation on: a suspended batch would leave those
    // formulas for the add-in to recalculate ("it is the developer's responsibility to re-calc").
    // Screen updating is suspended once, for that last batch, where the visible change happens;
    // suspending it at every chunk makes the window flicker.
    const isLast = (g: number): boolean => g === groupCount - 1;
    const suspendFor = (g: number): void => {
      if (isLast(g)) workbook.application.suspendScreenUpdatingUntilNextSync();
      else workbook.application.suspendApiCalculationUntilNextSync();
    };
    suspendFor(0);
    for (const info of infos) if (info.isTemp) info.sheet.delete();

    // Temporary table names: unique in the workbook while the old outputs still hold the final ones.
    const takenTables = new Set(tables.items.map((t) => t.name.toLowerCase()));
    const tempTables = new Map<string, string>();
    renamed.forEach((spec, i) =>
      spec.tables.forEach((t, j) => {
        const name = freeTableName(`CreditDeskTmp${i}x${j}`, takenTables);
        takenTables.add(name.toLowerCase());
        tempTables.set(t.name, name);
      }),
    );
    const created = new Map<string, { sheet: Excel.Worksheet; temp: Excel.NamedItem; tables: Map<string, Excel.Table> }>();
    for (const [i, plan] of plans.entries()) {
      const sheet = workbook.worksheets.add(plan.temp);
      const temp = addMarker(sheet, TEMP_MARKER_NAME, plan.spec.name);
      if (plan.spec.role !== "input") addMarker(sheet, OUTPUT_MARKER_NAME, outputIdOf(plan.spec));
      created.set(renamed[i].name, { sheet, temp, tables: new Map() });
    }
    const entryOf = (name: string): { sheet: Excel.Worksheet; temp: Excel.NamedItem; tables: Map<string, Excel.Table> } => {
      const entry = created.get(name);
      if (!entry) throw new Error(`Sheet ${name} is not being written`);
      return entry;
    };
    const sheetOf = (name: string): Excel.Worksheet => entryOf(name).sheet;

    for (let g = 0; g < groupCount; g++) {
      if (g > 0) suspendFor(g);
      for (const write of groups[g] ?? []) {
        sheetOf(write.sheet).getRange(rangeAddress(write.rect)).values = write.values;
      }
      if (g === groupCount - 1) {
        for (const spec of renamed) {
          const entry = entryOf(spec.name);
          formatSheet(entry.sheet, spec, renamed, sheetOf, (rect, name) => {
            // A Range, not an address text: the sheet is renamed in this same batch.
            const excelTable = entry.sheet.tables.add(entry.sheet.getRange(rangeAddress(rect)), true);
            excelTable.name = tempTables.get(name) ?? name;
            entry.tables.set(name, excelTable);
            return excelTable;
          }, this.isSetSupported);
        }
        // The swap: old outputs out, new sheets under their final names, where the old ones were.
        swap.started = true;
        swap.sheets = plans.map((plan) => ({
          temp: plan.temp,
          final: plan.final,
          old: plan.old?.name,
          tables: [...plan.tableNames.values()].map((name) => ({ temp: tempTables.get(name) ?? name, final: name })),
        }));
        for (const plan of plans) plan.old?.sheet.delete();
        // The outputs go, in the order given, as one group of tabs where the first one they replace
        // was (else after every sheet); new input sheets stay at the end, in the order given.
        const replaced = new Set(plans.flatMap((plan) => (plan.old ? [plan.old.name.toLowerCase()] : [])));
        let position = outputGroupStart(infos.filter((info) => !info.isTemp).map((info) => info.name), replaced);
        let shown: Excel.Worksheet | undefined;
        plans.forEach((plan, i) => {
          const entry = entryOf(renamed[i].name);
          entry.sheet.name = plan.final;
          for (const [name, table] of entry.tables) table.name = name;
          entry.temp.delete();
          if (plan.spec.role !== "input") entry.sheet.position = position++;
          if (options.activate === plan.spec.name) shown = entry.sheet;
          else if (plan.old !== undefined && plan.old.name === active.name) shown ??= entry.sheet;
        });
        shown?.activate();
      }
      await sync();
    }
    return plans.map((plan) => ({ requested: plan.spec.name, written: plan.final }));
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
/** A block of values to write: a title, an info block, a table's header and rows, its totals. */
interface ValueBlock {
  sheet: string;
  row: number;
  column: number;
  columnCount: number;
  values: CellValue[][];
  rowBytes: number[];
}

/** The value blocks of a sheet, made safe to write (text that starts with = + - @ stays text). */
function valueBlocks(spec: SheetSpec): ValueBlock[] {
  const blocks: ValueBlock[] = [];
  const block = (row: number, column: number, values: CellValue[][], columnCount = values[0].length): void => {
    const safe = values.map((line) => line.map(toExcelInput));
    blocks.push({ sheet: spec.name, row, column, columnCount, values: safe, rowBytes: safe.map(rowBytes) });
  };
  if (spec.title !== undefined) block(0, 0, [[spec.title]]);
  for (const info of spec.info ?? []) {
    if (info.lines.length > 0) block(info.row, info.column, info.lines.map(([l, v]) => [l, v]));
  }
  for (const table of spec.tables) {
    const g = tableGeometry(table);
    block(g.headerRow, g.firstColumn, [table.columns.map((c) => c.header), ...table.rows], g.columnCount);
    if (table.totals && g.totalsRow !== null) block(g.totalsRow, g.firstColumn, [table.totals]);
  }
  return blocks;
}

/** The value writes of the sheets in groups of at most `budget` bytes, one sync each (packRows). */
function valueGroups(specs: readonly SheetSpec[], budget: number): ValueWrite[][] {
  const blocks = specs.flatMap(valueBlocks);
  return packRows(blocks.map((b) => b.rowBytes), budget).map((group) =>
    group.map(({ block, start, end, bytes }) => {
      const b = blocks[block];
      return {
        sheet: b.sheet,
        rect: { row: b.row + start, column: b.column, rowCount: end - start, columnCount: b.columnCount },
        values: b.values.slice(start, end),
        bytes,
      };
    }),
  );
}

/** Rows a column-wide format or rule covers: the data rows (an Excel table always has ≥ 1). */
function dataRect(g: TableGeometry, column: number, withTotals: boolean): CellRect {
  const rows = Math.max(1, g.dataRowCount) + (withTotals && g.totalsRow !== null ? 1 : 0);
  return { row: g.dataRow, column, rowCount: rows, columnCount: 1 };
}

/** What a failed write's clean-up needs to know: whether the swap had started, and its sheets. */
interface SwapState {
  started: boolean;
  sheets: { temp: string; final: string; old?: string; tables: { temp: string; final: string }[] }[];
}

/**
 * After a failed write (a second Excel.run): if the swap had deleted every replaced sheet, the new
 * sheets are complete, so it is finished (renamed, unmarked as temporary); otherwise every sheet
 * still marked as temporary is deleted and the old outputs stay. Either way no temporary sheet is
 * left and the outputs are all old or all new.
 */
async function finishFailedWrite(context: Excel.RequestContext, swap: SwapState): Promise<void> {
  const tables = context.workbook.tables.load("items/name");
  const infos = await loadSheetInfos(context);
  await context.sync();
  const exists = (name: string): boolean => infos.some((i) => !i.isTemp && i.name.toLowerCase() === name.toLowerCase());
  // Every delete of the swap precedes every rename: once one new sheet lost its temp marker (or no
  // replaced sheet is left), all the old outputs are gone and the new ones are complete.
  const pending = infos.filter((i) => i.isTemp && swap.sheets.some((s) => s.temp === i.name)).length;
  const rollForward = swap.started && (pending < swap.sheets.length || swap.sheets.every((s) => s.old === undefined || !exists(s.old)));
  for (const info of infos) {
    if (!info.isTemp) continue;
    const planned = rollForward ? swap.sheets.find((s) => s.temp === info.name) : undefined;
    if (!planned || exists(planned.final)) {
      info.sheet.delete();
      continue;
    }
    info.sheet.name = planned.final;
    for (const t of planned.tables) {
      const table = tables.items.find((x) => x.name === t.temp);
      if (table) table.name = t.final;
    }
    info.sheet.names.getItem(TEMP_MARKER_NAME).delete();
  }
  await context.sync();
}

/** Creates the Excel table over a rectangle (under a temporary name until the swap). */
type AddTable = (rect: CellRect, name: string) => Excel.Table;

/** Everything after the values: table objects, formats, rules, charts, panes, tab colour. */
function formatSheet(
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  all: readonly SheetSpec[],
  sheetOf: (name: string) => Excel.Worksheet,
  addTable: AddTable,
  isSetSupported: (name: string, version: string) => boolean,
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
  // Detail columns (ColumnSpec.detail): an outline group of columns, collapsed, one click from
  // view (ExcelApi 1.10, above the manifest's 1.9). Without 1.10 they are hidden (ExcelApi 1.2):
  // the sheet still prints one readable page wide, and Unhide shows them. Hidden before the tables
  // are formatted, so that their rows autofit to the columns shown.
  const groups = detailColumnGroups(spec);
  if (isSetSupported("ExcelApi", "1.10")) {
    for (const group of groups) {
      const columns = sheet.getRange(rangeAddress({ row: group.rows[0], column: group.first, rowCount: group.rows[1] - group.rows[0] + 1, columnCount: group.last - group.first + 1 }));
      columns.group("ByColumns");
      columns.hideGroupDetails("ByColumns");
    }
  } else {
    for (const group of groups) {
      sheet.getRange(rangeAddress({ row: group.rows[0], column: group.first, rowCount: group.rows[1] - group.rows[0] + 1, columnCount: group.last - group.first + 1 })).columnHidden = true;
    }
  }
  for (const table of spec.tables) formatTable(sheet, table, addTable);
  for (const chart of spec.charts ?? []) addChart(sheet, chart, spec, all, sheetOf);
  const rows = spec.freezeRows ?? 0;
  const columns = spec.freezeColumns ?? 0;
  // Rows and columns together (ID and Name beside the header rows) are one frozen top-left block.
  if (rows > 0 && columns > 0) sheet.freezePanes.freezeAt(sheet.getRange(rangeAddress({ row: 0, column: 0, rowCount: rows, columnCount: columns })));
  else if (rows > 0) sheet.freezePanes.freezeRows(rows);
  else if (columns > 0) sheet.freezePanes.freezeColumns(columns);
  if (spec.print) setUpPrinting(sheet, spec.print);
  if (spec.tabColor) sheet.tabColor = spec.tabColor;
}

/**
 * Page Layout (ExcelApi 1.9): orientation, fit to pages (wide; tall 0 = as many as it takes, as in
 * the file format's fitToHeight), print titles, and the header and footer of every page. Both fit
 * values are set together: office-js#1860 saw a lone horizontalFitToPages ignored.
 */
function setUpPrinting(sheet: Excel.Worksheet, print: PrintSpec): void {
  const layout = sheet.pageLayout;
  layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: print.fitToPagesTall ?? 0 };
  if (print.titleRows) layout.setPrintTitleRows(wholeRows(print.titleRows));
  if (print.titleColumns) layout.setPrintTitleColumns(wholeColumns(print.titleColumns));
  const page = layout.headersFooters.defaultForAllPages;
  if (print.header?.left !== undefined) page.leftHeader = print.header.left;
  if (print.header?.center !== undefined) page.centerHeader = print.header.center;
  if (print.header?.right !== undefined) page.rightHeader = print.header.right;
  if (print.footer?.left !== undefined) page.leftFooter = print.footer.left;
  if (print.footer?.center !== undefined) page.centerFooter = print.footer.center;
  if (print.footer?.right !== undefined) page.rightFooter = print.footer.right;
}

function formatTable(sheet: Excel.Worksheet, table: TableSpec, addTable: AddTable): void {
  const g = tableGeometry(table);
  const tableRect = { row: g.headerRow, column: g.firstColumn, rowCount: Math.max(1, g.dataRowCount) + 1, columnCount: g.columnCount };
  const excelTable = addTable(tableRect, table.name);
  excelTable.style = table.style ?? DEFAULT_TABLE_STYLE;

  table.columns.forEach((column, i) => {
    const col = g.firstColumn + i;
    const format = numberFormatOf(column);
    // One 1x1 array broadcasts the format over the whole column range: one small request per column.
    if (format !== undefined) sheet.getRange(rangeAddress(dataRect(g, col, true))).numberFormat = [[format]];
    const full = { row: g.headerRow, column: col, rowCount: tableRect.rowCount + (g.totalsRow === null ? 0 : 1), columnCount: 1 };
    if (column.width !== undefined) {
      sheet.getRange(cellAddress(g.headerRow, col)).format.columnWidth = column.width * POINTS_PER_CHARACTER;
    } else {
      sheet.getRange(rangeAddress(full)).format.autofitColumns();
    }
    // Header and cells: aligned as the column says (numbers right), long text wrapped.
    const cells = sheet.getRange(rangeAddress(full)).format;
    cells.horizontalAlignment = horizontalAlignmentOf(column);
    if (column.wrap) cells.wrapText = true;
  });
  if (table.columns.some((c) => c.wrap)) {
    // Wrapped rows grow to show their lines (ExcelApi 1.2).
    const rows = { row: g.headerRow, column: g.firstColumn, rowCount: tableRect.rowCount + (g.totalsRow === null ? 0 : 1), columnCount: g.columnCount };
    sheet.getRange(rangeAddress(rows)).format.autofitRows();
  }
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
