/**
 * Write an .xlsx package as a stream with the data rows of one of its Excel tables replaced by
 * rows produced one at a time: the way to make a workbook of a million rows (one Excel sheet's
 * worth) without holding its rows, its cell model or its sheet's XML (scripts/bigWorkbook.ts).
 *
 * `template` is a small package (as XlsxWorkbook writes it) whose table sits on a sheet of its
 * own, starts at the header row and has at least one data row: its data rows give each
 * column's cell style (`s`); every other part is kept (re-compressed through fflate's streaming
 * Zip). The sheet is written row by row, its strings as shared strings (each distinct text
 * once, after the template's), the table's and the sheet's ranges grown to the rows written.
 * Strings are always text, never formulas, whatever they start with.
 * @example streamTableRows(templateBytes, "Receivables", rows(), (chunk) => fs.writeSync(fd, chunk)) //=> 1000000
 */
import { Zip } from "fflate";
import type { CellValue } from "../WorkbookPort";
import { a1, a1Range, parseA1, parseA1Range } from "./cellAddress";
import { packageSheetsOf, relationshipsOf, relsPathOf, workbookPartOf } from "./packageParts";
import { centralDirectory, entryBytes, type ZipDirectoryEntry } from "./readZipEntries";
import { tablePartFacts } from "./repairLoadedTables";
import { TEXT_PIECE_CHARS } from "./renderSheetXml";
import { escapeXml } from "./xmlText";
import { ZlibZipDeflate } from "./zlibZipDeflate";

/** Text handed to the zip at a time. */
const BATCH_CHARS = TEXT_PIECE_CHARS;
/** A fixed date for every entry, so that the same rows make the same file. */
const MTIME = new Date(2000, 0, 1);

function zipPart(name: string): ZlibZipDeflate {
  return new ZlibZipDeflate(name, MTIME);
}

function textOf(bytes: Buffer): string {
  return bytes.toString("utf8");
}

