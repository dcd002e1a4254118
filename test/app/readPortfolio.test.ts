import "../support/errorsInEnglish";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../../src/host/WorkbookPort";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";

const table = (name: string, headers: string[], rows: CellValue[][], headerRow = 0, firstColumn = 0): SourceTable => ({
  name, sheet: name, kind: "table", headerRow, firstColumn, headers, rows,
});
const CUSTOMER_HEADERS = ["CustomerId", "Name", "Currency", "Payment record", "GrossMargin", "KeyAccount"];
const RECEIVABLE_HEADERS = ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount", "Currency"];

function read(tables: SourceTable[], dateSystem: "1900" | "1904" = "1900") {
  const snapshot: WorkbookSnapshot = { sheets: tables.map((t) => t.sheet), tables, dateSystem, outputSheets: [] };
  return readPortfolio(snapshot, recogniseTables(snapshot));
}
const where = (r: ReturnType<typeof read>) => r.problems.map(({ severity, sheet, row, column, field }) => ({ severity, sheet, row, column, field }));

describe("readPortfolio", () => {
  it("names a missing table and a missing required column", () => {
    const r = read([table("Receivables", ["InvoiceId", "CustomerId", "Amount"], [])]);
    expect(where(r)).toEqual([
      { severity: "error", sheet: "", row: -1, column: -1, field: "" },
      { severity: "error", sheet: "Receivables", row: 0, column: 0, field: "invoiceDate" },
      { severity: "error", sheet: "Receivables", row: 0, column: 0, field: "dueDate" },
    ]);
    expect(r.problems[0].message).toContain("Customers");
    expect(r.problems[1].message).toContain("InvoiceDate");
  });

  it("reports each bad cell at its 0-based sheet position (headerRow + 1 + data index)", () => {
    const r = read([
      table("Customers", CUSTOMER_HEADERS, [
        ["C1", "Acme", "CNY", 7, 0.25, "yes"],
        [null, null, null, null, null, null], // blank row: skipped
        ["C1", "Acme again", "CNY", 7, 0.25, "no"],
        ["C2", "Beta", "CNY", -1, 0.25, "maybe"],
      ], 2, 1),
      table("Receivables", RECEIVABLE_HEADERS, [
        ["I1", "C1", "2025-05-01", "2025-04-30", 100, null],
        ["I2", "C1", "2025-02-30", "2025-05-31", "1,234.50", null],
        ["I3", "C1", "2025-05-01", "5/31/2025", "ten", null],
      ]),
    ]);
    expect(where(r)).toEqual([
      { severity: "error", sheet: "Customers", row: 5, column: 1, field: "customerId" },
      { severity: "error", sheet: "Customers", row: 6, column: 4, field: "paymentRecord" },
      { severity: "error", sheet: "Customers", row: 6, column: 6, field: "keyAccount" },
      { severity: "error", sheet: "Receivables", row: 1, column: 3, field: "dueDate" },
      { severity: "error", sheet: "Receivables", row: 2, column: 2, field: "invoiceDate" },
      { severity: "error", sheet: "Receivables", row: 3, column: 4, field: "amount" },
    ]);
    expect(r.problems[0].message).toContain("duplicate");
    expect(r.problems[3].message).toContain("before the invoice date");
  });

  it("reports an amount too large for a number (\"1e999\") as a bad cell, not an exception", () => {
    const r = read([
      table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "yes"]]),
      table("Receivables", RECEIVABLE_HEADERS, [["I1", "C1", "2025-05-01", "2025-05-31", "1e999", null]]),
    ]);
    expect(where(r)).toEqual([{ severity: "error", sheet: "Receivables", row: 1, column: 4, field: "amount" }]);
    expect(r.problems[0].message).toBe('Amount row 2: "1e999" is not a finite number');
    expect(r.portfolio.receivables.length).toBe(0);
  });

  it("reads dates as serials (1900 and 1904), ISO text and US text", () => {
    const day = dayFromCivil(2025, 5, 31);
    const customers = table("Customers", ["CustomerId"], [["C1"]]);
    customers.headers.push("Name");
    customers.rows[0].push("Acme");
    const rows: CellValue[][] = [
      ["I1", "C1", toExcelSerial(day - 30), toExcelSerial(day), 1, null],
      ["I2", "C1", "2025-05-01", "2025-05-31", 1, null],
      ["I3", "C1", "5/1/2025", "5/31/2025", 1, null],
    ];
    const r1900 = read([customers, table("Receivables", RECEIVABLE_HEADERS, rows)]);
    expect(r1900.problems).toEqual([]);
    expect(Array.from(r1900.portfolio.receivables.dueDate)).toEqual([day, day, day]);
    const r1904 = read([customers, table("Receivables", RECEIVABLE_HEADERS, [["I1", "C1", toExcelSerial(day, "1904"), toExcelSerial(day, "1904"), 1, null]])], "1904");
    expect(r1904.portfolio.receivables.dueDate[0]).toBe(day);
  });

  it("refuses mixed currencies and names them", () => {
    const r = read([
      table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]),
      table("Receivables", RECEIVABLE_HEADERS, [["I1", "C1", "2025-05-01", "2025-05-31", 100, "USD"]]),
    ]);
    expect(where(r)).toEqual([{ severity: "error", sheet: "Receivables", row: 1, column: 5, field: "currency" }]);
    expect(r.problems[0].message).toContain("CNY, USD");
  });

  it("reads a gross margin typed as a percent number, with a warning", () => {
    const r = read([table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 25, "no"]]), table("Receivables", RECEIVABLE_HEADERS, [])]);
    expect(r.portfolio.customers[0].grossMargin).toBe(0.25);
    expect(where(r)).toEqual([{ severity: "warning", sheet: "Customers", row: 1, column: 4, field: "grossMargin" }]);
  });

  it("uses the defaults without a Policy table and reads one when present", () => {
    const base = [table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]), table("Receivables", RECEIVABLE_HEADERS, [])];
    expect(read(base)).toMatchObject({ policy: DEFAULT_POLICY, policySource: "default", problems: [] });
    const withPolicy = read([...base, table("Policy", ["Key", "Value"], [["roundingUnit", 500]])]);
    expect(withPolicy.policySource).toBe("sheet");
    expect(withPolicy.policy.roundingUnit).toBe(500);
  });

  it("reports an unknown Policy key on its key cell and a bad value on its value cell", () => {
    const base = [table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]), table("Receivables", RECEIVABLE_HEADERS, [])];
    const unknown = read([...base, table("Policy", ["Key", "Value"], [["roundingUnit", 500], ["colour", "blue"]], 4, 2)]);
    expect(where(unknown)).toEqual([{ severity: "error", sheet: "Policy", row: 6, column: 2, field: "colour" }]);
    const bad = read([...base, table("Policy", ["Key", "Value"], [["roundingUnit", 0]], 4, 2)]);
    expect(where(bad)).toEqual([{ severity: "error", sheet: "Policy", row: 5, column: 3, field: "roundingUnit" }]);
  });

  it("rejects receivables and orders of unknown customers, and ignores their financials with a warning", () => {
    const r = read([
      table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]),
      table("Receivables", RECEIVABLE_HEADERS, []),
      table("Orders", ["OrderId", "CustomerId", "Amount"], [["O1", "C9", 10]]),
      table("Financials", ["CustomerId", "PeriodEnd", "Revenue"], [["C9", "2024-12-31", 10]]),
    ]);
    expect(where(r)).toEqual([
      { severity: "warning", sheet: "Financials", row: 1, column: 0, field: "customerId" },
      { severity: "error", sheet: "Orders", row: 1, column: 1, field: "customerId" },
    ]);
  });
});

