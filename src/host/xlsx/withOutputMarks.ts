/**
 * An .xlsx package with the output markers set on the sheets named (outputMarks), every other
 * part copied as stored. For the workbooks ExcelJS saves: ExcelJS keeps only defined names that
 * are cell ranges, so the adapter keeps the marks beside its model and puts them back here.
 * @example withOutputMarks(await wb.xlsx.writeBuffer(), [{ sheet: "Summary (2)", output: "Summary" }]) //=> Buffer
 */
import type { OutputSheetMark } from "../WorkbookPort";
import { setOutputMarks } from "./outputMarks";
import { sheetEntriesOf, workbookPartOf } from "./packageParts";
import { centralDirectory, compressedBytesOf, entryText } from "./readZipEntries";
import { writeZip, type ZipEntryToWrite } from "./writeZip";

export function withOutputMarks(bytes: Buffer, marks: readonly OutputSheetMark[]): Buffer {
  if (marks.length === 0) return bytes;
  const entries = centralDirectory(bytes);
  const rootRels = entries.find((e) => e.name === "_rels/.rels");
  const workbookPart = workbookPartOf(rootRels ? entryText(bytes, rootRels) : undefined);
  const workbookEntry = entries.find((e) => e.name === workbookPart);
  if (!workbookEntry) throw new Error(`package part ${workbookPart} is missing`);
  const workbookXml = entryText(bytes, workbookEntry);
  const present = new Set(sheetEntriesOf(workbookXml).map((s) => s.name.toLowerCase()));
  const wanted = new Map(marks.filter((m) => present.has(m.sheet.toLowerCase())).map((m) => [m.sheet, m.output]));
  const marked = setOutputMarks(workbookXml, wanted);
  const written: ZipEntryToWrite[] = entries.map((e) =>
    e.name === workbookPart
      ? { name: e.name, content: Buffer.from(marked, "utf8") }
      : { name: e.name, method: e.method, crc32: e.crc32, uncompressedSize: e.uncompressedSize, compressed: compressedBytesOf(bytes, e) },
  );
  return writeZip(written);
}