/** The cell XML of one value (empty for a blank cell). */
function cellXml(ref: string, style: string, value: CellValue, sharedIndex: (text: string) => number): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return `<c r="${ref}"${style} t="s"><v>${sharedIndex(value)}</v></c>`;
  if (typeof value === "boolean") return `<c r="${ref}"${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : "";
}

export function streamTableRows(template: Buffer, tableName: string, rows: Iterable<readonly CellValue[]>, write: (chunk: Uint8Array) => void): number {
  const entries = centralDirectory(template);
  const byName = new Map<string, ZipDirectoryEntry>(entries.map((e) => [e.name, e]));
  const text = (name: string): string | undefined => {
    const entry = byName.get(name);
    return entry ? textOf(entryBytes(template, entry)) : undefined;
  };
  const workbookPart = workbookPartOf(text("_rels/.rels"));
  const workbookRels = relationshipsOf(text(relsPathOf(workbookPart)), workbookPart);
  const sharedPart = workbookRels.find((r) => r.kind === "sharedStrings")?.target;
  const sharedXml = sharedPart === undefined ? undefined : text(sharedPart);
  if (sharedPart === undefined || sharedXml === undefined) throw new Error("the template has no shared strings part");
  let sheetPart: string | undefined;
  let tablePart: string | undefined;
  for (const sheet of packageSheetsOf(text(workbookPart) ?? "", workbookRels)) {
    for (const rel of relationshipsOf(text(relsPathOf(sheet.part)), sheet.part)) {
      if (rel.kind !== "table") continue;
      const tableXml = text(rel.target);
      if (tableXml !== undefined && tablePartFacts(tableXml)?.name === tableName) {
        sheetPart = sheet.part;
        tablePart = rel.target;
      }
    }
  }
  const sheetXml = sheetPart === undefined ? undefined : text(sheetPart);
  const tableXml = tablePart === undefined ? undefined : text(tablePart);
  const facts = tableXml === undefined ? undefined : tablePartFacts(tableXml);
  const rect = facts ? parseA1Range(facts.ref) : undefined;
  if (sheetPart === undefined || tablePart === undefined || sheetXml === undefined || tableXml === undefined || !facts || !rect || !facts.headerRow) {
    throw new Error(`the template has no table ${tableName} with a header row`);
  }
  const dataStart = sheetXml.search(new RegExp(`<row\\b[^>]*\\br="${rect.top + 2}"`));
  const sheetDataEnd = sheetXml.indexOf("</sheetData>");
  if (dataStart < 0 || sheetDataEnd < dataStart) throw new Error(`the template's table ${tableName} has no data row`);
  const width = rect.right - rect.left + 1;
  // Each column's style, from the template's data rows.
  const styles: string[] = new Array<string>(width).fill("");
  for (const m of sheetXml.slice(dataStart, sheetDataEnd).matchAll(/<c\b([^>]*?)\/?>/g)) {
    const at = parseA1(/\br="([^"]+)"/.exec(m[1])?.[1] ?? "");
    const style = /\bs="(\d+)"/.exec(m[1])?.[1];
    const column = at ? at.column - rect.left : -1;
    if (style !== undefined && column >= 0 && column < width && styles[column] === "") styles[column] = ` s="${style}"`;
  }

  const sharedItems = [...sharedXml.matchAll(/<si>[\s\S]*?<\/si>|<si\/>/g)].map((m) => m[0]);
  const added = new Map<string, number>();
  const sharedIndex = (value: string): number => {
    let index = added.get(value);
    if (index === undefined) {
      index = sharedItems.length + added.size;
      added.set(value, index);
    }
    return index;
  };

  let failure: Error | undefined;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else write(chunk);
  });
  const addPart = (name: string, pieces: Iterable<string>): void => {
    const file = zipPart(name);
    zip.add(file);
    for (const piece of pieces) file.pushText(piece);
    file.end();
    if (failure) throw failure;
  };

  let count = 0;
  function* sheetPieces(): Generator<string> {
    // The template's dimension would be wrong (it is optional, and written before the rows are counted).
    yield sheetXml!.slice(0, dataStart).replace(/<dimension\b[^>]*\/>/, "");
    let batch = "";
    for (const values of rows) {
      const row = rect!.top + 1 + count;
      let xml = `<row r="${row + 1}">`;
      for (let c = 0; c < width; c++) xml += cellXml(a1(row, rect!.left + c), styles[c], values[c] ?? null, sharedIndex);
      batch += `${xml}</row>`;
      count++;
      if (batch.length >= BATCH_CHARS) {
        yield batch;
        batch = "";
      }
    }
    yield batch;
    yield sheetXml!.slice(sheetDataEnd);
  }

  for (const entry of entries) {
    if (entry.name === sharedPart) continue;
    if (entry.name === sheetPart) {
      addPart(entry.name, sheetPieces());
      continue;
    }
    if (entry.name === tablePart) continue;
    const file = zipPart(entry.name);
    zip.add(file);
    file.push(entryBytes(template, entry), true);
  }
  if (count === 0) throw new Error(`no rows for table ${tableName}`);
  const bottom = rect.top + count;
  const ref = a1Range(rect.top, rect.left, bottom, rect.right);
  addPart(tablePart, [tableXml.replace(/(<(?:\w+:)?(?:table|autoFilter)\b[^>]*?\bref=")[^"]*"/g, `$1${ref}"`)]);
  const total = sharedItems.length + added.size;
  const open = /<sst\b[^>]*>/.exec(sharedXml)?.[0] ?? "<sst>";
  const openWithCount = open.replace(/\s(?:count|uniqueCount)="\d*"/g, "").replace(/\/?>$/, ` count="${total}" uniqueCount="${total}">`);
  const itemsFrom = (items: Map<string, number>): Generator<string> =>
    (function* () {
      let batch = "";
      for (const value of items.keys()) {
        batch += `<si><t xml:space="preserve">${escapeXml(value)}</t></si>`;
        if (batch.length >= BATCH_CHARS) {
          yield batch;
          batch = "";
        }
      }
      yield batch;
    })();
  addPart(sharedPart, (function* () {
    yield sharedXml.slice(0, sharedXml.indexOf(open)) + openWithCount;
    yield sharedItems.join("");
    yield* itemsFrom(added);
    yield "</sst>";
  })());
  zip.end();
  if (failure) throw failure;
  return count;
}
