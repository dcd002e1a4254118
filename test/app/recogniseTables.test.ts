import type { SourceTable, WorkbookSnapshot } from "../../src/host/WorkbookPort";
import { recogniseTables } from "../../src/app/recogniseTables";

const source = (name: string, sheet: string, headers: string[], kind: "table" | "range" = "table"): SourceTable => ({
  name, sheet, kind, headerRow: 0, firstColumn: 0, headers, rows: [],
});
const snapshot = (...tables: SourceTable[]): WorkbookSnapshot => ({ sheets: [...new Set(tables.map((t) => t.sheet))], tables, dateSystem: "1900", outputSheets: [] });

const CUSTOMERS = ["CustomerId", "Name", "Currency"];
const RECEIVABLES = ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"];

describe("recogniseTables", () => {
  it("reports the required tables that are missing in an empty workbook", () => {
    expect(recogniseTables(snapshot())).toEqual({ tables: {}, missingTables: ["customers", "receivables"] });
  });

  it("ignores a table with no known headers and a lone customer-id column on an unnamed sheet", () => {
    const r = recogniseTables(snapshot(source("Notes", "Notes", ["Note", "Date"]), source("T9", "Misc", ["Customer ID"])));
    expect(r.tables).toEqual({});
  });

  it.each([
    [CUSTOMERS, "customers"],
    [RECEIVABLES, "receivables"],
    [["CustomerId", "PeriodEnd", "Revenue", "Equity"], "financials"],
    [["OrderId", "CustomerId", "Amount"], "orders"],
    [["Key", "Value"], "policy"],
    [["客户编号", "客户名称"], "customers"],
    [["发票号", "客户编号", "开票日期", "到期日", "金额"], "receivables"],
  ])("classifies headers %j as %s, whatever the table is called", (headers, kind) => {
    const r = recogniseTables(snapshot(source("Table1", "Sheet1", headers)));
    expect(Object.keys(r.tables)).toEqual([kind]);
  });

  it("maps each field to its column and keeps unknown headers aside", () => {
    const r = recogniseTables(snapshot(source("Cust", "Data", ["Notes", "customer_id", "NAME"])));
    expect(r.tables.customers?.columns).toEqual({ customerId: 1, name: 2 });
    expect(r.tables.customers?.unrecognisedHeaders).toEqual(["Notes"]);
  });

  it("reports missing required columns of a table named for its kind", () => {
    const r = recogniseTables(snapshot(source("Receivables", "Receivables", ["InvoiceId", "CustomerId", "Amount"])));
    expect(r.tables.receivables?.missingRequired).toEqual(["invoiceDate", "dueDate"]);
  });

  it("prefers a real table over a plain range of the same kind", () => {
    const r = recogniseTables(snapshot(source("Customers", "Old", [...CUSTOMERS, "Potential", "Collateral"], "range"), source("CustTable", "New", CUSTOMERS)));
    expect(r.tables.customers?.source.name).toBe("CustTable");
  });

  it("never takes an output sheet as input", () => {
    const r = recogniseTables(snapshot(source("CreditReview", "Credit Review", CUSTOMERS), source("Collections", "Collections", RECEIVABLES)));
    expect(r.tables).toEqual({});
  });

  it("applies the user's column mapping", () => {
    const r = recogniseTables(snapshot(source("T", "S", ["Kunde", "Name", "Currency"])), { customers: { Kunde: "customerId" } });
    expect(r.tables.customers?.columns.customerId).toBe(0);
  });
});
