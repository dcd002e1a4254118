import fc from "fast-check";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import type { CellValue, SheetSpec } from "../../../src/host/WorkbookPort";
import { receivableRows, RECEIVABLE_HEADERS, reviewRows, reviewSheet } from "../office/receivablesFixture";

const simpleSheet = (name: string, rows: CellValue[][], tableName = `${name.replace(/\W/g, "")}Table`): SheetSpec => ({
  name,
  tables: [
    {
      name: tableName,
      headerRow: 0,
      firstColumn: 0,
      columns: [
        { header: "Key", kind: "text" },
        { header: "Value", kind: "number" },
      ],
      rows,
    },
  ],
});

describe("MemoryWorkbook seeding", () => {
  it("rejects a seed row whose length differs from the headers", () => {
    expect(() => MemoryWorkbook.fromTables([{ sheet: "S", name: "T", headers: ["a", "b"], rows: [[1]] }])).toThrow(/row 0/);
  });

  it("rejects two tables with the same name", () => {
    const seed = { sheet: "S", name: "T", headers: ["a"], rows: [[1]] };
    expect(() => MemoryWorkbook.fromTables([seed, { ...seed, sheet: "Other" }])).toThrow(/already exists/);
  });

  it("places a second table on a sheet two rows below the first", () => {
    const wb = MemoryWorkbook.fromTables([
      { sheet: "S", name: "T1", headers: ["a"], rows: [[1], [2]] },
      { sheet: "S", name: "T2", headers: ["b"], rows: [[3]] },
    ]);
    expect(wb.getTable("T2")).toMatchObject({ headerRow: 4, firstColumn: 0, headers: ["b"], rows: [[3]] });
  });
});

describe("MemoryWorkbook.readWorkbook", () => {
  it("returns every table, and the used range of sheets without tables", async () => {
    const wb = MemoryWorkbook.fromTables([
      { sheet: "Customers", name: "Customers", headers: ["Id", "Name"], rows: [["C1", "Acme"]], headerRow: 2, firstColumn: 1 },
      { sheet: "Ledger", name: "ignored", headers: ["Invoice", "Amount"], rows: [["I1", 10], ["I2", null]], kind: "range", headerRow: 3, firstColumn: 2 },
    ]);
    wb.setCells("Empty", 0, 0, [[null, ""]]);
    const snapshot = await wb.readWorkbook();
    expect(snapshot.sheets).toEqual(["Customers", "Ledger", "Empty"]);
    expect(snapshot.dateSystem).toBe("1900");
    expect(snapshot.tables).toEqual([
      { name: "Customers", sheet: "Customers", kind: "table", headerRow: 2, firstColumn: 1, headers: ["Id", "Name"], rows: [["C1", "Acme"]], sheetVisibility: "visible" },
      { name: "Ledger", sheet: "Ledger", kind: "range", headerRow: 3, firstColumn: 2, headers: ["Invoice", "Amount"], rows: [["I1", 10], ["I2", null]], sheetVisibility: "visible" },
    ]);
  });

  it("ignores other cells on a sheet that holds a table", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "S", name: "T", headers: ["a"], rows: [[1]], headerRow: 3 }]);
    wb.setCells("S", 0, 0, [["A title"]]);
    const snapshot = await wb.readWorkbook();
    expect(snapshot.tables.map((t) => t.name)).toEqual(["T"]);
  });

  it("reports the 1904 date system when asked to", async () => {
    expect((await new MemoryWorkbook({ dateSystem: "1904" }).readWorkbook()).dateSystem).toBe("1904");
  });

  it("reads 100,000 receivable rows back unchanged", async () => {
    const rows = receivableRows(100_000);
    const wb = MemoryWorkbook.fromTables([{ sheet: "Receivables", name: "Receivables", headers: RECEIVABLE_HEADERS, rows }]);
    const [table] = (await wb.readWorkbook()).tables;
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]).toEqual(rows[99_999]);
  });
});

