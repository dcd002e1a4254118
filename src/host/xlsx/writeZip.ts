/**
 * A zip archive (an .xlsx package) from a list of entries: each either new content (deflated
 * here with zlib, CRC-32 computed) or an entry copied from another archive as it was stored
 * (its compressed bytes, CRC and sizes reused, so a copied part is byte-identical and costs no
 * inflate/deflate). Plain zip (no zip64, no data descriptors), UTF-8 names, DOS time 1980-01-01.
 * @example writeZip([{ name: "a.txt", content: Buffer.from("hi") }]) //=> <Buffer 50 4b 03 04 …>
 */
import { crc32, deflateRawSync } from "zlib";

/** New content, deflated when written. */
export interface NewZipEntry {
  name: string;
  content: Buffer;
}

/** An entry copied as stored: compressed bytes and the facts of the central directory. */
export interface CopiedZipEntry {
  name: string;
  method: number;
  crc32: number;
  uncompressedSize: number;
  compressed: Buffer;
}

export type ZipEntryToWrite = NewZipEntry | CopiedZipEntry;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const EOCD = 0x06054b50;
/** General-purpose flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;
/** DOS date of 1980-01-01 (the earliest DOS date), so output does not depend on the clock. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const MAX_32 = 0xffffffff;

function stored(entry: ZipEntryToWrite): CopiedZipEntry {
  if ("compressed" in entry) return entry;
  const compressed = deflateRawSync(entry.content);
  return { name: entry.name, method: 8, crc32: crc32(entry.content), uncompressedSize: entry.content.length, compressed };
}

export function writeZip(entries: ZipEntryToWrite[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const input of entries) {
    if (names.has(input.name)) throw new Error(`duplicate zip entry ${input.name}`);
    names.add(input.name);
    const entry = stored(input);
    const name = Buffer.from(entry.name, "utf8");
    if (entry.compressed.length >= MAX_32 || entry.uncompressedSize >= MAX_32 || offset >= MAX_32) throw new Error("archive too large for plain zip");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(entry.crc32 >>> 0, 14);
    local.writeUInt32LE(entry.compressed.length, 18);
    local.writeUInt32LE(entry.uncompressedSize, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt16LE(0, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(entry.crc32 >>> 0, 16);
    header.writeUInt32LE(entry.compressed.length, 20);
    header.writeUInt32LE(entry.uncompressedSize, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, entry.compressed);
    offset += local.length + name.length + entry.compressed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (entries.length >= 0xffff || offset + centralSize >= MAX_32) throw new Error("archive too large for plain zip");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
