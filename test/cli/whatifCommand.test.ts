/**
 * `credit-desk whatif`: argument parsing, the printed comparison checked against the engine run on
 * the same workbook, --json, --out writing the What-if sheet into a copy (the input unchanged, an
 * existing file refused without --force), and clear errors for a bad --set, key or value.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { parseCommandLine } from "../../src/cli/parseCommandLine";
import { parseDateText } from "../../src/engine/dates/dayNumber";
import { runWhatIf } from "../../src/app/whatIf";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import type { ScenarioComparison } from "../../src/engine/scenarios";

jest.setTimeout(60_000);

async function run(argv: string[]) {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => new Date(2025, 5, 30, 10), env: { LANG: "en_US.UTF-8" } };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: errs.join("") };
}

const AS_OF = "2025-06-30";
const asOf = (() => { const d = parseDateText(AS_OF, "asOf"); if (!d.ok) throw new Error("date"); return d.value; })();
let dir: string;
let sample: string;
let expected: ScenarioComparison;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-whatif-"));
  sample = path.join(dir, "sample.xlsx");
  const created = await run(["init", sample, "--sample", "--as-of", AS_OF]);
  if (created.code !== 0) throw new Error(created.stderr);
  const book = await XlsxWorkbook.load(sample);
  if (!book.ok) throw new Error("load");
  const outcome = await runWhatIf(book.value, { asOf, draft: { changes: [{ key: "gradeBands.A", value: "70" }, { key: "weights.paymentRecord", value: "3" }] } });
  if (outcome.status !== "compared") throw new Error("not compared");
  expected = outcome.comparison;
}, 60_000);
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe("parseCommandLine whatif", () => {
  it.each([
    [["whatif", "b.xlsx", "--set", "gradeBands.A=70", "--set", "weights.paymentRecord=3", "--json"], { name: "whatif", input: "b.xlsx", sets: ["gradeBands.A=70", "weights.paymentRecord=3"], asOf: undefined, out: undefined, force: false, json: true }],
    [["whatif", "b.xlsx", "--out", "w.xlsx", "--force"], { name: "whatif", input: "b.xlsx", sets: [], asOf: undefined, out: "w.xlsx", force: true, json: false }],
  ])("%j", (argv, command) => {
    expect(parseCommandLine(argv)).toEqual({ ok: true, command });
  });

  it.each([
    [["whatif"], /needs a workbook/],
    [["whatif", "a.xlsx", "b.xlsx"], /one workbook/],
    [["whatif", "a.xlsx", "--in-place"], /whatif takes/],
    [["whatif", "a.xlsx", "--force"], /--force/],
    [["review", "a.xlsx", "--set", "gradeBands.A=70"], /--set is an option of whatif/],
  ])("%j is a usage error", (argv, message) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.usage).toMatch(message);
  });
});

describe("credit-desk whatif", () => {
  it("prints the changed values, the migration matrix and the limit change of the engine's comparison", async () => {
    const r = await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=70", "--set", "weights.paymentRecord=3"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`policy ${expected.baseFingerprint} → draft ${expected.draftFingerprint}`);
    expect(r.stdout).toContain("  gradeBands.A: 80 → 70");
    expect(r.stdout).toContain("  weights.paymentRecord: 12 → 3");
    const lines = r.stdout.split("\n");
    const header = lines.findIndex((l) => l.trim().startsWith("Grade now"));
    const matrix = lines.slice(header + 1, header + 6).map((l) => l.trim().split(/\s+/));
    expect(matrix.map((cells) => cells[0])).toEqual(["A", "B", "C", "D", "R"]);
    expect(matrix.map((cells) => cells.slice(1, 6).map(Number))).toEqual(expected.migration.map((row) => row.map((m) => m.customers)));
    const fmt = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
    expect(r.stdout).toContain(`Total recommended limit: ${fmt(expected.totalLimit.before)} → ${fmt(expected.totalLimit.after)} (${expected.totalLimit.change > 0 ? "+" : ""}${fmt(expected.totalLimit.change)})`);
  });

  it("--json gives the comparison", async () => {
    const r = await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=70", "--set", "weights.paymentRecord=3", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as { totalLimit: unknown; draftFingerprint: string; migration: { customers: Record<string, Record<string, number>> }; output: null };
    expect(json.totalLimit).toEqual(expected.totalLimit);
    expect(json.draftFingerprint).toBe(expected.draftFingerprint);
    expect(json.migration.customers.B.A).toBe(expected.migration[1][0].customers);
    expect(json.output).toBeNull();
  });

  it("--out writes the What-if sheet into a copy, leaving the input as it was; an existing file needs --force", async () => {
    const before = await fs.readFile(sample);
    const out = path.join(dir, "whatif.xlsx");
    const r = await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=70", "--set", "weights.paymentRecord=3", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`What-if sheet written to ${out} (sheet “What-if”)`);
    expect(await fs.readFile(sample)).toEqual(before);
    const book = await XlsxWorkbook.load(out);
    if (!book.ok) throw new Error("load out");
    const snapshot = await book.value.readWorkbook();
    expect(snapshot.outputSheets.map((m) => m.output)).toContain("What-if");
    const migration = snapshot.tables.find((t) => t.kind === "table" && t.name === "WhatIfMigration");
    expect(migration?.rows.slice(0, 5).map((row) => row.slice(1, 6))).toEqual(expected.migration.map((row) => row.map((m) => m.customers)));

    const refused = await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=75", "--out", out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already exists; use --force/);
    expect((await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=75", "--out", out, "--force"])).code).toBe(0);
  });

  it.each([
    [["--set", "gradeBands.A"], /--set "gradeBands.A" is not key=value/],
    [["--set", "gradeBand.A=70"], /gradeBand\.A.*unknown policy key/],
    [["--set", "gradeBands.A=high"], /gradeBands\.A.*not a number/],
    [["--set", "weights.paymentRecord=12%"], /weights\.paymentRecord.*plain numbers/],
  ])("%j is a clear error (exit 2), nothing printed on stdout", async (args, message) => {
    const r = await run(["whatif", sample, "--as-of", AS_OF, ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
  });

  it("prints in Chinese with --lang zh-CN", async () => {
    const r = await run(["whatif", sample, "--as-of", AS_OF, "--set", "gradeBands.A=70", "--lang", "zh-CN"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("信用等级迁移");
    expect(r.stdout).toContain("建议额度合计");
  });
});