describe("readPortfolio: receivables problems", () => {
  it("names each bad cell with the workbook's own header, in row order, and warns on a repeated invoice id after the rows before it", () => {
    const r = read([
      table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]),
      table("Receivables", ["Invoice No", "Customer ID", "Document Date", "Due", "Invoice Amount", "Disputed"], [
        ["I1", "C1", 45800, 45830, 100, null],
        ["I2", " C9 ", 45800, 45830, 100, null],
        [" I1 ", "C1", "2025-05-01", "2025-06-30", "1,234.50", "是"],
        ["I3", "C1", 45800, 45790, "ten", "maybe"],
        [null, "C1", 60, null, 5, null],
        ["I1", "C1", 45800, 45830, -20, "no"],
      ], 3, 2),
    ]);
    expect(r.problems.map(({ severity, row, column, field, message }) => [severity, row, column, field, message])).toEqual([
      ["error", 5, 3, "customerId", 'Customer ID row 6: customer "C9" is not in the Customers table'],
      ["warning", 6, 2, "invoiceId", 'Invoice No row 7: invoice id "I1" appears more than once'],
      ["error", 7, 5, "dueDate", "Due row 8: due date is before the invoice date"],
      ["error", 7, 6, "amount", 'Invoice Amount row 8: "ten" is not a number'],
      ["error", 7, 7, "disputed", 'Disputed row 8: "maybe" is not yes/no'],
      ["error", 8, 2, "invoiceId", "Invoice No row 9: is missing"],
      ["error", 8, 4, "invoiceDate", "Document Date row 9: serial 60 is Excel's non-existent 1900-02-29"],
      ["error", 8, 5, "dueDate", "Due row 9: is missing"],
      ["warning", 9, 2, "invoiceId", 'Invoice No row 10: invoice id "I1" appears more than once'],
    ]);
    const ledger = r.portfolio.receivables;
    expect(ledger.invoiceId).toEqual(["I1", "I1", "I1"]);
    expect(Array.from(ledger.amount)).toEqual([100, 1234.5, -20]);
    expect(Array.from(ledger.invoiceDate)).toEqual([45800 - 25569, dayFromCivil(2025, 5, 1), 45800 - 25569]);
    expect(Array.from(ledger.disputed)).toEqual([0, 1, 0]);
  });
});

