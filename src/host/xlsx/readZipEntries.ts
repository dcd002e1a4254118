/**
 * The text of selected entries of a zip archive (an .xlsx package), read straight from the
 * bytes (inflated with fflate, whole or as a stream of chunks): for the package reader and merger (readPackageSnapshot,
 * mergeSheetsIntoPackage), for the few parts ExcelJS reads lossily (table parts), and for tests
 * that check the raw XML written. Also the central directory and each entry's stored
 * (compressed) bytes, so an entry can be copied unchanged. Handles stored and deflated entries;
 * not zip64 (throws).
 *
 * Zip bombs: `zipProblemOf` refuses, before anything is inflated, an archive whose entries
 * would inflate to more than MAX_INFLATED_MB in all (by the sizes its central directory
 * declares), that has more than MAX_ZIP_ENTRIES entries, or whose declared sizes are impossible
 * (more compressed bytes than deflate makes of the declared size: a bomb lying about its size).
 * `entryText` never inflates an entry past its declared size (nor past the cap), so a lie the
 * directory check cannot see stops there too.
 * @example readZipEntries(bytes, (name) => name.startsWith("xl/tables/")) //=> Map { "xl/tables/table1.xml" => "<?xml …" }
 */
import { Inflate } from "fflate";

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

/** The most an archive's entries may inflate to in all: far above any real workbook that a
 *  sheet reader can hold (V8 strings stop at 512 MiB per part), far below what a bomb claims. */
export const MAX_INFLATED_MB = 1000;
const MAX_INFLATED_BYTES = MAX_INFLATED_MB * 1_000_000;
/** The most entries an archive may have: a real .xlsx has tens, a huge one a few thousand. */
export const MAX_ZIP_ENTRIES = 20_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory of a (non-zip64) archive, in its order; throws for a damaged or zip64 one. */
export function centralDirectory(zip: Buffer): Entry[] {
  // The end record sits in the last 22 bytes plus at most a 65535-byte comment: no further back
  // (a truncated file would otherwise be scanned whole for a record it does not have).
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = zip.length - 22;
  while (eocd >= earliest && zip.readUInt32LE(eocd) !== EOCD) eocd--;
  if (eocd < earliest) throw new Error("not a zip archive");
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

/**
 * An entry that would inflate past its declared size or the cap: a zip bomb, not a file some
 * other reader might manage (a caller that falls back to another reader on errors should not
 * fall back on this one, but answer "not a workbook Credit Desk can read: <message>").
 */
export class ZipInflateLimitError extends Error {
  override name = "ZipInflateLimitError";
}

/** The most bytes deflate can make of n bytes: stored blocks of at most 65535 bytes, 5 bytes of header each, plus a final empty block. */
function maxDeflatedSize(n: number): number {
  return n + 5 * (Math.ceil(n / 65535) + 1) + 2;
}

/**
 * Why an archive must not be inflated, judged from its central directory alone, or undefined.
 * Also the message for a zip without a readable directory (a truncated or damaged file).
 * A zip64 archive is not judged here (the reader does not handle it; ExcelJS does).
 * @example zipProblemOf(bombBytes) //=> "not a workbook Credit Desk can read: its parts would inflate to more than 1000 MB"
 */
export function zipProblemOf(zip: Buffer): string | undefined {
  let entries: Entry[];
  try {
    entries = centralDirectory(zip);
  } catch (e) {
    if (e instanceof Error && e.message.startsWith("zip64")) return undefined;
    return "the file is damaged or truncated: its zip directory cannot be read";
  }
  const refuse = "not a workbook Credit Desk can read";
  if (entries.length > MAX_ZIP_ENTRIES) return `${refuse}: it has ${entries.length} parts (more than ${MAX_ZIP_ENTRIES})`;
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (total > MAX_INFLATED_BYTES) return `${refuse}: its parts would inflate to more than ${MAX_INFLATED_MB} MB`;
    if (entry.localOffset + 30 > zip.length || entry.localOffset + entry.compressedSize > zip.length) {
      return `the file is damaged or truncated: part ${entry.name} lies beyond the end of the file`;
    }
    if (entry.method === 8 && entry.compressedSize > maxDeflatedSize(entry.uncompressedSize)) {
      return `${refuse}: part ${entry.name} claims to inflate to ${entry.uncompressedSize} bytes, fewer than its ${entry.compressedSize} compressed bytes make`;
    }
  }
  return undefined;
}

