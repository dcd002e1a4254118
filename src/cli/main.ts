/**
 * The credit-desk command line (issue 5): `review` (of a workbook, or of files: issue 19 §3),
 * `init`, `demo`, `whatif`, `export-ledger`, `--help`, `--version`.
 * `main` takes the arguments and an injected CliIo and answers the exit code: 0 done,
 * 1 bad workbook or validation errors (nothing written), 2 usage. It never calls process.exit,
 * so tests run it in-process; bin/credit-desk.js wires the real process.
 * @example await main(["review", "ledger.xlsx", "--as-of", "2025-06-30"], io) //=> 0
 */
import { dayFromCivil, type DayNumber } from "../engine/dates/dayNumber";
import { isLocale, localeFromEnvironment, type Locale } from "../i18n/locale";
import { createTranslator, type Translator } from "../i18n/translator";
import type { CliIo } from "./CliIo";
import { runDemo } from "./demoCommand";
import { helpPage } from "./helpText";
import { fromLedgerPathFor, initFile, initFromLedger } from "./initCommand";
import { parseMapOptions } from "./mapOption";
import { outputPathFor } from "./outputPathFor";
import { parseCommandLine, type Command } from "./parseCommandLine";
import { reviewFile } from "./reviewCommand";
import { VERSION } from "./version";
import { whatifFile } from "./whatifCommand";
import { defaultFilesOutput, reviewDataFiles } from "./reviewFilesCommand";
import { exportLedger } from "./exportLedgerCommand";

export type { CliIo } from "./CliIo";

/** Today in the user's time zone, as a day number (the CLI's default as-of date). */
export function today(io: CliIo): DayNumber {
  const now = io.now();
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

function usageError(io: CliIo, message: string, t: Translator = createTranslator(localeOf(io))): number {
  io.stderr.write(`${t.t("cli.error.usage", { message })}\n${t.t("cli.usage.footer")}\n`);
  return 2;
}

function localeOf(io: CliIo): Locale {
  return localeFromEnvironment(io.env ?? process.env);
}

/**
 * `--lang zh-CN|en-US` (or `--lang=…`) anywhere on the line, taken out of the arguments; without
 * it the language of the environment. A value that is not one of the two is a usage error.
 * @example splitLang(["review", "a.xlsx", "--lang", "zh-CN"], "en-US") //=> { ok: true, locale: "zh-CN", rest: ["review", "a.xlsx"] }
 */
export function splitLang(argv: readonly string[], fallback: Locale): { ok: true; locale: Locale; rest: string[] } | { ok: false; id: "cli.error.badLang" | "cli.error.langMissing"; value: string } {
  const rest: string[] = [];
  let locale = fallback;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") { rest.push(...argv.slice(i)); break; }
    const inline = arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (arg !== "--lang" && inline === undefined) { rest.push(arg); continue; }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "") return { ok: false, id: "cli.error.langMissing", value: "" };
    if (!isLocale(value)) return { ok: false, id: "cli.error.badLang", value };
    locale = value;
  }
  return { ok: true, locale, rest };
}

/** `outputLanguage`: the --lang given on the line (not the environment's), for the workbook's sheets. */
async function run(command: Command, io: CliIo, t: Translator, outputLanguage?: Locale): Promise<number> {
  const locale = t.locale;
  switch (command.name) {
    case "help": {
      io.stdout.write(helpPage(t, command.topic));
      return 0;
    }
    case "version":
      io.stdout.write(`credit-desk ${VERSION}\n`);
      return 0;
    case "review": {
      const output = outputPathFor(command.input, { out: command.out, inPlace: command.inPlace });
      if (!output.ok) return usageError(io, output.usage, t);
      const map = parseMapOptions(command.map, t);
      if (!map.ok) return usageError(io, map.message, t);
      return reviewFile({ input: command.input, output: output.path, asOf: command.asOf ?? today(io), json: command.json, inPlace: command.inPlace, force: command.force, outputLanguage, mapping: map.mapping, t }, io);
    }
    case "initFromLedger": {
      const output = fromLedgerPathFor(command.ledger, command.out);
      if (!output.ok) return usageError(io, output.usage, t);
      const map = parseMapOptions(command.map, t);
      if (!map.ok) return usageError(io, map.message, t);
      return initFromLedger({ ledger: command.ledger, output: output.path, mapping: map.mapping, t }, io);
    }
    case "init":
      if (!/\.xlsx$/i.test(command.file)) return usageError(io, t.t("cli.parse.initXlsx", { file: command.file }), t);
      return initFile(command.file, { sample: command.sample, asOf: command.asOf ?? today(io), outputLanguage }, io);
    case "demo":
      return runDemo({ out: command.out, asOf: command.asOf }, io);
    case "whatif":
      return whatifFile({ input: command.input, sets: command.sets, asOf: command.asOf ?? today(io), out: command.out, force: command.force, json: command.json, locale, outputLanguage }, io);
    case "reviewFiles": {
      const map = parseMapOptions(command.map, t);
      if (!map.ok) return usageError(io, map.message, t);
      const output = command.out ?? defaultFilesOutput(command.files.ledger);
      return reviewDataFiles({ files: command.files, output, asOf: command.asOf ?? today(io), json: command.json, force: command.force, outputLanguage, mapping: map.mapping, t }, io);
    }
    case "exportLedger":
      return exportLedger({ workbook: command.workbook, parquet: command.parquet, table: command.table, force: command.force, t }, io);
    default: {
      const never: never = command;
      throw new Error(`unhandled command ${JSON.stringify(never)}`);
    }
  }
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const fallback = localeOf(io);
  const lang = splitLang(argv, fallback);
  if (!lang.ok) return usageError(io, createTranslator(fallback).t(lang.id, { value: lang.value }));
  const t = createTranslator(lang.locale);
  const parsed = parseCommandLine(lang.rest, t);
  if (!parsed.ok) return usageError(io, parsed.usage, t);
  try {
    // --lang written on the line also sets the workbook's language (where its Policy names none).
    const explicitLang = lang.rest.length < argv.length ? lang.locale : undefined;
    return await run(parsed.command, io, t, explicitLang);
  } catch (e) {
    // A bug, not a user error: say so in one line (the stack only with CREDIT_DESK_DEBUG).
    io.stderr.write(`${t.t("cli.error.internal", { message: e instanceof Error ? e.message : String(e) })}\n`);
    if (process.env.CREDIT_DESK_DEBUG && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
