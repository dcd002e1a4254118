import fc from "fast-check";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { ledgerOf } from "../../src/engine/receivables/Ledger";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import type { CellValue } from "../../src/host/WorkbookPort";
import { customerNameId, isCustomerNameHeader, ledgerCustomers, normaliseCustomerName, renameLedgerCustomers } from "../../src/app/deriveCustomers";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";
import { runReview } from "../../src/app/runReview";
import { setUpCustomersFromLedger } from "../../src/app/setUpWorkbook";
import { createTranslator } from "../../src/i18n/translator";

const asOf = dayFromCivil(2026, 7, 16);
const d = (y: number, m: number, day: number): number => toExcelSerial(dayFromCivil(y, m, day));

/** An open-items list as an aging workbook has it: invoice, customer name, dates, open amount, and a note below. */
function agingList(): MemoryWorkbook {
  const rows: CellValue[][] = [
    ["INV-1", "Arava Motors Ltd", d(2026, 5, 1), d(2026, 6, 1), 1000],
    ["INV-2", "arava  MOTORS ltd", d(2026, 7, 1), d(2026, 8, 1), 500],
    ["INV-3", "Negev Foods Ltd", d(2026, 1, 1), d(2026, 2, 1), 250.5],
    [null, null, null, null, null],
    ["Snapshot of the ledger, amounts in ILS", null, null, null, null],
  ];
  return MemoryWorkbook.fromTables([{ sheet: "Open Invoices", name: "Open Invoices", kind: "range", headers: ["Invoice", "Customer", "Invoice Date", "Due Date", "Amount"], rows }]);
}

describe("customerNameId", () => {
  it.each([
    ["Arava Motors Ltd", "  ARAVA   motors ltd "],
    ["客户甲", "客户甲 "],
    ["Ｆｕｌｌ Width", "full width"],
  ])("gives %j and %j the same id", (a, b) => {
    expect(customerNameId(a)).toBe(customerNameId(b));
  });

  it("is N- and 8 hex digits, FNV-1a of the normalised name (the empty name is the offset basis)", () => {
    expect(customerNameId("")).toBe("N-811c9dc5");
    expect(customerNameId("a")).toBe("N-e40c292c");
  });

  it("keeps names that differ in more than case and spacing apart, and is stable (property)", () => {
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => {
      expect(customerNameId(a)).toMatch(/^N-[0-9a-f]{8}$/);
      expect(customerNameId(a)).toBe(customerNameId(` ${a.toUpperCase()} `.toLowerCase()));
      if (customerNameId(a) !== customerNameId(b)) expect(normaliseCustomerName(a)).not.toBe(normaliseCustomerName(b));
    }));
  });
});

describe("isCustomerNameHeader", () => {
  it.each([["Customer", true], ["Name", true], ["Party", true], ["客户名称", true], ["Customer Name", true], ["Customer ID", false], ["客户编号", false], ["Amount", false]])(
    "%s → %s", (header, expected) => expect(isCustomerNameHeader(header)).toBe(expected));
});

