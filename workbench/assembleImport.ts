/**
 * The imported workbook laid into memory: the book (its date system), its sheets, then their rows
 * laid into the MemoryWorkbook as each chunk arrives (from the import worker, in any order: each
 * chunk is its own short task on the page), then each Excel table declared over its cells (its
 * header row written, no row laid a second time).
 */
import type { DateSystem } from "../src/engine/dates/dayNumber";
import { MemoryWorkbook } from "../src/host/memory/MemoryWorkbook";
import type { CellValue } from "../src/host/WorkbookPort";
import type { ImportedBook, ImportedTable } from "./readXlsx";

/** Lays sheets, rows and tables into a MemoryWorkbook as they arrive. */
export class Assembler {
  private readonly memory: MemoryWorkbook;
  private readonly names = new Set<string>();

  constructor(dateSystem: DateSystem) {
    this.memory = new MemoryWorkbook({ dateSystem });
  }

  /** A sheet of the book, in the book's order (an empty one too). */
  sheet(name: string): void {
    this.names.add(name);
    this.memory.setCells(name, 0, 0, [[null]]);
  }

  rows(sheet: string, from: number, rows: CellValue[][]): void {
    if (!this.names.has(sheet)) throw new Error(`rows of an unknown sheet ${sheet}`);
    if (rows.length > 0) this.memory.setCells(sheet, from, 0, rows);
  }

  /** The workbook: each table declared over the cells laid. */
  done(tables: readonly ImportedTable[]): MemoryWorkbook {
    for (const table of tables) {
      this.memory.declareTable({ sheet: table.sheet, name: table.name, headers: table.headers, headerRow: table.headerRow, firstColumn: table.firstColumn, rowCount: table.rowCount });
    }
    return this.memory;
  }
}

/** A whole imported book as a MemoryWorkbook (the path without a worker). */
export function memoryOf(book: ImportedBook): MemoryWorkbook {
  const assembler = new Assembler(book.dateSystem);
  for (const sheet of book.sheets) {
    assembler.sheet(sheet.name);
    assembler.rows(sheet.name, 0, sheet.grid);
  }
  return assembler.done(book.tables);
}
