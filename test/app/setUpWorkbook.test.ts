import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { TABLE_FIELDS, buildInputSheets, setUpWorkbook } from "../../src/app";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";

const asOf = dayFromCivil(2025, 6, 30);

describe("setUpWorkbook", () => {
  it("refuses to overwrite an existing input table and writes nothing", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "My customers", name: "Cust", headers: ["CustomerId", "Name"], rows: [["C1", "Acme"]] }]);
    const out = await setUpWorkbook(wb, { withSample: true, asOf });
    expect(out.status).toBe("refused");
    expect(out.problems.map(({ sheet, table, row, column }) => ({ sheet, table, row, column }))).toEqual([{ sheet: "My customers", table: "Cust", row: 0, column: 0 }]);
    expect(wb.sheetNames()).toEqual(["My customers"]);
  });

  it("refuses when a sheet of the same name exists, even if empty of tables", async () => {
    const wb = new MemoryWorkbook();
    wb.setCells("Policy", 0, 0, [["my notes"]]);
    const out = await setUpWorkbook(wb, { withSample: false, asOf });
    expect(out.status).toBe("refused");
    expect(out.problems[0].sheet).toBe("Policy");
    expect(wb.getCell("Policy", 0, 0)).toBe("my notes");
  });

  it("writes empty input tables with headers, validations, frozen header and the default Policy", async () => {
    const wb = new MemoryWorkbook();
    const progress: number[] = [];
    const out = await setUpWorkbook(wb, { withSample: false, asOf, onProgress: (_s, f) => progress.push(f) });
    expect(out.status).toBe("written");
    expect(wb.sheetNames()).toEqual(["Customers", "Financials", "Receivables", "Orders", "Policy"]);
    const customers = wb.getTable("Customers");
    expect(customers?.headers).toEqual(TABLE_FIELDS.customers.fields.map((f) => f.header));
    expect(customers?.rows).toEqual([]);
    expect(customers?.validations).toContainEqual({ type: "wholeNumber", column: "Payment record", min: 0, max: 10 });
    expect(customers?.validations).toContainEqual({ type: "list", column: "KeyAccount", values: ["Yes", "No"] });
    expect(wb.getTable("Receivables")?.validations).toContainEqual({ type: "date", column: "DueDate" });
    expect(wb.getSheetProperties("Customers")?.freezeRows).toBe(1);
    const policy = wb.getTable("Policy");
    expect(policy?.rows.map((r) => [r[0], r[1]])).toEqual(policyToRows(DEFAULT_POLICY));
    expect(progress[progress.length - 1]).toBe(1);
  });

  it("with the sample fills every table and the result can be set up only once", async () => {
    const wb = new MemoryWorkbook();
    await setUpWorkbook(wb, { withSample: true, asOf });
    expect(wb.getTable("Customers")?.rows).toHaveLength(36);
    expect(wb.getTable("Receivables")?.rows.length).toBeGreaterThan(350);
    const again = await setUpWorkbook(wb, { withSample: true, asOf });
    expect(again.status).toBe("refused");
    expect(again.problems).toHaveLength(5);
  });

  it("builds the same sheets as buildInputSheets", async () => {
    const wb = new MemoryWorkbook();
    const out = await setUpWorkbook(wb, { withSample: true, asOf });
    expect(out.sheets).toEqual(buildInputSheets(true, asOf));
  });

  it("writes the sample's dates in the workbook's own date system: a 1904 workbook reads back the same days", async () => {
    const read = async (dateSystem: "1900" | "1904") => {
      const wb = new MemoryWorkbook({ dateSystem });
      expect((await setUpWorkbook(wb, { withSample: true, asOf })).status).toBe("written");
      const snapshot = await wb.readWorkbook();
      const reading = readPortfolio(snapshot, recogniseTables(snapshot));
      const invoices = await wb.readWorkbook().then((s) => s.tables.find((t) => t.name === "Receivables")!.rows[0]);
      return { reading, firstInvoiceDateCell: invoices[2] };
    };
    const [a, b] = [await read("1900"), await read("1904")];
    expect(b.firstInvoiceDateCell).toBe((a.firstInvoiceDateCell as number) - 1462);
    expect(b.reading.problems).toEqual([]);
    const days = (r: typeof a) => [...r.reading.portfolio.receivables.invoiceDate, ...r.reading.portfolio.receivables.dueDate];
    expect(days(a).length).toBeGreaterThan(700);
    expect(days(b)).toEqual(days(a));
    expect(b.reading.portfolio.financials.map((f) => f.periodEnd)).toEqual(a.reading.portfolio.financials.map((f) => f.periodEnd));
  });
});