describe("ledgerCustomers and renameLedgerCustomers", () => {
  it("reads a name-only ledger's customers once each, in order, with stable ids", () => {
    const snapshot = { sheets: ["L"], dateSystem: "1900" as const, outputSheets: [], tables: [{ name: "L", sheet: "L", kind: "range" as const, headerRow: 0, firstColumn: 0, headers: ["Invoice", "Customer", "Invoice Date", "Due Date", "Amount"], rows: [["I1", "Acme", 1, 2, 3], ["I2", "ACME ", 1, 2, 3], ["I3", "Beta", 1, 2, 3]] }] };
    const table = recogniseTables(snapshot).tables.receivables;
    if (!table) throw new Error("no ledger");
    const found = ledgerCustomers(table);
    expect(found.columns.isNameOnly).toBe(true);
    expect([...found.nameOf]).toEqual([[customerNameId("Acme"), "Acme"], [customerNameId("Beta"), "Beta"]]);
  });

  it("takes the name from a name column beside an id column", () => {
    const snapshot = { sheets: ["L"], dateSystem: "1900" as const, outputSheets: [], tables: [{ name: "L", sheet: "L", kind: "range" as const, headerRow: 0, firstColumn: 0, headers: ["Invoice", "Customer ID", "Customer Name", "Invoice Date", "Due Date", "Amount"], rows: [["I1", "C1", "Acme", 1, 2, 3], ["I2", 1042, "Beta", 1, 2, 3]] }] };
    const table = recogniseTables(snapshot).tables.receivables;
    if (!table) throw new Error("no ledger");
    const found = ledgerCustomers(table);
    expect(found.columns.isNameOnly).toBe(false);
    expect([...found.nameOf]).toEqual([["C1", "Acme"], ["1042", "Beta"]]);
  });

  it("merges customers renamed to one id and keeps every row and amount", () => {
    const ledger = ledgerOf([
      { invoiceId: "1", customerId: "a", invoiceDate: 0, dueDate: 30, amount: 10 },
      { invoiceId: "2", customerId: "A", invoiceDate: 0, dueDate: 30, amount: 20 },
      { invoiceId: "3", customerId: "b", invoiceDate: 0, dueDate: 30, amount: 30 },
    ]);
    const renamed = renameLedgerCustomers(ledger, (text) => text.toLowerCase());
    expect(renamed.customerIds).toEqual(["a", "b"]);
    expect([...renamed.customer]).toEqual([0, 0, 1]);
    expect(renamed.customerNumber.get("b")).toBe(1);
    expect([...renamed.openCents]).toEqual([...ledger.openCents]);
  });
});

