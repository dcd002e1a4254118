/**
 * A zip member deflated by Node's zlib instead of fflate's JavaScript deflate, for fflate's Zip
 * (which takes any ZipInputFile: its header, then the data as it comes, then a data descriptor
 * with the CRC and size read when the member ends). Each pushed chunk (the writers hand ~1 MiB
 * pieces) is deflated on its own and ended with a sync flush (non-final blocks, byte-aligned), so
 * the chunks' outputs concatenate into one valid raw-deflate stream; the last push ends it with a
 * final block. Back-references never cross a chunk (a 32 KiB window lost per MiB: the output is
 * about 0.3 % larger). Measured on the 227 MB Collections sheet of a 1,000,000-invoice review
 * (60 MB of it, level 6): fflate 1.86 s CPU, 7.27 MB; zlib 0.79 s, 6.95 MB; and the CRC-32 by
 * zlib.crc32 rather than fflate's table loop (1.2 s of a 40 s CLI review of 1M Parquet invoices).
 *
 * Text is appended with pushText: encoded as UTF-8 (TextEncoder.encodeInto) into one reused 1 MiB
 * buffer, deflated each time it fills. The writers hand it small pieces (TEXT_PIECE_CHARS of
 * renderSheetXml: a 16 Ki-character batch of rows): a batch of rows concatenated to 1 MiB and then encoded with Buffer.from was a tree of
 * small strings ("cons string") that lived through young-generation collections and was flattened
 * before being encoded; in the CLI review of 2,000,000 Parquet invoices (531 MB of sheet XML)
 * Buffer.from alone was 8.7 s of a 47 s profile (node --cpu-prof), and in a scratch benchmark of
 * 430 MB of Collections rows building and encoding took 4.9 s in 1 Mi-character batches and
 * 1.2 s in 16 Ki-character batches encoded into the reused buffer.
 * @example const file = new ZlibZipDeflate("xl/worksheets/sheet1.xml"); zip.add(file); file.pushText("<worksheet>…"); file.end();
 */
import { constants, crc32, deflateRawSync } from "zlib";
import type { AsyncFlateStreamHandler, ZipInputFile } from "fflate";

/** Deflate level of the package's new parts (zlib's default, and what Excel writes). */
const LEVEL = 6;
/**
 * Past the first 16 MiB of a part (only a very large sheet: a Collections list of hundreds of
 * thousands of rows), the rest is deflated at level 4: each piece is its own deflate call ending in
 * a sync flush, so pieces of different levels make one valid stream. On the 456 MB Collections
 * sheet of a 2,000,000-invoice review, level 6 took 5.6 s CPU for 52.9 MB and level 4 2.1 s for
 * 59.7 MB (13 % larger).
 */
const LARGE_PART_BYTES = 16 << 20;
const LARGE_PART_LEVEL = 4;
/** Bytes of text gathered before they are deflated (the size of a piece, as the header says). */
const TEXT_BUFFER_BYTES = 1 << 20;
const encoder = new TextEncoder();
/** The earliest DOS date, in local time (DOS dates have no zone), so output does not depend on the clock. */
const MTIME = new Date(1980, 0, 1);

export class ZlibZipDeflate implements ZipInputFile {
  readonly filename: string;
  size = 0;
  crc = 0;
  readonly compression = 8;
  /** General-purpose flag bits 1–2: normal compression (APPNOTE 4.4.4), as fflate sets for level 6. */
  readonly flag = 0;
  readonly mtime: Date;
  ondata: AsyncFlateStreamHandler = () => {
    throw new Error("ZlibZipDeflate: add the file to a Zip before pushing data");
  };

  /** Text encoded but not yet deflated: buffer[0, used). */
  private buffer: Uint8Array | undefined;
  private used = 0;

  /** `mtime`: the member's date (default 1980-01-01, the earliest DOS date, so output does not depend on the clock). */
  constructor(filename: string, mtime: Date = MTIME) {
    this.filename = filename;
    this.mtime = mtime;
  }

  /** Text of the member, after what was pushed before: kept in the buffer until it fills. */
  pushText(text: string): void {
    let rest = text;
    for (;;) {
      const buffer = (this.buffer ??= new Uint8Array(TEXT_BUFFER_BYTES));
      // encodeInto stops before a character that does not fit whole (a surrogate pair is never split).
      const { read, written } = encoder.encodeInto(rest, buffer.subarray(this.used));
      this.used += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flushText();
    }
  }

  /** Ends the member, after any text still in the buffer. */
  end(): void {
    this.push(new Uint8Array(0), true);
  }

  /** A chunk of the member's content (after any text still in the buffer); `final` ends the member (the chunk may be empty). */
  push(chunk: Uint8Array, final = false): void {
    this.flushText();
    this.deflate(chunk, final);
  }

  private flushText(): void {
    if (this.used === 0 || this.buffer === undefined) return;
    const used = this.used;
    this.used = 0;
    this.deflate(this.buffer.subarray(0, used), false);
  }

  private deflate(chunk: Uint8Array, final: boolean): void {
    const level = this.size >= LARGE_PART_BYTES ? LARGE_PART_LEVEL : LEVEL;
    this.size += chunk.length;
    if (chunk.length > 0) this.crc = crc32(chunk, this.crc);
    const deflated = deflateRawSync(chunk, { level, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    if (deflated.length > 0 || final) this.ondata(null, new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length), final);
  }
}
