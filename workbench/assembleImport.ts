/**
 * The imported workbook laid into memory: sheets, then their rows as chunks arrive (from the
 * import worker, in any order), then each Excel table declared over its cells.
 */
import type { DateSystem } from "../src/engine/dates/dayNumber";
import { MemoryWorkbook } from "../src/host/memory/MemoryWorkbook";
import type { CellValue } from "../src/host/WorkbookPort";
import type { ImportedBook, ImportedTable } from "./readXlsx";

/** Lays sheets, rows and tables into a MemoryWorkbook as they arrive. */
export class Assembler {
  private readonly grids = new Map<string, CellValue[][]>();
  private memory: MemoryWorkbook | undefined;

  sheet(name: string): void {
    this.grids.set(name, []);
  }

  rows(sheet: string, from: number, rows: CellValue[][]): void {
    const grid = this.grids.get(sheet);
    if (grid === undefined) throw new Error(`rows of an unknown sheet ${sheet}`);
    for (let i = 0; i < rows.length; i++) grid[from + i] = rows[i]!;
  }

  /** The workbook: every sheet (an empty one too), its cells, then each table over them. */
  done(dateSystem: DateSystem, tables: readonly ImportedTable[]): MemoryWorkbook {
    const memory = (this.memory = new MemoryWorkbook({ dateSystem }));
    for (const [name, grid] of this.grids) {
      memory.setCells(name, 0, 0, [[null]]);
      if (grid.length > 0) memory.setCells(name, 0, 0, grid);
    }
    for (const table of tables) {
      const grid = this.grids.get(table.sheet) ?? [];
      const width = table.headers.length;
      const rows = grid.slice(table.headerRow + 1, table.headerRow + 1 + table.rowCount).map((row) => {
        const cells = row.slice(table.firstColumn, table.firstColumn + width);
        while (cells.length < width) cells.push(null);
        return cells;
      });
      memory.addTable({ sheet: table.sheet, name: table.name, headers: table.headers, rows, headerRow: table.headerRow, firstColumn: table.firstColumn });
    }
    return memory;
  }
}

/** A whole imported book as a MemoryWorkbook (the path without a worker). */
export function memoryOf(book: ImportedBook): MemoryWorkbook {
  const assembler = new Assembler();
  for (const sheet of book.sheets) {
    assembler.sheet(sheet.name);
    assembler.rows(sheet.name, 0, sheet.grid);
  }
  return assembler.done(book.dateSystem, book.tables);
}

