/**
 * The WorkbookSnapshot of an .xlsx package read straight from its XML parts (workbook.xml, the
 * worksheets, sharedStrings.xml, the table parts), without building ExcelJS's cell model: a
 * 100k-row ledger costs its values, not a million cell objects. It gives what snapshotOf gives
 * for the same file (same SheetCells logic), with cell values as ExcelJS + toCellValue read them:
 * shared and inline strings (rich-text runs joined, phonetic runs left out, `_xHHHH_` escapes
 * decoded), numbers as stored (dates are serials already), booleans, error texts, formulas'
 * cached values (null when none), and merged cells carrying their top-left cell's value.
 *
 * It throws for anything it does not expect (zip64, a missing part, prefixed "strict" XML),
 * and the adapter then reads the file with ExcelJS instead.
 * @example readPackageSnapshot(await fs.readFile("ledger.xlsx")).tables[0].rows.length //=> 100000
 */
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue, WorkbookSnapshot } from "../WorkbookPort";
import { parseA1, parseA1Range } from "./cellAddress";
import type { TableModel } from "./excelJsInternals";
import { isDate1904, packageSheetsOf, relationshipsOf, relsPathOf, workbookPartOf, type PackageSheet } from "./packageParts";
import { centralDirectory, entryText, type ZipDirectoryEntry } from "./readZipEntries";
import { tablePartFacts } from "./repairLoadedTables";
import { outputMarksOf } from "./outputMarks";
import { snapshotOfSheets, type SheetCells } from "./snapshotOf";
import { dateToSerial } from "./toCellValue";
import { attributeOf, decodeXml } from "./xmlText";

/** Cell and row attributes read for every cell: precompiled (they are never entity-encoded). */
const R_ATTRIBUTE = /(?:^|\s)r="([^"]*)"/;
const T_ATTRIBUTE = /(?:^|\s)t="([^"]*)"/;

/** Merged areas larger than this are left to ExcelJS (which fills every cell of them too). */
const MAX_MERGED_CELLS = 1_000_000;

/** Text of a string item (`<si>` or `<is>`): its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
export function stringItemText(xml: string): string {
  const visible = xml.includes("<rPh") ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : xml;
  let text = "";
  for (const m of visible.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) {
    text += decodeXml(m[1]).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return text;
}

function sharedStringsOf(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => stringItemText(m[1] ?? ""));
}

/** The value of one `<c>` element, as ExcelJS + toCellValue read it. */
export function cellValueOf(attributes: string, inner: string, shared: readonly string[], system: DateSystem): CellValue {
  const type = T_ATTRIBUTE.exec(attributes)?.[1] ?? "n";
  if (type === "inlineStr") {
    const is = /<is>([\s\S]*?)<\/is>/.exec(inner);
    // ExcelJS reads an empty inline string as no value.
    const text = is ? stringItemText(is[1]) : "";
    return text === "" ? null : text;
  }
  const v = /<v(?:\s[^>]*)?>([^<]*)<\/v>/.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case "s": {
      const text = shared[Number(v)];
      if (text === undefined) throw new Error(`shared string ${v} is missing`);
      return text;
    }
    case "str":
    case "e":
      return decodeXml(v);
    case "b":
      return Number(v) !== 0;
    case "d":
      return dateToSerial(new Date(decodeXml(v)), system);
    default: {
      const n = parseFloat(v);
      return Number.isFinite(n) ? n : null;
    }
  }
}

type Grid = (CellValue[] | undefined)[];

function setCell(grid: Grid, row: number, column: number, value: CellValue): void {
  let cells = grid[row];
  if (!cells) {
    cells = [];
    grid[row] = cells;
  }
  cells[column] = value;
}

