/**
 * `credit-desk demo`: generate the sample workbook (demo/credit-desk-sample.xlsx, beside --out),
 * review it as of a fixed date and write demo/credit-review.xlsx, printing the summary.
 * The sample is generated, never committed (no binaries in git).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { dayFromCivil, toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import type { CliIo } from "./CliIo";
import { createInputWorkbook } from "./initCommand";
import { reviewFile } from "./reviewCommand";

/** The demo's as-of date: fixed, so every run prints the same figures. */
export const DEMO_AS_OF: DayNumber = dayFromCivil(2025, 6, 30);
export const DEMO_OUTPUT = path.join("demo", "credit-review.xlsx");
export const DEMO_SAMPLE_NAME = "credit-desk-sample.xlsx";

export async function runDemo(options: { out?: string; asOf?: DayNumber }, io: CliIo): Promise<number> {
  const output = options.out ?? DEMO_OUTPUT;
  if (!/\.xlsx$/i.test(output)) {
    io.stderr.write(`credit-desk: --out ${output}: the output must be an .xlsx file\n`);
    return 2;
  }
  const asOf = options.asOf ?? DEMO_AS_OF;
  const folder = path.dirname(output);
  await fs.mkdir(folder, { recursive: true });
  const sample = path.join(folder, DEMO_SAMPLE_NAME);
  if (path.resolve(sample) === path.resolve(output)) {
    io.stderr.write(`credit-desk: --out must not be named ${DEMO_SAMPLE_NAME}\n`);
    return 2;
  }
  if (!(await createInputWorkbook(sample, { sample: true, asOf }, io))) return 1;
  io.stdout.write(`Sample workbook: ${sample} (as of ${toIsoDate(asOf)})\n`);
  // The demo's files are its own: a second run replaces them (never a read-only one).
  return reviewFile({ input: sample, output, asOf, json: false, inPlace: false, force: true }, io);
}
