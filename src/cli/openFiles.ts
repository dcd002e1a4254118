/**
 * The two checks every command that writes a workbook makes before any work, each telling the
 * user why it stops (exit 1, nothing written): whether its output file may be written
 * (outputFileProblem), and whether the input workbook can be read.
 */
import { errorText } from "../app/errorText";
import { createTranslator, type Translator } from "../i18n/translator";
import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";
import type { CliIo } from "./CliIo";
import { outputFileProblem } from "./outputFileProblem";
import { terminalSafe } from "./terminalSafe";

/** Whether the output may be written; when not, says why on stderr. */
export async function mayWriteOutput(output: string, options: { inPlace: boolean; force: boolean }, io: CliIo): Promise<boolean> {
  const refused = await outputFileProblem(output, options);
  if (refused !== undefined) io.stderr.write(`credit-desk: ${terminalSafe(refused)}; nothing was written\n`);
  return refused === undefined;
}

/** The workbook at `input`, or undefined after saying on stderr why it cannot be read. */
export async function loadWorkbook(input: string, io: CliIo, t: Translator = createTranslator("en-US")): Promise<XlsxWorkbook | undefined> {
  const loaded = await XlsxWorkbook.load(input);
  if (loaded.ok) return loaded.value;
  io.stderr.write(`credit-desk: ${terminalSafe(errorText(t, loaded.error))}\n`);
  return undefined;
}
