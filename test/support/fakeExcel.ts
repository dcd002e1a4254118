/**
 * A hand-written fake of the slice of the Excel JavaScript object model that the Office adapter
 * uses, with the batching rules that matter for performance and correctness:
 * - loaded properties (`values`, `rowCount`, collection `items`, ...) can only be read after the
 *   `context.sync()` that follows the `load()` (reading earlier throws, like PropertyNotLoaded);
 * - writes are applied in order as they are queued (Excel runs a batch in order);
 * - every sync records its request bytes (JSON size of everything queued since the previous sync)
 *   and response bytes (JSON size of everything loaded by it);
 * - strings written through `Range.values` are parsed like typed input: a leading apostrophe
 *   stores text (quote prefix), "=..." / "+..." / "-..." / "@..." become formulas, numeric text
 *   becomes a number, TRUE/FALSE a boolean; `null` leaves a cell unchanged, "" clears it;
 * - it is as strict as Excel where Credit Desk was bitten (issue 13): a table name is unique in the
 *   whole workbook (a duplicate throws InvalidArgument), a request or a response over 5 MB is
 *   refused with Excel's error code (and a refused sync loads nothing), a range read over 5 million
 *   cells is refused, and a cell formula that points at another sheet (`=Policy!B2`) follows that sheet
 *   when it is renamed and becomes `#REF!` when it is deleted;
 * - defined names (workbook and sheet scope: add, visible, formula/value, delete) are modelled;
 * - a batch that fails keeps the operations queued before the failure (Excel has no rollback):
 *   `failAt` makes the Nth sync, or a structural operation (an event matching a pattern), throw.
 *
 * `createFakeExcel()` returns `{ run, stats, workbook, seedTable, sheet }`; `run` has the shape of
 * `Excel.run` and is what OfficeWorkbook takes as its injectable runner. The benchmark reuses it.
 */
import type { SeedTable } from "../../src/host/memory/MemoryWorkbook";
import type { CellValue } from "../../src/host/WorkbookPort";
import { parseRangeAddress, rangeAddress, MAX_COLUMNS, MAX_ROWS, type CellRect } from "../../src/host/address";
import { jsonBytes } from "../../src/host/office/payload";

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
}

export interface FakeStats {
  syncs: number;
  /** Largest request (everything queued between two syncs), in bytes. */
  maxRequestBytes: number;
  /** Largest response (everything loaded by one sync), in bytes. */
  maxResponseBytes: number;
  /** Request plus response bytes over all syncs. */
  totalBytes: number;
  perSync: SyncRecord[];
  runs: number;
  calculationSuspensions: number;
  /** tables.add calls given an address text rather than a Range. */
  tablesAddedByAddressText: number;
  /** Syncs Excel refused (request or response over 5 MB, range read over 5 million cells). */
  refusedSyncs: number;
  screenUpdatingSuspensions: number;
}

export interface FakeCell {
  value: CellValue;
  formula?: string;
  quotePrefix: boolean;
  numberFormat: string;
}

export interface FakeConditionalFormatState {
  rect: CellRect;
  type: string;
  rule?: unknown;
  fill?: string;
  fontColor?: string;
  barColor?: string;
}

export interface FakeSeriesState {
  name: string;
  values?: string;
  xAxisValues?: string;
}

export interface FakeChartState {
  type: string;
  source: string;
  seriesBy?: string;
  name: string;
  title: string;
  width: number;
  height: number;
  position?: string;
  series: FakeSeriesState[];
}

export interface FakeTableState {
  name: string;
  sheet: FakeSheetState;
  rect: CellRect;
  style: string;
}

export interface FakeNameState {
  name: string;
  /** The sheet of a sheet-scoped name, null for a workbook-scoped one. */
  sheet: FakeSheetState | null;
  formula: string;
  visible: boolean;
}

export interface FakeSheetState {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  grid: CellValue[][];
  formulas: Map<string, string>;
  quotePrefix: Set<string>;
  /** Number formats in order of assignment; the last rectangle covering a cell wins. */
  formatRects: { rect: CellRect; format: string }[];
  columnWidths: Map<number, number>;
  autofitColumns: Set<number>;
  boldRects: CellRect[];
  conditionalFormats: FakeConditionalFormatState[];
  validations: { rect: CellRect; rule: unknown }[];
  charts: FakeChartState[];
  frozenRows: number;
  /** Frozen columns (freezeColumns, or the columns of a freezeAt block). */
  frozenColumns: number;
  /** Horizontal alignment and wrap of rectangles, in order of assignment (the last one wins). */
  alignRects: { rect: CellRect; align: string }[];
  wrapRects: { rect: CellRect; wrap: boolean }[];
  /** Rectangles whose rows were autofitted (RangeFormat.autofitRows). */
  autofitRows: CellRect[];
  /** Outline level of each grouped column (Range.group "ByColumns", ExcelApi 1.10); absent = 0. */
  columnOutline: Map<number, number>;
  /** Hidden columns (Range.columnHidden, or the detail of a column group hidden by Range.hideGroupDetails). */
  hiddenColumns: Set<number>;
  /** Page Layout (ExcelApi 1.9), as set through Worksheet.pageLayout. */
  pageLayout: FakePageLayoutState;
  tabColor: string;
  /** Number of `values` assignments (to prove sheets not listed are never written). */
  valueWrites: number;
}

export interface FakePageLayoutState {
  orientation: "Portrait" | "Landscape";
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Whole-row and whole-column addresses ("$9:$9", "$A:$B"), or null. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** The header and footer of every page (headersFooters.defaultForAllPages). */
  headerFooter: Record<"leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter", string>;
}

export interface FakeWorkbookState {
  sheets: FakeSheetState[];
  tables: FakeTableState[];
  names: FakeNameState[];
  /** Whether the workbook uses the 1904 date system (Excel for Mac legacy files). */
  date1904: boolean;
  activeSheet: string | null;
  selection: { sheet: string; address: string } | null;
  /** Structural events in order: "add Aging", "rename Aging -> ~x", "delete ~x", "table T1". */
  events: string[];
}

/** Same shape as the memory workbook's seed tables, so a test can seed either. */
export type SeedTableInput = SeedTable;

const OP_BYTES = 32;
/** Excel on the web refuses a request or a response above 5 MB. */
export const EXCEL_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** The fake refuses a range read (values, number formats) over 5 million cells in one request,
 *  where Excel fails "due to excessive resource utilization" (Read or write to a large range). */
export const EXCEL_RANGE_READ_LIMIT_CELLS = 5_000_000;

/** Failures to inject: the Nth sync from now (1-based), or the first structural event matching. */
export interface FakeFailure {
  atSync?: number;
  onEvent?: RegExp;
}
const key = (r: number, c: number): string => `${r},${c}`;