/** Compressed bytes fed to the inflater at a time: the text of a part is never held whole. */
const CHUNK = 1 << 20;
const MIN_CHUNK = 1 << 14;
/** The most bytes deflate makes of one compressed byte. */
const MAX_DEFLATE_RATIO = 1032;

function inflateLimitError(entry: Entry): ZipInflateLimitError {
  return new ZipInflateLimitError(`zip entry ${entry.name} inflates to more than its declared ${entry.uncompressedSize} bytes`);
}

function checkDeclaredSize(entry: Entry): void {
  if (entry.uncompressedSize > MAX_INFLATED_BYTES) throw new ZipInflateLimitError(`zip entry ${entry.name} would inflate to more than ${MAX_INFLATED_MB} MB`);
}

/**
 * Inflate a deflated entry chunk by chunk (fflate's streaming Inflate), handing each piece to
 * `visit`: throws as soon as the output passes the declared size (a lie the directory check
 * cannot see), so a bomb never inflates further than that.
 */
function inflateEntry(zip: Buffer, entry: Entry, visit: (chunk: Uint8Array) => void): void {
  const data = compressedBytesOf(zip, entry);
  checkDeclaredSize(entry);
  let inflated = 0;
  const inflater = new Inflate((chunk) => {
    inflated += chunk.length;
    if (inflated > entry.uncompressedSize) throw inflateLimitError(entry);
    visit(chunk);
  });
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  for (let at = 0; at < data.length; ) {
    // fflate inflates a whole push at once, and deflate makes at most 1032 bytes of one: a push is
    // kept small enough that it cannot go far past the declared size (large while far below it).
    const size = Math.min(CHUNK, Math.max(MIN_CHUNK, Math.ceil((entry.uncompressedSize - inflated) / MAX_DEFLATE_RATIO)));
    inflater.push(data.subarray(at, at + size), at + size >= data.length);
    at += size;
  }
}

/** The entry's bytes, inflated when deflated: never past its declared size or the cap (throws then). */
export function entryBytes(zip: Buffer, entry: Entry): Buffer {
  if (entry.method === 0) return compressedBytesOf(zip, entry);
  if (entry.method !== 8) throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  const out = Buffer.allocUnsafe(entry.uncompressedSize);
  let at = 0;
  inflateEntry(zip, entry, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out.subarray(0, at);
}

/** The entry's text (UTF-8), inflated when deflated: never past its declared size or the cap (throws then). */
export function entryText(zip: Buffer, entry: Entry): string {
  return entryBytes(zip, entry).toString("utf8");
}

/**
 * The entry's text (UTF-8) handed to `visit` piece by piece as it inflates, so that a part of
 * hundreds of megabytes never becomes one string; the same limits as entryText (throws past
 * its declared size or the cap, before visiting the text beyond).
 * @example entryTextChunks(zip, sheetEntry, (text) => parser.write(text))
 */
export function entryTextChunks(zip: Buffer, entry: Entry, visit: (text: string) => void): void {
  const decoder = new TextDecoder("utf-8");
  const decode = (chunk: Uint8Array): void => {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") visit(text);
  };
  if (entry.method === 0) {
    const data = compressedBytesOf(zip, entry);
    for (let at = 0; at < data.length; at += CHUNK) decode(data.subarray(at, at + CHUNK));
  } else if (entry.method === 8) inflateEntry(zip, entry, decode);
  else throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  const rest = decoder.decode();
  if (rest !== "") visit(rest);
}

/** Thrown by entryTextHead's visitor to stop inflating once it has read enough. */
class Enough extends Error {}

/**
 * The beginning of the entry's text: inflated piece by piece until `isEnough(textSoFar)` holds
 * or the part ends, never further. Used to look at a worksheet's `<sheetViews>`, which sits
 * before its rows, without inflating a sheet of hundreds of megabytes.
 * @example entryTextHead(zip, sheetEntry, (text) => text.includes("<sheetData")) //=> '<?xml …><worksheet …><sheetViews>…<sheetData'
 */
export function entryTextHead(zip: Buffer, entry: Entry, isEnough: (text: string) => boolean): string {
  let text = "";
  try {
    entryTextChunks(zip, entry, (piece) => {
      text += piece;
      if (isEnough(text)) throw new Enough();
    });
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  return text;
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
