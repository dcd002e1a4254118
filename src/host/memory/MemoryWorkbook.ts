import type {
  CellValue,
  ChartSpec,
  ColumnSpec,
  ConditionalFormatSpec,
  PrintSpec,
  SheetSpec,
  SourceTable,
  ValidationSpec,
  WorkbookPort,
  WorkbookSnapshot,
  WriteOptions,
  WriteResult,
} from "../WorkbookPort";
import { cellAddress } from "../address";
import { numberFormatOf } from "../numberFormatOf";
import { outputIdOf, planWrite, renamedSpec } from "../planWrite";
import { checkSheetSpecs, outputGroupStart, tableGeometry, tableValues } from "../office/sheetLayout";
import { needsTextPrefix } from "../office/textSafety";

/** A table to seed a MemoryWorkbook with (tests, demo, workbench). */
export interface SeedTable {
  sheet: string;
  /** Excel table name; ignored for kind "range". */
  name: string;
  headers: string[];
  rows: CellValue[][];
  /** "table" (default) makes an Excel table; "range" only fills the cells (a plain used range). */
  kind?: "table" | "range";
  /** Header position (0-based); by default A1, or two rows below what the sheet already holds. */
  headerRow?: number;
  firstColumn?: number;
}

/** An Excel table as the memory workbook holds it, with the data read back from the grid. */
export interface MemoryTable {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  rows: CellValue[][];
  /** Totals row written below the data, if any. */
  totals?: CellValue[];
  /** Column specs when the table was written by writeSheets; absent for seeded tables. */
  columns?: ColumnSpec[];
  /** Number format of each column ("General" for seeded tables). */
  numberFormats: string[];
  conditionalFormats: ConditionalFormatSpec[];
  validations: ValidationSpec[];
  style?: string;
}

export interface CellSelection {
  sheet: string;
  row: number;
  column: number;
}

interface TableMeta {
  name: string;
  headerRow: number;
  firstColumn: number;
  columnCount: number;
  rowCount: number;
  totalsRow: number | null;
  columns?: ColumnSpec[];
  numberFormats: string[];
  conditionalFormats: ConditionalFormatSpec[];
  validations: ValidationSpec[];
  style?: string;
}

interface SheetState {
  name: string;
  /** Sparse grid: rows[r][c]; holes and null are blank cells. */
  cells: CellValue[][];
  /** "row,column" of strings that Office would have to force to text (see needsTextPrefix). */
  textCells: Set<string>;
  /** Number formats of single cells (info-block values), "row,column" → format. */
  cellFormats: Map<string, string>;
  boldCells: Set<string>;
  tables: TableMeta[];
  charts: ChartSpec[];
  freezeRows: number;
  freezeColumns: number;
  print?: PrintSpec;
  tabColor?: string;
  /** The output this sheet was written for (the CreditDesk.Output marker), if it is one of ours. */
  output?: string;
  visibility: "visible" | "hidden" | "veryHidden";
}

const key = (row: number, column: number): string => `${row},${column}`;

function newSheet(name: string): SheetState {
  return {
    name,
    cells: [],
    textCells: new Set(),
    cellFormats: new Map(),
    boldCells: new Set(),
    tables: [],
    charts: [],
    freezeRows: 0,
    freezeColumns: 0,
    visibility: "visible",
  };
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === "";
}

/**
 * In-memory WorkbookPort: sheets as sparse grids of CellValue plus the metadata an Excel workbook
 * would hold (tables, number formats, conditional formats, validations, charts, frozen rows, tab
 * colours, the last selection). Used by tests, the demo and the workbench viewer. The memory model
 * has no formulas: every string is stored as text, and strings Office would have to force to text
 * ("=SUM(A1)", "+1", "-x", "@name", see needsTextPrefix) are recorded so tests can assert that rule.
 */
