/**
 * The CLI's arguments as a command, or a usage error (exit code 2) in the translator's language
 * (the catalogues' cli.parse.*). No dependency: node:util parseArgs does the tokenising; this file
 * knows the commands and checks their options.
 * @example parseCommandLine(["review", "book.xlsx", "--json"]) //=> { ok: true, command: { name: "review", input: "book.xlsx", json: true, inPlace: false, force: false } }
 */
import { parseArgs } from "util";
import { parseDateText, type DayNumber } from "../engine/dates/dayNumber";
import { createTranslator, type Translator } from "../i18n/translator";

/** The files of a review past Excel (issue 19 §3): the ledger in Parquet or CSV, the other tables in CSV, Parquet or .xlsx. */
export interface DataFiles {
  customers: string;
  ledger: string;
  financials?: string;
  orders?: string;
  policy?: string;
}

export type Command =
  | { name: "help"; topic?: CommandName }
  | { name: "version" }
  | { name: "review"; input: string; asOf?: DayNumber; out?: string; inPlace: boolean; force: boolean; json: boolean; map: string[] }
  | { name: "init"; file: string; sample: boolean; asOf?: DayNumber }
  | { name: "initFromLedger"; ledger: string; out?: string; map: string[] }
  | { name: "demo"; out?: string; asOf?: DayNumber }
  | { name: "whatif"; input: string; sets: string[]; asOf?: DayNumber; out?: string; force: boolean; json: boolean }
  | { name: "reviewFiles"; files: DataFiles; asOf?: DayNumber; out?: string; force: boolean; json: boolean; map: string[] }
  | { name: "exportLedger"; workbook: string; parquet: string; table?: string; force: boolean };

export type ParsedCommandLine = { ok: true; command: Command } | { ok: false; usage: string };

const COMMANDS = ["review", "init", "demo", "whatif", "export-ledger"] as const;
export type CommandName = (typeof COMMANDS)[number];

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function readAsOf(text: string | undefined, t: Translator): { ok: true; asOf?: DayNumber } | { ok: false; usage: string } {
  if (text === undefined) return { ok: true };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, usage: t.t("cli.parse.asOfNotDate", { text }) };
  const day = parseDateText(text, "--as-of");
  return day.ok ? { ok: true, asOf: day.value } : { ok: false, usage: t.t("cli.parse.asOfNoSuchDay", { text }) };
}

/**
 * node:util parseArgs' errors (a TypeError with an ERR_PARSE_ARGS_* code and an English message
 * naming the option) in the user's language; an unforeseen one keeps node's words.
 */
function parseArgsProblem(e: unknown, t: Translator): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown }).code;
  // "Unknown option '--bogus'", "Option '-o, --out <value>' argument missing": the long name when there is one.
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? "";
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? /-\w/.exec(quoted)?.[0];
  if (option !== undefined && code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return t.t("cli.parse.unknownOption", { option });
  if (option !== undefined && code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    return t.t(/does not take an argument/.test(message) ? "cli.parse.optionTakesNoValue" : "cli.parse.optionNeedsValue", { option });
  }
  return message.replace(/\. To specify a positional argument.*$/s, "");
}

