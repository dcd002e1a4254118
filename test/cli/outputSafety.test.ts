/* eslint-disable no-control-regex -- the tests look for control characters in what was printed */
/**
 * Issue 13 through the CLI: a user's sheet named like an output is never lost (item 1), the
 * output file rules of --in-place, --force and an existing output (item 2), and workbook text
 * printed safely on a terminal (item 4).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main, type CliIo } from "../../src/cli/main";
import { sheetNotice } from "../../src/cli/reviewCommand";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import { zipEntry } from "../host/xlsx/zipEntry";

async function run(argv: string[]) {
  const out: string[] = [];
  const errs: string[] = [];
  const clock = new Date(2025, 5, 30, 10, 0, 0);
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => clock };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: errs.join("") };
}

let dir: string;
/** The sample portfolio made by `init --sample` (the adapter's own writing). */
let sampleBytes: Buffer;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-safety-"));
  const file = path.join(dir, "sample.xlsx");
  const created = await run(["init", file, "--sample", "--as-of", "2025-06-30"]);
  if (created.code !== 0) throw new Error(`init failed: ${created.stderr}`);
  sampleBytes = await fs.readFile(file);
}, 60_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

let case_ = 0;
/** A fresh folder for one test, so files and leftovers are its own. */
async function folder(): Promise<string> {
  const d = path.join(dir, `case${++case_}`);
  await fs.mkdir(d);
  return d;
}

/** The sample with ExcelJS edits (the user's own sheets and cells), saved by ExcelJS as a user's Excel would. */
async function userBook(file: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(sampleBytes).buffer);
  edit(wb);
  await fs.writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

/** A user's sheet of 157 cells (text, numbers, a formula). */
function addUserSheet(wb: ExcelJS.Workbook, name: string): void {
  const ws = wb.addWorksheet(name);
  for (let i = 0; i < 156; i++) ws.getCell(Math.floor(i / 12) + 1, (i % 12) + 1).value = i % 4 === 0 ? `my note ${i}` : i * 1.5;
  ws.getCell("M1").value = { formula: "SUM(B1:L1)", result: 0 };
}

