import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { VERSION } from "../../src/cli/version";
import { OUTPUT_SHEETS } from "../../src/app/types";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";

/** In-process CLI run with captured output and a fake clock (2025-06-30 10:00 local time). */
async function run(argv: string[], clock = new Date(2025, 5, 30, 10, 0, 0)) {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => clock };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: errs.join("") };
}

const lines = (text: string): string[] => text.split("\n").filter((l) => l !== "");

let dir: string;
let sample: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-cli-"));
  sample = path.join(dir, "sample.xlsx");
  const created = await run(["init", sample, "--sample", "--as-of", "2025-06-30"]);
  if (created.code !== 0) throw new Error(`init failed: ${created.stderr}`);
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(() => true, () => false);
}

describe("credit-desk usage", () => {
  it.each([
    [[]],
    [["review"]],
    [["review", "a.xlsx", "--nope"]],
    [["review", "a.xlsx", "--as-of", "yesterday"]],
    [["review", "a.xlsx", "--in-place", "--out", "b.xlsx"]],
    [["launch"]],
    [["init", "template.txt"]],
  ])("exits 2 on %j, with a usage hint on stderr and nothing on stdout", async (argv) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^credit-desk: .+\nRun "credit-desk --help" for usage\.\n$/);
  });

  it("prints help and the version, exit 0", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("credit-desk review <workbook.xlsx>");
    expect(help.stdout).toContain("credit-desk init <file.xlsx>");
    const reviewHelp = await run(["review", "--help"]);
    expect(reviewHelp.stdout).toContain("--in-place");
    const version = await run(["--version"]);
    expect(version).toEqual({ code: 0, stdout: `credit-desk ${VERSION}\n`, stderr: "" });
  });

  it("refuses an --out that would overwrite the input", async () => {
    const r = await run(["review", sample, "--out", sample]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--in-place");
  });
});

describe("credit-desk init", () => {
  it("creates the input template, and never overwrites an existing file", async () => {
    const file = path.join(dir, "template.xlsx");
    const first = await run(["init", file]);
    expect(first.code).toBe(0);
    const snapshot = await (await XlsxWorkbook.load(file).then((r) => (r.ok ? r.value : Promise.reject(r.error)))).readWorkbook();
    expect(snapshot.tables.filter((t) => t.kind === "table").map((t) => t.sheet)).toEqual(expect.arrayContaining(["Customers", "Receivables", "Policy"]));
    const before = await fs.readFile(file);
    const second = await run(["init", file, "--sample"]);
    expect(second.code).toBe(1);
    expect(lines(second.stderr)).toEqual([`credit-desk: ${file} already exists; init never overwrites a file`]);
    expect((await fs.readFile(file)).equals(before)).toBe(true);
  });
});

