import fc from "fast-check";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../../src/host/WorkbookPort";
import { HEADER_SEARCH_ROWS, recogniseTables, tableLabel, withoutFootnotes } from "../../src/app/recogniseTables";

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

  it.each([["账龄"], ["逾期天数"], ["Days Past Due"]])("neither maps nor reports a column the review computes itself (%s)", (derived) => {
    const r = recogniseTables(snapshot(source("Ledger", "Ledger", [...RECEIVABLES, derived, "Memo"])));
    expect(Object.keys(r.tables.receivables?.columns ?? {})).toHaveLength(RECEIVABLES.length);
    expect(r.tables.receivables?.unrecognisedHeaders).toEqual(["Memo"]);
  });

  it("reports missing required columns of a table named for its kind", () => {
    const r = recogniseTables(snapshot(source("Receivables", "Receivables", ["InvoiceId", "CustomerId", "Amount"])));
    expect(r.tables.receivables?.missingRequired).toEqual(["invoiceDate", "dueDate"]);
  });

  it("prefers a real table over a plain range of the same kind", () => {
    const r = recogniseTables(snapshot(source("Customers", "Old", [...CUSTOMERS, "Potential", "Collateral"], "range"), source("CustTable", "New", CUSTOMERS)));
    expect(r.tables.customers?.source.name).toBe("CustTable");
  });

  it("never takes a sheet carrying the output marker as input, whatever it is called now", () => {
    const s = snapshot(source("CreditReview", "Review 2025", CUSTOMERS), source("Collections", "Collections", RECEIVABLES));
    const r = recogniseTables({ ...s, outputSheets: [{ sheet: "Review 2025", output: "Credit Review" }, { sheet: "Collections", output: "Collections" }] });
    expect(r.tables).toEqual({});
  });

  it("reads a user's own sheet called like an output (no marker) as the user's data", () => {
    const r = recogniseTables(snapshot(source("Summary", "Summary", CUSTOMERS, "range"), source("Aging", "Aging", RECEIVABLES, "range")));
    expect(r.tables.customers?.source.sheet).toBe("Summary");
    expect(r.tables.receivables?.source.sheet).toBe("Aging");
  });

  it("applies the user's column mapping", () => {
    const r = recogniseTables(snapshot(source("T", "S", ["Kunde", "Name", "Currency"])), { customers: { Kunde: "customerId" } });
    expect(r.tables.customers?.columns.customerId).toBe(0);
  });

  describe("hidden sheets", () => {
    const hidden = (t: SourceTable, visibility: "hidden" | "veryHidden" = "hidden"): SourceTable => ({ ...t, sheetVisibility: visibility });

    it.each(["hidden", "veryHidden"] as const)("a %s table never outranks a visible one, even a plain range with fewer columns", (visibility) => {
      const r = recogniseTables(snapshot(
        hidden(source("OldCustomers", "Archive", [...CUSTOMERS, "Potential", "Collateral"]), visibility),
        source("Customers", "Customers", ["CustomerId", "Name"], "range"),
      ));
      expect(r.tables.customers?.source.sheet).toBe("Customers");
    });

    it("takes a hidden table when no visible sheet holds one of its kind", () => {
      const r = recogniseTables(snapshot(hidden(source("Cust", "Archive", CUSTOMERS)), source("Receivables", "Receivables", RECEIVABLES)));
      expect(r.tables.customers?.source.sheet).toBe("Archive");
      expect(r.missingTables).toEqual([]);
    });

    it("property: whenever a visible sheet holds a Customers candidate, the one recognised is visible", () => {
      const headerSets = [CUSTOMERS, ["CustomerId"], ["CustomerId", "Name", "Currency", "Potential", "Collateral"], ["客户编号", "客户名称"]];
      const candidate = fc.record({
        headers: fc.constantFrom(...headerSets),
        kind: fc.constantFrom("table" as const, "range" as const),
        visibility: fc.constantFrom(undefined, "visible" as const, "hidden" as const, "veryHidden" as const),
        named: fc.boolean(),
      });
      fc.assert(fc.property(fc.array(candidate, { minLength: 1, maxLength: 6 }), (candidates) => {
        const tables = candidates.map((c, i): SourceTable => ({ ...source(c.named ? "Customers" : `T${i}`, `Sheet${i}`, c.headers, c.kind), sheetVisibility: c.visibility }));
        const recognised = recogniseTables(snapshot(...tables)).tables.customers;
        const anyVisible = tables.some((t) => recogniseTables(snapshot(t)).tables.customers && (t.sheetVisibility === undefined || t.sheetVisibility === "visible"));
        if (anyVisible) expect(recognised?.source.sheetVisibility ?? "visible").toBe("visible");
      }));
    });

    it.each([
      [undefined, '"Cust"'],
      ["visible", '"Cust"'],
      ["hidden", '"Cust" (hidden sheet Archive)'],
      ["veryHidden", '"Cust" (hidden sheet Archive)'],
    ] as const)("labels a table on a %s sheet as %s", (visibility, label) => {
      expect(tableLabel({ ...source("Cust", "Archive", CUSTOMERS), sheetVisibility: visibility })).toBe(label);
    });
  });

  describe("a plain range with a title above its header row", () => {
    const range = (rows: CellValue[][], headerRow = 0): SourceTable => {
      const width = Math.max(...rows.map((r) => r.length));
      const padded = rows.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
      return { name: "Sheet1", sheet: "Sheet1", kind: "range", headerRow, firstColumn: 0, headers: padded[0].map((v) => (v === null ? "" : String(v))), rows: padded.slice(1) };
    };
    const DATA: CellValue[][] = [["C1", "Acme", "CNY"], ["C2", "Beta", "USD"]];

    it.each([
      ["a title row", [["Customer list 2025"]], 1],
      ["a title merged across the header's width (read in every cell)", [["Customer list", "Customer list", "Customer list"]], 1],
      ["a merged title (first cell, blanks after) and a blank spacer row", [["Customer list", null, null], [null, null, null]], 2],
      ["a title, a subtitle and two spacer rows", [["Acme Trading"], ["Customers as of 2025-06-30"], [null], [null]], 4],
      ["a Chinese title", [["客户信息表"]], 1],
    ])("finds the header row below %s and re-slices the range there", (_what, above, offset) => {
      const r = recogniseTables(snapshot(range([...above, CUSTOMERS, ...DATA], 3)));
      const customers = r.tables.customers;
      expect(customers?.columns).toEqual({ customerId: 0, name: 1, currency: 2 });
      expect(customers?.source.headerRow).toBe(3 + offset);
      expect(customers?.source.headers.slice(0, 3)).toEqual(CUSTOMERS);
      expect(customers?.source.rows).toEqual(DATA);
    });

    it("keeps a range whose first row is its header as it is", () => {
      const t = range([CUSTOMERS, ...DATA]);
      expect(recogniseTables(snapshot(t)).tables.customers?.source).toBe(t);
    });

    it(`looks no further than ${HEADER_SEARCH_ROWS} rows down`, () => {
      const spacer: CellValue[][] = Array.from({ length: HEADER_SEARCH_ROWS }, (_, i) => [`note ${i}`]);
      expect(recogniseTables(snapshot(range([...spacer, CUSTOMERS, ...DATA]))).tables.customers).toBeUndefined();
      expect(recogniseTables(snapshot(range([...spacer.slice(1), CUSTOMERS, ...DATA]))).tables.customers?.source.headerRow).toBe(HEADER_SEARCH_ROWS - 1);
    });

    it("never re-slices a real Excel table (its header row is the table's own)", () => {
      const t: SourceTable = { ...source("T1", "Sheet1", ["Title", "", ""]), rows: [CUSTOMERS, ...DATA] };
      expect(recogniseTables(snapshot(t)).tables.customers).toBeUndefined();
    });

    it("property: any title and spacer rows above the header leave the columns and data rows unchanged", () => {
      const titleCell = fc.oneof(fc.constant(null), fc.constantFrom("Customer list", "Report", "客户信息表", "2025", "Prepared by credit"));
      fc.assert(fc.property(fc.array(fc.array(titleCell, { minLength: 1, maxLength: 3 }), { maxLength: HEADER_SEARCH_ROWS - 1 }), fc.nat(20), (above, top) => {
        const customers = recogniseTables(snapshot(range([...above, CUSTOMERS, ...DATA], top))).tables.customers;
        expect(customers?.columns).toEqual({ customerId: 0, name: 1, currency: 2 });
        expect(customers?.source.headerRow).toBe(top + above.length);
        expect(customers?.source.rows).toEqual(DATA);
      }));
    });
  });
});