/** The non-null cell values of a worksheet part, merged areas filled with their first cell's value. */
function gridOf(xml: string, shared: readonly string[], system: DateSystem): Grid {
  const grid: Grid = [];
  const start = xml.indexOf("<sheetData");
  const end = xml.indexOf("</sheetData>");
  if (start >= 0 && end > start) {
    let row = -1;
    let column = -1;
    const tokens = /<row\b([^>]*?)\/?>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
    tokens.lastIndex = start;
    for (let m = tokens.exec(xml); m !== null && m.index < end; m = tokens.exec(xml)) {
      if (m[1] !== undefined) {
        const r = R_ATTRIBUTE.exec(m[1])?.[1];
        row = r !== undefined ? Number(r) - 1 : row + 1;
        column = -1;
        continue;
      }
      const attributes = m[2];
      const ref = R_ATTRIBUTE.exec(attributes)?.[1];
      const at = ref !== undefined ? parseA1(ref) : undefined;
      if (ref !== undefined && !at) throw new Error(`bad cell reference ${ref}`);
      column = at ? at.column : column + 1;
      const cellRow = at ? at.row : row;
      if (m[3] === undefined) continue;
      const value = cellValueOf(attributes, m[3], shared, system);
      if (value !== null) setCell(grid, cellRow, column, value);
    }
  }
  for (const m of xml.matchAll(/<mergeCell\s([^>]*?)\/?>/g)) {
    const rect = parseA1Range(attributeOf(m[1], "ref") ?? "");
    if (!rect) continue;
    if ((rect.bottom - rect.top + 1) * (rect.right - rect.left + 1) > MAX_MERGED_CELLS) throw new Error("merged area too large");
    const master = grid[rect.top]?.[rect.left];
    if (master === undefined || master === null) continue;
    for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) if (r !== rect.top || c !== rect.left) setCell(grid, r, c, master);
  }
  return grid;
}

function tablesOf(zip: PackageReader, sheet: PackageSheet, xml: string): TableModel[] {
  const block = /<tableParts\b[^>]*>([\s\S]*?)<\/tableParts>/.exec(xml)?.[1];
  if (block === undefined) return [];
  const rels = relationshipsOf(zip.text(relsPathOf(sheet.part)), sheet.part);
  const tables: TableModel[] = [];
  for (const m of block.matchAll(/<tablePart\s([^>]*?)\/?>/g)) {
    const rel = rels.find((r) => r.id === attributeOf(m[1], "r:id"));
    if (!rel) throw new Error(`table part of ${sheet.name} has no relationship`);
    const part = zip.text(rel.target);
    const facts = part === undefined ? undefined : tablePartFacts(part);
    if (!facts) throw new Error(`table part ${rel.target} cannot be read`);
    tables.push({ name: facts.name, tableRef: facts.ref, totalsRow: facts.totalsRow, headerRow: facts.headerRow, columns: facts.columns.map((name) => ({ name })) });
  }
  return tables;
}

interface PackageReader {
  text(name: string): string | undefined;
}

function packageReader(zip: Buffer): PackageReader {
  const entries = new Map<string, ZipDirectoryEntry>(centralDirectory(zip).map((e) => [e.name, e]));
  return {
    text(name) {
      const entry = entries.get(name);
      return entry ? entryText(zip, entry) : undefined;
    },
  };
}

function* sheetCellsOf(zip: PackageReader, sheets: PackageSheet[], shared: readonly string[], system: DateSystem): Generator<SheetCells> {
  for (const sheet of sheets) {
    const xml = zip.text(sheet.part);
    if (xml === undefined || !/<worksheet[\s>]/.test(xml)) throw new Error(`worksheet ${sheet.name} cannot be read`);
    const tables = tablesOf(zip, sheet, xml);
    const grid = gridOf(xml, shared, system);
    yield {
      name: sheet.name,
      visibility: sheet.state,
      tables,
      valueAt: (row, column) => grid[row]?.[column] ?? null,
      forEachValue(visit) {
        grid.forEach((cells, row) => cells?.forEach((value, column) => visit(row, column, value)));
      },
    };
  }
}

export function readPackageSnapshot(bytes: Buffer): WorkbookSnapshot {
  const zip = packageReader(bytes);
  const workbookPart = workbookPartOf(zip.text("_rels/.rels"));
  const workbookXml = zip.text(workbookPart);
  if (workbookXml === undefined || !/<workbook[\s>]/.test(workbookXml)) throw new Error("no workbook part");
  const workbookRels = relationshipsOf(zip.text(relsPathOf(workbookPart)), workbookPart);
  const sheets = packageSheetsOf(workbookXml, workbookRels);
  const system: DateSystem = isDate1904(workbookXml) ? "1904" : "1900";
  const sharedPart = workbookRels.find((r) => r.kind === "sharedStrings");
  const shared = sharedStringsOf(sharedPart ? zip.text(sharedPart.target) : undefined);
  return snapshotOfSheets(sheetCellsOf(zip, sheets, shared, system), system, outputMarksOf(workbookXml));
}
