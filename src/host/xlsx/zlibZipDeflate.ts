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
 * @example const file = new ZlibZipDeflate("xl/worksheets/sheet1.xml"); zip.add(file); file.push(bytes); file.push(new Uint8Array(0), true);
 */
import { constants, crc32, deflateRawSync } from "zlib";
import type { AsyncFlateStreamHandler, ZipInputFile } from "fflate";

/** Deflate level of the package's new parts (zlib's default, and what Excel writes). */
const LEVEL = 6;
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

  /** `mtime`: the member's date (default 1980-01-01, the earliest DOS date, so output does not depend on the clock). */
  constructor(filename: string, mtime: Date = MTIME) {
    this.filename = filename;
    this.mtime = mtime;
  }

  /** A chunk of the member's content; `final` ends the member (the chunk may be empty). */
  push(chunk: Uint8Array, final = false): void {
    this.size += chunk.length;
    if (chunk.length > 0) this.crc = crc32(chunk, this.crc);
    const deflated = deflateRawSync(chunk, { level: LEVEL, finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH });
    if (deflated.length > 0 || final) this.ondata(null, new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.length), final);
  }
}