export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: SheetState[] = [];
  private selection: CellSelection | null = null;
  /** Increases with every change of a cell, a sheet or a table (a paced read or write checks it across its pauses). */
  private mutations = 0;
  /** Cells handled between two pauses of readWorkbook and writeSheets (Infinity: none, one synchronous step). */
  private cellsPerStep = Number.POSITIVE_INFINITY;
  private pause: () => Promise<void> = nextTask;
  /** The sheet shown: the one a write activated (WriteOptions.activate), else null (the first). */
  private active: SheetState | null = null;
  readonly dateSystem: "1900" | "1904";

  constructor(options: { dateSystem?: "1900" | "1904" } = {}) {
    this.dateSystem = options.dateSystem ?? "1900";
  }

  /**
   * A workbook holding the given tables (or plain ranges), in order.
   * @example MemoryWorkbook.fromTables([{ sheet: "Customers", name: "Customers", headers: ["Id"], rows: [["C1"]] }])
   */
  static fromTables(tables: readonly SeedTable[], options: { dateSystem?: "1900" | "1904" } = {}): MemoryWorkbook {
    const workbook = new MemoryWorkbook(options);
    for (const table of tables) workbook.addTable(table);
    return workbook;
  }

  /**
   * Paces readWorkbook and writeSheets (the workbench page, issues 16 and 19: no long task on the
   * page's thread): they copy or lay `cellsPerStep` cells, then wait for `pause` (by default the
   * next task) before the next step. A write is rendered into new sheets in steps and swapped in
   * at the end in one synchronous step, so nothing of it shows before it is whole; a read or a write
   * whose workbook changed during a pause starts again in one synchronous step. Default (and
   * `undefined`): no pauses, each call in one step.
   */
  paceSteps(cellsPerStep: number | undefined, pause: () => Promise<void> = nextTask): void {
    this.cellsPerStep = cellsPerStep === undefined || cellsPerStep <= 0 ? Number.POSITIVE_INFINITY : cellsPerStep;
    this.pause = pause;
  }

  /**
   * Declares an Excel table over cells already in the sheet (the workbench's import lays the rows
   * first, as they arrive): its header row is written with `headers` and each data row's cells
   * exist (blank) up to the table's last column, as addTable over the same rows would leave them.
   */
  declareTable(table: { sheet: string; name: string; headers: string[]; headerRow: number; firstColumn: number; rowCount: number }): void {
    const sheet = this.findSheet(table.sheet);
    if (!sheet) throw new Error(`Sheet ${table.sheet} does not exist`);
    if (this.findTable(table.name)) throw new Error(`Table ${table.name} already exists`);
    const columnCount = table.headers.length;
    cellAddress(table.headerRow + table.rowCount, table.firstColumn + Math.max(columnCount, 1) - 1);
    sheet.tables.push({
      name: table.name,
      headerRow: table.headerRow,
      firstColumn: table.firstColumn,
      columnCount,
      rowCount: table.rowCount,
      totalsRow: null,
      numberFormats: table.headers.map(() => "General"),
      conditionalFormats: [],
      validations: [],
    });
    this.putBlock(sheet, table.headerRow, table.firstColumn, [table.headers]);
    const end = table.firstColumn + columnCount;
    for (let r = table.headerRow + 1; r <= table.headerRow + table.rowCount; r++) {
      const target = sheet.cells[r] ?? (sheet.cells[r] = []);
      for (let c = table.firstColumn; c < end; c++) if (target[c] === undefined) target[c] = null;
    }
  }

  /** Add a seeded table or plain range (creating its sheet when needed). */
  addTable(seed: SeedTable): void {
    const sheet = this.sheetOrCreate(seed.sheet);
    const headerRow = seed.headerRow ?? (sheet.cells.length === 0 ? 0 : sheet.cells.length + 1);
    const firstColumn = seed.firstColumn ?? 0;
    const columnCount = seed.headers.length;
    seed.rows.forEach((row, i) => {
      if (row.length !== columnCount) {
        throw new Error(`Seed ${seed.name}: row ${i} has ${row.length} cells, expected ${columnCount}`);
      }
    });
    if (seed.kind !== "range") {
      if (this.findTable(seed.name)) throw new Error(`Table ${seed.name} already exists`);
      sheet.tables.push({
        name: seed.name,
        headerRow,
        firstColumn,
        columnCount,
        rowCount: seed.rows.length,
        totalsRow: null,
        numberFormats: seed.headers.map(() => "General"),
        conditionalFormats: [],
        validations: [],
      });
    }
    this.putBlock(sheet, headerRow, firstColumn, [seed.headers, ...seed.rows]);
  }

  /** Write a block of values into a sheet (creating it), e.g. a Policy range for a test. */
  setCells(sheetName: string, row: number, column: number, values: readonly CellValue[][]): void {
    this.putBlock(this.sheetOrCreate(sheetName), row, column, values);
  }

  /** Hide a sheet (or show it again), as a user can. */
  setVisibility(sheetName: string, visibility: "visible" | "hidden" | "veryHidden"): void {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`Sheet ${sheetName} does not exist`);
    sheet.visibility = visibility;
    this.mutations++;
  }

  /** Rename a sheet, as a user can (an output sheet keeps its marker). */
  renameSheet(from: string, to: string): void {
    const sheet = this.findSheet(from);
    if (!sheet) throw new Error(`Sheet ${from} does not exist`);
    if (this.findSheet(to) && this.findSheet(to) !== sheet) throw new Error(`Sheet ${to} already exists`);
    sheet.name = to;
    this.mutations++;
  }

  /** The output a sheet is marked for (null when it is not one of the add-in's sheets). */
  outputOf(sheetName: string): string | null {
    return this.findSheet(sheetName)?.output ?? null;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /**
   * The sheet as a dense grid from A1 to its last used cell (blank cells are null); with
   * `maxRows`, only its first rows (as wide as the whole sheet: a viewer's first screen).
   */
  getSheet(name: string, maxRows = Number.POSITIVE_INFINITY): CellValue[][] | undefined {
    const sheet = this.findSheet(name);
    if (!sheet) return undefined;
    const width = sheet.cells.reduce((w, row) => Math.max(w, row ? row.length : 0), 0);
    const grid: CellValue[][] = [];
    for (let r = 0; r < Math.min(sheet.cells.length, maxRows); r++) {
      const row = sheet.cells[r] ?? [];
      const out: CellValue[] = [];
      for (let c = 0; c < width; c++) out.push(row[c] ?? null);
      grid.push(out);
    }
    return grid;
  }

  /** How many rows the sheet's grid spans, A1 to its last used row (undefined when the sheet does not exist). */
  rowCountOf(name: string): number | undefined {
    return this.findSheet(name)?.cells.length;
  }

  /** One cell's value (null when blank or when the sheet does not exist). */
  getCell(sheetName: string, row: number, column: number): CellValue {
    return this.findSheet(sheetName)?.cells[row]?.[column] ?? null;
  }

  /** Whether the cell holds a string that Office would have had to force to text. */
  isText(sheetName: string, row: number, column: number): boolean {
    return this.findSheet(sheetName)?.textCells.has(key(row, column)) ?? false;
  }

  /** Whether the cell was written bold (sheet titles). */
  isBold(sheetName: string, row: number, column: number): boolean {
    return this.findSheet(sheetName)?.boldCells.has(key(row, column)) ?? false;
  }

  /** Number format of a cell: its table column's format, an info-line format, else "General". */
  getNumberFormat(sheetName: string, row: number, column: number): string {
    const sheet = this.findSheet(sheetName);
    if (!sheet) return "General";
    const own = sheet.cellFormats.get(key(row, column));
    if (own) return own;
    for (const t of sheet.tables) {
      const lastRow = t.totalsRow ?? t.headerRow + t.rowCount;
      const inColumns = column >= t.firstColumn && column < t.firstColumn + t.columnCount;
      if (inColumns && row > t.headerRow && row <= lastRow) return t.numberFormats[column - t.firstColumn];
    }
    return "General";
  }

  getTable(name: string): MemoryTable | undefined {
    const found = this.findTable(name);
    return found ? drain(this.tableSteps(found.sheet, found.meta, { budget: Number.POSITIVE_INFINITY, spent: 0 })) : undefined;
  }

  /** A table read back from the grid, a step (a pause of a paced read) after every `step.budget` cells. */
  private *tableSteps(sheet: SheetState, meta: TableMeta, step: Step): Generator<void, MemoryTable> {
    const read = (row: number): CellValue[] => {
      const out: CellValue[] = [];
      for (let c = 0; c < meta.columnCount; c++) out.push(sheet.cells[row]?.[meta.firstColumn + c] ?? null);
      return out;
    };
    const rows: CellValue[][] = [];
    for (let r = 0; r < meta.rowCount; r++) {
      rows.push(read(meta.headerRow + 1 + r));
      yield* spend(step, meta.columnCount);
    }
    return {
      name: meta.name,
      sheet: sheet.name,
      headerRow: meta.headerRow,
      firstColumn: meta.firstColumn,
      headers: read(meta.headerRow).map((v) => (v === null ? "" : String(v))),
      rows,
      totals: meta.totalsRow === null ? undefined : read(meta.totalsRow),
      columns: meta.columns,
      numberFormats: [...meta.numberFormats],
      conditionalFormats: [...meta.conditionalFormats],
      validations: [...meta.validations],
      style: meta.style,
    };
  }

  getCharts(sheetName: string): ChartSpec[] {
    return [...(this.findSheet(sheetName)?.charts ?? [])];
  }

  /** Frozen rows and columns, page setup and tab colour of a sheet. */
  getSheetProperties(sheetName: string): { freezeRows: number; freezeColumns: number; print?: PrintSpec; tabColor?: string } | undefined {
    const sheet = this.findSheet(sheetName);
    return sheet ? { freezeRows: sheet.freezeRows, freezeColumns: sheet.freezeColumns, print: sheet.print, tabColor: sheet.tabColor } : undefined;
  }

  /** The sheet shown when the workbook opens: the last one a write activated, else the first. */
  activeSheet(): string | undefined {
    return (this.active && this.sheets.includes(this.active) ? this.active : this.sheets[0])?.name;
  }

  /** The cell last selected through select(), or null. */
  get lastSelection(): CellSelection | null {
    return this.selection;
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    // Changed during a pause, the copy so far may mix two states: it is read whole then.
    return this.paced((cellsPerStep) => this.snapshotSteps(cellsPerStep));
  }

  /**
   * Runs a paced operation: a pause after each step; when the workbook changed during a pause, the
   * operation again from the start in one synchronous step (what it did so far may be stale).
   */
  private async paced<T>(steps: (cellsPerStep: number) => Generator<void, T>): Promise<T> {
    if (this.cellsPerStep === Number.POSITIVE_INFINITY) return drain(steps(Number.POSITIVE_INFINITY));
    const before = this.mutations;
    const running = steps(this.cellsPerStep);
    for (let next = running.next(); ; next = running.next()) {
      if (next.done) return next.value;
      await this.pause();
      if (this.mutations !== before) return drain(steps(Number.POSITIVE_INFINITY));
    }
  }

  /** The snapshot readWorkbook returns, a step after every `cellsPerStep` cells copied. */
  private *snapshotSteps(cellsPerStep: number): Generator<void, WorkbookSnapshot> {
    const step: Step = { budget: cellsPerStep, spent: 0 };
    const tables: SourceTable[] = [];
    for (const sheet of [...this.sheets]) {
      if (sheet.tables.length > 0) {
        for (const meta of [...sheet.tables]) {
          const table = yield* this.tableSteps(sheet, meta, step);
          tables.push({
            name: table.name,
            sheet: sheet.name,
            kind: "table",
            headerRow: table.headerRow,
            firstColumn: table.firstColumn,
            headers: table.headers,
            rows: table.rows,
            sheetVisibility: sheet.visibility,
          });
        }
      } else {
        const range = usedRangeTable(sheet);
        if (range) tables.push({ ...range, sheetVisibility: sheet.visibility });
      }
    }
    const outputSheets = this.sheets.flatMap((s) => (s.output === undefined ? [] : [{ sheet: s.name, output: s.output }]));
    return { sheets: this.sheetNames(), tables, dateSystem: this.dateSystem, outputSheets };
  }

  /**
   * WorkbookPort.writeSheets with Excel's semantics (see OfficeWorkbook): each output replaces
   * the sheet marked as that output, else takes its name or the first free "Name (n)"; a user's
   * table name gets a free variant; all sheets are rendered before any is swapped in, so a
   * failure changes nothing.
   */
  async writeSheets(specs: SheetSpec[], options: WriteOptions = {}): Promise<WriteResult> {
    // Changed during a pause, the plan (names, replaced sheets) may be stale: it is written whole then.
    return this.paced((cellsPerStep) => this.writeSteps(specs, options, cellsPerStep));
  }

  /**
   * writeSheets in steps: every sheet rendered into a new SheetState (a step after every
   * `cellsPerStep` cells laid), then all swapped in at once (the last step, synchronous).
   */
  private *writeSteps(specs: SheetSpec[], options: WriteOptions, cellsPerStep: number): Generator<void, WriteResult> {
    const step: Step = { budget: cellsPerStep, spent: 0 };
    checkSheetSpecs(specs);
    // The check walks every table's rows (and a charted table's again): a step's worth at 100,000 rows.
    yield* spend(step, specs.reduce((n, sheet) => n + sheet.tables.reduce((m, table) => m + table.rows.length, 0), 0));
    const marks = this.sheets.map((s) => ({ name: s.name, output: s.output, isTemp: false, state: s }));
    const tables = this.sheets.flatMap((s) => s.tables.map((t) => ({ name: t.name, sheet: s.name })));
    const plans = planWrite(specs, marks, tables);
    options.onProgress?.(0);
    const rendered: SheetState[] = [];
    for (const [i, plan] of plans.entries()) {
      const sheet = newSheet(plan.final);
      yield* this.renderSteps(sheet, renamedSpec(plan, plans, plan.final), step);
      if (plan.spec.role !== "input") sheet.output = outputIdOf(plan.spec);
      options.onProgress?.((i + 1) / specs.length);
      rendered.push(sheet);
    }
    this.mutations++;
    // The outputs go, in the order given, as one group where the first one they replace was (else
    // at the end); new input sheets are appended; every other sheet keeps its place.
    const replaced = new Set(plans.flatMap((plan) => (plan.old ? [plan.old.name.toLowerCase()] : [])));
    const start = outputGroupStart(this.sheets.map((s) => s.name), replaced);
    const staying = this.sheets.filter((s) => !replaced.has(s.name.toLowerCase()));
    const outputs = rendered.filter((_, i) => plans[i].spec.role !== "input");
    const inputs = rendered.filter((_, i) => plans[i].spec.role === "input");
    this.sheets.splice(0, this.sheets.length, ...staying.slice(0, start), ...outputs, ...staying.slice(start), ...inputs);
    const shown = plans.findIndex((plan) => plan.spec.name === options.activate);
    if (shown >= 0) this.active = rendered[shown];
    return { sheets: plans.map((plan) => ({ requested: plan.spec.name, written: plan.final })) };
  }

  /** WorkbookPort.updateTableRows: the table's data rows in place; the sheet and table are kept. */
  async updateTableRows(tableName: string, rows: CellValue[][]): Promise<void> {
    const found = this.findTable(tableName);
    if (!found) throw new Error(`Table ${tableName} does not exist`);
    const { sheet, meta } = found;
    rows.forEach((row, i) => {
      if (row.length !== meta.columnCount) throw new Error(`Table ${tableName}: row ${i} has ${row.length} cells, expected ${meta.columnCount}`);
    });
    const blank = Array<CellValue>(meta.columnCount).fill(null);
    const old = meta.rowCount;
    const lines = [...rows];
    for (let r = rows.length; r < old; r++) lines.push(blank); // rows no longer in the table are cleared
    this.putBlock(sheet, meta.headerRow + 1, meta.firstColumn, lines);
    meta.rowCount = rows.length;
  }

  async select(sheetName: string, row: number, column: number): Promise<void> {
    const sheet = this.findSheet(sheetName);
    if (!sheet) throw new Error(`Sheet ${sheetName} does not exist`);
    cellAddress(row, column); // throws a RangeError outside the grid, like Office.js would
    this.selection = { sheet: sheet.name, row, column };
  }

  private *renderSteps(sheet: SheetState, spec: SheetSpec, step: Step): Generator<void> {
    if (spec.title !== undefined) {
      this.putBlock(sheet, 0, 0, [[spec.title]]);
      sheet.boldCells.add(key(0, 0));
    }
    for (const block of spec.info ?? []) {
      this.putBlock(
        sheet,
        block.row,
        block.column,
        block.lines.map(([label, value]) => [label, value]),
      );
      block.lines.forEach(([label], i) => {
        const format = block.formats?.[label];
        if (format) sheet.cellFormats.set(key(block.row + i, block.column + 1), format);
      });
    }
    for (const table of spec.tables) {
      const g = tableGeometry(table);
      yield* spend(step, table.rows.length); // tableGeometry walked the rows
      yield* this.blockSteps(sheet, g.headerRow, g.firstColumn, tableValues(table), step);
      if (table.totals && g.totalsRow !== null) this.putBlock(sheet, g.totalsRow, g.firstColumn, [table.totals]);
      sheet.tables.push({
        name: table.name,
        headerRow: g.headerRow,
        firstColumn: g.firstColumn,
        columnCount: g.columnCount,
        rowCount: g.dataRowCount,
        totalsRow: g.totalsRow,
        columns: table.columns.map((c) => ({ ...c })),
        numberFormats: table.columns.map((c) => numberFormatOf(c) ?? "General"),
        conditionalFormats: [...(table.conditionalFormats ?? [])],
        validations: [...(table.validations ?? [])],
        style: table.style,
      });
    }
    sheet.charts = (spec.charts ?? []).map((c) => ({ ...c }));
    sheet.freezeRows = spec.freezeRows ?? 0;
    sheet.freezeColumns = spec.freezeColumns ?? 0;
    sheet.print = spec.print === undefined ? undefined : copyPrint(spec.print);
    sheet.tabColor = spec.tabColor;
  }

  private putBlock(sheet: SheetState, row: number, column: number, values: readonly CellValue[][]): void {
    drain(this.blockSteps(sheet, row, column, values, { budget: Number.POSITIVE_INFINITY, spent: 0 }));
  }

  /** putBlock, a step after every `step.budget` cells laid. */
  private *blockSteps(sheet: SheetState, row: number, column: number, values: readonly CellValue[][], step: Step): Generator<void> {
    if (values.length === 0) return;
    // Both corners inside the grid (cellAddress throws a RangeError otherwise).
    cellAddress(row, column);
    cellAddress(row + values.length - 1, column + values.reduce((w, l) => Math.max(w, l.length), 1) - 1);
    // A write's new sheets are not the workbook's yet: laying their cells changes nothing.
    if (this.sheets.includes(sheet)) this.mutations++;
    for (let i = 0; i < values.length; i++) {
      const line = values[i]!;
      const r = row + i;
      const target = sheet.cells[r] ?? (sheet.cells[r] = []);
      line.forEach((value, j) => {
        const c = column + j;
        const stored = value === "" ? null : value;
        target[c] = stored;
        if (typeof stored === "string" && needsTextPrefix(stored)) sheet.textCells.add(key(r, c));
        // Only when there is something to forget: the key is a string built per cell, and a
        // workbench import lays 1M cells (1.85 s of 100k invoices' import was these keys).
        else if (sheet.textCells.size > 0) sheet.textCells.delete(key(r, c));
      });
      yield* spend(step, line.length);
    }
  }

  private findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private sheetOrCreate(name: string): SheetState {
    const found = this.findSheet(name);
    if (found) return found;
    const sheet = newSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }

  private findTable(name: string): { sheet: SheetState; meta: TableMeta } | undefined {
    const lower = name.toLowerCase();
    for (const sheet of this.sheets) {
      const meta = sheet.tables.find((t) => t.name.toLowerCase() === lower);
      if (meta) return { sheet, meta };
    }
    return undefined;
  }
}