/** An error as Office.js raises it: `code` is one of Excel.ErrorCodes. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

class PropertyNotLoadedError extends Error {
  constructor(what: string) {
    super(`PropertyNotLoaded: ${what} was read before load() and sync()`);
  }
}

function newSheetState(name: string): FakeSheetState {
  return {
    name,
    visibility: "Visible",
    grid: [],
    formulas: new Map(),
    quotePrefix: new Set(),
    formatRects: [],
    columnWidths: new Map(),
    autofitColumns: new Set(),
    boldRects: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    frozenRows: 0,
    frozenColumns: 0,
    alignRects: [],
    wrapRects: [],
    autofitRows: [],
    columnOutline: new Map(),
    hiddenColumns: new Set(),
    pageLayout: {
      orientation: "Portrait",
      zoom: { scale: 100 },
      printTitleRows: null,
      printTitleColumns: null,
      headerFooter: { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" },
    },
    tabColor: "",
    valueWrites: 0,
  };
}

function contains(rect: CellRect, r: number, c: number): boolean {
  return r >= rect.row && r < rect.row + rect.rowCount && c >= rect.column && c < rect.column + rect.columnCount;
}

function overlaps(a: CellRect, b: CellRect): boolean {
  return (
    a.row < b.row + b.rowCount && b.row < a.row + a.rowCount && a.column < b.column + b.columnCount && b.column < a.column + a.columnCount
  );
}

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/** Store one typed input into a cell the way Excel parses `Range.values` strings. */
function enterValue(sheet: FakeSheetState, r: number, c: number, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged
  const k = key(r, c);
  sheet.formulas.delete(k);
  sheet.quotePrefix.delete(k);
  const row = sheet.grid[r] ?? (sheet.grid[r] = []);
  if (typeof input === "number" || typeof input === "boolean") {
    row[c] = input;
    return;
  }
  if (typeof input !== "string") throw new Error(`InvalidArgument: unsupported cell value ${String(input)}`);
  if (input === "") row[c] = null;
  else if (input.startsWith("'")) {
    row[c] = input.slice(1);
    sheet.quotePrefix.add(k);
  } else if (NUMERIC.test(input)) row[c] = Number(input);
  else if (/^[=+\-@]/.test(input)) {
    sheet.formulas.set(k, input.startsWith("=") ? input : `=${input}`);
    row[c] = "#NAME?";
  } else if (/^(true|false)$/i.test(input.trim())) row[c] = input.trim().toLowerCase() === "true";
  else row[c] = input;
}

/** A reference to one cell of a sheet: `=Policy!B2`, `='Credit Review'!$A$1`. */
const SHEET_REFERENCE = /^=(?:'((?:[^']|'')+)'|([A-Za-z0-9_.~]+))!\$?([A-Z]{1,3})\$?(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The value Excel shows for a formula: a reference to a cell of a sheet, #REF! through a deleted sheet, else #NAME?. */
function formulaValue(state: FakeWorkbookState, formula: string, depth: number): CellValue {
  if (formula.includes("#REF!")) return "#REF!";
  const m = SHEET_REFERENCE.exec(formula);
  if (!m || depth > 16) return "#NAME?";
  const name = (m[1] ?? m[2]).replace(/''/g, "'").toLowerCase();
  const target = state.sheets.find((s) => s.name.toLowerCase() === name);
  if (!target) return "#REF!";
  const v = cellValueOf(state, target, Number(m[4]) - 1, columnNumber(m[3]), depth + 1);
  return v === null ? 0 : v;
}

/** A cell's value, formulas evaluated (null when blank). */
function cellValueOf(state: FakeWorkbookState, sheet: FakeSheetState, r: number, c: number, depth = 0): CellValue {
  const formula = sheet.formulas.get(key(r, c));
  if (formula !== undefined) return formulaValue(state, formula, depth);
  return sheet.grid[r]?.[c] ?? null;
}

function readCell(state: FakeWorkbookState, sheet: FakeSheetState, r: number, c: number): CellValue {
  const v = cellValueOf(state, sheet, r, c);
  return v === null ? "" : v;
}

/** How a sheet name is written in a formula. */
function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel rewrites every formula that points at a renamed sheet; a deleted sheet leaves #REF!. */
function rewriteSheetReferences(state: FakeWorkbookState, from: string, to: string | null): void {
  const escaped = from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`(?:'${escaped.replace(/'/g, "''")}'|(?<![A-Za-z0-9_.'])${escaped})!`, "gi");
  const lower = `${from.toLowerCase()}!`;
  for (const sheet of state.sheets) {
    // Charts keep plotting their ranges when the sheet holding them is renamed.
    for (const chart of sheet.charts) {
      const follow = (address: string | undefined): string | undefined =>
        address !== undefined && to !== null && address.toLowerCase().startsWith(lower) ? `${to}!${address.slice(lower.length)}` : address;
      chart.source = follow(chart.source) ?? chart.source;
      for (const series of chart.series) {
        series.values = follow(series.values);
        series.xAxisValues = follow(series.xAxisValues);
      }
    }
    for (const [k, f] of sheet.formulas) {
      const next = f.replace(pattern, to === null ? "#REF!" : `${sheetRef(to)}!`);
      if (next !== f) sheet.formulas.set(k, next);
    }
  }
}

class FakeContext {
  readonly workbook: FakeWorkbook;
  pendingRequest = 0;
  private pendingLoads: { bytes: () => number; commit: () => void }[] = [];

  constructor(
    readonly state: FakeWorkbookState,
    readonly stats: FakeStats,
    readonly failure: FakeFailure,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** Record a structural event; an injected failure on it throws before it is applied. */
  event(text: string): void {
    if (this.failure.onEvent?.test(text)) {
      this.failure.onEvent = undefined;
      throw new Error(`GeneralException: injected failure on "${text}"`);
    }
    this.state.events.push(text);
  }

  op(args: unknown): void {
    this.pendingRequest += OP_BYTES + (args === undefined ? 0 : jsonBytes(args));
  }

  /**
   * Queue a load: the snapshot is taken now (batch order); `bytes` sizes its response and `commit`
   * makes it readable, only when the sync succeeds (a refused sync loads nothing, as in Excel).
   */
  queueLoad(spec: unknown, bytes: () => number, commit: () => void): void {
    this.op(spec);
    this.pendingLoads.push({ bytes, commit });
  }

  private refusal: FakeOfficeError | undefined;
  /** Make the next sync fail with this error, loading nothing. */
  refuseNextSync(error: FakeOfficeError): void {
    this.refusal ??= error;
  }

  get hasPending(): boolean {
    return this.pendingRequest > 0 || this.pendingLoads.length > 0 || this.refusal !== undefined;
  }

  async sync(): Promise<void> {
    if (this.failure.atSync !== undefined) {
      this.failure.atSync -= 1;
      if (this.failure.atSync <= 0) {
        this.failure.atSync = undefined;
        this.pendingLoads = [];
        this.pendingRequest = 0;
        throw new Error("GeneralException: injected failure at sync (the operations queued before it stay applied)");
      }
    }
    if (this.refusal) {
      const error = this.refusal;
      this.refusal = undefined;
      this.pendingLoads = [];
      this.pendingRequest = 0;
      this.stats.refusedSyncs += 1;
      throw error;
    }
    if (this.pendingRequest > EXCEL_PAYLOAD_LIMIT_BYTES) {
      this.pendingLoads = [];
      this.pendingRequest = 0;
      this.stats.refusedSyncs += 1;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", "the request is over 5 MB");
    }
    const loads = this.pendingLoads;
    const responseBytes = loads.reduce((sum, load) => sum + load.bytes(), 0);
    const record = { requestBytes: this.pendingRequest, responseBytes };
    this.pendingLoads = [];
    this.pendingRequest = 0;
    if (responseBytes > EXCEL_PAYLOAD_LIMIT_BYTES) {
      this.stats.refusedSyncs += 1;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "the response is over 5 MB");
    }
    for (const load of loads) load.commit();
    const s = this.stats;
    s.syncs += 1;
    s.perSync.push(record);
    s.maxRequestBytes = Math.max(s.maxRequestBytes, record.requestBytes);
    s.maxResponseBytes = Math.max(s.maxResponseBytes, record.responseBytes);
    s.totalBytes += record.requestBytes + record.responseBytes;
  }

