/**
 * The CLI over a ledger without a Customers table (issue 20): --map, the recognition report in
 * both languages, a bad --map, and init --from-ledger (a copy with a pre-filled Customers sheet
 * and the mapping saved in it, which the next review reads).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { fromLedgerPathFor } from "../../src/cli/initCommand";
import { parseMapOptions } from "../../src/cli/mapOption";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import { customerNameId } from "../../src/app/deriveCustomers";
import { MAPPING_TABLE } from "../../src/app/savedMapping";
import { createTranslator } from "../../src/i18n/translator";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";

jest.setTimeout(60_000);

async function run(argv: string[]) {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => new Date(2026, 6, 16, 9), env: {} };
  const code = await main(argv, io);
  return { code, stdout: out.join(""), stderr: errs.join("") };
}

const serial = (y: number, m: number, d: number): number => toExcelSerial(dayFromCivil(y, m, d));
let dir: string;
let ledger: string;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-ledger-"));
  ledger = path.join(dir, "aging.xlsx");
  const book = XlsxWorkbook.create();
  await book.writeSheets([{
    name: "Open Invoices", role: "input",
    tables: [{
      name: "OpenInvoices", headerRow: 0, firstColumn: 0,
      columns: ["Invoice", "Customer", "Invoice Date", "Due Date", "Open Advance (ILS)", "Status"].map((header) => ({ header, kind: "text" as const })),
      rows: [
        ["I1", "Arava Motors Ltd", serial(2026, 5, 1), serial(2026, 6, 1), 1000, "Overdue"],
        ["I2", "Negev Foods Ltd", serial(2026, 7, 1), serial(2026, 8, 1), 500, "Financed"],
      ],
    }],
  }]);
  const saved = await book.save(ledger);
  if (!saved.ok) throw new Error("cannot write the ledger");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("--map", () => {
  it.each([
    ["no equals sign", "Open Advance", "is not Header=Field"],
    ["an empty field", "Open Advance=", "is not Header=Field"],
    ["an unknown field", "Open Advance=OpenAmnt", "Valid fields: "],
  ])("refuses %s with a usage error (exit 2)", async (_, value, text) => {
    const result = await run(["review", ledger, "--map", value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
  });

  it("lists the valid fields in the language asked for", () => {
    const zh = parseMapOptions(["A=Nope"], createTranslator("zh-CN"));
    expect(zh).toEqual({ ok: false, message: expect.stringContaining("有效字段：") });
    expect(zh.ok ? "" : zh.message).toContain("OpenAmount");
  });

  it("takes the field after the last equals sign", () => {
    expect(parseMapOptions(["a=b=Amount"], createTranslator("en-US"))).toEqual({ ok: true, mapping: { receivables: { "a=b": "amount" }, orders: { "a=b": "amount" } } });
  });

  it("reviews the ledger, printing what it recognised, mapped and skipped (zh-CN), and saves the mapping in the output", async () => {
    const out = path.join(dir, "reviewed.xlsx");
    const result = await run(["review", ledger, "--as-of", "2026-07-16", "--out", out, "--map", "Open Advance (ILS)=Amount", "--lang", "zh-CN"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("读取的列：");
    expect(result.stderr).toContain("客户：未找到表格；客户取自应收账款");
    expect(result.stderr).toContain("已映射：“Open Advance (ILS)” → Amount（--map）");
    expect(result.stderr).toContain('应收账款中跳过："Status"');
    expect(result.stdout).toContain("信用等级和信用额度：需要特征评分 / 财务数据");
    const written = await XlsxWorkbook.load(out);
    if (!written.ok) throw new Error("no output");
    const tables = (await written.value.readWorkbook()).tables;
    expect(tables.find((t) => t.name === MAPPING_TABLE)?.rows.filter((r) => r[0] === "receivables")).toEqual([["receivables", "Open Advance (ILS)", "amount"]]);
  });

  it("prints no report for a workbook read by its own names", async () => {
    const sample = path.join(dir, "sample.xlsx");
    expect((await run(["init", sample, "--sample", "--as-of", "2026-07-16"])).code).toBe(0);
    const result = await run(["review", sample, "--as-of", "2026-07-16", "--out", path.join(dir, "sample-out.xlsx")]);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toContain("Columns read:");
  });
});

describe("init --from-ledger", () => {
  it("writes <workbook>-customers.xlsx beside the ledger unless --out says otherwise, never the ledger itself", () => {
    expect(fromLedgerPathFor("/data/aging.xlsx")).toEqual({ ok: true, path: "/data/aging-customers.xlsx" });
    expect(fromLedgerPathFor("/data/aging.xlsx", "/tmp/c.xlsx")).toEqual({ ok: true, path: "/tmp/c.xlsx" });
    expect(fromLedgerPathFor("/data/aging.xlsx", "/data/aging.xlsx")).toMatchObject({ ok: false });
    expect(fromLedgerPathFor("/data/aging.xlsx", "/data/c.csv")).toMatchObject({ ok: false });
  });

  it("writes a copy with a Customers sheet of the ledger's customers and the mapping; the next review reads both; the ledger is unchanged", async () => {
    const before = await fs.readFile(ledger);
    const out = path.join(dir, "with-customers.xlsx");
    const created = await run(["init", "--from-ledger", ledger, "--out", out, "--map", "Open Advance (ILS)=Amount"]);
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining("a Customers sheet of 2 customers") });
    expect(await fs.readFile(ledger)).toEqual(before);
    const book = await XlsxWorkbook.load(out);
    if (!book.ok) throw new Error("no output");
    const customers = (await book.value.readWorkbook()).tables.find((t) => t.name === "Customers");
    expect(customers?.rows.map((r) => r.slice(0, 2))).toEqual([[customerNameId("Arava Motors Ltd"), "Arava Motors Ltd"], [customerNameId("Negev Foods Ltd"), "Negev Foods Ltd"]]);
    const reviewed = await run(["review", out, "--as-of", "2026-07-16", "--json"]);
    expect(reviewed.code).toBe(0);
    const json = JSON.parse(reviewed.stdout) as { kpis: { customers: number; openBalance: number }; problems: { severity: string }[] };
    expect(json.kpis).toMatchObject({ customers: 2, openBalance: 1500 });
    expect(json.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("refuses an existing output and a workbook without a ledger (exit 1, nothing written)", async () => {
    const out = path.join(dir, "with-customers.xlsx");
    expect((await run(["init", "--from-ledger", ledger, "--out", out])).code).toBe(1);
    const empty = path.join(dir, "empty.xlsx");
    expect((await run(["init", empty])).code).toBe(0);
    const refused = await run(["init", "--from-ledger", empty, "--out", path.join(dir, "never.xlsx")]);
    expect(refused.code).toBe(1);
    await expect(fs.stat(path.join(dir, "never.xlsx"))).rejects.toThrow();
  });
});
