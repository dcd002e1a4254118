/**
 * `credit-desk init <file.xlsx> [--sample]`: a new input workbook from the set-up flow
 * (setUpWorkbook on an empty XlsxWorkbook). Never overwrites an existing file.
 */
import { promises as fs } from "fs";
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { describeError } from "../engine/errors";
import type { OutputLanguage } from "../engine/policy/Policy";
import { setUpWorkbook } from "../app";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import type { CliIo } from "./CliIo";
import { formatProblem } from "./formatSummary";

export async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

/** Build the set-up workbook and save it; an error line and false when it cannot be saved. */
export async function createInputWorkbook(file: string, options: { sample: boolean; asOf: DayNumber; outputLanguage?: OutputLanguage }, io: CliIo): Promise<boolean> {
  const book = XlsxWorkbook.create();
  const outcome = await setUpWorkbook(book, { withSample: options.sample, asOf: options.asOf, outputLanguage: options.outputLanguage });
  if (outcome.status !== "written") {
    for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    io.stderr.write(`credit-desk: ${file}: set-up was ${outcome.status}; nothing was written\n`);
    return false;
  }
  const saved = await book.save(file);
  if (!saved.ok) {
    io.stderr.write(`credit-desk: ${describeError(saved.error)}\n`);
    return false;
  }
  return true;
}

export async function initFile(file: string, options: { sample: boolean; asOf: DayNumber; outputLanguage?: OutputLanguage }, io: CliIo): Promise<number> {
  if (await exists(file)) {
    io.stderr.write(`credit-desk: ${file} already exists; init never overwrites a file\n`);
    return 1;
  }
  if (!(await createInputWorkbook(file, options, io))) return 1;
  const what = options.sample ? `with the sample portfolio as of ${toIsoDate(options.asOf)}` : "with empty input tables and the default policy";
  io.stdout.write(`Created ${file} ${what}.\nFill in the tables, then run: credit-desk review ${file}\n`);
  return 0;
}