/** A paced operation's count of cells since its last step, and how many make a step. */
interface Step {
  budget: number;
  spent: number;
}

/** Counts `cells` of work done, and ends the step when it is full. */
function* spend(step: Step, cells: number): Generator<void> {
  if ((step.spent += cells) >= step.budget) {
    step.spent = 0;
    yield;
  }
}

/** Runs a paced operation's steps without pausing. */
function drain<T>(steps: Generator<void, T>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A copy of a print setup (jsdom, where the workbench and the pane tests run, has no structuredClone). */
function copyPrint(print: PrintSpec): PrintSpec {
  return {
    ...print,
    titleRows: print.titleRows && [...print.titleRows],
    titleColumns: print.titleColumns && [...print.titleColumns],
    header: print.header && { ...print.header },
    footer: print.footer && { ...print.footer },
  };
}

/** The used range of a sheet without tables: first non-empty row = header. */
function usedRangeTable(sheet: SheetState): SourceTable | undefined {
  let top = -1;
  let bottom = -1;
  let left = Number.POSITIVE_INFINITY;
  let right = -1;
  sheet.cells.forEach((row, r) => {
    row?.forEach((value, c) => {
      if (isBlank(value)) return;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (top < 0) return undefined;
  const read = (r: number): CellValue[] => {
    const out: CellValue[] = [];
    for (let c = left; c <= right; c++) out.push(sheet.cells[r]?.[c] ?? null);
    return out;
  };
  const rows: CellValue[][] = [];
  for (let r = top + 1; r <= bottom; r++) rows.push(read(r));
  return {
    name: sheet.name,
    sheet: sheet.name,
    kind: "range",
    headerRow: top,
    firstColumn: left,
    headers: read(top).map((v) => (v === null ? "" : String(v))),
    rows,
  };
}
