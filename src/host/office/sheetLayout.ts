import type { CellValue, ChartSpec, ColumnSpec, SheetSpec, TableSpec } from "../WorkbookPort";
import { columnLetter } from "../address";

/** Where a TableSpec lands on its sheet (0-based sheet rows and columns). */
export interface TableGeometry {
  spec: TableSpec;
  headerRow: number;
  firstColumn: number;
  columnCount: number;
  /** First data row (header + 1) and number of data rows (0 for an empty table). */
  dataRow: number;
  dataRowCount: number;
  /** Row of the totals line, or null when the table has none. */
  totalsRow: number | null;
}

/**
 * Geometry of a table, after checking that every data row and the totals row are as long as the
 * columns (a mismatch is a bug in the sheet builder, so it throws).
 * @example tableGeometry({ name: "T", headerRow: 2, firstColumn: 1, columns: [c1, c2], rows: [[1, 2]] })
 *   //=> { headerRow: 2, firstColumn: 1, columnCount: 2, dataRow: 3, dataRowCount: 1, totalsRow: null, ... }
 */
export function tableGeometry(spec: TableSpec): TableGeometry {
  const columnCount = spec.columns.length;
  if (columnCount === 0) throw new Error(`Table ${spec.name} has no columns`);
  spec.rows.forEach((row, i) => {
    if (row.length !== columnCount) {
      throw new Error(`Table ${spec.name}: row ${i} has ${row.length} cells, expected ${columnCount}`);
    }
  });
  if (spec.totals && spec.totals.length !== columnCount) {
    throw new Error(`Table ${spec.name}: totals row has ${spec.totals.length} cells, expected ${columnCount}`);
  }
  const dataRow = spec.headerRow + 1;
  return {
    spec,
    headerRow: spec.headerRow,
    firstColumn: spec.firstColumn,
    columnCount,
    dataRow,
    dataRowCount: spec.rows.length,
    totalsRow: spec.totals ? dataRow + spec.rows.length : null,
  };
}

/** Sheet column of the column with this header; throws when the table has no such column. */
export function columnOf(geometry: TableGeometry, header: string): number {
  const index = geometry.spec.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`Table ${geometry.spec.name} has no column "${header}"`);
  return geometry.firstColumn + index;
}

/** The header row and data rows of a table as one block of values (totals excluded). */
export function tableValues(spec: TableSpec): CellValue[][] {
  return [spec.columns.map((c) => c.header), ...spec.rows];
}

/** The table a chart plots, looked up first on the chart's own sheet, then on the others. */
export function chartTable(
  chart: ChartSpec,
  sheet: SheetSpec,
  all: readonly SheetSpec[],
): { sheet: SheetSpec; geometry: TableGeometry } {
  const owner = [sheet, ...all].find((s) => s.tables.some((t) => t.name === chart.table));
  const table = owner?.tables.find((t) => t.name === chart.table);
  if (!owner || !table) throw new Error(`Chart ${chart.name} plots unknown table ${chart.table}`);
  return { sheet: owner, geometry: tableGeometry(table) };
}

/** Check a write request: sheet names and table names unique, every table well formed. */
export function checkSheetSpecs(sheets: readonly SheetSpec[]): void {
  const sheetNames = new Set<string>();
  const tableNames = new Set<string>();
  for (const sheet of sheets) {
    const key = sheet.name.toLowerCase();
    if (sheetNames.has(key)) throw new Error(`Sheet ${sheet.name} is listed twice`);
    sheetNames.add(key);
    for (const table of sheet.tables) {
      const tkey = table.name.toLowerCase();
      if (tableNames.has(tkey)) throw new Error(`Table ${table.name} is listed twice`);
      tableNames.add(tkey);
      const geometry = tableGeometry(table);
      for (const f of table.conditionalFormats ?? []) columnOf(geometry, f.column);
      for (const v of table.validations ?? []) columnOf(geometry, v.column);
    }
  }
  for (const sheet of sheets) {
    for (const chart of sheet.charts ?? []) {
      const { geometry } = chartTable(chart, sheet, sheets);
      columnOf(geometry, chart.categoryColumn);
      for (const s of chart.seriesColumns) columnOf(geometry, s);
    }
  }
}