/** The XML of a sheet by name, through workbook.xml and its relationships. */
function sheetXml(zip: Buffer, sheet: string): string {
  const workbook = zipEntry(zip, "xl/workbook.xml");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = tag ? /r:id="([^"]+)"/.exec(tag)?.[1] : undefined;
  const rel = [...zipEntry(zip, "xl/_rels/workbook.xml.rels").matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  if (!target) throw new Error(`no sheet ${sheet}`);
  return zipEntry(zip, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
}

async function snapshotOfFile(file: string) {
  const loaded = await XlsxWorkbook.load(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.value.readWorkbook();
}

async function leftovers(d: string): Promise<string[]> {
  return (await fs.readdir(d)).filter((n) => n.endsWith(".tmp"));
}

describe("a user's sheet named like an output (issue 13 item 1)", () => {
  it.each([
    ["Summary", "Summary"],
    ["summary", "Summary"],
    ["CREDIT REVIEW", "Credit Review"],
  ])("the user's sheet %s keeps all its cells byte for byte; the output goes to a free name, and a re-run replaces only it", async (userName, output) => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    await userBook(book, (wb) => addUserSheet(wb, userName));
    const input = await fs.readFile(book);
    const userXml = sheetXml(input, userName);
    expect((userXml.match(/<c\b/g) ?? []).length).toBe(157);

    const first = await run(["review", book, "--as-of", "2025-06-30"]);
    expect(first.stderr).not.toMatch(/^error/m);
    expect(first.code).toBe(0);
    const reviewed = path.join(d, "book-reviewed.xlsx");
    const bytes = await fs.readFile(reviewed);
    expect(sheetXml(bytes, userName)).toBe(userXml);
    const notice = first.stdout.split("\n").filter((l) => l.startsWith("Output sheets: "));
    expect(notice).toEqual([`Output sheets: ${output} → "${output} (2)" (your sheet "${userName}" was left as it is)`]);
    const snapshot = await snapshotOfFile(reviewed);
    expect(snapshot.outputSheets).toEqual(expect.arrayContaining([{ sheet: `${output} (2)`, output }]));
    expect(snapshot.outputSheets).toHaveLength(5); // Summary, Credit Review, Aging, Collections and the Review History
    expect(snapshot.outputSheets.map((m) => m.sheet)).not.toContain(userName);

    // Reviewing the reviewed file again: its own output sheets are replaced, the user's sheet kept.
    const second = await run(["review", reviewed, "--as-of", "2025-06-30", "--out", path.join(d, "again.xlsx")]);
    expect(second.code).toBe(0);
    expect(second.stdout.split("\n").filter((l) => l.startsWith("Output sheets: "))).toEqual(notice);
    const again = await fs.readFile(path.join(d, "again.xlsx"));
    expect(sheetXml(again, userName)).toBe(userXml);
    const secondSnapshot = await snapshotOfFile(path.join(d, "again.xlsx"));
    expect(secondSnapshot.sheets).toEqual(snapshot.sheets);
    expect(secondSnapshot.sheets).not.toContain(`${output} (3)`);
    expect(secondSnapshot.outputSheets).toEqual(snapshot.outputSheets);
  }, 120_000);
});

describe("sheetNotice", () => {
  it.each([
    ["nothing moved: no line", [{ requested: "Aging", written: "Aging" }], ["Aging"], [], undefined],
    ["beside a user's sheet", [{ requested: "Summary", written: "Summary (2)" }], ["summary"], [], 'Output sheets: Summary → "Summary (2)" (your sheet "summary" was left as it is)'],
    ["into our renamed sheet", [{ requested: "Aging", written: "Old aging" }], ["Old aging"], [{ sheet: "Old aging", output: "Aging" }], 'Output sheets: Aging → "Old aging" (the add-in\'s sheet from an earlier review, renamed)'],
    ["a sheet name with escapes is printed safely", [{ requested: "Aging", written: "Old\x1b[2J aging" }], ["Old\x1b[2J aging"], [{ sheet: "Old\x1b[2J aging", output: "Aging" }], 'Output sheets: Aging → "Old aging" (the add-in\'s sheet from an earlier review, renamed)'],
  ])("%s", (_, written, sheets, marks, line) => {
    expect(sheetNotice(written, sheets, marks)).toBe(line);
  });
});

describe("output file rules (issue 13 item 2)", () => {
  it("--in-place refuses a read-only workbook: exit 1, a clear message, bytes and mode unchanged", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    await fs.writeFile(book, sampleBytes);
    await fs.chmod(book, 0o444);
    const r = await run(["review", book, "--in-place", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(`credit-desk: ${book} is read-only; --in-place never changes a read-only workbook (write a copy without --in-place); nothing was written\n`);
    expect((await fs.readFile(book)).equals(sampleBytes)).toBe(true);
    expect((await fs.stat(book)).mode & 0o777).toBe(0o444);
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("--in-place keeps a writable workbook's mode, and its owner and group where the process may set them", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    await fs.writeFile(book, sampleBytes);
    await fs.chmod(book, 0o640);
    const isRoot = process.getuid?.() === 0;
    if (isRoot) await fs.chown(book, 4321, 4322);
    const before = await fs.stat(book);
    const r = await run(["review", book, "--in-place", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    const after = await fs.stat(book);
    expect(after.ino).not.toBe(before.ino); // replaced through a temporary file renamed over it
    expect(after.mode & 0o7777).toBe(0o640);
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    if (isRoot) expect([after.uid, after.gid]).toEqual([4321, 4322]);
    expect((await snapshotOfFile(book)).outputSheets).toHaveLength(5); // Summary, Credit Review, Aging, Collections and the Review History
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("--in-place through a symbolic link replaces the file it points to; the link stays a link", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    const link = path.join(d, "link.xlsx");
    await fs.writeFile(book, sampleBytes);
    await fs.symlink(book, link);
    const r = await run(["review", link, "--in-place", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect((await snapshotOfFile(book)).outputSheets).toHaveLength(5); // Summary, Credit Review, Aging, Collections and the Review History
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("an existing book-reviewed.xlsx is refused without --force (exit 1, naming the file and --force), and replaced with it, keeping its mode", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    const reviewed = path.join(d, "book-reviewed.xlsx");
    await fs.writeFile(book, sampleBytes);
    await fs.writeFile(reviewed, "an older review the user keeps");
    await fs.chmod(reviewed, 0o600);
    const refused = await run(["review", book, "--as-of", "2025-06-30"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(`credit-desk: ${reviewed} already exists; use --force to replace it, or --out to write another file; nothing was written\n`);
    expect(await fs.readFile(reviewed, "utf8")).toBe("an older review the user keeps");

    const forced = await run(["review", book, "--force", "--as-of", "2025-06-30"]);
    expect(forced.code).toBe(0);
    expect((await snapshotOfFile(reviewed)).outputSheets).toHaveLength(5); // Summary, Credit Review, Aging, Collections and the Review History
    expect((await fs.stat(reviewed)).mode & 0o7777).toBe(0o600);
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("a read-only existing output is never replaced, even with --force", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    const out = path.join(d, "kept.xlsx");
    await fs.writeFile(book, sampleBytes);
    await fs.writeFile(out, "read-only review");
    await fs.chmod(out, 0o444);
    const r = await run(["review", book, "--out", out, "--force", "--as-of", "2025-06-30"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`credit-desk: ${out} already exists and is read-only; it is never replaced, even with --force; nothing was written\n`);
    expect(await fs.readFile(out, "utf8")).toBe("read-only review");
    expect((await fs.stat(out)).mode & 0o777).toBe(0o444);
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("the adapter's save refuses a read-only file too (a file made read-only after the check) and leaves no temporary file", async () => {
    const d = await folder();
    const out = path.join(d, "late.xlsx");
    await fs.writeFile(out, "made read-only later");
    await fs.chmod(out, 0o444);
    const loaded = await XlsxWorkbook.load(sampleBytes);
    if (!loaded.ok) throw new Error("sample does not load");
    const saved = await loaded.value.save(out);
    expect(saved.ok).toBe(false);
    expect(await fs.readFile(out, "utf8")).toBe("made read-only later");
    const missing = await loaded.value.save(path.join(d, "no-such-folder", "x.xlsx"));
    expect(missing.ok).toBe(false);
    expect(await leftovers(d)).toEqual([]);
  }, 60_000);

  it("--force with --in-place is a usage error; --help explains --force", async () => {
    const r = await run(["review", "book.xlsx", "--in-place", "--force"]);
    expect(r.code).toBe(2);
    const help = await run(["review", "--help"]);
    expect(help.stdout).toMatch(/--force +replace the output workbook if it exists/);
    expect(help.stdout).toContain('"Summary (2)"');
  });
});

describe("workbook text on the terminal (issue 13 item 4)", () => {
  it("prints customer names, sheet names and messages from the workbook without control characters, Chinese names intact", async () => {
    const d = await folder();
    const book = path.join(d, "book.xlsx");
    // XML cannot hold ESC or BEL: Excel stores them as _x001B_ and _x0007_, which the reader decodes.
    const evil = ["Red_x001B_[31m Corp", "Bell_x0007_ Ltd", "CSI\u009b2J Co", "Over\rwrite", "华为技术有限公司"];
    await userBook(book, (wb) => {
      const customers = wb.getWorksheet("Customers");
      const header = customers?.getRow(1).values;
      const nameColumn = Array.isArray(header) ? header.indexOf("Name") : -1;
      if (!customers || nameColumn < 0) throw new Error("sample has no Name column");
      for (let row = 2; row <= customers.rowCount; row++) customers.getCell(row, nameColumn).value = `${evil[row % evil.length]} ${row}`;
      addUserSheet(wb, "Notes\x1b(0\x07"); // DEC line-drawing charset switch and a bell in a sheet name
    });
    const r = await run(["review", book, "--as-of", "2025-06-30"]);
    expect(r.code).toBe(0);
    const printed = r.stdout + r.stderr;
    expect(printed).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    expect(r.stdout).toMatch(/^ {2}! \S+ .+: .+$/m); // critical warnings with names are printed
    const json = await run(["review", book, "--json", "--out", path.join(d, "j.xlsx"), "--as-of", "2025-06-30"]);
    expect(json.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f-\x9f]/);
    const names: string[] = JSON.parse(json.stdout).customers.map((c: { name: string }) => c.name);
    expect(names).toContain(`${evil[2]} 2`);
    expect(names).toContain("Red\x1b[31m Corp 5"); // the escape reached the data, and was not printed
    expect(names).toContain("Bell\x07 Ltd 6");
    expect(r.stdout).not.toContain("[31m");
    expect(names.some((n) => n.startsWith("华为技术有限公司"))).toBe(true);
  }, 120_000);
});
