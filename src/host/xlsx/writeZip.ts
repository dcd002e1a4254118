/**
 * A zip archive (an .xlsx package) from a list of entries, written by fflate's Zip: each entry
 * either new content (deflated by Node's zlib, ZlibZipDeflate, CRC-32 computed) or an entry copied
 * from another archive as it was stored (its compressed bytes, CRC and sizes handed to the
 * archive as they are, so a copied part is byte-identical and costs no inflate/deflate).
 * Plain zip (no zip64), UTF-8 names, a fixed date (1980-01-01) so output does not depend on the clock.
 * @example writeZip([{ name: "a.txt", content: Buffer.from("hi") }]) //=> <Buffer 50 4b 03 04 …>
 */
import { Zip, type ZipInputFile } from "fflate";
import { ZlibZipDeflate } from "./zlibZipDeflate";

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

/** New content produced piece by piece (an output sheet's rows, in small pieces: see ZlibZipDeflate.pushText), deflated as it comes: never held whole. */
export interface StreamedZipEntry {
  name: string;
  pieces: () => Iterable<string | Uint8Array>;
}

export type ZipEntryToWrite = NewZipEntry | CopiedZipEntry | StreamedZipEntry;

const MAX_32 = 0xffffffff;
/** The earliest DOS date, in local time (DOS dates have no zone), so output does not depend on the clock. */
const MTIME = new Date(1980, 0, 1);

/** An archive member whose bytes are already compressed (fflate writes what it is given, with the CRC and size declared). */
function copiedFile(entry: CopiedZipEntry): ZipInputFile & { ondata: NonNullable<ZipInputFile["ondata"]> } {
  return { filename: entry.name, size: entry.uncompressedSize, crc: entry.crc32 >>> 0, compression: entry.method, mtime: MTIME, ondata: () => undefined };
}

/** The same bytes as a view fflate accepts (no copy, unless they sit in a shared buffer). */
function viewOf(bytes: Buffer): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) : new Uint8Array(bytes);
}

/** The archive, written chunk by chunk to `write` as its entries are deflated (see writeZip); answers its length. */
export function writeZipTo(entries: Iterable<ZipEntryToWrite>, write: (chunk: Uint8Array) => void): number {
  let failure: Error | undefined;
  let length = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      length += chunk.length;
      if (length < MAX_32) write(chunk);
    }
  });
  const check = (): void => {
    if (failure) throw failure;
    if (length >= MAX_32) throw new Error("archive too large for plain zip");
  };
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`duplicate zip entry ${entry.name}`);
    names.add(entry.name);
    if (names.size >= 0xffff) throw new Error("archive too large for plain zip");
    if ("compressed" in entry) {
      if (entry.compressed.length >= MAX_32 || entry.uncompressedSize >= MAX_32) throw new Error("archive too large for plain zip");
      const file = copiedFile(entry);
      zip.add(file);
      file.ondata(null, viewOf(entry.compressed), true);
    } else {
      const file = new ZlibZipDeflate(entry.name);
      zip.add(file);
      if ("content" in entry) file.push(entry.content, true);
      else {
        for (const piece of entry.pieces()) {
          if (typeof piece === "string") file.pushText(piece);
          else file.push(piece);
          if (file.size >= MAX_32) throw new Error("archive too large for plain zip");
          check();
        }
        file.end();
        if (file.size >= MAX_32) throw new Error("archive too large for plain zip");
      }
    }
    check();
  }
  zip.end();
  check();
  return length;
}

export function writeZip(entries: ZipEntryToWrite[]): Buffer {
  const chunks: Uint8Array[] = [];
  const length = writeZipTo(entries, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks, length);
}
