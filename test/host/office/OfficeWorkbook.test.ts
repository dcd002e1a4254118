import { OfficeMockObject } from "office-addin-mock";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import { MEASURED_ROW_MARGIN, OfficeWorkbook, ROW_SIZE_SAFETY, SAMPLE_ROWS, type ExcelRun } from "../../../src/host/office/OfficeWorkbook";
import { jsonBytes, PAYLOAD_BUDGET_BYTES } from "../../../src/host/office/payload";
import type { CellValue, SheetSpec } from "../../../src/host/WorkbookPort";
import { createFakeExcel, EXCEL_PAYLOAD_LIMIT_BYTES, type FakeExcel, type SeedTableInput } from "../../support/fakeExcel";
import { narrowRows, receivableRow, receivableRows, RECEIVABLE_HEADERS, reviewRows, reviewSheet } from "./receivablesFixture";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose dependency
// tree ships ES modules that Jest (CommonJS) cannot load; the stand-in carries the same values.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));

const MB4 = PAYLOAD_BUDGET_BYTES;

function setUp(seeds: SeedTableInput[] = [], initialSheet: string | null = null): { fake: FakeExcel; port: OfficeWorkbook } {
  const fake = createFakeExcel({ initialSheet });
  for (const seed of seeds) fake.seedTable(seed);
  return { fake, port: new OfficeWorkbook({ run: fake.run }) };
}

const receivables = (rows: CellValue[][]): SeedTableInput => ({ sheet: "Receivables", name: "Receivables", headers: RECEIVABLE_HEADERS, rows });

function expectEveryBatchWithin(fake: FakeExcel, budget: number): void {
  for (const s of fake.stats.perSync) {
    expect(s.requestBytes).toBeLessThanOrEqual(budget);
    expect(s.responseBytes).toBeLessThanOrEqual(budget);
  }
}

function ledgerSheet(name: string, rows: CellValue[][], headers = RECEIVABLE_HEADERS): SheetSpec {
  return {
    name,
    tables: [
      {
        name: name.replace(/\W/g, ""),
        headerRow: 0,
        firstColumn: 0,
        columns: headers.map((header) => ({ header, kind: "text" as const })),
        rows,
      },
    ],
  };
}