/** The argument list as a command; usage errors in the language of `t` (default English). */
export function parseCommandLine(argv: readonly string[], t: Translator = createTranslator("en-US")): ParsedCommandLine {
  const usage = (message: string): ParsedCommandLine => ({ ok: false, usage: message });
  const oneFile = (command: string, kind: "workbook" | "file", count: number): ParsedCommandLine => usage(t.t("cli.parse.oneFile", { command, kind, count }));
  const takesOnly = (command: string, ...options: string[]): ParsedCommandLine => usage(t.t("cli.parse.takesOnly", { command, options: options.join(", ") }));
  const optionOf = (option: string, owner: string, command: string): ParsedCommandLine => usage(t.t("cli.parse.optionOf", { option, owner, command }));
  const [first, ...rest] = argv;
  if (first === undefined) return usage(t.t("cli.parse.noCommand"));
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return { ok: true, command: { name: "help", topic: topic !== undefined && isCommandName(topic) ? topic : undefined } };
  }
  if (first === "--version" || first === "-v") return { ok: true, command: { name: "version" } };
  if (!isCommandName(first)) return usage(t.t("cli.parse.unknownCommand", { command: first }));

  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (e) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
    return usage(parseArgsProblem(e, t));
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { name: "help", topic: first } };
  const asOf = readAsOf(values["as-of"], t);
  if (!asOf.ok) return usage(asOf.usage);

  if (first !== "whatif" && values.set !== undefined) return optionOf("--set", "whatif", first);
  const fileOption = FILE_OPTIONS.find((option) => values[option] !== undefined);
  if (first !== "review" && fileOption !== undefined) return usage(t.t("cliFiles.parse.fileOptionsOnlyReview", { option: `--${fileOption}`, command: first }));
  if (first !== "export-ledger" && values.table !== undefined) return optionOf("--table", "export-ledger", first);
  switch (first) {
    case "review": {
      if (values["from-ledger"] !== undefined) return optionOf("--from-ledger", "init", "review");
      if (values.sample) return optionOf("--sample", "init", "review");
      if (fileOption !== undefined) return reviewFiles(values, positionals, asOf.asOf, t);
      if (positionals.length === 0) return usage(t.t("cli.parse.needsWorkbook", { command: "review", example: "credit-desk review <workbook.xlsx>" }));
      if (positionals.length !== 1) return oneFile("review", "workbook", positionals.length);
      if (values["in-place"] && values.out !== undefined) return usage(t.t("cli.parse.inPlaceAndOut"));
      if (values["in-place"] && values.force) return usage(t.t("cli.parse.forceInPlace"));
      return { ok: true, command: { name: "review", input: positionals[0], asOf: asOf.asOf, out: values.out, inPlace: values["in-place"] === true, force: values.force === true, json: values.json === true, map: values.map ?? [] } };
    }
    case "init": {
      const ledger = values["from-ledger"];
      if (ledger !== undefined) {
        if (values["in-place"] || values.json || values.force || values.sample || values["as-of"] !== undefined) return takesOnly("init --from-ledger", "<workbook.xlsx>", "--out", "--map");
        if (positionals.length > 0) return usage(t.t("cli.parse.fromLedgerExtra", { count: positionals.length, file: positionals[0] }));
        if (ledger === "") return usage(t.t("cli.parse.needsWorkbook", { command: "--from-ledger", example: "credit-desk init --from-ledger <workbook.xlsx>" }));
        return { ok: true, command: { name: "initFromLedger", ledger, out: values.out, map: values.map ?? [] } };
      }
      if (values.map !== undefined) return optionOf("--map", "review, init --from-ledger", "init");
      if (values.out !== undefined || values["in-place"] || values.json || values.force) return takesOnly("init", "<file.xlsx>", "--sample", "--as-of");
      if (positionals.length === 0) return usage(t.t("cli.parse.needsFileName", { command: "init", example: "credit-desk init <file.xlsx>" }));
      if (positionals.length !== 1) return oneFile("init", "file", positionals.length);
      return { ok: true, command: { name: "init", file: positionals[0], sample: values.sample === true, asOf: asOf.asOf } };
    }
    case "demo": {
      if (values.map !== undefined || values["from-ledger"] !== undefined) return takesOnly("demo", "--out", "--as-of");
      if (positionals.length > 0 || values["in-place"] || values.json || values.sample || values.force) return takesOnly("demo", "--out", "--as-of");
      return { ok: true, command: { name: "demo", out: values.out, asOf: asOf.asOf } };
    }
    case "whatif": {
      if (values.sample || values["in-place"]) return takesOnly("whatif", "<workbook.xlsx>", "--set key=value", "--as-of", "--out", "--force", "--json");
      if (positionals.length === 0) return usage(t.t("cli.parse.needsWorkbook", { command: "whatif", example: "credit-desk whatif <workbook.xlsx> --set gradeBands.A=70" }));
      if (positionals.length !== 1) return oneFile("whatif", "workbook", positionals.length);
      if (values.force && values.out === undefined) return usage(t.t("cli.parse.forceWithoutOut"));
      return { ok: true, command: { name: "whatif", input: positionals[0], sets: values.set ?? [], asOf: asOf.asOf, out: values.out, force: values.force === true, json: values.json === true } };
    }
    case "export-ledger": {
      if (values.sample || values["in-place"] || values.json || values.map !== undefined || values.out !== undefined || values["as-of"] !== undefined || values["from-ledger"] !== undefined) {
        return takesOnly("export-ledger", "<book.xlsx>", "<ledger.parquet>", "--table", "--force");
      }
      if (positionals.length !== 2) return usage(t.t("cliFiles.parse.exportArgs", { example: "credit-desk export-ledger <book.xlsx> <ledger.parquet>" }));
      const [workbook, parquet] = positionals as [string, string];
      if (!/\.xlsx$/i.test(workbook)) return usage(t.t("cliFiles.parse.exportXlsx", { file: workbook }));
      if (!/\.parquet$/i.test(parquet)) return usage(t.t("cliFiles.parse.exportParquet", { file: parquet }));
      return { ok: true, command: { name: "exportLedger", workbook, parquet, table: values.table, force: values.force === true } };
    }
    default: {
      const never: never = first;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
}

/** The options naming a review's input files. */
const FILE_OPTIONS = ["customers", "ledger", "financials", "orders", "policy"] as const;

type Options = ReturnType<typeof parseOptions>["values"];

/** `review --customers … --ledger …`: the files checked by kind; a workbook, --in-place or a missing file is a usage error. */
function reviewFiles(values: Options, positionals: readonly string[], asOf: DayNumber | undefined, t: Translator): ParsedCommandLine {
  const usage = (message: string): ParsedCommandLine => ({ ok: false, usage: message });
  if (positionals.length > 0) return usage(t.t("cliFiles.parse.filesAndWorkbook", { file: positionals[0]! }));
  if (values["in-place"]) return usage(t.t("cliFiles.parse.notWithFiles", { option: "--in-place" }));
  if (values.out !== undefined && !/\.xlsx$/i.test(values.out)) return usage(`--out ${values.out}: the output must be an .xlsx file`);
  const { customers, ledger } = values;
  if (customers === undefined || customers === "") return usage(t.t("cliFiles.parse.needsBoth", { option: "--customers" }));
  if (ledger === undefined || ledger === "") return usage(t.t("cliFiles.parse.needsBoth", { option: "--ledger" }));
  if (!/\.(parquet|pq|csv)$/i.test(ledger)) return usage(t.t("cliFiles.parse.ledgerKind", { file: ledger }));
  for (const option of ["customers", "financials", "orders", "policy"] as const) {
    const file = values[option];
    if (file !== undefined && !/\.(parquet|pq|csv|xlsx)$/i.test(file)) return usage(t.t("cliFiles.parse.tableKind", { option: `--${option}`, file }));
  }
  const files: DataFiles = { customers, ledger, financials: values.financials, orders: values.orders, policy: values.policy };
  return { ok: true, command: { name: "reviewFiles", files, asOf, out: values.out, force: values.force === true, json: values.json === true, map: values.map ?? [] } };
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      "as-of": { type: "string" },
      out: { type: "string", short: "o" },
      "in-place": { type: "boolean" },
      force: { type: "boolean" },
      json: { type: "boolean" },
      sample: { type: "boolean" },
      map: { type: "string", multiple: true },
      "from-ledger": { type: "string" },
      help: { type: "boolean", short: "h" },
      set: { type: "string", multiple: true },
      customers: { type: "string" },
      ledger: { type: "string" },
      financials: { type: "string" },
      orders: { type: "string" },
      policy: { type: "string" },
      table: { type: "string" },
    },
  });
}