  sheetState(name: string): FakeSheetState | undefined {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }
}

function parseLoad(spec: string | string[]): string[] {
  const list = Array.isArray(spec) ? spec : spec.split(",");
  return list.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Values captured by a load, readable after the sync. */
class Loaded {
  private readonly values = new Map<string, unknown>();
  constructor(private readonly what: string) {}
  set(name: string, value: unknown): void {
    this.values.set(name, value);
  }
  get<T>(name: string): T {
    if (!this.values.has(name)) throw new PropertyNotLoadedError(`${this.what}.${name}`);
    return this.values.get(name) as T;
  }
}

class FakeRangeFormat {
  readonly font: { bold: boolean; size: number; color: string };
  readonly fill: { color: string };
  constructor(private readonly range: FakeRange) {
    const ctx = range.ctx;
    const sheet = range.sheet;
    const rect = range.rect;
    this.font = {
      set bold(v: boolean) {
        ctx.op(v);
        if (v) sheet.boldRects.push(rect);
      },
      get bold() {
        return sheet.boldRects.some((b) => overlaps(b, rect));
      },
      size: 11,
      color: "",
    };
    this.fill = { color: "" };
  }
  set columnWidth(points: number) {
    this.range.ctx.op(points);
    for (let c = 0; c < this.range.rect.columnCount; c++) this.range.sheet.columnWidths.set(this.range.rect.column + c, points);
  }
  get columnWidth(): number {
    throw new PropertyNotLoadedError("RangeFormat.columnWidth");
  }
  autofitColumns(): void {
    this.range.ctx.op(undefined);
    for (let c = 0; c < this.range.rect.columnCount; c++) this.range.sheet.autofitColumns.add(this.range.rect.column + c);
  }
  set wrapText(wrap: boolean) {
    this.range.ctx.op(wrap);
    this.range.sheet.wrapRects.push({ rect: this.range.rect, wrap });
  }
  get wrapText(): boolean {
    throw new PropertyNotLoadedError("RangeFormat.wrapText");
  }
  set horizontalAlignment(align: string) {
    this.range.ctx.op(align);
    if (!HORIZONTAL_ALIGNMENTS.has(align)) throw new Error(`InvalidArgument: horizontalAlignment "${align}"`);
    this.range.sheet.alignRects.push({ rect: this.range.rect, align });
  }
  get horizontalAlignment(): string {
    throw new PropertyNotLoadedError("RangeFormat.horizontalAlignment");
  }
  autofitRows(): void {
    this.range.ctx.op(undefined);
    this.range.sheet.autofitRows.push(this.range.rect);
  }
}

/** Some of Excel.ChartType's values (the ones a sheet of this product could ask for); another one is refused. */
const CHART_TYPES = new Set(["ColumnClustered", "ColumnStacked", "ColumnStacked100", "BarClustered", "BarStacked", "Pie", "Doughnut", "Line", "LineMarkers", "LineStacked", "XYScatter", "XYScatterLines", "Area"]);

/** Excel.HorizontalAlignment's values. */
const HORIZONTAL_ALIGNMENTS = new Set(["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"]);
const HEADER_FOOTER_PARTS = ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"] as const;

/**
 * Worksheet.pageLayout (ExcelApi 1.9): write-only here (reading a property before load and sync
 * throws); print titles must be whole rows ("$9:$9") or whole columns ("$A:$B"), as Excel requires;
 * zoom takes a scale or fit-to-pages values, not both.
 */
class FakePageLayout {
  readonly headersFooters: { defaultForAllPages: Record<(typeof HEADER_FOOTER_PARTS)[number], string> };
  constructor(
    private readonly ctx: FakeContext,
    private readonly state: FakePageLayoutState,
  ) {
    const page = {} as Record<(typeof HEADER_FOOTER_PARTS)[number], string>;
    for (const part of HEADER_FOOTER_PARTS) {
      Object.defineProperty(page, part, {
        set: (v: string) => {
          ctx.op(v);
          state.headerFooter[part] = v;
        },
        get: () => {
          throw new PropertyNotLoadedError(`HeaderFooter.${part}`);
        },
      });
    }
    this.headersFooters = { defaultForAllPages: page };
  }
  set orientation(v: "Portrait" | "Landscape") {
    this.ctx.op(v);
    if (v !== "Portrait" && v !== "Landscape") throw new Error(`InvalidArgument: orientation "${String(v)}"`);
    this.state.orientation = v;
  }
  get orientation(): "Portrait" | "Landscape" {
    throw new PropertyNotLoadedError("PageLayout.orientation");
  }
  set zoom(v: FakePageLayoutState["zoom"]) {
    this.ctx.op(v);
    const fits = v.horizontalFitToPages !== undefined || v.verticalFitToPages !== undefined;
    if (fits && v.scale !== undefined) throw new Error("InvalidArgument: zoom takes a scale or pages to fit, not both");
    if (v.scale !== undefined && (v.scale < 10 || v.scale > 400)) throw new Error("InvalidArgument: zoom scale outside 10–400");
    this.state.zoom = { ...v };
  }
  get zoom(): FakePageLayoutState["zoom"] {
    throw new PropertyNotLoadedError("PageLayout.zoom");
  }
  setPrintTitleRows(rows: string): void {
    this.ctx.op(rows);
    if (!/^\$?\d+:\$?\d+$/.test(rows)) throw new Error(`InvalidArgument: print title rows must span entire rows, got "${rows}"`);
    this.state.printTitleRows = rows;
  }
  setPrintTitleColumns(columns: string): void {
    this.ctx.op(columns);
    if (!/^\$?[A-Z]+:\$?[A-Z]+$/.test(columns)) throw new Error(`InvalidArgument: print title columns must span entire columns, got "${columns}"`);
    this.state.printTitleColumns = columns;
  }
}

class FakeConditionalFormat {
  readonly cellValue: { format: { fill: { color: string }; font: { color: string } }; rule: unknown };
  readonly dataBar: { positiveFormat: { fillColor: string } };
  constructor(ctx: FakeContext, state: FakeConditionalFormatState) {
    const op = (v: unknown): void => ctx.op(v);
    this.cellValue = {
      format: {
        fill: {
          set color(v: string) {
            op(v);
            state.fill = v;
          },
          get color() {
            return state.fill ?? "";
          },
        },
        font: {
          set color(v: string) {
            op(v);
            state.fontColor = v;
          },
          get color() {
            return state.fontColor ?? "";
          },
        },
      },
      set rule(v: unknown) {
        op(v);
        state.rule = v;
      },
      get rule() {
        return state.rule;
      },
    };
    this.dataBar = {
      positiveFormat: {
        set fillColor(v: string) {
          op(v);
          state.barColor = v;
        },
        get fillColor() {
          return state.barColor ?? "";
        },
      },
    };
  }
}

class FakeRange {
  private readonly loaded: Loaded;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat };
  readonly dataValidation: { rule: unknown };

  constructor(
    readonly ctx: FakeContext,
    readonly sheet: FakeSheetState,
    readonly rect: CellRect,
  ) {
    if (rect.row < 0 || rect.column < 0 || rect.rowCount < 1 || rect.columnCount < 1) throw new Error("InvalidArgument: empty range");
    if (rect.row + rect.rowCount > MAX_ROWS || rect.column + rect.columnCount > MAX_COLUMNS) {
      throw new Error("InvalidArgument: range outside the grid");
    }
    this.loaded = new Loaded(`Range ${this.address}`);
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = {
      add: (type: string) => {
        ctx.op(type);
        const state: FakeConditionalFormatState = { rect, type };
        sheet.conditionalFormats.push(state);
        return new FakeConditionalFormat(ctx, state);
      },
    };
    const validations = sheet.validations;
    this.dataValidation = {
      set rule(v: unknown) {
        ctx.op(v);
        validations.push({ rect, rule: v });
      },
      get rule() {
        throw new PropertyNotLoadedError("DataValidation.rule");
      },
    };
  }

  get address(): string {
    return `${this.sheet.name}!${rangeAddress(this.rect)}`;
  }

  load(spec: string | string[]): this {
    const props = parseLoad(spec);
    const cells = this.rect.rowCount * this.rect.columnCount;
    if (cells > EXCEL_RANGE_READ_LIMIT_CELLS && props.some((p) => p === "values" || p === "numberFormat")) {
      this.ctx.refuseNextSync(new FakeOfficeError("GeneralException", `reading ${cells} cells of ${this.address} in one request exceeds Excel's resource limits`));
      return this;
    }
    const snapshot: Record<string, unknown> = {};
    for (const p of props) snapshot[p] = this.read(p);
    this.ctx.queueLoad(spec, () => jsonBytes(snapshot), () => {
      for (const p of props) this.loaded.set(p, snapshot[p]);
    });
    return this;
  }

  private read(prop: string): unknown {
    const { row, column, rowCount, columnCount } = this.rect;
    switch (prop) {
      case "values": {
        const out: CellValue[][] = [];
        for (let r = 0; r < rowCount; r++) {
          const line: CellValue[] = [];
          for (let c = 0; c < columnCount; c++) line.push(readCell(this.ctx.state, this.sheet, row + r, column + c));
          out.push(line);
        }
        return out;
      }
      case "address":
        return this.address;
      case "rowIndex":
        return row;
      case "columnIndex":
        return column;
      case "rowCount":
        return rowCount;
      case "columnCount":
        return columnCount;
      default:
        throw new Error(`Fake Range cannot load "${prop}"`);
    }
  }

  get values(): unknown[][] {
    return this.loaded.get("values");
  }
  set values(values: unknown[][]) {
    this.ctx.op(values);
    const { row, column, rowCount, columnCount } = this.rect;
    if (values.length !== rowCount || values.some((line) => line.length !== columnCount)) {
      throw new Error(`InvalidArgument: values do not match ${this.address}`);
    }
    this.sheet.valueWrites += 1;
    values.forEach((line, r) => line.forEach((v, c) => enterValue(this.sheet, row + r, column + c, v)));
  }
  get numberFormat(): unknown[][] {
    return this.loaded.get("numberFormat");
  }
  set numberFormat(formats: unknown[][]) {
    this.ctx.op(formats);
    const { row, column, rowCount, columnCount } = this.rect;
    if (formats.length === 1 && formats[0].length === 1) {
      this.sheet.formatRects.push({ rect: this.rect, format: String(formats[0][0]) });
      return;
    }
    if (formats.length !== rowCount || formats.some((line) => line.length !== columnCount)) {
      throw new Error(`InvalidArgument: numberFormat does not match ${this.address}`);
    }
    formats.forEach((line, r) =>
      line.forEach((f, c) =>
        this.sheet.formatRects.push({ rect: { row: row + r, column: column + c, rowCount: 1, columnCount: 1 }, format: String(f) }),
      ),
    );
  }
  get rowIndex(): number {
    return this.loaded.get("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded.get("columnIndex");
  }
  get rowCount(): number {
    return this.loaded.get("rowCount");
  }
  get columnCount(): number {
    return this.loaded.get("columnCount");
  }

  getRow(i: number): FakeRange {
    this.ctx.op(i);
    if (i < 0 || i >= this.rect.rowCount) throw new Error("InvalidArgument: row outside the range");
    return new FakeRange(this.ctx, this.sheet, { ...this.rect, row: this.rect.row + i, rowCount: 1 });
  }
  getCell(r: number, c: number): FakeRange {
    this.ctx.op([r, c]);
    return new FakeRange(this.ctx, this.sheet, { row: this.rect.row + r, column: this.rect.column + c, rowCount: 1, columnCount: 1 });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    this.ctx.op([deltaRows, deltaColumns]);
    return new FakeRange(this.ctx, this.sheet, {
      ...this.rect,
      rowCount: this.rect.rowCount + deltaRows,
      columnCount: this.rect.columnCount + deltaColumns,
    });
  }
  getIntersection(other: FakeRange | string): FakeRange {
    const b = typeof other === "string" ? parseRangeAddress(other) : other.rect;
    this.ctx.op(typeof other === "string" ? other : undefined);
    const a = this.rect;
    const row = Math.max(a.row, b.row);
    const column = Math.max(a.column, b.column);
    const rowEnd = Math.min(a.row + a.rowCount, b.row + b.rowCount);
    const columnEnd = Math.min(a.column + a.columnCount, b.column + b.columnCount);
    if (rowEnd <= row || columnEnd <= column) throw new Error("ItemNotFound: the ranges do not intersect");
    return new FakeRange(this.ctx, this.sheet, { row, column, rowCount: rowEnd - row, columnCount: columnEnd - column });
  }
  /**
   * Outline groups (ExcelApi 1.10), as Excel does them: grouping by columns groups the whole
   * columns of the range, one level deeper (at most 8 levels, beyond that Excel refuses);
   * hideGroupDetails hides the columns of the range's group and refuses a range with an
   * ungrouped column (Excel's "Cannot show or hide detail"). Only columns are modelled.
   */
  group(groupOption: string): void {
    this.ctx.op(groupOption);
    if (groupOption !== "ByColumns") throw new Error(groupOption === "ByRows" ? "Fake: only column groups are modelled" : `InvalidArgument: groupOption "${groupOption}"`);
    const { column, columnCount } = this.rect;
    for (let c = column; c < column + columnCount; c++) {
      if ((this.sheet.columnOutline.get(c) ?? 0) >= 8) throw new Error("InvalidOperation: an outline has at most 8 levels");
    }
    for (let c = column; c < column + columnCount; c++) this.sheet.columnOutline.set(c, (this.sheet.columnOutline.get(c) ?? 0) + 1);
  }
  hideGroupDetails(groupOption: string): void {
    this.ctx.op(groupOption);
    if (groupOption !== "ByColumns") throw new Error(groupOption === "ByRows" ? "Fake: only column groups are modelled" : `InvalidArgument: groupOption "${groupOption}"`);
    const { column, columnCount } = this.rect;
    for (let c = column; c < column + columnCount; c++) {
      if ((this.sheet.columnOutline.get(c) ?? 0) === 0) throw new Error("InvalidOperation: cannot hide the detail of an ungrouped column");
    }
    for (let c = column; c < column + columnCount; c++) this.sheet.hiddenColumns.add(c);
  }
  set columnHidden(hidden: boolean) {
    this.ctx.op(hidden);
    const { column, columnCount } = this.rect;
    for (let c = column; c < column + columnCount; c++) {
      if (hidden) this.sheet.hiddenColumns.add(c);
      else this.sheet.hiddenColumns.delete(c);
    }
  }
  get columnHidden(): boolean {
    throw new PropertyNotLoadedError("Range.columnHidden");
  }
  select(): void {
    this.ctx.op(undefined);
    this.ctx.state.activeSheet = this.sheet.name;
    this.ctx.state.selection = { sheet: this.sheet.name, address: rangeAddress(this.rect) };
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly series: { getItemAt: (i: number) => FakeSeries; add: (name: string) => FakeSeries };
  constructor(
    private readonly ctx: FakeContext,
    readonly state: FakeChartState,
  ) {
    const op = (v: unknown): void => ctx.op(v);
    this.title = {
      set text(v: string) {
        op(v);
        state.title = v;
      },
      get text() {
        return state.title;
      },
    };
    this.series = {
      getItemAt: (i: number) => {
        op(i);
        const found = state.series[i];
        if (!found) throw new Error("ItemNotFound: series");
        return new FakeSeries(ctx, found);
      },
      add: (name: string) => {
        op(name);
        const added: FakeSeriesState = { name };
        state.series.push(added);
        return new FakeSeries(ctx, added);
      },
    };
  }
  set name(v: string) {
    this.ctx.op(v);
    this.state.name = v;
  }
  get name(): string {
    return this.state.name;
  }
  set width(v: number) {
    this.ctx.op(v);
    this.state.width = v;
  }
  get width(): number {
    return this.state.width;
  }
  set height(v: number) {
    this.ctx.op(v);
    this.state.height = v;
  }
  get height(): number {
    return this.state.height;
  }
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    const text = (r: string | FakeRange): string => (typeof r === "string" ? r : rangeAddress(r.rect));
    this.ctx.op([text(start), end === undefined ? null : text(end)]);
    this.state.position = end === undefined ? text(start) : `${text(start)}:${text(end)}`;
  }
}

class FakeSeries {
  constructor(
    private readonly ctx: FakeContext,
    readonly state: FakeSeriesState,
  ) {}
  setValues(range: FakeRange): void {
    this.ctx.op(range.address);
    this.state.values = range.address;
  }
  setXAxisValues(range: FakeRange): void {
    this.ctx.op(range.address);
    this.state.xAxisValues = range.address;
  }
}

class FakeTableRow {
  constructor(
    private readonly ctx: FakeContext,
    private readonly table: FakeTableState,
    private readonly index: number,
  ) {}
  /** Delete the row: the table's rows below it move up (within the table's columns). */
  delete(): void {
    this.ctx.op(this.index);
    const t = this.table;
    const bodyRows = t.rect.rowCount - 1;
    if (this.index < 0 || this.index >= bodyRows) throw new Error("ItemNotFound: table row");
    if (bodyRows === 1) throw new Error("InvalidOperation: a table keeps at least one body row");
    const sheet = t.sheet;
    const first = t.rect.row + 1 + this.index;
    const last = t.rect.row + t.rect.rowCount - 1;
    for (let r = first; r <= last; r++) {
      for (let c = t.rect.column; c < t.rect.column + t.rect.columnCount; c++) {
        const below = r < last ? sheet.grid[r + 1]?.[c] ?? null : null;
        const row = sheet.grid[r] ?? (sheet.grid[r] = []);
        row[c] = below;
        const k = key(r, c);
        const kb = key(r + 1, c);
        const f = r < last ? sheet.formulas.get(kb) : undefined;
        if (f !== undefined) sheet.formulas.set(k, f);
        else sheet.formulas.delete(k);
        if (r < last && sheet.quotePrefix.has(kb)) sheet.quotePrefix.add(k);
        else sheet.quotePrefix.delete(k);
      }
    }
    t.rect = { ...t.rect, rowCount: t.rect.rowCount - 1 };
  }
}

class FakeTable {
  readonly rows: { add: (index: number | null | undefined, values: unknown[][]) => void; getItemAt: (i: number) => FakeTableRow };
  constructor(
    private readonly ctx: FakeContext,
    readonly state: FakeTableState,
  ) {
    this.rows = {
      // Appends rows below the body (index null/undefined); Excel moves nothing else here.
      add: (index, values) => {
        ctx.op([index ?? null, values]);
        if (index !== null && index !== undefined) throw new Error("Fake: only appending table rows is modelled");
        const t = this.alive();
        if (values.some((line) => line.length !== t.rect.columnCount)) throw new Error("InvalidArgument: row width does not match the table");
        const grown = { ...t.rect, rowCount: t.rect.rowCount + values.length };
        if (ctx.state.tables.some((o) => o !== t && o.sheet === t.sheet && overlaps(o.rect, grown))) {
          throw new Error("InvalidOperation: the table would overlap another table");
        }
        const at = t.rect.row + t.rect.rowCount;
        t.rect = grown;
        values.forEach((line, r) => line.forEach((v, c) => enterValue(t.sheet, at + r, t.rect.column + c, v === null ? "" : v)));
      },
      getItemAt: (i) => {
        ctx.op(i);
        return new FakeTableRow(ctx, this.alive(), i);
      },
    };
  }
  private alive(): FakeTableState {
    if (!this.ctx.state.tables.includes(this.state)) throw new Error(`ItemNotFound: table ${this.state.name} was deleted`);
    return this.state;
  }
  get name(): string {
    return this.state.name;
  }
  set name(v: string) {
    this.ctx.op(v);
    const clash = this.ctx.state.tables.find((t) => t !== this.state && t.name.toLowerCase() === v.toLowerCase());
    if (clash) throw new Error(`InvalidArgument: A table named ${v} already exists in the workbook`);
    this.ctx.event(`table ${v}`);
    this.state.name = v;
  }
  get style(): string {
    return this.state.style;
  }
  set style(v: string) {
    this.ctx.op(v);
    this.state.style = v;
  }
  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, this.state.sheet);
  }
  getRange(): FakeRange {
    this.ctx.op(undefined);
    return new FakeRange(this.ctx, this.state.sheet, this.state.rect);
  }
  getHeaderRowRange(): FakeRange {
    this.ctx.op(undefined);
    return new FakeRange(this.ctx, this.state.sheet, { ...this.state.rect, rowCount: 1 });
  }
  getDataBodyRange(): FakeRange {
    this.ctx.op(undefined);
    const r = this.state.rect;
    return new FakeRange(this.ctx, this.state.sheet, { ...r, row: r.row + 1, rowCount: r.rowCount - 1 });
  }
}