describe("MemoryWorkbook.writeSheets", () => {
  it("rejects a table row of the wrong length", async () => {
    await expect(new MemoryWorkbook().writeSheets([simpleSheet("S", [["a"]])])).rejects.toThrow(/row 0 has 1 cells/);
  });

  it("keeps a detail column's spec (ColumnSpec.detail) with the table, its values read like any other's", async () => {
    const wb = new MemoryWorkbook();
    const spec = simpleSheet("S", [["a", 1], ["b", 2]]);
    spec.tables[0].columns[1] = { ...spec.tables[0].columns[1], detail: true };
    await wb.writeSheets([spec]);
    expect(wb.getTable("STable")?.columns?.map((c) => c.detail === true)).toEqual([false, true]);
    expect((await wb.readWorkbook()).tables.find((t) => t.name === "STable")?.rows).toEqual([["a", 1], ["b", 2]]);
  });

  it("rejects a sheet listed twice", async () => {
    await expect(new MemoryWorkbook().writeSheets([simpleSheet("S", [], "T1"), simpleSheet("s", [], "T2")])).rejects.toThrow(/twice/);
  });

  it("rejects a rule on a column the table does not have", async () => {
    const spec = simpleSheet("S", []);
    spec.tables[0].conditionalFormats = [{ type: "dataBar", column: "Nope", color: "#000000" }];
    await expect(new MemoryWorkbook().writeSheets([spec])).rejects.toThrow(/no column "Nope"/);
  });

  it("rejects a chart of an unknown table", async () => {
    const spec = simpleSheet("S", []);
    spec.charts = [
      { name: "C", title: "C", type: "pie", table: "Missing", categoryColumn: "Key", seriesColumns: ["Value"], anchor: { row: 0, column: 5 } },
    ];
    await expect(new MemoryWorkbook().writeSheets([spec])).rejects.toThrow(/unknown table Missing/);
  });

  it("gives a table name already used on a sheet that is not replaced a free variant", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "Input", name: "Data", headers: ["a"], rows: [] }]);
    await wb.writeSheets([simpleSheet("Out", [], "Data")]);
    expect(wb.getTable("Data")?.sheet).toBe("Input");
    expect(wb.getTable("Data_2")?.sheet).toBe("Out");
    await wb.writeSheets([simpleSheet("Out", [["k", 1]], "Data")]);
    expect(wb.getTable("Data_2")?.rows).toEqual([["k", 1]]);
    expect(wb.sheetNames()).toEqual(["Input", "Out"]);
  });

  it("never replaces a user's sheet named like an output (any case); re-running replaces only its own output", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "summary", name: "s", headers: ["mine"], rows: [["keep"]], kind: "range" }]);
    const mine = wb.getSheet("summary");
    expect(await wb.writeSheets([simpleSheet("Summary", [["s", 1]], "Summary")])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    expect(await wb.writeSheets([simpleSheet("Summary", [["s", 2]], "Summary")])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    expect(wb.sheetNames()).toEqual(["summary", "Summary (2)"]);
    expect(wb.getSheet("summary")).toEqual(mine);
    expect((await wb.readWorkbook()).outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    wb.renameSheet("Summary (2)", "My summary");
    await wb.writeSheets([simpleSheet("Summary", [["s", 3]], "Summary")]);
    expect(wb.sheetNames()).toEqual(["summary", "My summary"]);
    expect(wb.getTable("Summary")?.rows).toEqual([["s", 3]]);
  });

  it("updates a table's rows in place: grows, shrinks, keeps the sheet and the cells around it", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "Policy", name: "Policy", headers: ["Key", "Value"], rows: [["a", 1], ["b", 2]] }]);
    wb.setCells("Policy", 0, 4, [["user note"]]);
    await wb.updateTableRows("Policy", [["a", 10], ["b", "=x"], ["c", 3]]);
    expect(wb.getTable("Policy")?.rows).toEqual([["a", 10], ["b", "=x"], ["c", 3]]);
    expect(wb.isText("Policy", 2, 1)).toBe(true);
    await wb.updateTableRows("Policy", [["a", 11]]);
    expect(wb.getSheet("Policy")).toEqual([["Key", "Value", null, null, "user note"], ["a", 11, null, null, null], [null, null, null, null, null], [null, null, null, null, null]]);
    await expect(wb.updateTableRows("Policy", [["a"]])).rejects.toThrow(/expected 2/);
    await expect(wb.updateTableRows("Nope", [])).rejects.toThrow(/does not exist/);
  });

  it("is all-or-nothing: a sheet that cannot be rendered leaves every output as it was", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheets([simpleSheet("Aging", [["a", 1]], "Aging"), simpleSheet("Summary", [["s", 1]], "Summary")]);
    const before = [wb.getSheet("Aging"), wb.getSheet("Summary")];
    const outside: SheetSpec = { ...simpleSheet("Summary", [["s", 2]], "Summary"), info: [{ row: 1_048_576, column: 0, lines: [["x", 1]] }] };
    await expect(wb.writeSheets([simpleSheet("Aging", [["a", 2]], "Aging"), outside])).rejects.toThrow(RangeError);
    expect([wb.getSheet("Aging"), wb.getSheet("Summary")]).toEqual(before);
    expect((await wb.readWorkbook()).outputSheets).toEqual([{ sheet: "Aging", output: "Aging" }, { sheet: "Summary", output: "Summary" }]);
  });

  it("creates an input sheet only where its name is free, and never marks it", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheets([{ ...simpleSheet("Policy", [["k", 1]], "Policy"), role: "input" }]);
    expect(wb.outputOf("Policy")).toBeNull();
    await expect(wb.writeSheets([{ ...simpleSheet("Policy", [["k", 2]], "Policy"), role: "input" }])).rejects.toThrow(/already exists/);
    expect(wb.getTable("Policy")?.rows).toEqual([["k", 1]]);
  });

  it("reports hidden sheets' tables as hidden", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "H", name: "T", headers: ["a"], rows: [[1]] }]);
    wb.setVisibility("H", "veryHidden");
    expect((await wb.readWorkbook()).tables[0].sheetVisibility).toBe("veryHidden");
  });

  it("renders title, info block, table, totals, formats, rules, chart and sheet properties", async () => {
    const wb = new MemoryWorkbook();
    const spec = reviewSheet(reviewRows(3));
    await wb.writeSheets([spec]);

    const grid = wb.getSheet("Credit Review");
    expect(grid?.[0][0]).toBe("Credit review");
    expect(wb.isBold("Credit Review", 0, 0)).toBe(true);
    expect(grid?.[1].slice(0, 2)).toEqual(["As-of date", 46218]);
    expect(wb.getNumberFormat("Credit Review", 1, 1)).toBe("yyyy-mm-dd");
    expect(grid?.[4].slice(0, 6)).toEqual(["Customer", "Grade", "Limit", "Overdue", "Score", "Review date"]);
    expect(grid?.[8].slice(0, 6)).toEqual(["Total", null, 0, 0, null, null]);

    const table = wb.getTable("CreditReview");
    expect(table).toMatchObject({
      sheet: "Credit Review",
      headerRow: 4,
      rows: reviewRows(3),
      totals: ["Total", null, 0, 0, null, null],
      numberFormats: ["General", "General", "#,##0.00", "#,##0", "0.0%", "yyyy-mm-dd"],
      style: "TableStyleLight9",
    });
    expect(table?.conditionalFormats).toEqual(spec.tables[0].conditionalFormats);
    expect(table?.validations).toEqual(spec.tables[0].validations);
    expect(wb.getNumberFormat("Credit Review", 8, 2)).toBe("#,##0.00");
    expect(wb.getNumberFormat("Credit Review", 4, 2)).toBe("General");
    expect(wb.getCharts("Credit Review")).toEqual(spec.charts);
    expect(wb.getSheetProperties("Credit Review")).toEqual({ freezeRows: 5, freezeColumns: 0, print: undefined, tabColor: "#1F4E79" });
  });

  it("replaces its own output sheet in place (a new one joins it as one group of tabs) and leaves every other sheet alone", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "Input", name: "Input", headers: ["a"], rows: [[1]] }]);
    await wb.writeSheets([simpleSheet("Aging", [["x", 1], ["y", 2]], "Aging")]);
    wb.addTable({ sheet: "Notes", name: "n", headers: ["note"], rows: [["keep"]], kind: "range" });
    const before = { input: wb.getSheet("Input"), notes: wb.getSheet("Notes") };
    await wb.writeSheets([simpleSheet("Aging", [["k", 1]], "Aging"), simpleSheet("Summary", [["s", 2]], "Summary")]);
    expect(wb.sheetNames()).toEqual(["Input", "Aging", "Summary", "Notes"]);
    expect(wb.getSheet("Aging")).toEqual([
      ["Key", "Value"],
      ["k", 1],
    ]);
    expect(wb.getSheet("Input")).toEqual(before.input);
    expect(wb.getSheet("Notes")).toEqual(before.notes);
  });

  it("reports progress from 0 to 1", async () => {
    const seen: number[] = [];
    await new MemoryWorkbook().writeSheets([simpleSheet("A", []), simpleSheet("B", [])], { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0, 0.5, 1]);
  });
});