describe("OfficeWorkbook.readWorkbook", () => {
  const seeds: SeedTableInput[] = [
    { sheet: "Customers", name: "Customers", headers: ["Id", "Name", "Active"], rows: [["C1", "Acme", true], ["C2", null, false]], headerRow: 2, firstColumn: 1 },
    { sheet: "Ledger", name: "Ledger", headers: ["Invoice", "Amount"], rows: [["I1", 10.5], ["I2", null]], kind: "range", headerRow: 3, firstColumn: 2 },
  ];

  it("returns the same snapshot as the memory adapter for the same workbook", async () => {
    const { fake, port } = setUp(seeds);
    fake.seedSheet("Blank");
    const memory = MemoryWorkbook.fromTables(seeds);
    memory.setCells("Blank", 0, 0, [[null]]);
    expect(await port.readWorkbook()).toEqual(await memory.readWorkbook());
  });

  it("returns empty cells as null and drops the blank body row of an empty table", async () => {
    const { port } = setUp([{ sheet: "S", name: "Empty", headers: ["a", "b"], rows: [] }]);
    const [table] = (await port.readWorkbook()).tables;
    expect(table).toMatchObject({ name: "Empty", kind: "table", headers: ["a", "b"], rows: [] });
  });

  it("defaults to the 1900 date system and reports 1904 when configured", async () => {
    const fake = createFakeExcel();
    expect((await new OfficeWorkbook({ run: fake.run }).readWorkbook()).dateSystem).toBe("1900");
    expect((await new OfficeWorkbook({ run: fake.run, dateSystem: "1904" }).readWorkbook()).dateSystem).toBe("1904");
  });

  it("reads tables no longer than the sample in two syncs", async () => {
    const { fake, port } = setUp([receivables(receivableRows(SAMPLE_ROWS)), { sheet: "Other", name: "Other", headers: ["x"], rows: [[1]] }]);
    const snapshot = await port.readWorkbook();
    expect(snapshot.tables[0].rows).toEqual(receivableRows(SAMPLE_ROWS));
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
  });

  it("reads 1,000 receivable rows in exactly three syncs", async () => {
    const { fake, port } = setUp([receivables(receivableRows(1000))]);
    const [table] = (await port.readWorkbook()).tables;
    expect(table.rows).toEqual(receivableRows(1000));
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 3 });
    expectEveryBatchWithin(fake, MB4);
  });

  it("reads 100,000 receivable rows x 12 columns with a sync count set only by the 4 MB cap", async () => {
    const rows = receivableRows(100_000);
    const { fake, port } = setUp([receivables(rows)]);
    const [table] = (await port.readWorkbook()).tables;
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[0]).toEqual(receivableRow(0));
    expect(table.rows[77_777]).toEqual(receivableRow(77_777));
    expect(table.rows[99_999]).toEqual(receivableRow(99_999));

    // Plain method: the first value sync is sized from the sample's longest row (× ROW_SIZE_SAFETY);
    // the later ones from the measured average (× MEASURED_ROW_MARGIN), so that they carry close to
    // 4 MB each: two metadata syncs plus at most one per 4 MB read (issue 19 §4).
    const firstRows = Math.floor(MB4 / Math.ceil((jsonBytes(rows[0]) + 1) * ROW_SIZE_SAFETY));
    const laterRows = Math.floor(MB4 / Math.ceil((jsonBytes(rows[0]) + 1) * MEASURED_ROW_MARGIN));
    expect(fake.stats.syncs).toBe(2 + 1 + Math.ceil((100_000 - SAMPLE_ROWS - firstRows) / laterRows));
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(jsonBytes(rows) / MB4));
    expectEveryBatchWithin(fake, MB4);
  });

  it.each([1_000, 10_000, 100_000])("reads %i narrow rows in the same three syncs (all under the cap)", async (count) => {
    const { fake, port } = setUp([{ sheet: "N", name: "Narrow", headers: ["a", "b", "c"], rows: narrowRows(count) }]);
    const [table] = (await port.readWorkbook()).tables;
    expect(table.rows).toHaveLength(count);
    expect(table.rows[count - 1]).toEqual(narrowRows(count)[count - 1]);
    expect(fake.stats.syncs).toBe(3);
  });

  it("keeps every response within a smaller cap, rows of uneven length included", async () => {
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, i) => [i, "x".repeat(5 + (next() % 60)), next() % 1000]);
    const fake = createFakeExcel({ initialSheet: null });
    fake.seedTable({ sheet: "U", name: "Uneven", headers: ["n", "text", "v"], rows, kind: "range" });
    const port = new OfficeWorkbook({ run: fake.run, budgetBytes: 64 * 1024 });
    const [table] = (await port.readWorkbook()).tables;
    expect(table).toMatchObject({ kind: "range", headers: ["n", "text", "v"] });
    expect(table.rows).toEqual(rows);
    expectEveryBatchWithin(fake, 64 * 1024);
    expect(fake.stats.syncs).toBeGreaterThan(2 + Math.ceil(jsonBytes(rows) / (64 * 1024)) - 1);
  });
});