/**
 * Where the output sheets of a write go as one group of tabs (WriteOptions): at the place of the
 * first output sheet they replace, else after every sheet; the sheets that stay keep their order.
 * Returns the 0-based position of the group's first sheet once the replaced sheets are gone.
 * @example outputGroupStart(["Customers", "Summary", "Policy", "Aging"], new Set(["summary", "aging"])) //=> 1
 * @example outputGroupStart(["Customers", "Policy"], new Set()) //=> 2
 */
export function outputGroupStart(sheetsInOrder: readonly string[], replaced: ReadonlySet<string>): number {
  let staying = 0;
  for (const name of sheetsInOrder) {
    if (replaced.has(name.toLowerCase())) return staying;
    staying += 1;
  }
  return staying;
}

/** Excel's horizontal alignment for a column (numbers right by default, see ColumnSpec.align). */
export function horizontalAlignmentOf(column: ColumnSpec): "Left" | "Center" | "Right" {
  const align = column.align ?? (column.kind === "text" || column.kind === "boolean" ? "left" : "right");
  return align === "center" ? "Center" : align === "right" ? "Right" : "Left";
}

/** A1-style whole rows ("$9:$9") and whole columns ("$A:$B") for print titles, 0-based inclusive. */
export function wholeRows([first, last]: [number, number]): string {
  return `$${first + 1}:$${last + 1}`;
}
export function wholeColumns([first, last]: [number, number]): string {
  return `$${columnLetter(first)}:$${columnLetter(last)}`;
}

/** A collapsed outline group of sheet columns (ColumnSpec.detail), 0-based inclusive, with the rows its tables span. */
export interface DetailColumnGroup {
  first: number;
  last: number;
  /** The sheet rows of the tables that declare it (header to last data or totals row), 0-based inclusive. */
  rows: [number, number];
}

/**
 * The outline groups of columns a sheet declares (ColumnSpec.detail): each run of consecutive
 * sheet columns where some table's column is a detail column, left to right. A run is never next
 * to another (they would be one group), so the column after each run holds its + button.
 * @example detailColumnGroups({ name: "S", tables: [{ name: "T", headerRow: 8, firstColumn: 0, rows: [[1, 2, 3, 4]], columns: [id, { ...a, detail: true }, { ...b, detail: true }, c] }] })
 *   //=> [{ first: 1, last: 2, rows: [8, 9] }]
 */
export function detailColumnGroups(sheet: SheetSpec): DetailColumnGroup[] {
  const rowsOf = new Map<number, [number, number]>();
  for (const table of sheet.tables) {
    const lastRow = table.headerRow + Math.max(1, table.rows.length) + (table.totals ? 1 : 0);
    table.columns.forEach((column, i) => {
      if (column.detail !== true) return;
      const at = table.firstColumn + i;
      const known = rowsOf.get(at);
      rowsOf.set(at, known ? [Math.min(known[0], table.headerRow), Math.max(known[1], lastRow)] : [table.headerRow, lastRow]);
    });
  }
  const columns = [...rowsOf.keys()].sort((a, b) => a - b);
  const groups: DetailColumnGroup[] = [];
  for (const column of columns) {
    const rows = rowsOf.get(column) ?? [0, 0];
    const last = groups[groups.length - 1];
    if (last && last.last === column - 1) {
      last.last = column;
      last.rows = [Math.min(last.rows[0], rows[0]), Math.max(last.rows[1], rows[1])];
    } else groups.push({ first: column, last: column, rows: [rows[0], rows[1]] });
  }
  return groups;
}