describe("MemoryWorkbook text safety", () => {
  it.each(["=SUM(A1)", "+1", "-x", "@name"])("stores %p as text and flags it", async (text) => {
    const wb = new MemoryWorkbook();
    await wb.writeSheets([simpleSheet("S", [[text, 1]])]);
    expect(wb.getCell("S", 1, 0)).toBe(text);
    expect(wb.isText("S", 1, 0)).toBe(true);
  });

  it("keeps numbers as numbers and plain text unflagged", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeSheets([simpleSheet("S", [["Acme", -12.5]])]);
    expect(wb.getCell("S", 1, 1)).toBe(-12.5);
    expect(wb.isText("S", 1, 1)).toBe(false);
    expect(wb.isText("S", 1, 0)).toBe(false);
  });
});

describe("MemoryWorkbook.select", () => {
  it("rejects an unknown sheet", async () => {
    await expect(new MemoryWorkbook().select("Nope", 0, 0)).rejects.toThrow(/does not exist/);
  });

  it("rejects a cell outside the grid", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "S", name: "T", headers: ["a"], rows: [] }]);
    await expect(wb.select("S", -1, 0)).rejects.toThrow(RangeError);
  });

  it("records the last selection", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "Review", name: "T", headers: ["a"], rows: [] }]);
    expect(wb.lastSelection).toBeNull();
    await wb.select("review", 12, 3);
    expect(wb.lastSelection).toEqual({ sheet: "Review", row: 12, column: 3 });
  });
});