describe("readPortfolio: titled ranges and hidden sheets", () => {
  it("reports a bad cell of a range below a title at its real sheet row", () => {
    const range: SourceTable = {
      name: "Ledger", sheet: "Ledger", kind: "range", headerRow: 0, firstColumn: 1,
      headers: ["Open receivables, June 2025", "", "", "", "", ""],
      rows: [
        [null, null, null, null, null, null],
        RECEIVABLE_HEADERS,
        ["I1", "C1", "2025-05-01", "2025-05-31", 100, null],
        ["I2", "C1", "2025-05-01", "2025-05-31", "ten", null],
      ],
    };
    const r = read([table("Customers", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"]]), range]);
    expect(where(r)).toEqual([{ severity: "error", sheet: "Ledger", row: 4, column: 5, field: "amount" }]);
    expect(r.portfolio.receivables.length).toBe(1);
  });

  it("says a table read from a hidden sheet is hidden, in the warning and in every message about its cells", () => {
    const customers: SourceTable = { ...table("Cust", CUSTOMER_HEADERS, [["C1", "Acme", "CNY", 7, 0.25, "no"], ["C1", "Acme", "CNY", 7, 0.25, "no"]]), sheet: "Archive", sheetVisibility: "veryHidden" };
    const r = read([customers, table("Receivables", ["InvoiceId", "CustomerId", "Amount"], [])]);
    expect(r.problems.map((p) => [p.severity, p.sheet, p.message])).toEqual([
      ["warning", "Archive", 'Customers table "Cust" (hidden sheet Archive) is used: no visible sheet holds a Customers table'],
      ["error", "Receivables", 'Receivables table "Receivables" has no InvoiceDate column'],
      ["error", "Receivables", 'Receivables table "Receivables" has no DueDate column'],
      ["error", "Archive", 'CustomerId row 2: duplicate customer id "C1" (first on row 1) (hidden sheet Archive)'],
    ]);
  });
});
