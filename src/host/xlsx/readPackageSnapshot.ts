/**
 * The WorkbookSnapshot of an .xlsx package read straight from its XML parts (workbook.xml, the
 * worksheets, sharedStrings.xml, the table parts), without building ExcelJS's cell model: a
 * million-row ledger costs its values, not ten million cell objects, nor its sheet's XML (the
 * worksheet and shared-strings parts are inflated and parsed as a stream, readWorksheetPart;
 * only the small navigation parts are read whole). It gives what snapshotOf gives for the same
 * file (same SheetCells logic), with cell values as ExcelJS + toCellValue read them: shared and
 * inline strings (rich-text runs joined, phonetic runs left out, `_xHHHH_` escapes decoded),
 * numbers as stored (dates are serials already), booleans, error texts, formulas' cached values
 * (null when none), and merged cells carrying their top-left cell's value. The formula cells
 * that have no cached value (files written by generators for Excel to calculate on load) are
 * named per sheet in `uncalculatedFormulas`, so the app can say Excel must recalculate once
 * rather than read them as blank.
 *
 * It throws for anything it does not expect (zip64, a missing part, prefixed "strict" XML),
 * and the adapter then reads the file with ExcelJS instead.
 * @example readPackageSnapshot(await fs.readFile("ledger.xlsx")).tables[0].rows.length //=> 100000
 */
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue, UncalculatedFormulas, WorkbookSnapshot } from "../WorkbookPort";
import type { TableModel } from "./excelJsInternals";
import { isDate1904, packageSheetsOf, relationshipsOf, relsPathOf, workbookPartOf, type PackageSheet } from "./packageParts";
import { centralDirectory, entryText, entryTextChunks, type ZipDirectoryEntry } from "./readZipEntries";
import { readSharedStrings, readWorksheetPart, type TextFeed } from "./readWorksheetPart";
import { tablePartFacts } from "./repairLoadedTables";
import { outputMarksOf } from "./outputMarks";
import { snapshotOfSheets, type SheetCells } from "./snapshotOf";

/** Text of a string item (`<si>` or `<is>`) given as XML: its `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
export function stringItemText(xml: string): string {
  return readSharedStrings((write) => write(`<sst><si>${xml}</si></sst>`))[0] ?? "";
}

/** The value of one `<c>` element given as its attribute text and inner XML, as ExcelJS + toCellValue read them. */
export function cellValueOf(attributes: string, inner: string, shared: readonly string[], system: DateSystem): CellValue {
  const part = readWorksheetPart((write) => write(`<worksheet><sheetData><row r="1"><c${attributes}>${inner}</c></row></sheetData></worksheet>`), shared, system);
  return part.grid.flatMap((cells) => cells ?? []).find((value) => value !== undefined) ?? null;
}

function tablesOf(zip: PackageReader, sheet: PackageSheet, tablePartIds: readonly string[]): TableModel[] {
  if (tablePartIds.length === 0) return [];
  const rels = relationshipsOf(zip.text(relsPathOf(sheet.part)), sheet.part);
  const tables: TableModel[] = [];
  for (const id of tablePartIds) {
    const rel = rels.find((r) => r.id === id);
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
  /** The part's text as a stream of pieces, or undefined when there is no such part. */
  feed(name: string): TextFeed | undefined;
}

function packageReader(zip: Buffer): PackageReader {
  const entries = new Map<string, ZipDirectoryEntry>(centralDirectory(zip).map((e) => [e.name, e]));
  return {
    text(name) {
      const entry = entries.get(name);
      return entry ? entryText(zip, entry) : undefined;
    },
    feed(name) {
      const entry = entries.get(name);
      return entry ? (write) => entryTextChunks(zip, entry, write) : undefined;
    },
  };
}

function* sheetCellsOf(zip: PackageReader, sheets: PackageSheet[], shared: readonly string[], system: DateSystem, uncalculated: UncalculatedFormulas[]): Generator<SheetCells> {
  for (const sheet of sheets) {
    const feed = zip.feed(sheet.part);
    if (feed === undefined) throw new Error(`worksheet ${sheet.name} cannot be read`);
    const { grid, tablePartIds, uncachedFormulas, uncachedFormulaCount } = readWorksheetPart(feed, shared, system);
    if (uncachedFormulaCount > 0) uncalculated.push({ sheet: sheet.name, cells: uncachedFormulas, count: uncachedFormulaCount });
    const tables = tablesOf(zip, sheet, tablePartIds);
    yield {
      name: sheet.name,
      visibility: sheet.state,
      tables,
      valueAt: (row, column) => grid[row]?.[column] ?? null,
      forEachValue(visit) {
        grid.forEach((cells, row) => cells?.forEach((value, column) => visit(row, column, value)));
      },
      takeRow(row, width) {
        const cells = grid[row];
        if (!cells || cells.length > width) return undefined;
        for (let c = 0; c < width; c++) if (cells[c] === undefined) cells[c] = null;
        return cells;
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
  const sharedFeed = sharedPart ? zip.feed(sharedPart.target) : undefined;
  const shared = sharedFeed ? readSharedStrings(sharedFeed) : [];
  const uncalculated: UncalculatedFormulas[] = [];
  const snapshot = snapshotOfSheets(sheetCellsOf(zip, sheets, shared, system, uncalculated), system, outputMarksOf(workbookXml));
  // Only when there are some: a snapshot of a workbook Excel saved is as it was.
  return uncalculated.length > 0 ? { ...snapshot, uncalculatedFormulas: uncalculated } : snapshot;
}
