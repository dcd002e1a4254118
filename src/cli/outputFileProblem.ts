/**
 * Whether `review` may write its output file (issue 13 item 2), checked before the review runs
 * (and again by the adapter's save): with --in-place the input must be writable (a read-only
 * workbook is never replaced, nor its mode reset); otherwise an existing output file is replaced
 * only with --force, and never when it is read-only. Read-only means no write bit in the file's
 * mode, or no write access for this process (root passes the access check, hence the bits).
 * Answers the one-line message for the user, or undefined when the file may be written.
 * @example await outputFileProblem("book-reviewed.xlsx", { inPlace: false, force: false })
 *   //=> "book-reviewed.xlsx already exists; use --force to replace it, or --out to write another file"
 */
import { promises as fs, type Stats } from "fs";
import { isWritableFile } from "../host/xlsx/XlsxWorkbook";

export async function outputFileProblem(output: string, options: { inPlace: boolean; force: boolean }): Promise<string | undefined> {
  let stats: Stats;
  try {
    stats = await fs.stat(output);
  } catch {
    return undefined; // no such file: it is created (the save reports a missing folder)
  }
  if (!stats.isFile()) return `${output} is not a file`;
  const writable = await isWritableFile(output, stats);
  if (options.inPlace) return writable ? undefined : `${output} is read-only; --in-place never changes a read-only workbook (write a copy without --in-place)`;
  if (!writable) return `${output} already exists and is read-only; it is never replaced, even with --force`;
  if (!options.force) return `${output} already exists; use --force to replace it, or --out to write another file`;
  return undefined;
}