/** Load snapshots of collection items: item properties by path ("items/name", "items/worksheet/name"). */
function itemSnapshot(paths: string[], props: Record<string, () => unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const prop = path.replace(/^items\//, "");
    const read = props[prop];
    if (!read) throw new Error(`Fake collection cannot load "${path}"`);
    out[prop] = read();
  }
  return out;
}

class FakeTableCollection {
  private loadedItems: FakeTable[] | null = null;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeSheetState | null,
  ) {}
  private current(): FakeTableState[] {
    return this.ctx.state.tables.filter((t) => this.sheet === null || t.sheet === this.sheet);
  }
  load(spec: string | string[]): this {
    const paths = parseLoad(spec);
    const items = this.current().map((t) => new FakeTable(this.ctx, t));
    const snapshot = items.map((t) =>
      itemSnapshot(paths, { name: () => t.state.name, "worksheet/name": () => t.state.sheet.name, style: () => t.state.style }),
    );
    this.ctx.queueLoad(spec, () => jsonBytes(snapshot), () => {
      this.loadedItems = items;
    });
    return this;
  }
  get items(): FakeTable[] {
    if (!this.loadedItems) throw new PropertyNotLoadedError("TableCollection.items");
    return this.loadedItems;
  }
  getItem(name: string): FakeTable {
    this.ctx.op(name);
    const found = this.current().find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`ItemNotFound: table ${name}`);
    return new FakeTable(this.ctx, found);
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const sheet = typeof address === "string" ? this.sheet : address.sheet;
    if (!sheet) throw new Error("Fake: add tables through a worksheet");
    if (typeof address === "string") this.ctx.stats.tablesAddedByAddressText += 1;
    const rect = { ...(typeof address === "string" ? parseRangeAddress(address) : address.rect) };
    this.ctx.op([typeof address === "string" ? address : address.address, hasHeaders]);
    if (!hasHeaders) throw new Error("Fake: only tables with headers are modelled");
    if (rect.rowCount === 1) rect.rowCount = 2; // Excel adds one blank body row
    if (this.ctx.state.tables.some((t) => t.sheet === sheet && overlaps(t.rect, rect))) {
      throw new Error("InvalidArgument: tables cannot overlap");
    }
    let n = this.ctx.state.tables.length + 1;
    while (this.ctx.state.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
    const state: FakeTableState = { name: `Table${n}`, sheet, rect, style: "TableStyleMedium2" };
    this.ctx.state.tables.push(state);
    return new FakeTable(this.ctx, state);
  }
}

