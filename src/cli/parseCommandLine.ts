/**
 * The CLI's arguments as a command, or a usage error (exit code 2). No dependency: node:util
 * parseArgs does the tokenising; this file knows the commands and checks their options.
 * @example parseCommandLine(["review", "book.xlsx", "--json"]) //=> { ok: true, command: { name: "review", input: "book.xlsx", json: true, inPlace: false, force: false } }
 */
import { parseArgs } from "util";
import { describeError } from "../engine/errors";
import { parseDateText, type DayNumber } from "../engine/dates/dayNumber";

export type Command =
  | { name: "help"; topic?: "review" | "init" | "demo" | "whatif" }
  | { name: "version" }
  | { name: "review"; input: string; asOf?: DayNumber; out?: string; inPlace: boolean; force: boolean; json: boolean; map: string[] }
  | { name: "init"; file: string; sample: boolean; asOf?: DayNumber }
  | { name: "initFromLedger"; ledger: string; out?: string; map: string[] }
  | { name: "demo"; out?: string; asOf?: DayNumber }
  | { name: "whatif"; input: string; sets: string[]; asOf?: DayNumber; out?: string; force: boolean; json: boolean };

export type ParsedCommandLine = { ok: true; command: Command } | { ok: false; usage: string };

const COMMANDS = ["review", "init", "demo", "whatif"] as const;
type CommandName = (typeof COMMANDS)[number];

function isCommandName(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

const usage = (message: string): ParsedCommandLine => ({ ok: false, usage: message });

function readAsOf(text: string | undefined): { ok: true; asOf?: DayNumber } | { ok: false; usage: string } {
  if (text === undefined) return { ok: true };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { ok: false, usage: `--as-of "${text}" is not a date: use YYYY-MM-DD` };
  const day = parseDateText(text, "--as-of");
  return day.ok ? { ok: true, asOf: day.value } : { ok: false, usage: describeError(day.error) };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function parseCommandLine(argv: readonly string[]): ParsedCommandLine {
  const [first, ...rest] = argv;
  if (first === undefined) return usage("no command given");
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = rest[0];
    return { ok: true, command: { name: "help", topic: topic !== undefined && isCommandName(topic) ? topic : undefined } };
  }
  if (first === "--version" || first === "-v") return { ok: true, command: { name: "version" } };
  if (!isCommandName(first)) return usage(`unknown command "${first}"`);

  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (e) {
    // parseArgs throws a TypeError (ERR_PARSE_ARGS_*) for unknown options and missing values.
    return usage(messageOf(e).replace(/\. To specify a positional argument.*$/s, ""));
  }
  const { values, positionals } = parsed;
  if (values.help) return { ok: true, command: { name: "help", topic: first } };
  const asOf = readAsOf(values["as-of"]);
  if (!asOf.ok) return usage(asOf.usage);

  if (first !== "whatif" && values.set !== undefined) return usage(`--set is an option of whatif, not ${first}`);
  switch (first) {
    case "review": {
      if (values["from-ledger"] !== undefined) return usage("--from-ledger is an option of init, not review");
      if (values.sample) return usage("--sample is an option of init, not review");
      if (positionals.length !== 1) return usage(positionals.length === 0 ? "review needs a workbook: credit-desk review <workbook.xlsx>" : `review takes one workbook, got ${positionals.length}`);
      if (values["in-place"] && values.out !== undefined) return usage("--in-place and --out exclude each other");
      if (values["in-place"] && values.force) return usage("--force replaces an existing output file; --in-place writes into the input itself");
      return { ok: true, command: { name: "review", input: positionals[0], asOf: asOf.asOf, out: values.out, inPlace: values["in-place"] === true, force: values.force === true, json: values.json === true, map: values.map ?? [] } };
    }
    case "init": {
      const ledger = values["from-ledger"];
      if (ledger !== undefined) {
        if (values["in-place"] || values.json || values.force || values.sample || values["as-of"] !== undefined) return usage("init --from-ledger takes only <workbook.xlsx>, --out and --map");
        if (positionals.length > 0) return usage(`init --from-ledger takes the workbook after --from-ledger, not ${positionals.length === 1 ? `"${positionals[0]}"` : `${positionals.length} more files`}`);
        if (ledger === "") return usage("--from-ledger needs a workbook: credit-desk init --from-ledger <workbook.xlsx>");
        return { ok: true, command: { name: "initFromLedger", ledger, out: values.out, map: values.map ?? [] } };
      }
      if (values.map !== undefined) return usage("--map is an option of review and init --from-ledger");
      if (values.out !== undefined || values["in-place"] || values.json || values.force) return usage("init takes only <file.xlsx>, --sample and --as-of");
      if (positionals.length !== 1) return usage(positionals.length === 0 ? "init needs a file name: credit-desk init <file.xlsx>" : `init takes one file, got ${positionals.length}`);
      return { ok: true, command: { name: "init", file: positionals[0], sample: values.sample === true, asOf: asOf.asOf } };
    }
    case "demo": {
      if (values.map !== undefined || values["from-ledger"] !== undefined) return usage("demo takes only --out and --as-of");
      if (positionals.length > 0 || values["in-place"] || values.json || values.sample || values.force) return usage("demo takes only --out and --as-of");
      return { ok: true, command: { name: "demo", out: values.out, asOf: asOf.asOf } };
    }
    case "whatif": {
      if (values.sample || values["in-place"]) return usage("whatif takes <workbook.xlsx>, --set key=value, --as-of, --out, --force and --json");
      if (positionals.length !== 1) return usage(positionals.length === 0 ? "whatif needs a workbook: credit-desk whatif <workbook.xlsx> --set gradeBands.A=70" : `whatif takes one workbook, got ${positionals.length}`);
      if (values.force && values.out === undefined) return usage("--force replaces the --out file; whatif without --out writes nothing");
      return { ok: true, command: { name: "whatif", input: positionals[0], sets: values.set ?? [], asOf: asOf.asOf, out: values.out, force: values.force === true, json: values.json === true } };
    }
    default: {
      const never: never = first;
      throw new Error(`unhandled command ${String(never)}`);
    }
  }
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
    },
  });
}
