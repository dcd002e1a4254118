/**
 * The workbench's WorkbookPort: a MemoryWorkbook that tells the sheet viewer when it changed and
 * remembers the last SheetSpec written to each sheet (so the .xlsx export can render it with the
 * xlsx adapter's own writeSheet). Reading and writing are the memory adapter's, paced
 * (MemoryWorkbook.paceSteps: CELLS_PER_STEP cells, then the next task) so that reading or writing
 * a 100,000-invoice workbook is no long task on the page's thread; a write still shows whole or not
 * at all, and the viewer hears of it once, after.
 */
import type { CellValue, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions, WriteResult } from "../src/host/WorkbookPort";
import { MemoryWorkbook } from "../src/host/memory/MemoryWorkbook";

export type ChangeListener = () => void;

/**
 * Cells copied or laid per task by the workbench's reads and writes (bench/cases/workbenchImport.ts
 * at 100,000 invoices: the review's write of about 1.2M cells in one step was a 230 ms task, the
 * read of 1M cells about 80 ms; with 50,000 cells a step plus a young-generation collection was
 * still 137 ms at load 5 on 2 cores, with 20,000 the longest task of the review was 72 ms).
 */
export const CELLS_PER_STEP = 20_000;

export class ObservableWorkbook implements WorkbookPort {
  private readonly listeners = new Set<ChangeListener>();
  private readonly specs = new Map<string, SheetSpec>();
  /** Increases with every change; the viewer keys its rendering on it. */
  version = 0;

  constructor(readonly memory: MemoryWorkbook = new MemoryWorkbook()) {
    memory.paceSteps(CELLS_PER_STEP);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The SheetSpec last written to a sheet, if it was written through writeSheets. */
  specOf(sheet: string): SheetSpec | undefined {
    return this.specs.get(sheet.toLowerCase());
  }

  readWorkbook(): Promise<WorkbookSnapshot> {
    return this.memory.readWorkbook();
  }

  async writeSheets(sheets: SheetSpec[], options?: WriteOptions): Promise<WriteResult> {
    const result = await this.memory.writeSheets(sheets, options);
    result.sheets.forEach(({ written }, i) => this.specs.set(written.toLowerCase(), { ...sheets[i], name: written }));
    this.changed();
    return result;
  }

  async updateTableRows(table: string, rows: CellValue[][]): Promise<void> {
    await this.memory.updateTableRows(table, rows);
    this.changed();
  }

  async select(sheet: string, row: number, column: number): Promise<void> {
    await this.memory.select(sheet, row, column);
    this.changed();
  }

  private changed(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
