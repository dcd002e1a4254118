import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { parseCommandLine } from "../../src/cli/parseCommandLine";
import { createTranslator } from "../../src/i18n/translator";

/** Every usage error the parser gives, one command line each. */
const USAGE_ERRORS: readonly string[][] = [
  [], ["frobnicate"], ["review"], ["review", "a.xlsx", "b.xlsx"], ["review", "a.xlsx", "--bogus"], ["review", "a.xlsx", "--out"],
  ["review", "a.xlsx", "--json=yes"], ["review", "a.xlsx", "--in-place", "--out", "b.xlsx"], ["review", "a.xlsx", "--in-place", "--force"],
  ["review", "a.xlsx", "--as-of", "30/06/2025"], ["review", "a.xlsx", "--as-of", "2025-02-30"], ["review", "a.xlsx", "--sample"],
  ["review", "a.xlsx", "--from-ledger", "b.xlsx"], ["review", "a.xlsx", "--set", "x=1"], ["init"], ["init", "a.xlsx", "b.xlsx"],
  ["init", "a.xlsx", "--json"], ["init", "a.xlsx", "--map", "A=Amount"], ["init", "--from-ledger", "l.xlsx", "x.xlsx"],
  ["init", "--from-ledger", "l.xlsx", "x.xlsx", "y.xlsx"], ["init", "--from-ledger", "l.xlsx", "--sample"], ["init", "--from-ledger="],
  ["demo", "extra"], ["demo", "--map", "A=Amount"], ["whatif"], ["whatif", "a.xlsx", "b.xlsx"], ["whatif", "a.xlsx", "--sample"],
  ["whatif", "a.xlsx", "--force"],
];

describe("parseCommandLine", () => {
  it.each([
    [[], "no command given"],
    [["frobnicate"], 'unknown command "frobnicate"'],
    [["review"], "review needs a workbook"],
    [["review", "a.xlsx", "b.xlsx"], "review takes one workbook, got 2"],
    [["review", "a.xlsx", "--bogus"], "unknown option --bogus"],
    [["review", "a.xlsx", "--json=yes"], "--json takes no value"],
    [["review", "a.xlsx", "--out"], "--out needs a value"],
    [["review", "a.xlsx", "--in-place", "--out", "b.xlsx"], "--in-place and --out exclude each other"],
    [["review", "a.xlsx", "--as-of", "30/06/2025"], '--as-of "30/06/2025" is not a date'],
    [["review", "a.xlsx", "--as-of", "2025-02-30"], "is not a day of the calendar"],
    [["review", "a.xlsx", "--sample"], "--sample is an option of init"],
    [["init"], "init needs a file name"],
    [["init", "a.xlsx", "--json"], "init takes only"],
    [["demo", "extra"], "demo takes only"],
  ])("%j is a usage error mentioning %s", (argv, message) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.usage).toContain(message);
  });

  it.each(USAGE_ERRORS.map((argv) => [argv]))("%j is a usage error in Chinese too: no English word but option, command and file names", (argv) => {
    const en = parseCommandLine(argv);
    const zh = parseCommandLine(argv, createTranslator("zh-CN"));
    expect(en.ok || zh.ok).toBe(false);
    if (en.ok || zh.ok) return;
    expect(zh.usage).not.toEqual(en.usage);
    // What stays Latin: options (--as-of), commands and placeholders, file names, the date pattern.
    const rest = zh.usage.replace(/--?[a-z-]+(=\S*)?|credit-desk|\b(review|init|demo|whatif|frobnicate|key=value|x=1|A=Amount|yes)\b|\w+\.\w+=\d+|<[^>]+>|[\w/.-]*\.xlsx|YYYY-MM-DD|[\d/-]+/g, " ");
    expect([zh.usage, rest.match(/[A-Za-z]{2,}/g) ?? []]).toEqual([zh.usage, []]);
  });

  it.each([
    [["--help"], { name: "help", topic: undefined }],
    [["-h"], { name: "help", topic: undefined }],
    [["help", "review"], { name: "help", topic: "review" }],
    [["init", "--help"], { name: "help", topic: "init" }],
    [["--version"], { name: "version" }],
  ])("%j asks for help or the version", (argv, command) => {
    expect(parseCommandLine(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [["init", "--from-ledger", "aging.xlsx"], { name: "initFromLedger", ledger: "aging.xlsx", out: undefined, map: [] }],
    [["init", "--from-ledger", "aging.xlsx", "--out", "c.xlsx", "--map", "Party=CustomerId"], { name: "initFromLedger", ledger: "aging.xlsx", out: "c.xlsx", map: ["Party=CustomerId"] }],
  ])("reads init --from-ledger %j", (argv, command) => {
    expect(parseCommandLine(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [["init", "--from-ledger", "aging.xlsx", "more.xlsx"], "not"],
    [["init", "--from-ledger", "aging.xlsx", "--sample"], "--from-ledger"],
    [["init", "new.xlsx", "--map", "A=Amount"], "--map"],
    [["review", "a.xlsx", "--from-ledger", "b.xlsx"], "--from-ledger"],
    [["demo", "--map", "A=Amount"], "demo"],
  ])("refuses %j", (argv, word) => {
    expect(parseCommandLine(argv)).toEqual({ ok: false, usage: expect.stringContaining(word) });
  });

  it("reads review with every option", () => {
    expect(parseCommandLine(["review", "ledger.xlsx", "--as-of", "2025-06-30", "--out", "out.xlsx", "--force", "--json", "--map", "Open Advance (ILS)=OpenAmount", "--map=Customer=Name"])).toEqual({
      ok: true,
      command: { name: "review", input: "ledger.xlsx", asOf: dayFromCivil(2025, 6, 30), out: "out.xlsx", inPlace: false, force: true, json: true, map: ["Open Advance (ILS)=OpenAmount", "Customer=Name"] },
    });
    expect(parseCommandLine(["review", "--in-place", "ledger.xlsx"])).toEqual({
      ok: true,
      command: { name: "review", input: "ledger.xlsx", asOf: undefined, out: undefined, inPlace: true, force: false, json: false, map: [] },
    });
    expect(parseCommandLine(["review", "ledger.xlsx", "--in-place", "--force"])).toMatchObject({ ok: false, usage: expect.stringContaining("--force") });
    expect(parseCommandLine(["init", "new.xlsx", "--force"])).toMatchObject({ ok: false });
  });

  it("reads init and demo", () => {
    expect(parseCommandLine(["init", "new.xlsx", "--sample", "--as-of", "2024-02-29"])).toEqual({
      ok: true,
      command: { name: "init", file: "new.xlsx", sample: true, asOf: dayFromCivil(2024, 2, 29) },
    });
    expect(parseCommandLine(["demo", "-o", "x/out.xlsx"])).toEqual({ ok: true, command: { name: "demo", out: "x/out.xlsx", asOf: undefined } });
  });
});