describe("MemoryWorkbook round trip", () => {
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.string({ minLength: 1, maxLength: 12 }),
  );

  it("reads back exactly what writeSheets wrote (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { maxLength: 30 }), async (pairs) => {
        const rows: CellValue[][] = pairs.map(([a, b]) => [a, b]);
        const wb = new MemoryWorkbook();
        await wb.writeSheets([simpleSheet("S", rows)]);
        const [table] = (await wb.readWorkbook()).tables;
        expect(table).toMatchObject({ kind: "table", name: "STable", headers: ["Key", "Value"] });
        expect(table.rows).toEqual(rows);
      }),
      { numRuns: 50 },
    );
  });
});

describe("MemoryWorkbook layout (issue 15)", () => {
  const output = (name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
    name,
    tables: [{ name: name.replace(/\W/g, ""), headerRow: 0, firstColumn: 0, columns: [{ header: "ID", kind: "text", width: 9, wrap: true, align: "center" }], rows: [["C1"]] }],
    ...extra,
  });

  it("keeps the frozen columns, the print setup and every column's width, wrap and alignment", async () => {
    const wb = new MemoryWorkbook();
    const print = { orientation: "landscape", fitToPagesWide: 1, titleRows: [0, 0], titleColumns: [0, 1], footer: { right: "Page &P of &N" } } as const;
    await wb.writeSheets([output("Review", { freezeRows: 1, freezeColumns: 2, print: { ...print, titleRows: [0, 0], titleColumns: [0, 1] } })]);
    expect(wb.getSheetProperties("Review")).toMatchObject({ freezeRows: 1, freezeColumns: 2, print });
    expect(wb.getTable("Review")?.columns?.[0]).toEqual({ header: "ID", kind: "text", width: 9, wrap: true, align: "center" });
  });

  it("groups the outputs in the order given where the first replaced one was, and shows the activated sheet", async () => {
    const wb = MemoryWorkbook.fromTables([{ sheet: "Customers", name: "Customers", headers: ["ID"], rows: [["C1"]] }]);
    await wb.writeSheets([output("Review"), output("Aging")]);
    wb.setCells("Notes", 0, 0, [["mine"]]);
    expect(wb.activeSheet()).toBe("Customers");
    await wb.writeSheets([output("Summary"), output("Review"), output("Aging")], { activate: "Summary" });
    expect(wb.sheetNames()).toEqual(["Customers", "Summary", "Review", "Aging", "Notes"]);
    expect(wb.activeSheet()).toBe("Summary");
  });
});