describe("a review of a ledger without a Customers table", () => {
  it("reads the portfolio with the customers derived, one warning saying so, and no error", () => {
    const wb = agingList();
    return wb.readWorkbook().then((snapshot) => {
      const reading = readPortfolio(snapshot, recogniseTables(snapshot));
      expect(reading.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(reading.derived).toEqual({ customers: 2, isNameOnly: true, column: "Customer" });
      expect(reading.portfolio.customers).toEqual([
        { customerId: customerNameId("Arava Motors Ltd"), name: "Arava Motors Ltd", scores: {} },
        { customerId: customerNameId("Negev Foods Ltd"), name: "Negev Foods Ltd", scores: {} },
      ]);
      const note = reading.problems.find((p) => p.id === "ledger.derivedCustomersByName");
      expect(note).toMatchObject({ severity: "warning", sheet: "Open Invoices", params: { count: 2, column: "Customer" } });
      expect(createTranslator("zh-CN").t("ledger.derivedCustomersByName", note?.params)).toContain("2 个客户");
      expect(reading.portfolio.receivables.length).toBe(3);
    });
  });

  it("writes the four sheets, ages to the cent, shows grades and limits as needing scores / financials and says why DSO is absent", async () => {
    const wb = agingList();
    const outcome = await runReview(wb, { asOf, generatedAt: "2026-07-16T09:00:00Z", addinVersion: "test", outputLanguage: "zh-CN" });
    expect(outcome.status).toBe("written");
    expect(outcome.isLedgerOnly).toBe(true);
    expect(outcome.kpis?.openBalance).toBe(1750.5);
    expect(outcome.kpis?.bucketTotals.reduce((a, b) => a + b, 0)).toBeCloseTo(1750.5, 10);
    expect(outcome.kpis?.dso).toBeUndefined();
    expect(outcome.problems.map((p) => p.id)).toEqual(["ledger.derivedCustomersByName", "ledger.salesNotDerivable"]);
    const t = createTranslator("zh-CN");
    const review = outcome.sheets?.find((s) => s.outputId === "Credit Review")?.tables[0];
    if (!review) throw new Error("no Credit Review");
    const column = (key: string): number => review.columns.findIndex((c) => c.header === t.t(`column.creditReview.${key}` as Parameters<typeof t.t>[0]));
    for (const row of review.rows) {
      expect(row[column("grade")]).toBe(t.t("ledger.needsScores"));
      expect(row[column("recommendedLimit")]).toBe(t.t("ledger.needsScoresFinancials"));
      expect(row[column("rFlag")]).toBe("");
      expect(typeof row[column("openBalance")]).toBe("number");
    }
    expect(outcome.kpis?.gradeCounts).toEqual({});
    const summary = outcome.sheets?.find((s) => s.outputId === "Summary");
    const line = (key: string) => summary?.info?.[1]?.lines.find(([label]) => label === t.t(`summary.kpi.${key}` as Parameters<typeof t.t>[0]))?.[1];
    expect(line("recommendedLimit")).toBe(t.t("ledger.needsScoresFinancials"));
    expect(line("dso")).toBe(t.t("ledger.needsSales"));
    expect(line("creditSales")).toBe(t.t("ledger.needsSales"));
    expect(line("openBalance")).toBe(1750.5);
    const grades = summary?.tables.find((table) => table.name === "GradeDistribution");
    expect(grades?.rows.map((r) => r[0])).toEqual(["A", "B", "C", "D"]);
  });

  it("computes the DSO family when the ledger has settled invoices, and leaves the Customers-table path as it was", async () => {
    const rows: CellValue[][] = [
      ["I1", "C1", d(2026, 6, 1), d(2026, 7, 1), 1000, 1000, d(2026, 6, 20)],
      ["I2", "C1", d(2026, 7, 1), d(2026, 8, 1), 500, null, null],
    ];
    const wb = MemoryWorkbook.fromTables([{ sheet: "AR", name: "AR", headers: ["Invoice", "Customer ID", "Invoice Date", "Due Date", "Amount", "Paid", "Paid Date"], rows }]);
    const outcome = await runReview(wb, { asOf, generatedAt: "2026-07-16T09:00:00Z", addinVersion: "test" });
    expect(outcome.status).toBe("written");
    expect(outcome.kpis?.dso).toBeGreaterThan(0);
    expect(outcome.problems.map((p) => p.id)).not.toContain("ledger.salesNotDerivable");
    expect(outcome.customers?.map((c) => c.customerId)).toEqual(["C1"]);
  });
});

describe("setUpCustomersFromLedger", () => {
  it("writes a Customers input sheet with the ledger's customers, and the next review reads the name-only ledger against it", async () => {
    const wb = agingList();
    const outcome = await setUpCustomersFromLedger(wb);
    expect(outcome).toMatchObject({ status: "written", customers: 2, problems: [] });
    const table = wb.getTable("Customers");
    expect(table?.rows.map((r) => r.slice(0, 3))).toEqual([
      [customerNameId("Arava Motors Ltd"), "Arava Motors Ltd", null],
      [customerNameId("Negev Foods Ltd"), "Negev Foods Ltd", null],
    ]);
    const review = await runReview(wb, { asOf, generatedAt: "2026-07-16T09:00:00Z", addinVersion: "test" });
    expect(review.status).toBe("written");
    expect(review.isLedgerOnly).toBeUndefined();
    expect(review.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(review.kpis?.openBalance).toBe(1750.5);
  });

  it.each([
    ["a second time (a Customers table exists)", async (wb: MemoryWorkbook) => { await setUpCustomersFromLedger(wb); }, "setup.fromLedger.customersExist"],
    ["when a sheet of the user's is called Customers", async (wb: MemoryWorkbook) => { await wb.writeSheets([{ name: "Customers", role: "input", tables: [] }]); }, "setup.fromLedger.sheetExists"],
  ])("refuses %s, writing nothing", async (_, before, id) => {
    const wb = agingList();
    await before(wb);
    const sheets = wb.sheetNames();
    const outcome = await setUpCustomersFromLedger(wb);
    expect(outcome.status).toBe("refused");
    expect(outcome.problems.map((p) => p.id)).toContain(id);
    expect(wb.sheetNames()).toEqual(sheets);
  });

  it("refuses a workbook without a ledger", async () => {
    const outcome = await setUpCustomersFromLedger(new MemoryWorkbook());
    expect(outcome).toMatchObject({ status: "refused", customers: 0, problems: [{ id: "setup.fromLedger.noLedger" }] });
  });
});