describe("OfficeWorkbook.readWorkbook: responses bounded by measured bytes, not by the sample", () => {
  const LIMIT = EXCEL_PAYLOAD_LIMIT_BYTES;

  it("reads long text rows that come after short sampled rows (the sample's estimate alone would ask for over 5 MB)", async () => {
    const short: CellValue[][] = Array.from({ length: SAMPLE_ROWS }, (_, i) => [i, "s"]);
    const long: CellValue[][] = Array.from({ length: 12_000 }, (_, i) => [SAMPLE_ROWS + i, `${i}:${"L".repeat(600)}`]);
    const rows = [...short, ...long];
    // Plain method: what the first chunk would hold sized from the sample, and what it would weigh.
    const sampledPerRow = Math.ceil((jsonBytes(short[SAMPLE_ROWS - 1]) + 1) * ROW_SIZE_SAFETY);
    const firstChunkRows = Math.floor(MB4 / sampledPerRow);
    expect(jsonBytes(long.slice(0, firstChunkRows))).toBeGreaterThan(LIMIT);

    const { fake, port } = setUp([{ sheet: "Notes", name: "Notes", headers: ["n", "note"], rows }]);
    const [table] = (await port.readWorkbook()).tables;
    expect(table.rows).toEqual(rows);
    for (const s of fake.stats.perSync) expect(s.responseBytes).toBeLessThanOrEqual(LIMIT);
    // Each refusal doubles the estimate: a handful, not one per row.
    expect(fake.stats.refusedSyncs).toBeGreaterThan(0);
    expect(fake.stats.refusedSyncs).toBeLessThanOrEqual(Math.ceil(Math.log2(jsonBytes(long[0]) / sampledPerRow)) + 1);
  });

  it("reads the metadata again without the sample when the sample of every table is over 5 MB", async () => {
    const wide = Array.from({ length: 8 }, (_, c) => `c${c}`);
    const tables: SeedTableInput[] = Array.from({ length: 12 }, (_, t) => ({
      sheet: `S${t}`,
      name: `T${t}`,
      headers: wide,
      rows: Array.from({ length: SAMPLE_ROWS }, (_, r) => wide.map((_, c) => `${t}.${r}.${c}:${"w".repeat(1100)}`)),
    }));
    expect(tables.reduce((n, t) => n + jsonBytes(t.rows), 0)).toBeGreaterThan(LIMIT);
    const { fake, port } = setUp(tables);
    const snapshot = await port.readWorkbook();
    expect(snapshot.tables.map((t) => t.rows)).toEqual(tables.map((t) => t.rows));
    // One refusal of the sampled metadata, then a few of chunks sized from 32 bytes a cell until
    // the estimate (doubled at each) reaches the real row size.
    const fallbackPerRow = wide.length * 32 * ROW_SIZE_SAFETY;
    expect(fake.stats.refusedSyncs).toBeGreaterThanOrEqual(1);
    expect(fake.stats.refusedSyncs).toBeLessThanOrEqual(1 + Math.ceil(Math.log2(jsonBytes(tables[0].rows[0]) / fallbackPerRow)));
    for (const s of fake.stats.perSync) expect(s.responseBytes).toBeLessThanOrEqual(LIMIT);
  });

  it("says so when one row alone is over what Excel returns in one response", async () => {
    const huge = Array.from({ length: 200 }, (_, c) => `${c}:${"h".repeat(30_000)}`);
    const { port } = setUp([{ sheet: "H", name: "Huge", headers: huge.map((_, c) => `h${c}`), rows: [huge] }]);
    await expect(port.readWorkbook()).rejects.toThrow(/Table Huge: one row is larger than Excel can return in one response/);
  });
});

