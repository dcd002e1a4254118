/**
 * Undo ExcelJS 4.4's lossy reading of table parts, so that a table in the user's workbook reads
 * right and is written back as it was:
 * - `headerRowCount` is optional in OOXML and defaults to 1, but ExcelJS reads a missing
 *   attribute as "no header row" and then writes headerRowCount="0" (Excel then shows the header
 *   names as a data row). Every table Excel itself saves omits the attribute.
 * - filter buttons are read as hidden, and written back with hiddenButton="1".
 * The facts come from the raw table XML in the package; a package this reader cannot parse
 * (zip64) is left as ExcelJS read it.
 * @example tablePartFacts('<table name="T" ref="A1:B3"><autoFilter ref="A1:B3"/>…') //=> { name: "T", ref: "A1:B3", headerRow: true, totalsRow: false, columns: ["Id", "Amount"], filterButtons: [true, true] }
 */
import type { Workbook } from "exceljs";
import { patchTableModel, tableModelsOf } from "./excelJsInternals";
import { readZipEntries } from "./readZipEntries";
import { attributeOf as attribute } from "./xmlText";

export interface TablePartFacts {
  name: string;
  /** The whole table range incl. header and totals rows, e.g. "A1:D20". */
  ref: string;
  headerRow: boolean;
  /** True when the table shows a totals row (totalsRowCount ≥ 1). */
  totalsRow: boolean;
  /** Column names in order. */
  columns: string[];
  /** Per column: does the header show a filter button? */
  filterButtons: boolean[];
}

export function tablePartFacts(xml: string): TablePartFacts | undefined {
  const open = /<(?:\w+:)?table\s([^>]*)>/.exec(xml);
  if (!open) return undefined;
  const name = attribute(open[1], "name");
  if (name === undefined) return undefined;
  const headerRow = (attribute(open[1], "headerRowCount") ?? "1") !== "0";
  const totalsRow = Number(attribute(open[1], "totalsRowCount") ?? "0") > 0;
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\s([^>]*)>/g)].map((m) => attribute(m[1], "name") ?? "");
  const columnCount = columns.length;
  const hasAutoFilter = /<(?:\w+:)?autoFilter[\s>/]/.test(xml);
  const hidden = new Set<number>();
  for (const m of xml.matchAll(/<(?:\w+:)?filterColumn\s([^>]*)>/g)) {
    const colId = attribute(m[1], "colId");
    if (colId !== undefined && attribute(m[1], "hiddenButton") === "1") hidden.add(Number(colId));
  }
  return { name, ref: attribute(open[1], "ref") ?? "", headerRow, totalsRow, columns, filterButtons: Array.from({ length: columnCount }, (_, i) => headerRow && hasAutoFilter && !hidden.has(i)) };
}

export function repairLoadedTables(workbook: Workbook, bytes: Buffer): void {
  let parts: Map<string, string>;
  try {
    parts = readZipEntries(bytes, isTablePart);
  } catch {
    return;
  }
  repairTablesFrom(workbook, parts.values());
}

/** Whether a package part is a table part (xl/tables/*.xml). */
export function isTablePart(name: string): boolean {
  return /^xl\/tables\/[^/]+\.xml$/.test(name);
}

/**
 * The repair from the table parts' XML however they were read (the browser workbench unzips
 * with fflate: it has no Node Buffer for readZipEntries).
 */
export function repairTablesFrom(workbook: Workbook, tableXmls: Iterable<string>): void {
  const facts = new Map<string, TablePartFacts>();
  for (const xml of tableXmls) {
    const f = tablePartFacts(xml);
    if (f) facts.set(f.name, f);
  }
  for (const worksheet of workbook.worksheets) {
    for (const table of tableModelsOf(worksheet)) {
      const f = facts.get(table.name);
      if (f) patchTableModel(worksheet, table.name, f);
    }
  }
}