/** Excel's rule for defined names: a letter, "_" or "\\" first, then letters, digits, "_", "." or "\\". */
const DEFINED_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

class FakeNamedItem {
  constructor(
    private readonly ctx: FakeContext,
    readonly state: FakeNameState,
  ) {}
  get name(): string {
    return this.state.name;
  }
  get formula(): string {
    return this.state.formula;
  }
  set formula(v: string) {
    this.ctx.op(v);
    this.state.formula = v;
  }
  /** The computed value: the text of a text formula (="Summary"), else the formula. */
  get value(): unknown {
    const m = /^="((?:[^"]|"")*)"$/.exec(this.state.formula);
    return m ? m[1].replace(/""/g, '"') : this.state.formula;
  }
  get visible(): boolean {
    return this.state.visible;
  }
  set visible(v: boolean) {
    this.ctx.op(v);
    this.state.visible = v;
  }
  delete(): void {
    this.ctx.op(undefined);
    const names = this.ctx.state.names;
    if (!names.includes(this.state)) throw new Error(`ItemNotFound: name ${this.state.name}`);
    this.ctx.event(`name delete ${this.state.name}${this.state.sheet ? ` on ${this.state.sheet.name}` : ""}`);
    names.splice(names.indexOf(this.state), 1);
  }
}