describe("OfficeWorkbook.writeSheets", () => {
  it("makes no Excel call for an empty list", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([]);
    expect(fake.stats.runs).toBe(0);
  });

  it("rejects a malformed spec before touching the workbook", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await expect(port.writeSheets([ledgerSheet("Bad", [["only one cell"]])])).rejects.toThrow(/expected 12/);
    expect(fake.stats.runs).toBe(0);
  });

  it("gives a table name held by a user's table a free variant, and leaves the user's table alone", async () => {
    const { fake, port } = setUp([{ sheet: "Input", name: "Aging", headers: ["a"], rows: [[1]] }]);
    await port.writeSheets([ledgerSheet("Aging", [])]);
    expect(fake.workbook.tables.map((t) => [t.name, t.sheet.name])).toEqual([["Aging", "Input"], ["Aging_2", "Aging"]]);
    await port.writeSheets([ledgerSheet("Aging", receivableRows(1))]);
    expect(fake.workbook.tables.map((t) => [t.name, t.sheet.name])).toEqual([["Aging", "Input"], ["Aging_2", "Aging"]]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Input", "Aging"]);
  });

  it("renders title, info block, table, formats, rules, validations, chart, panes and tab colour", async () => {
    const { fake, port } = setUp([], "Sheet1");
    const spec = reviewSheet(reviewRows(10));
    await port.writeSheets([spec]);
    const sheet = fake.sheet("Credit Review");
    if (!sheet) throw new Error("sheet not written");
    const cell = (r: number, c: number) => fake.cell("Credit Review", r, c);

    expect(cell(0, 0).value).toBe("Credit review");
    expect(sheet.boldRects).toContainEqual({ row: 0, column: 0, rowCount: 1, columnCount: 1 });
    expect(cell(1, 1)).toMatchObject({ value: 46218, numberFormat: "yyyy-mm-dd" });
    expect(cell(2, 1)).toMatchObject({ value: '=HYPERLINK("x")', quotePrefix: true, formula: undefined });
    expect([0, 1, 2, 3, 4, 5].map((c) => cell(4, c).value)).toEqual(["Customer", "Grade", "Limit", "Overdue", "Score", "Review date"]);
    expect([0, 1, 2, 3, 4, 5].map((c) => cell(5, c).value)).toEqual(reviewRows(10)[0]);
    expect(cell(15, 0).value).toBe("Total");
    expect(sheet.boldRects).toContainEqual({ row: 15, column: 0, rowCount: 1, columnCount: 6 });

    expect(fake.workbook.tables).toHaveLength(1);
    expect(fake.workbook.tables[0]).toMatchObject({ name: "CreditReview", style: "TableStyleLight9", rect: { row: 4, column: 0, rowCount: 11, columnCount: 6 } });

    // One number-format assignment per formatted column (plus the info line), none per cell.
    expect(sheet.formatRects).toEqual([
      { rect: { row: 1, column: 1, rowCount: 1, columnCount: 1 }, format: "yyyy-mm-dd" },
      { rect: { row: 5, column: 2, rowCount: 11, columnCount: 1 }, format: "#,##0.00" },
      { rect: { row: 5, column: 3, rowCount: 11, columnCount: 1 }, format: "#,##0" },
      { rect: { row: 5, column: 4, rowCount: 11, columnCount: 1 }, format: "0.0%" },
      { rect: { row: 5, column: 5, rowCount: 11, columnCount: 1 }, format: "yyyy-mm-dd" },
    ]);
    expect(sheet.columnWidths.get(0)).toBe(120);
    expect([...sheet.autofitColumns].sort()).toEqual([1, 2, 3, 4, 5]);

    const dataRect = (column: number) => ({ row: 5, column, rowCount: 10, columnCount: 1 });
    expect(sheet.conditionalFormats).toEqual([
      { rect: dataRect(1), type: "CellValue", fill: "#FFC7CE", fontColor: "#9C0006", rule: { formula1: '="E"', operator: "EqualTo" } },
      { rect: dataRect(2), type: "DataBar", barColor: "#638EC6" },
      { rect: dataRect(3), type: "CellValue", fill: "#FFEB9C", rule: { formula1: "=0", operator: "GreaterThan" } },
    ]);
    expect(sheet.validations).toEqual([
      { rect: dataRect(2), rule: { wholeNumber: { formula1: 0, formula2: 1_000_000, operator: "Between" } } },
      { rect: dataRect(4), rule: { decimal: { formula1: 0, formula2: 1, operator: "Between" } } },
      { rect: dataRect(5), rule: { date: { formula1: "1900-01-01", operator: "GreaterThanOrEqualTo" } } },
      { rect: dataRect(1), rule: { list: { inCellDropDown: true, source: "A,B,C,D,E" } } },
    ]);

    expect(sheet.charts).toEqual([
      {
        type: "ColumnStacked",
        source: "Credit Review!C5:C15",
        seriesBy: "Columns",
        name: "LimitsByCustomer",
        title: "Limits",
        width: 400,
        height: 250,
        position: "I5",
        series: [
          { name: "", values: "Credit Review!C5:C15", xAxisValues: "Credit Review!A6:A15" },
          { name: "Overdue", values: "Credit Review!D6:D15", xAxisValues: "Credit Review!A6:A15" },
        ],
      },
    ]);
    expect(sheet.frozenRows).toBe(5);
    expect(sheet.tabColor).toBe("#1F4E79");
  });

  it("plots a contiguous block of columns as one chart source", async () => {
    const { fake, port } = setUp([], "Sheet1");
    const spec = reviewSheet(reviewRows(4));
    spec.charts = [{ name: "C", title: "T", type: "barClustered", table: "CreditReview", categoryColumn: "Grade", seriesColumns: ["Limit", "Overdue"], anchor: { row: 0, column: 9 } }];
    await port.writeSheets([spec]);
    expect(fake.sheet("Credit Review")?.charts[0]).toMatchObject({ type: "BarClustered", source: "Credit Review!B5:D9", width: 480, height: 288 });
  });

  it("draws a line chart as Excel's line with markers, series by columns", async () => {
    const { fake, port } = setUp([], "Sheet1");
    const spec = reviewSheet(reviewRows(4));
    spec.charts = [{ name: "Trend", title: "T", type: "line", table: "CreditReview", categoryColumn: "Grade", seriesColumns: ["Limit", "Overdue"], anchor: { row: 0, column: 9 } }];
    await port.writeSheets([spec]);
    expect(fake.sheet("Credit Review")?.charts[0]).toMatchObject({ type: "LineMarkers", source: "Credit Review!B5:D9", seriesBy: "Columns" });
  });

  it("(control) the fake refuses a chart type Excel does not have", async () => {
    const fake = createFakeExcel();
    await expect(fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Invalid", sheet.getRange("A1:B3"), "Columns");
      await context.sync();
    })).rejects.toThrow(/InvalidArgument: chart type/);
  });

  it.each(["=SUM(A1)", "+1", "-x", "@name", "'quoted", "00123", "TRUE"])("writes %p as that exact text, never a formula", async (text) => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Out", [[text, ...receivableRow(1).slice(1)]])]);
    expect(fake.cell("Out", 1, 0)).toMatchObject({ value: text, quotePrefix: true, formula: undefined });
  });

  it("keeps numbers as numbers and plain text without a prefix", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Out", [receivableRow(3)])]);
    expect(fake.cell("Out", 1, 4)).toMatchObject({ value: receivableRow(3)[4], quotePrefix: false });
    expect(typeof fake.cell("Out", 1, 2).value).toBe("number");
    expect(fake.cell("Out", 1, 5)).toMatchObject({ value: "EUR", quotePrefix: false });
  });

  it("(control) the fake turns the same strings into formulas when written raw", async () => {
    const fake = createFakeExcel();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [["=SUM(A1)", "-x"]];
      await context.sync();
    });
    expect(fake.cell("Sheet1", 0, 0).formula).toBe("=SUM(A1)");
    expect(fake.cell("Sheet1", 0, 1).formula).toBe("=-x");
  });

  it("replaces only its own output sheets, in place (a new one joins them as one group of tabs), and never writes or deletes another", async () => {
    const { fake, port } = setUp([
      { sheet: "Input", name: "Input", headers: ["a"], rows: [[1]] },
      { sheet: "Notes", name: "n", headers: ["note"], rows: [["keep"]], kind: "range" },
    ]);
    await port.writeSheets([ledgerSheet("Aging", receivableRows(1))]);
    fake.workbook.sheets.splice(1, 0, ...fake.workbook.sheets.splice(2, 1)); // the user moves Aging before Notes
    const untouched = ["Input", "Notes"].map((n) => JSON.stringify(fake.sheet(n)?.grid));
    const before = fake.workbook.events.length;
    await port.writeSheets([ledgerSheet("Aging", receivableRows(5)), ledgerSheet("Summary", receivableRows(2))]);

    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Input", "Aging", "Summary", "Notes"]);
    expect(fake.cell("Aging", 5, 1).value).toBe("INV-0000004");
    expect(["Input", "Notes"].map((n) => JSON.stringify(fake.sheet(n)?.grid))).toEqual(untouched);
    expect(["Input", "Notes"].map((n) => fake.sheet(n)?.valueWrites)).toEqual([0, 0]);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["Input", "Aging", "Summary"]);
    const touched = fake.workbook.events.slice(before).flatMap((e) => e.replace(/^(add|delete|table|rename|name delete|name) /, "").replace(/ on .*$/, "").split(" -> "));
    expect(new Set(touched)).toEqual(new Set(["Aging", "~cd-new-0", "~cd-new-1", "Summary", "CreditDeskTmp0x0", "CreditDeskTmp1x0", "CreditDesk.Temp", "CreditDesk.Output"]));
  });

  it("replaces its output when it is the only sheet of the workbook (the old one goes after the new one exists)", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Summary", receivableRows(3))]);
    fake.workbook.sheets.splice(0, 1);
    await port.writeSheets([ledgerSheet("Summary", receivableRows(1))]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Summary"]);
    expect(fake.cell("Summary", 1, 1).value).toBe("INV-0000000");
    expect(fake.cell("Summary", 2, 1).value).toBeNull();
  });

  it("writes 1,000 rows in three syncs (sheets, markers, values): one batch, screen updating suspended once, calculation left on", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Ledger", receivableRows(1000))]);
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 3, calculationSuspensions: 0, screenUpdatingSuspensions: 1 });
  });

  it.each([
    ["the replaced output", "Ledger", "Ledger"],
    ["a sheet of the user's", "Notes", "Notes"],
  ])("keeps the user on %s when its sheet was active during the rewrite", async (_what, activeBefore, activeAfter) => {
    const { fake, port } = setUp([{ sheet: "Notes", name: "Notes", headers: ["n"], rows: [["x"]] }], null);
    await port.writeSheets([ledgerSheet("Ledger", receivableRows(3)), ledgerSheet("Tail", receivableRows(1))]);
    await port.select(activeBefore, 0, 0);
    await port.writeSheets([ledgerSheet("Ledger", receivableRows(5)), ledgerSheet("Tail", receivableRows(2))]);
    expect(fake.activeSheet()).toBe(activeAfter);
    expect(fake.cell("Ledger", 5, 1).value).toBe("INV-0000004");
  });

  it("fake: deleting the active sheet shows the next visible one, as Excel does", async () => {
    const fake = createFakeExcel({ initialSheet: null });
    for (const name of ["A", "B", "C"]) fake.seedSheet(name);
    fake.setVisibility("C", "Hidden");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("B").activate();
      context.workbook.worksheets.getItem("B").delete();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("A");
    });
  });

  it("adds tables from Range objects, not address texts", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Ledger", receivableRows(10)), ledgerSheet("Other", receivableRows(3))]);
    expect(fake.workbook.tables.map((t) => t.name).sort()).toEqual(["Ledger", "Other"]);
    expect(fake.stats.tablesAddedByAddressText).toBe(0);
  });

  it("writes a 100,000-row sheet with a sync count set only by the 4 MB cap", async () => {
    const rows = receivableRows(100_000);
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("Ledger", rows)]);
    expect(fake.cell("Ledger", 100_000, 1).value).toBe("INV-0099999");
    expect(fake.cell("Ledger", 50_001, 4).value).toBe(receivableRow(50_000)[4]);
    expectEveryBatchWithin(fake, MB4);
    const valueBytes = jsonBytes(rows);
    const valueSyncs = fake.stats.syncs - 2;
    expect(valueSyncs).toBeGreaterThanOrEqual(Math.ceil(valueBytes / MB4));
    expect(valueSyncs).toBeLessThanOrEqual(Math.ceil(valueBytes / (MB4 - 64 * 1024)) + 1);
    // Calculation suspended for the chunks to the temporary sheets, not for the last batch (the
    // swap, after which formulas must see the new sheets); the screen suspended once, not per chunk.
    expect(fake.stats.calculationSuspensions).toBe(valueSyncs - 1);
    expect(fake.stats.screenUpdatingSuspensions).toBe(1);
  });

  it.each([1_000, 100_000])("writes %i narrow rows in the same three syncs", async (count) => {
    const { fake, port } = setUp([], "Sheet1");
    await port.writeSheets([ledgerSheet("N", narrowRows(count), ["a", "b", "c"])]);
    expect(fake.stats.syncs).toBe(3);
    expect(fake.cell("N", count, 2).value).toBe(narrowRows(count)[count - 1][2]);
  });

  it("reports progress from 0 to 1", async () => {
    const { port } = setUp([], "Sheet1");
    const seen: number[] = [];
    await port.writeSheets([ledgerSheet("A", receivableRows(10))], { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0, 2 / 3, 1]);
  });

  it("reads back what it wrote, as the memory adapter does", async () => {
    const specs = [reviewSheet(reviewRows(25)), ledgerSheet("Ledger", [["=SUM(A1)", ...receivableRow(9).slice(1)], ...receivableRows(3)])];
    const { port } = setUp([], "Sheet1");
    await port.writeSheets(specs);
    const memory = new MemoryWorkbook();
    memory.setCells("Sheet1", 0, 0, [[null]]);
    await memory.writeSheets(specs);
    const snapshot = await port.readWorkbook();
    expect(snapshot).toEqual(await memory.readWorkbook());
    expect(snapshot.tables[1].rows[0][0]).toBe("=SUM(A1)");
  });
});

