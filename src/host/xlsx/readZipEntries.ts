/**
 * The text of selected entries of a zip archive (an .xlsx package), read straight from the
 * bytes with zlib: for the package reader and merger (readPackageSnapshot,
 * mergeSheetsIntoPackage), for the few parts ExcelJS reads lossily (table parts), and for tests
 * that check the raw XML written. Also the central directory and each entry's stored
 * (compressed) bytes, so an entry can be copied unchanged. Handles stored and deflated entries;
 * not zip64 (throws).
 * @example readZipEntries(bytes, (name) => name.startsWith("xl/tables/")) //=> Map { "xl/tables/table1.xml" => "<?xml …" }
 */
import { inflateRawSync } from "zlib";

/** One central-directory entry of a zip archive. */
export interface ZipDirectoryEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}
type Entry = ZipDirectoryEntry;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory of a (non-zip64) archive, in its order; throws for a damaged or zip64 one. */
export function centralDirectory(zip: Buffer): Entry[] {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < 0) throw new Error("not a zip archive");
  const count = zip.readUInt16LE(eocd + 10);
  if (count === 0xffff || zip.readUInt32LE(eocd + 16) === 0xffffffff) throw new Error("zip64 archives are not supported");
  let p = zip.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== CENTRAL) throw new Error("damaged zip central directory");
    const nameLength = zip.readUInt16LE(p + 28);
    entries.push({
      method: zip.readUInt16LE(p + 10),
      crc32: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      uncompressedSize: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString("utf8", p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** The entry's bytes as stored in the archive (still compressed), without copying. */
export function compressedBytesOf(zip: Buffer, entry: Entry): Buffer {
  const local = entry.localOffset;
  if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new Error(`damaged zip entry ${entry.name}`);
  const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
  if (start + entry.compressedSize > zip.length) throw new Error(`damaged zip entry ${entry.name}`);
  return zip.subarray(start, start + entry.compressedSize);
}

/** The entry's text (UTF-8), inflated when deflated. */
export function entryText(zip: Buffer, entry: Entry): string {
  const data = compressedBytesOf(zip, entry);
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
