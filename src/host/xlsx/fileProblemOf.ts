/**
 * Why a file cannot be an .xlsx workbook, judged from its first bytes before ExcelJS sees it,
 * so that the user gets one plain sentence instead of a zip library's stack trace.
 * An .xlsx file is a zip archive ("PK\x03\x04"). A password-protected .xlsx is not a zip at all
 * but an OLE compound file (D0 CF 11 E0 A1 B1 1A E1) holding an "EncryptionInfo" stream; a legacy
 * .xls workbook is an OLE compound file too, holding a "Workbook" (or "Book") stream.
 * A zip is then judged by its central directory (zipProblemOf): a truncated or damaged one, and
 * a zip bomb (parts that would inflate past the cap, too many parts, impossible sizes), are
 * refused here, before ExcelJS or the package reader inflates a byte of it.
 * @example fileProblemOf(Buffer.from("hello")) //=> "not an .xlsx file"
 * @example fileProblemOf(Buffer.alloc(0)) //=> "the file is empty"
 */
import { zipProblemOf } from "./readZipEntries";

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY_ARCHIVE = [0x50, 0x4b, 0x05, 0x06];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** OLE directory entries name their streams in UTF-16LE. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(Buffer.from(text, "utf16le"));
}

export function fileProblemOf(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return "the file is empty";
  if (startsWith(bytes, OLE_SIGNATURE)) {
    if (!containsUtf16(bytes, "EncryptionInfo") && (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book"))) {
      return "a legacy .xls workbook (Excel 97-2003); save it as .xlsx";
    }
    return "the workbook is password-protected (encrypted); save an unprotected copy";
  }
  if (startsWith(bytes, ZIP_EMPTY_ARCHIVE)) return "not an .xlsx file (an empty zip archive)";
  if (!startsWith(bytes, ZIP_LOCAL_HEADER)) return "not an .xlsx file";
  return zipProblemOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