describe("OfficeWorkbook.select", () => {
  it("rejects a cell outside the grid without calling Excel", async () => {
    const { fake, port } = setUp([], "Sheet1");
    await expect(port.select("Sheet1", -1, 0)).rejects.toThrow(RangeError);
    expect(fake.stats.runs).toBe(0);
  });

  it("rejects an unknown sheet", async () => {
    const { port } = setUp([], "Sheet1");
    await expect(port.select("Nope", 0, 0)).rejects.toThrow(/ItemNotFound/);
  });

  it("activates the sheet and selects the cell in one sync", async () => {
    const { fake, port } = setUp([], "Sheet1");
    fake.seedSheet("Review");
    await port.select("Review", 12, 3);
    expect(fake.workbook.activeSheet).toBe("Review");
    expect(fake.workbook.selection).toEqual({ sheet: "Review", address: "D13" });
    expect(fake.stats.syncs).toBe(1);
  });

  it("smoke test with office-addin-mock: getItem, activate, getRange, select, sync", async () => {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem: (name: string) => {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push("activate"),
                getRange: (address: string) => {
                  calls.push(`getRange ${address}`);
                  return { select: () => calls.push("select") };
                },
              };
            },
          },
        },
      },
      run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    });
    const run: ExcelRun = (batch) => mock.run(batch);
    await new OfficeWorkbook({ run }).select("Aging", 0, 26);
    expect(calls).toEqual(["getItem Aging", "activate", "getRange AA1", "select"]);
  });
});