class FakeNamedItemCollection {
  private loadedItems: FakeNamedItem[] | null = null;
  constructor(
    private readonly ctx: FakeContext,
    private readonly sheet: FakeSheetState | null,
  ) {}
  private current(): FakeNameState[] {
    return this.ctx.state.names.filter((n) => n.sheet === this.sheet);
  }
  add(name: string, reference: string, comment?: string): FakeNamedItem {
    this.ctx.op([name, reference, comment ?? null]);
    if (!DEFINED_NAME.test(name)) throw new Error(`InvalidArgument: ${name} is not a valid name`);
    if (this.current().some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: the name ${name} already exists`);
    if (this.sheet && !this.ctx.state.sheets.includes(this.sheet)) throw new Error("ItemNotFound: the sheet was deleted");
    this.ctx.event(`name ${name}${this.sheet ? ` on ${this.sheet.name}` : ""}`);
    const state: FakeNameState = { name, sheet: this.sheet, formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true };
    this.ctx.state.names.push(state);
    return new FakeNamedItem(this.ctx, state);
  }
  getItem(name: string): FakeNamedItem {
    this.ctx.op(name);
    const found = this.current().find((n) => n.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`ItemNotFound: name ${name}`);
    return new FakeNamedItem(this.ctx, found);
  }
  getItemOrNullObject(name: string): FakeNamedItem | { isNullObject: true } {
    this.ctx.op(name);
    const found = this.current().find((n) => n.name.toLowerCase() === name.toLowerCase());
    return found ? new FakeNamedItem(this.ctx, found) : { isNullObject: true };
  }
  load(spec: string | string[]): this {
    const paths = parseLoad(spec);
    const items = this.current().map((n) => new FakeNamedItem(this.ctx, n));
    const snapshot = items.map((n) =>
      itemSnapshot(paths, { name: () => n.name, formula: () => n.formula, value: () => n.value, visible: () => n.visible }),
    );
    this.ctx.queueLoad(spec, () => jsonBytes(snapshot), () => {
      this.loadedItems = items;
    });
    return this;
  }
  get items(): FakeNamedItem[] {
    if (!this.loadedItems) throw new PropertyNotLoadedError("NamedItemCollection.items");
    return this.loadedItems;
  }
}

class FakeWorksheet {
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly charts: { add: (type: string, source: FakeRange, seriesBy?: string) => FakeChart };
  readonly freezePanes: { freezeRows: (n?: number) => void; freezeColumns: (n?: number) => void; freezeAt: (range: FakeRange) => void };
  readonly pageLayout: FakePageLayout;
  readonly isNullObject = false;

  constructor(
    private readonly ctx: FakeContext,
    readonly state: FakeSheetState,
  ) {
    this.tables = new FakeTableCollection(ctx, state);
    this.names = new FakeNamedItemCollection(ctx, state);
    this.charts = {
      add: (type: string, source: FakeRange, seriesBy?: string) => {
        ctx.op([type, source.address, seriesBy ?? null]);
        if (!CHART_TYPES.has(type)) throw new Error(`InvalidArgument: chart type "${type}"`);
        const chart: FakeChartState = {
          type,
          source: source.address,
          seriesBy,
          name: `Chart ${state.charts.length + 1}`,
          title: "",
          width: 360,
          height: 216,
          series: [{ name: "", values: source.address }],
        };
        state.charts.push(chart);
        return new FakeChart(ctx, chart);
      },
    };
    // Excel keeps one frozen block: each call replaces the previous one.
    this.freezePanes = {
      freezeRows: (n = 1) => {
        ctx.op(n);
        state.frozenRows = n;
        state.frozenColumns = 0;
      },
      freezeColumns: (n = 1) => {
        ctx.op(n);
        state.frozenColumns = n;
        state.frozenRows = 0;
      },
      freezeAt: (range: FakeRange) => {
        ctx.op(range.address);
        if (range.sheet !== state) throw new Error("InvalidArgument: freezeAt takes a range of its own sheet");
        if (range.rect.row !== 0 || range.rect.column !== 0) throw new Error("InvalidArgument: the frozen block starts at A1");
        state.frozenRows = range.rect.rowCount;
        state.frozenColumns = range.rect.columnCount;
      },
    };
    this.pageLayout = new FakePageLayout(ctx, state.pageLayout);
  }
  private alive(): FakeSheetState {
    if (!this.ctx.state.sheets.includes(this.state)) throw new Error(`ItemNotFound: sheet ${this.state.name} was deleted`);
    return this.state;
  }
  get name(): string {
    return this.state.name;
  }
  set name(v: string) {
    this.ctx.op(v);
    if (this.ctx.state.sheets.some((s) => s !== this.state && s.name.toLowerCase() === v.toLowerCase())) {
      throw new Error(`InvalidArgument: a sheet named ${v} exists`);
    }
    this.ctx.event(`rename ${this.state.name} -> ${v}`);
    const old = this.alive().name;
    this.state.name = v;
    rewriteSheetReferences(this.ctx.state, old, v);
  }
  get visibility(): string {
    return this.state.visibility;
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.ctx.op(v);
    this.alive().visibility = v;
  }
  get position(): number {
    return this.ctx.state.sheets.indexOf(this.state);
  }
  set position(p: number) {
    this.ctx.op(p);
    const sheets = this.ctx.state.sheets;
    sheets.splice(sheets.indexOf(this.alive()), 1);
    sheets.splice(Math.min(p, sheets.length), 0, this.state);
  }
  get tabColor(): string {
    return this.state.tabColor;
  }
  set tabColor(v: string) {
    this.ctx.op(v);
    this.alive().tabColor = v;
  }
  activate(): void {
    this.ctx.op(undefined);
    this.ctx.state.activeSheet = this.alive().name;
  }
  delete(): void {
    this.ctx.op(undefined);
    const { state } = this.ctx;
    if (state.sheets.length <= 1) throw new Error("InvalidOperation: a workbook must keep one sheet");
    this.alive();
    if (this.state.visibility === "Visible" && state.sheets.filter((s) => s.visibility === "Visible").length <= 1) {
      throw new Error("InvalidOperation: a workbook must keep one visible sheet");
    }
    this.ctx.event(`delete ${this.state.name}`);
    const at = state.sheets.indexOf(this.state);
    const wasActive = activeSheetOf(state) === this.state;
    state.sheets.splice(at, 1);
    // Excel activates a neighbour when the active sheet is deleted: the next visible sheet, else the previous.
    if (wasActive) {
      const visible = (s: FakeSheetState): boolean => s.visibility === "Visible";
      const next = state.sheets.slice(at).find(visible) ?? [...state.sheets.slice(0, at)].reverse().find(visible);
      state.activeSheet = next?.name ?? null;
    }
    state.tables = state.tables.filter((t) => t.sheet !== this.state);
    state.names = state.names.filter((n) => n.sheet !== this.state);
    rewriteSheetReferences(state, this.state.name, null);
  }
  getRange(address: string): FakeRange {
    this.ctx.op(address);
    return new FakeRange(this.ctx, this.alive(), parseRangeAddress(address));
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.op(valuesOnly ?? false);
    let top = -1;
    let bottom = 0;
    let left = Number.POSITIVE_INFINITY;
    let right = 0;
    this.alive().grid.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        if (top < 0) top = r;
        bottom = r;
        left = Math.min(left, c);
        right = Math.max(right, c);
      }),
    );
    if (top < 0) return new FakeRange(this.ctx, this.state, { row: 0, column: 0, rowCount: 1, columnCount: 1 });
    return new FakeRange(this.ctx, this.state, { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 });
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeContext) {}
  load(spec: string | string[]): this {
    const paths = parseLoad(spec);
    const items = this.ctx.state.sheets.map((s) => new FakeWorksheet(this.ctx, s));
    const snapshot = items.map((w) =>
      itemSnapshot(paths, { name: () => w.state.name, position: () => w.position, tabColor: () => w.state.tabColor, visibility: () => w.state.visibility }),
    );
    this.ctx.queueLoad(spec, () => jsonBytes(snapshot), () => {
      this.loadedItems = items;
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new PropertyNotLoadedError("WorksheetCollection.items");
    return this.loadedItems;
  }
  add(name: string): FakeWorksheet {
    this.ctx.op(name);
    if (this.ctx.sheetState(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
    if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
    this.ctx.event(`add ${name}`);
    const state = newSheetState(name);
    this.ctx.state.sheets.push(state);
    return new FakeWorksheet(this.ctx, state);
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.op(name);
    const state = this.ctx.sheetState(name);
    if (!state) throw new Error(`ItemNotFound: sheet ${name}`);
    return new FakeWorksheet(this.ctx, state);
  }
  /** The active worksheet; only `load("name")` then `name` after the sync are modelled (strictly). */
  getActiveWorksheet(): FakeActiveWorksheet {
    this.ctx.op(undefined);
    return new FakeActiveWorksheet(this.ctx);
  }
  getItemOrNullObject(name: string): FakeWorksheet | { isNullObject: true } {
    this.ctx.op(name);
    const state = this.ctx.sheetState(name);
    return state ? new FakeWorksheet(this.ctx, state) : { isNullObject: true };
  }
}

/** The sheet Excel shows: the one last activated, else the first visible one. */
function activeSheetOf(state: FakeWorkbookState): FakeSheetState | undefined {
  const named = state.activeSheet === null ? undefined : state.sheets.find((s) => s.name === state.activeSheet);
  return named ?? state.sheets.find((s) => s.visibility === "Visible");
}

class FakeActiveWorksheet {
  private readonly loaded = new Loaded("Worksheet (active)");
  constructor(private readonly ctx: FakeContext) {}
  load(spec: string | string[]): this {
    const name = activeSheetOf(this.ctx.state)?.name ?? "";
    this.ctx.queueLoad(spec, () => jsonBytes({ name }), () => this.loaded.set("name", name));
    return this;
  }
  get name(): string {
    return this.loaded.get("name");
  }
}

/** A worksheet function's result (Excel.FunctionResult): `value` readable after load and sync. */
class FakeFunctionResult {
  private readonly loaded = new Loaded("FunctionResult");
  constructor(
    private readonly ctx: FakeContext,
    private readonly compute: () => unknown,
  ) {}
  load(spec: string | string[]): this {
    const value = this.compute();
    this.ctx.queueLoad(spec, () => jsonBytes(value), () => {
      this.loaded.set("value", value);
    });
    return this;
  }
  get value(): unknown {
    return this.loaded.get("value");
  }
}

/** DATE(y, m, d) as the workbook's date system counts it (1900: with the 1900 leap-year quirk). */
function dateSerial(date1904: boolean, year: number, month: number, day: number): number {
  const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return date1904 ? days - 1462 : days;
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly names: FakeNamedItemCollection;
  readonly functions: { date: (year: number, month: number, day: number) => FakeFunctionResult };
  readonly application: { suspendApiCalculationUntilNextSync: () => void; suspendScreenUpdatingUntilNextSync: () => void };
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.tables = new FakeTableCollection(ctx, null);
    this.names = new FakeNamedItemCollection(ctx, null);
    this.functions = {
      date: (year, month, day) => {
        ctx.op([year, month, day]);
        return new FakeFunctionResult(ctx, () => dateSerial(ctx.state.date1904, year, month, day));
      },
    };
    this.application = {
      suspendApiCalculationUntilNextSync: () => {
        ctx.op(undefined);
        ctx.stats.calculationSuspensions += 1;
      },
      suspendScreenUpdatingUntilNextSync: () => {
        ctx.op(undefined);
        ctx.stats.screenUpdatingSuspensions += 1;
      },
    };
  }
}

export interface FakeExcel {
  /** Same shape as `Excel.run`: pass it to `new OfficeWorkbook({ run })`. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  stats: FakeStats;
  workbook: FakeWorkbookState;
  /** Put a table (or, with kind "range", plain cells) into the workbook, creating its sheet. */
  seedTable(table: SeedTableInput): void;
  /** Create an empty sheet. */
  seedSheet(name: string): void;
  /** A sheet's state, or undefined. */
  sheet(name: string): FakeSheetState | undefined;
  /** One cell as Excel would hold it. */
  cell(sheet: string, row: number, column: number): FakeCell;
  /** Clear the counters (e.g. after seeding through the adapter). */
  resetStats(): void;
  /** Put a formula into a cell (a user's own formula, e.g. `=Policy!B2`). */
  setFormula(sheet: string, row: number, column: number, formula: string): void;
  /** Hide a sheet ("Hidden" or "VeryHidden"). */
  setVisibility(sheet: string, visibility: FakeSheetState["visibility"]): void;
  /** Make the Nth sync from now, or the first structural event matching a pattern, throw. */
  failAt(failure: FakeFailure): void;
  /** The defined names of a sheet (or of the workbook with null). */
  namesOf(sheet: string | null): FakeNameState[];
  /** The sheet Excel shows (the one last activated, else the first visible one). */
  activeSheet(): string | undefined;
}

function emptyStats(): FakeStats {
  return {
    syncs: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    totalBytes: 0,
    perSync: [],
    runs: 0,
    calculationSuspensions: 0,
    refusedSyncs: 0,
    tablesAddedByAddressText: 0,
    screenUpdatingSuspensions: 0,
  };
}

/** A fresh fake Excel with one empty sheet, "Sheet1" (a workbook always has one). */
export function createFakeExcel(options: { initialSheet?: string | null; date1904?: boolean } = {}): FakeExcel {
  const state: FakeWorkbookState = {
    sheets: [], tables: [], names: [], date1904: options.date1904 ?? false, activeSheet: null, selection: null, events: [],
  };
  const failure: FakeFailure = {};
  const stats = emptyStats();
  const findSheet = (name: string): FakeSheetState | undefined =>
    state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  const sheetOrCreate = (name: string): FakeSheetState => {
    const found = findSheet(name);
    if (found) return found;
    const created = newSheetState(name);
    state.sheets.push(created);
    return created;
  };
  const initial = options.initialSheet === undefined ? "Sheet1" : options.initialSheet;
  if (initial !== null) sheetOrCreate(initial);

  const fake: FakeExcel = {
    stats,
    workbook: state,
    async run(batch) {
      stats.runs += 1;
      const context = new FakeContext(state, stats, failure);
      // The one cast of the fake: it models only the slice of RequestContext the adapter uses.
      const result = await batch(context as unknown as Excel.RequestContext);
      if (context.hasPending) await context.sync(); // Excel.run flushes what is still queued
      return result;
    },
    seedTable(table) {
      const sheet = sheetOrCreate(table.sheet);
      const headerRow = table.headerRow ?? 0;
      const firstColumn = table.firstColumn ?? 0;
      const rows = [table.headers, ...table.rows];
      rows.forEach((line, r) => {
        const target = sheet.grid[headerRow + r] ?? (sheet.grid[headerRow + r] = []);
        line.forEach((v, c) => {
          target[firstColumn + c] = v === "" ? null : v;
        });
      });
      if (table.kind !== "range") {
        state.tables.push({
          name: table.name,
          sheet,
          rect: { row: headerRow, column: firstColumn, rowCount: Math.max(2, rows.length), columnCount: table.headers.length },
          style: "TableStyleMedium2",
        });
      }
    },
    seedSheet(name) {
      sheetOrCreate(name);
    },
    sheet: findSheet,
    cell(sheetName, row, column) {
      const sheet = findSheet(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      const k = key(row, column);
      let numberFormat = "General";
      for (const f of sheet.formatRects) if (contains(f.rect, row, column)) numberFormat = f.format;
      return {
        value: cellValueOf(state, sheet, row, column),
        formula: sheet.formulas.get(k),
        quotePrefix: sheet.quotePrefix.has(k),
        numberFormat,
      };
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    setFormula(sheetName, row, column, formula) {
      const sheet = sheetOrCreate(sheetName);
      const line = sheet.grid[row] ?? (sheet.grid[row] = []);
      line[column] = "#NAME?"; // placeholder so the used range covers it; reads evaluate the formula
      sheet.formulas.set(key(row, column), formula);
    },
    setVisibility(sheetName, visibility) {
      const sheet = findSheet(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      sheet.visibility = visibility;
    },
    failAt(f) {
      Object.assign(failure, f);
    },
    namesOf(sheetName) {
      const sheet = sheetName === null ? null : findSheet(sheetName);
      if (sheetName !== null && !sheet) return [];
      return state.names.filter((n) => n.sheet === sheet);
    },
    activeSheet: () => activeSheetOf(state)?.name,
  };
  return fake;
}
