/**
 * `credit-desk init <file.xlsx> [--sample]`: a new input workbook from the set-up flow
 * (setUpWorkbook on an empty XlsxWorkbook). Never overwrites an existing file.
 */
import { promises as fs } from "fs";
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "../app/errorText";
import { createTranslator } from "../i18n/translator";
import type { OutputLanguage } from "../engine/policy/Policy";
import { setUpWorkbook } from "../app";
import { setUpCustomersFromLedger } from "../app/setUpWorkbook";
import { MAPPING_SHEET, MAPPING_TABLE, saveMapping } from "../app/savedMapping";
import type { ColumnMapping } from "../app/types";
import type { Translator } from "../i18n/translator";
import * as path from "path";
import { terminalSafe } from "./terminalSafe";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import type { CliIo } from "./CliIo";
import { loadWorkbook } from "./openFiles";
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
    io.stderr.write(`credit-desk: ${errorText(createTranslator(options.outputLanguage ?? "en-US"), saved.error)}\n`);
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

/**
 * Where `init --from-ledger` writes: --out, else `<workbook>-customers.xlsx` beside it; never the input.
 * @example fromLedgerPathFor("/data/aging.xlsx") //=> { ok: true, path: "/data/aging-customers.xlsx" }
 */
export function fromLedgerPathFor(ledger: string, out?: string): { ok: true; path: string } | { ok: false; usage: string } {
  if (out !== undefined) {
    if (!/\.xlsx$/i.test(out)) return { ok: false, usage: `--out ${out}: the output must be an .xlsx file` };
    if (path.resolve(out) === path.resolve(ledger)) return { ok: false, usage: "--out names the ledger workbook: init never changes it; name another file" };
    return { ok: true, path: out };
  }
  const parsed = path.parse(ledger);
  const base = /\.xlsx$/i.test(parsed.base) ? parsed.name : parsed.base;
  return { ok: true, path: path.join(parsed.dir, `${base}-customers.xlsx`) };
}

/**
 * `credit-desk init --from-ledger book.xlsx [--out file.xlsx] [--map H=F]`: a copy of the workbook
 * with a Customers input sheet pre-filled from its ledger's customers (setUpCustomersFromLedger),
 * and the --map mapping saved in it. The ledger workbook is never changed; an existing output is
 * never overwritten.
 */
export async function initFromLedger(run: { ledger: string; output: string; mapping: ColumnMapping; t: Translator }, io: CliIo): Promise<number> {
  const { t } = run;
  if (await exists(run.output)) {
    io.stderr.write(`credit-desk: ${terminalSafe(run.output)} already exists; init never overwrites a file\n`);
    return 1;
  }
  const book = await loadWorkbook(run.ledger, io);
  if (!book) return 1;
  const outcome = await setUpCustomersFromLedger(book, { mapping: run.mapping });
  if (outcome.status !== "written") {
    for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem, t)}\n`);
    io.stderr.write(`${t.t("setup.fromLedger.cliRefused", { file: terminalSafe(run.output) })}\n`);
    return 1;
  }
  if (Object.keys(run.mapping).length > 0) {
    const saved = await saveMapping(book, run.mapping);
    if (saved === "refused") io.stderr.write(`${t.t("cli.map.notSaved", { sheet: MAPPING_SHEET })}\n`);
  }
  const saved = await book.save(run.output);
  if (!saved.ok) {
    io.stderr.write(`credit-desk: ${terminalSafe(errorText(t, saved.error))}; nothing was written\n`);
    return 1;
  }
  io.stdout.write(`${t.t("setup.fromLedger.cliDone", { file: terminalSafe(run.output), ledger: terminalSafe(run.ledger), count: outcome.customers })}\n`);
  if (Object.keys(run.mapping).length > 0) io.stdout.write(`${t.t("cli.map.saved", { sheet: MAPPING_SHEET, table: MAPPING_TABLE })}\n`);
  return 0;
}