describe("credit-desk review", () => {
  it("writes the four output sheets to <input>-reviewed.xlsx, prints the summary and leaves the input byte-identical", async () => {
    const before = await fs.readFile(sample);
    const r = await run(["review", sample, "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    const out = path.join(dir, "sample-reviewed.xlsx");
    expect((await fs.readFile(sample)).equals(before)).toBe(true);
    const loaded = await XlsxWorkbook.load(out);
    if (!loaded.ok) throw new Error("output does not load");
    const snapshot = await loaded.value.readWorkbook();
    for (const sheet of OUTPUT_SHEETS) expect(snapshot.sheets).toContain(sheet);
    expect(snapshot.sheets.slice(0, 5)).toEqual(["Customers", "Financials", "Receivables", "Orders", "Policy"]);
    expect(r.stdout).toMatch(/^Credit Desk review as of 2025-06-30\nCustomers: 36 \(/);
    expect(r.stdout).toContain("Total recommended limit: ");
    expect(r.stdout).toContain(`Written: ${out}\n`);
    expect(r.stdout).toMatch(/Policy fingerprint: \S+/);
  }, 60_000);

  it("--json prints the machine-readable outcome, and the as-of date defaults to the clock's day", async () => {
    const out = path.join(dir, "json-out.xlsx");
    const r = await run(["review", sample, "--json", "--out", out]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ status: "written", asOf: "2025-06-30", output: out });
    expect(result.kpis.customers).toBe(36);
    expect(result.customers).toHaveLength(36);
    expect(Array.isArray(result.problems)).toBe(true);
    expect(typeof result.policyFingerprint).toBe("string");
    expect(result.sheets).toBeUndefined();
    expect(await exists(out)).toBe(true);
  }, 60_000);

  it("--in-place writes the output sheets into the input workbook", async () => {
    const copy = path.join(dir, "inplace.xlsx");
    await fs.copyFile(sample, copy);
    const r = await run(["review", copy, "--in-place", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    const loaded = await XlsxWorkbook.load(copy);
    if (!loaded.ok) throw new Error("in-place output does not load");
    expect((await loaded.value.readWorkbook()).sheets).toEqual(expect.arrayContaining([...OUTPUT_SHEETS]));
    expect(await exists(path.join(dir, "inplace-reviewed.xlsx"))).toBe(false);
  }, 60_000);

  it("exits 1 on validation errors, one line per problem with Sheet!Cell, and writes nothing", async () => {
    const bad = path.join(dir, "invalid.xlsx");
    const book = XlsxWorkbook.create();
    await book.writeSheets([
      { name: "Customers", role: "input", tables: [{ name: "Customers", headerRow: 0, firstColumn: 0, columns: [{ header: "CustomerId", kind: "text" }, { header: "Name", kind: "text" }], rows: [["C001", "Alpha"], ["C001", "Alpha again"]] }] },
      { name: "Receivables", role: "input", tables: [{ name: "Receivables", headerRow: 0, firstColumn: 0, columns: ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"].map((header) => ({ header, kind: "text" as const })), rows: [["INV-1", "C001", 45800, 45830, "lots"]] }] },
    ]);
    expect((await book.save(bad)).ok).toBe(true);
    const out = path.join(dir, "invalid-out.xlsx");
    const r = await run(["review", bad, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    const errorLines = lines(r.stderr).filter((l) => l.startsWith("error  "));
    expect(errorLines.length).toBeGreaterThanOrEqual(2);
    expect(errorLines.every((l) => /^error {2}\S+(![A-Z]+\d+)? {2}\S+ {2}.+$/.test(l))).toBe(true);
    expect(errorLines.some((l) => l.startsWith("error  Customers!A3"))).toBe(true);
    expect(errorLines.some((l) => l.startsWith("error  Receivables!E2"))).toBe(true);
    expect(lines(r.stderr).at(-1)).toMatch(/^credit-desk: .*invalid\.xlsx: \d+ errors in the workbook; nothing was written$/);
    expect(await exists(out)).toBe(false);
  }, 60_000);

  it.each([
    ["notes.xlsx", Buffer.from("CustomerId,Name\nC001,Alpha\n"), "notes.xlsx: not an .xlsx file"],
    ["locked.xlsx", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), "locked.xlsx: the workbook is password-protected"],
  ])("exits 1 with one line for a bad file (%s) and writes nothing", async (name, bytes, message) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    const r = await run(["review", file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toContain(`credit-desk: ${message}`);
    expect(await exists(file.replace(/\.xlsx$/, "-reviewed.xlsx"))).toBe(false);
  });

  it("exits 1 with one line for a missing file", async () => {
    const file = path.join(dir, "missing.xlsx");
    const r = await run(["review", file]);
    expect(r).toEqual({ code: 1, stdout: "", stderr: `credit-desk: ${file}: no such file\n` });
  });
});

describe("credit-desk demo", () => {
  it("generates the sample beside --out, reviews it at the fixed as-of date and prints the summary", async () => {
    const out = path.join(dir, "demo", "credit-review.xlsx");
    const r = await run(["demo", "--out", out], new Date(2031, 0, 1));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Sample workbook: ${path.join(dir, "demo", "credit-desk-sample.xlsx")} (as of 2025-06-30)`);
    expect(r.stdout).toContain("Credit Desk review as of 2025-06-30");
    expect(await exists(out)).toBe(true);
  }, 60_000);
});
