/**
 * The text of selected entries of a zip archive (an .xlsx package), read straight from the
 * bytes with zlib: for the few package parts ExcelJS reads lossily (table parts), and for tests
 * that check the raw XML written. Handles stored and deflated entries; not zip64 (throws).
 * @example readZipEntries(bytes, (name) => name.startsWith("xl/tables/")) //=> Map { "xl/tables/table1.xml" => "<?xml …" }
 */
import { inflateRawSync } from "zlib";

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function centralDirectory(zip: Buffer): Entry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) throw new Error("damaged zip central directory");
    const nameLength = zip.readUInt16LE(p + 28);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

function entryText(zip: Buffer, entry: Entry): string {
  const local = entry.localOffset;
  if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`damaged zip entry ${entry.name}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return data.toString("utf8");
  if (entry.method === 8) return inflateRawSync(data).toString("utf8");
  throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
}

/** Names of every entry, in central-directory order. */
export function zipEntryNames(zip: Buffer): string[] {
  return centralDirectory(zip).map((e) => e.name);
}

export function readZipEntries(zip: Buffer, wanted: (name: string) => boolean): Map<string, string> {
  const texts = new Map<string, string>();
  for (const entry of centralDirectory(zip)) if (wanted(entry.name)) texts.set(entry.name, entryText(zip, entry));
  return texts;
}
