/**
 * Issue 20's acceptance: `credit-desk review ar-aging-report.xlsx --as-of 2026-07-16` on a
 * third-party aging workbook (see ../shared/data/workbooks/README.md) that has no Customers table
 * and not our headers writes a review whose aging, per customer and in total, equals to the unit
 * what the workbook's own SUMIFS pivot ("Aging Report") computes: our "not due" is its Current,
 * our 1–30, 31–60, 61–90 are its own, and our overdue buckets above 90 days summed are its 90+.
 *
 * The pivot is recomputed from the workbook's formulas in HyperFormula (with its AsOfDate name),
 * never hard-coded. The review runs through the CLI in-process.
 *
 * The workbook's headers ("Invoice #", "Issue Date", "Open Advance (ILS)") are read by the vendor
 * aliases with no mapping (one test runs the bare command); the other tests also run it with --map
 * (the open advance mapped to Amount), as a user who chose the columns would, to test the mapping's
 * report and its saving in the workbook. "Customer" is a name-only customer column.
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { main, type CliIo } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import type { CellValue, SourceTable } from "../../src/host/WorkbookPort";
import { MAPPING_TABLE } from "../../src/app/savedMapping";
import { customerNameId } from "../../src/app/deriveCustomers";
import { xlsxToSheets } from "../formulas/xlsxToSheets";

jest.setTimeout(120_000);

const FILE = path.resolve(__dirname, "../../../shared/data/workbooks/ar-aging-report.xlsx");
const MAP = ["Invoice #=InvoiceId", "Issue Date=InvoiceDate", "Open Advance (ILS)=Amount"];

interface PivotRow {
  customer: string;
  /** Current, 1-30, 31-60, 61-90, 90+, Total. */
  values: number[];
}

/** The workbook's own pivot, recomputed from its formulas: one row per customer and the Total row. */
async function workbookPivot(): Promise<{ rows: PivotRow[]; total: number[]; asOfSerial: number }> {
  const book = await xlsxToSheets(FILE);
  const asOf = book.definedNames.get("AsOfDate");
  if (asOf === undefined) throw new Error("the workbook has no AsOfDate name");
  const hf = HyperFormula.buildFromSheets(book.sheets, { licenseKey: "gpl-v3" }, [{ name: "AsOfDate", expression: `=${asOf}` }]);
  try {
    const values = hf.getSheetValues(hf.getSheetId("Aging Report") ?? -1);
    const header = values.findIndex((row) => row[0] === "Customer");
    expect(values[header].slice(1, 7)).toEqual(["Current", "1-30", "31-60", "61-90", "90+", "Total"]);
    const rows: PivotRow[] = [];
    let total: number[] = [];
    for (let r = header + 1; r < values.length; r++) {
      const [name, ...rest] = values[r];
      if (typeof name !== "string") break;
      const figures = rest.slice(0, 6).map(Number);
      if (name.startsWith("Total")) { total = figures; break; }
      rows.push({ customer: name, values: figures });
    }
    const asOfSerial = Number(values[1][1]);
    return { rows, total, asOfSerial };
  } finally {
    hf.destroy();
  }
}

/** Our aging row in the workbook's five buckets: not due, 1–30, 31–60, 61–90, the rest summed; and the total. */
function inPivotBuckets(headers: string[], row: CellValue[]): number[] {
  const at = (label: string): number => {
    const index = headers.indexOf(label);
    if (index < 0) throw new Error(`no column ${label} in ${headers.join(", ")}`);
    return Number(row[index]);
  };
  const over90 = at("91–180") + at("181–365") + at(">365");
  return [at("Not due"), at("1–30"), at("31–60"), at("61–90"), over90, at("Total")];
}

let dir: string;
let output: string;
let stdout = "";
let stderr = "";
let code = -1;
let agingTable: SourceTable;
let outputTables: SourceTable[];

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-ar-aging-"));
  output = path.join(dir, "ar-aging-report-reviewed.xlsx");
  const out: string[] = [];
  const errs: string[] = [];
  const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => new Date(2026, 6, 16, 9) };
  code = await main(["review", FILE, "--as-of", "2026-07-16", "--out", output, "--lang", "en-US", ...MAP.flatMap((m) => ["--map", m])], io);
  stdout = out.join("");
  stderr = errs.join("");
  const written = await XlsxWorkbook.load(output);
  if (!written.ok) throw new Error(`cannot read the review: ${JSON.stringify(written.error)}`);
  outputTables = (await written.value.readWorkbook()).tables;
  const aging = outputTables.find((t) => t.name === "AgingByCustomer");
  if (!aging) throw new Error(`no AgingByCustomer table; tables: ${outputTables.map((t) => t.name).join(", ")}\n${stderr}`);
  agingTable = aging;
});

afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("credit-desk review ar-aging-report.xlsx --as-of 2026-07-16", () => {
  it("writes the review (exit 0) with no Customers table, saying the customers were derived and why the DSO family is absent", () => {
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining("No Customers table: 20 customers taken from the ledger's column \"Customer\"") });
    expect(stderr).toContain("DSO, best possible DSO, ADD and CEI cannot be computed");
    expect(stdout).toContain("Grades and limits: needs scores / financials");
  });

  it("prints what it recognised, mapped and skipped before the review", () => {
    expect(stderr).toContain('InvoiceId ← "Invoice #"');
    expect(stderr).toContain('mapped: "Open Advance (ILS)" → Amount (--map)');
    expect(stderr).toMatch(/skipped in Receivables: .*"Status"/);
    expect(stderr).toContain("skipped in Receivables: 2 note rows below the data");
  });

  it("reviews at the workbook's own as-of date (its AsOfDate cell)", async () => {
    const { asOfSerial } = await workbookPivot();
    // Serial 46219 in the 1900 system is 2026-07-16 (days since 1899-12-30).
    expect(new Date(Date.UTC(1899, 11, 30) + asOfSerial * 86_400_000).toISOString().slice(0, 10)).toBe("2026-07-16");
  });

  it("ages each customer to the unit as the workbook's SUMIFS pivot does", async () => {
    const { rows } = await workbookPivot();
    expect(rows.length).toBe(20);
    const nameAt = agingTable.headers.indexOf("Name");
    const ours = new Map(agingTable.rows.filter((r) => r[nameAt] !== "Total" && r[0] !== "Total").map((r) => [String(r[nameAt]), inPivotBuckets(agingTable.headers, r)]));
    expect(ours.size).toBe(rows.length);
    for (const { customer, values } of rows) {
      expect({ customer, aging: ours.get(customer) }).toEqual({ customer, aging: values });
    }
  });

  it("gives the pivot's Total row to the unit (not due = Current; above 90 days summed = 90+) in the review's totals (--json)", async () => {
    const { total } = await workbookPivot();
    const out: string[] = [];
    const io: CliIo = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: () => undefined, isTTY: false }, now: () => new Date(2026, 6, 16, 9) };
    const json = await main(["review", FILE, "--as-of", "2026-07-16", "--out", path.join(dir, "again.xlsx"), "--json", ...MAP.flatMap((m) => ["--map", m])], io);
    expect(json).toBe(0);
    const result = JSON.parse(out.join("")) as { kpis: { bucketLabels: string[]; bucketTotals: number[]; openBalance: number } };
    const { bucketLabels, bucketTotals, openBalance } = result.kpis;
    expect(inPivotBuckets([...bucketLabels, "Total"], [...bucketTotals, openBalance])).toEqual(total);
  });

  it("needs no --map: the vendor aliases read its headers, and the aging of every customer is the pivot's to the unit", async () => {
    const { rows, total } = await workbookPivot();
    const bare = path.join(dir, "bare.xlsx");
    const errs: string[] = [];
    const io: CliIo = { stdout: { write: () => undefined }, stderr: { write: (t: string) => errs.push(t), isTTY: false }, now: () => new Date(2026, 6, 16, 9) };
    expect(await main(["review", FILE, "--as-of", "2026-07-16", "--out", bare, "--lang", "en-US"], io)).toBe(0);
    expect(errs.join("")).toContain('OpenAmount ← "Open Advance (ILS)"');
    const written = await XlsxWorkbook.load(bare);
    if (!written.ok) throw new Error("cannot read the review");
    const aging = (await written.value.readWorkbook()).tables.find((t) => t.name === "AgingByCustomer")!;
    const nameAt = aging.headers.indexOf("Name");
    const customers = aging.rows.filter((r) => r[nameAt] !== "Total" && r[0] !== "Total");
    const ours = new Map(customers.map((r) => [String(r[nameAt]), inPivotBuckets(aging.headers, r)]));
    for (const { customer, values } of rows) expect({ customer, aging: ours.get(customer) }).toEqual({ customer, aging: values });
    const sums = total.map((_, i) => customers.reduce((sum, r) => sum + inPivotBuckets(aging.headers, r)[i]!, 0));
    expect(sums).toEqual(total);
  });

  it("names each customer by a stable id from its name, and saves the mapping in the workbook it wrote", () => {
    const idAt = agingTable.headers.indexOf("Customer ID");
    const nameAt = agingTable.headers.indexOf("Name");
    for (const row of agingTable.rows.filter((r) => r[0] !== "Total")) expect(row[idAt]).toBe(customerNameId(String(row[nameAt])));
    const mapping = outputTables.find((t) => t.name === MAPPING_TABLE);
    expect(mapping?.rows.filter((r) => r[0] === "receivables").map((r) => r.slice(1, 3))).toEqual([["Invoice #", "invoiceId"], ["Issue Date", "invoiceDate"], ["Open Advance (ILS)", "amount"]]);
  });
});