describe("ledgers as exported (issue 20)", () => {
  const ledgerSnapshot = (headers: string[], rows: (string | number | null)[][]) => ({
    sheets: ["L"], dateSystem: "1900" as const, outputSheets: [],
    tables: [{ name: "L", sheet: "L", kind: "range" as const, headerRow: 0, firstColumn: 0, headers, rows }],
  });

  it("reads a customer-name column as the ledger's customer when it has no customer id", () => {
    const r = recogniseTables(ledgerSnapshot(["Invoice", "Customer Name", "Invoice Date", "Due Date", "Amount"], [["I1", "Acme", 1, 2, 3]]));
    expect(r.tables.receivables?.columns.customerId).toBe(1);
    expect(r.tables.receivables?.missingRequired).toEqual([]);
    expect(r.tables.receivables?.unrecognisedHeaders).toEqual([]);
  });

  it.each([
    ["a note below a blank row", [["I1", "Acme", 1, 2, 3], [null, null, null, null, null], ["Source: the ERP", null, null, null, null]], 1],
    ["two notes and two blank rows", [["I1", "Acme", 1, 2, 3], [null, null, null, null, null], ["Note 1", null, null, null, null], [null, null, null, null, null], ["Note 2", null, null, null, null]], 1],
    ["a one-cell row right below the data (data, reported by the reader)", [["I1", "Acme", 1, 2, 3], ["I2", null, null, null, null]], 2],
    ["no notes", [["I1", "Acme", 1, 2, 3], ["I2", "Beta", 1, 2, 3]], 2],
  ])("keeps the data rows of a range with %s", (_, rows, expected) => {
    const source = ledgerSnapshot(["Invoice", "Customer", "Invoice Date", "Due Date", "Amount"], rows).tables[0];
    expect(withoutFootnotes(source).rows).toHaveLength(expected);
    expect(withoutFootnotes({ ...source, kind: "table" }).rows).toHaveLength(rows.length);
  });
});

describe("the add-in's own tables are never inputs", () => {
  const ledger: SourceTable = {
    name: "Open Invoices", sheet: "Open Invoices", kind: "range", headerRow: 0, firstColumn: 0,
    headers: ["Invoice #", "Customer", "Issue Date", "Due Date", "Open Amount"], rows: [["I1", "Acme", 46000, 46030, 100]],
  };
  const own = (name: string): SourceTable => ({
    name, sheet: name, kind: "table", headerRow: 3, firstColumn: 0,
    headers: ["Customer ID", "Name", "Approved limit"], rows: [["N-1", "Acme", 5000]],
  });

  it.each(["ApprovedLimits", "OrderLog", "ReviewHistory", "CreditDeskMapping"])("%s beside a ledger leaves the workbook ledger-only (no Customers table)", (name) => {
    const recognition = recogniseTables(snapshot(ledger, own(name)));
    expect(recognition.tables.customers).toBeUndefined();
    expect(recognition.tables.receivables?.source.name).toBe("Open Invoices");
  });

  it("a table of the user's with the same headers is a Customers table", () => {
    expect(recogniseTables(snapshot(ledger, own("MyCustomers"))).tables.customers?.source.name).toBe("MyCustomers");
  });
});
