/**
 * A WorkbookPort for the pane's tests: a MemoryWorkbook that records every write and selection,
 * and can hold a readWorkbook call until the test releases it (to cancel a running review).
 */
import type { CellValue, SheetSpec, WorkbookPort, WorkbookSnapshot, WriteOptions, WriteResult } from "../../src/host/WorkbookPort";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";

export class RecordingPort implements WorkbookPort {
  readonly writes: SheetSpec[][] = [];
  readonly selections: [string, number, number][] = [];
  /** Every updateTableRows call: the table and its new rows. */
  readonly updates: [string, CellValue[][]][] = [];
  readonly reads: number[] = [];
  private gate: Promise<void> | undefined;
  private openGate: (() => void) | undefined;

  constructor(readonly workbook: MemoryWorkbook = new MemoryWorkbook()) {}

  /** The next readWorkbook calls wait until release() is called. */
  hold(): void {
    this.gate = new Promise((resolve) => { this.openGate = resolve; });
  }

  release(): void {
    this.openGate?.();
    this.gate = undefined;
  }

  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.reads.push(this.reads.length);
    if (this.gate) await this.gate;
    return this.workbook.readWorkbook();
  }

  async writeSheets(sheets: SheetSpec[], options?: WriteOptions): Promise<WriteResult> {
    this.writes.push(sheets);
    return this.workbook.writeSheets(sheets, options);
  }

  async updateTableRows(table: string, rows: CellValue[][]): Promise<void> {
    this.updates.push([table, rows]);
    return this.workbook.updateTableRows(table, rows);
  }

  async select(sheet: string, row: number, column: number): Promise<void> {
    this.selections.push([sheet, row, column]);
    return this.workbook.select(sheet, row, column);
  }

  /** Names of every sheet written, in order. */
  writtenSheetNames(): string[] {
    return this.writes.flatMap((batch) => batch.map((s) => s.name));
  }
}
