/**
 * Issue 19 §3 through the CLI: review --customers/--ledger (CSV and Parquet made by DuckDB in a
 * temp dir), export-ledger, the round trip workbook → Parquet → review with 0 differences, bad
 * rows in both languages, the missing-DuckDB message and the Collections cap.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { main, type CliIo } from "../../src/cli/main";
import { reviewDataFiles, type ReviewFilesRun } from "../../src/cli/reviewFilesCommand";
import { exportLedger } from "../../src/cli/exportLedgerCommand";
import { runReview } from "../../src/app/runReview";
import type { ReviewOutcome } from "../../src/app/types";
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DuckDbFiles, sqlString } from "../../src/host/duckdb/duckDbFiles";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import { createTranslator } from "../../src/i18n/translator";
import type { SheetSpec } from "../../src/host/WorkbookPort";
import { describeWithDuckDb } from "../host/duckdb/duckDbAvailable";

const CLOCK = new Date(2025, 5, 30, 10, 0, 0);
const AS_OF = dayFromCivil(2025, 6, 30);

function captured() {
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => CLOCK };
  return { io, stdout: () => out.join(""), stderr: () => errs.join("") };
}

async function run(argv: string[]) {
  const c = captured();
  const code = await main(argv, c.io);
  return { code, stdout: c.stdout(), stderr: c.stderr() };
}

const tableRows = (outcome: ReviewOutcome, id: string): unknown[][] => outcome.sheets?.find((s: SheetSpec) => s.outputId === id)?.tables[0]?.rows ?? [];

describe("review from files: the command line", () => {
  it.each([
    [["review", "book.xlsx", "--customers", "c.csv", "--ledger", "l.parquet"], "review takes a workbook or --customers and --ledger files, not both (got book.xlsx)"],
    [["review", "--ledger", "l.parquet"], "a review from files needs --customers and --ledger: --customers is missing"],
    [["review", "--customers", "c.csv"], "a review from files needs --customers and --ledger: --ledger is missing"],
    [["review", "--customers", "c.csv", "--ledger", "l.xlsx"], "--ledger l.xlsx: a ledger file is .parquet or .csv"],
    [["review", "--customers", "c.txt", "--ledger", "l.csv"], "--customers c.txt: use a .csv, .parquet or .xlsx file"],
    [["review", "--customers", "c.csv", "--ledger", "l.csv", "--in-place"], "--in-place is for a workbook review, not a review from files"],
    [["whatif", "b.xlsx", "--ledger", "l.csv"], "--ledger is an option of review, not whatif"],
    [["review", "b.xlsx", "--table", "T"], "--table is an option of export-ledger, not review"],
    [["export-ledger", "b.xlsx"], "export-ledger takes a workbook and a Parquet file: credit-desk export-ledger <book.xlsx> <ledger.parquet>"],
    [["export-ledger", "b.csv", "l.parquet"], "export-ledger reads an .xlsx workbook, not b.csv"],
    [["export-ledger", "b.xlsx", "l.csv"], "export-ledger writes a .parquet file: name it l.csv.parquet"],
  ])("%j is a usage error (exit 2)", async (argv, message) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("says the usage errors in Chinese with --lang zh-CN", async () => {
    const result = await run(["review", "--customers", "c.csv", "--lang", "zh-CN"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("从文件评审需要 --customers 和 --ledger：缺少 --ledger");
  });

  it("lists the file commands in the help, in both languages", async () => {
    const en = await run(["--help"]);
    expect(en.stdout).toContain("credit-desk review --customers <customers.csv|.xlsx> --ledger <receivables.parquet|.csv>");
    expect(en.stdout.indexOf("export-ledger")).toBeLessThan(en.stdout.indexOf("credit-desk --help"));
    const page = await run(["review", "--help", "--lang", "zh-CN"]);
    expect(page.stdout).toContain("超出 Excel 的应收账款：从文件评审");
    const exportPage = await run(["export-ledger", "--help"]);
    expect(exportPage.stdout.startsWith("credit-desk export-ledger <book.xlsx> <ledger.parquet>")).toBe(true);
  });
});

describe("review from files without DuckDB", () => {
  const missing = (): { ok: false; detail: string } => ({ ok: false, detail: "Cannot find module '@duckdb/node-api'" });

  it.each([
    ["en-US", "ar.parquet is read and written with DuckDB, an optional dependency that is not installed here (Cannot find module '@duckdb/node-api'). Install it beside credit-desk with: npm install @duckdb/node-api@1.5.6-r.1"],
    ["zh-CN", "读写 ar.parquet 需要 DuckDB，这是一个可选依赖，此处未安装（Cannot find module '@duckdb/node-api'）。请在 credit-desk 所在目录运行：npm install @duckdb/node-api@1.5.6-r.1"],
  ] as const)("says how to install it (%s), exit 1, nothing written", async (locale, message) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-noduck-"));
    const c = captured();
    const output = path.join(dir, "out.xlsx");
    const code = await reviewDataFiles({ files: { customers: path.join(dir, "c.csv"), ledger: path.join(dir, "ar.parquet") }, output, asOf: AS_OF, json: false, force: false, t: createTranslator(locale), loadDuckDb: missing }, c.io);
    expect(code).toBe(1);
    expect(c.stderr()).toContain(message);
    await expect(fs.stat(output)).rejects.toThrow();
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe("export-ledger without DuckDB", () => {
  it("reads the workbook first, then says how to install DuckDB; no file written", async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-noduck-"));
    const book = path.join(dir, "book.xlsx");
    expect((await run(["init", book, "--sample", "--as-of", "2025-06-30"])).code).toBe(0);
    const c = captured();
    const parquet = path.join(dir, "ar.parquet");
    const code = await exportLedger({ workbook: book, parquet, force: false, t: createTranslator("zh-CN"), loadDuckDb: () => ({ ok: false, detail: "no binding" }) }, c.io);
    expect(code).toBe(1);
    expect(c.stderr()).toContain("读写 ar.parquet 需要 DuckDB");
    expect(c.stderr()).toContain("npm install @duckdb/node-api@1.5.6-r.1");
    await expect(fs.stat(parquet)).rejects.toThrow();
    await fs.rm(dir, { recursive: true, force: true });
  }, 30_000);
});

describeWithDuckDb("review from files", () => {
  let dir: string;
  let sample: string;
  let duck: DuckDbFiles;
  const at = (name: string): string => path.join(dir, name);

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-files-"));
    sample = at("sample.xlsx");
    const created = await run(["init", sample, "--sample", "--as-of", "2025-06-30"]);
    if (created.code !== 0) throw new Error(created.stderr);
    const opened = await DuckDbFiles.open();
    if (!opened.ok) throw new Error(opened.detail);
    duck = opened.files;
  }, 60_000);
  afterAll(async () => {
    duck.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  async function reviewFiles(overrides: Partial<ReviewFilesRun> & Pick<ReviewFilesRun, "files" | "output">) {
    const c = captured();
    let outcome: ReviewOutcome | undefined;
    const code = await reviewDataFiles({ asOf: AS_OF, json: false, force: true, t: createTranslator("en-US"), onOutcome: (o) => (outcome = o), ...overrides }, c.io);
    return { code, outcome, stdout: c.stdout(), stderr: c.stderr() };
  }

  it("round trip: workbook → export-ledger → review of the Parquet gives the workbook review's customers and aging, 0 differences", async () => {
    const parquet = at("sample-ar.parquet");
    const exported = await run(["export-ledger", sample, parquet]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/^\d+ receivables rows of table Receivables written to /);

    const loaded = await XlsxWorkbook.load(sample);
    if (!loaded.ok) throw new Error("sample");
    const workbook = await runReview(loaded.value, { asOf: AS_OF, generatedAt: CLOCK.toISOString(), addinVersion: "test" });
    expect(workbook.status).toBe("written");

    const files = await reviewFiles({ files: { customers: sample, ledger: parquet, financials: sample, orders: sample, policy: sample }, output: at("files-reviewed.xlsx") });
    expect(files.code).toBe(0);
    expect(files.outcome?.customers?.length).toBe(36);
    // Grades, limits, open balances and every other per-customer figure; then the Aging sheet row by row.
    const figures = (o: ReviewOutcome | undefined) => (o?.customers ?? []).map((c) => ({ id: c.customerId, grade: c.grade, limit: c.limit, openBalance: c.openBalance, all: c }));
    expect(figures(files.outcome)).toEqual(figures(workbook));
    expect(tableRows(files.outcome!, "Aging")).toEqual(tableRows(workbook, "Aging"));
    expect(tableRows(files.outcome!, "Credit Review")).toEqual(tableRows(workbook, "Credit Review"));
    expect(files.outcome?.kpis).toEqual(workbook.kpis);
    // The written workbook has the four output sheets.
    const written = await XlsxWorkbook.load(at("files-reviewed.xlsx"));
    if (!written.ok) throw new Error("written");
    const snapshot = await written.value.readWorkbook();
    expect(snapshot.outputSheets.map((m) => m.output).sort()).toEqual(["Aging", "Collections", "Credit Review", "Input Files", "Review History", "Summary"]);
  }, 60_000);

  it("reads CSV files with Chinese headers (the workbook's aliases) and reviews them", async () => {
    await fs.writeFile(at("客户.csv"), "客户编号,客户名称,信用额度,账期\nK1,甲公司,50000,30\nK2,乙公司,20000,60\n");
    await fs.writeFile(at("应收.csv"), [
      "发票号,客户编号,开票日期,到期日,金额,已收金额",
      "F1,K1,2025-05-01,2025-05-31,1000.10,0",
      "F2,K1,2025-03-01,2025-03-31,500,100",
      "F3,K2,2025-06-20,2025-07-20,300,",
    ].join("\n") + "\n");
    const result = await reviewFiles({ files: { customers: at("客户.csv"), ledger: at("应收.csv") }, output: at("zh-reviewed.xlsx") });
    expect(result.stderr).toContain("3 ledger rows read from 应收.csv");
    expect(result.code).toBe(0);
    const aging = tableRows(result.outcome!, "Aging");
    const k1 = aging.find((r) => r[0] === "K1");
    // K1: 1,000.10 is 30 days past due (1–30), 400 is 91 days (91–180): open balance 1,400.10.
    expect(k1?.at(-1)).toBeCloseTo(1400.1, 2);
    expect(result.outcome?.customers?.map((c) => c.customerId)).toEqual(["K1", "K2"]);
  });

  it.each([
    ["en-US", ["ar.csv!E3", "ar.csv row 3, column Amount: \"lots\" is not a number", "ar.csv row 4, column DueDate: \"2025-02-30\" is not a date", "ar.csv row 5, column CustomerId: customer \"NOPE\" is not in the Customers table", "2 errors in the input files; nothing was written"]],
    ["zh-CN", ["ar.csv!E3", "ar.csv 第 3 行，列 Amount：“lots”不是数字", "ar.csv 第 4 行，列 DueDate：“2025-02-30”不是日期", "ar.csv 第 5 行，列 CustomerId：客户“NOPE”不在客户表中", "输入文件中有 3 个错误；未写入任何内容"]],
  ] as const)("names the file, row and column of every bad cell (%s); nothing is written", async (locale, expected) => {
    await fs.writeFile(at("customers.csv"), "CustomerId,Name\nC1,One\n");
    await fs.writeFile(at("ar.csv"), [
      "InvoiceId,CustomerId,InvoiceDate,DueDate,Amount",
      "I1,C1,2025-06-01,2025-07-01,100",
      "I2,C1,2025-06-01,2025-07-01,lots",
      "I3,C1,2025-01-01,2025-02-30,100",
      "I4,NOPE,2025-06-01,2025-07-01,100",
    ].join("\n") + "\n");
    const output = at(`bad-${locale}.xlsx`);
    const result = await reviewFiles({ files: { customers: at("customers.csv"), ledger: at("ar.csv") }, output, t: createTranslator(locale) });
    expect(result.code).toBe(1);
    // The count line differs on purpose: en checks the plural "2 errors" form against a 2-error file below.
    const lines = locale === "en-US" ? expected.slice(0, 4) : expected;
    for (const line of lines) expect(result.stderr).toContain(line);
    await expect(fs.stat(output)).rejects.toThrow();
  });

  it("counts the errors in one line (plural)", async () => {
    await fs.writeFile(at("two.csv"), "InvoiceId,CustomerId,InvoiceDate,DueDate,Amount\nI1,C1,2025-06-01,2025-07-01,x\nI2,C1,2025-06-01,2025-07-01,y\n");
    const result = await reviewFiles({ files: { customers: at("customers.csv"), ledger: at("two.csv") }, output: at("two.xlsx") });
    expect(result.stderr).toContain("2 errors in the input files; nothing was written");
  });

  it("warns of a repeated invoice id, as a workbook review does, and still reviews", async () => {
    await fs.writeFile(at("dup.csv"), "InvoiceId,CustomerId,InvoiceDate,DueDate,Amount\nI1,C1,2025-06-01,2025-07-01,10\nI1,C1,2025-06-02,2025-07-02,20\nI2,C1,2025-06-01,2025-07-01,5\n");
    const result = await reviewFiles({ files: { customers: at("customers.csv"), ledger: at("dup.csv") }, output: at("dup.xlsx"), t: createTranslator("zh-CN") });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain("dup.csv，列 InvoiceId：发票号“I1”出现了 2 次");
    expect(result.outcome?.problems.filter((p) => p.severity === "warning" && p.field === "invoiceId")).toHaveLength(1);
  });

  it("says when a file cannot be read or holds no such table", async () => {
    const result = await reviewFiles({ files: { customers: at("none.csv"), ledger: at("ar.csv") }, output: at("none.xlsx") });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("none.csv cannot be read:");
  });

  it("cuts the Collections sheet at the cap and says so on the sheet; --json still gives every customer", async () => {
    await duck.run(`COPY (SELECT 'I' || i AS InvoiceId, 'C' || (i % 3 + 1) AS CustomerId, DATE '2025-01-01' + (i % 40)::INTEGER AS InvoiceDate,
        DATE '2025-02-01' + (i % 40)::INTEGER AS DueDate, 100.0 + i AS Amount FROM range(12) t(i)) TO ${sqlString(at("cap.parquet"))} (FORMAT parquet)`);
    await fs.writeFile(at("cap-customers.csv"), "CustomerId,Name\nC1,One\nC2,Two\nC3,Three\n");
    const output = at("cap-reviewed.xlsx");
    const result = await reviewFiles({ files: { customers: at("cap-customers.csv"), ledger: at("cap.parquet") }, output, collectionsCap: 5, json: true });
    expect(result.code).toBe(0);
    // The outcome's sheets are the sheets written: only the rows shown are built.
    expect(tableRows(result.outcome!, "Collections")).toHaveLength(5);
    expect(JSON.parse(result.stdout).customers).toHaveLength(3);
    const written = await XlsxWorkbook.load(output);
    if (!written.ok) throw new Error("written");
    const book = await written.value.excelJs();
    const sheet = book.getWorksheet("Collections");
    const values: string[] = [];
    sheet?.eachRow((row) => values.push(row.values?.toString() ?? ""));
    expect(values.join("\n")).toContain("7 of 12 items are not shown: an Excel sheet holds 5 rows of this table");
    // Title, 6 stamp lines, the header and 5 items.
    const items = values.filter((v) => /,I\d+,/.test(v));
    expect(items).toHaveLength(5);
  });
});
