import { chartTable, checkSheetSpecs, columnOf, tableGeometry, tableValues } from "../../../src/host/office/sheetLayout";
import type { SheetSpec, TableSpec } from "../../../src/host/WorkbookPort";

const table = (over: Partial<TableSpec> = {}): TableSpec => ({
  name: "T",
  headerRow: 2,
  firstColumn: 1,
  columns: [
    { header: "Id", kind: "text" },
    { header: "Amount", kind: "money" },
  ],
  rows: [
    ["a", 1],
    ["b", 2],
  ],
  ...over,
});

describe("tableGeometry", () => {
  it("rejects a table without columns", () => {
    expect(() => tableGeometry(table({ columns: [], rows: [] }))).toThrow(/no columns/);
  });

  it("rejects a short row and a short totals row", () => {
    expect(() => tableGeometry(table({ rows: [["a"]] }))).toThrow(/row 0 has 1 cells, expected 2/);
    expect(() => tableGeometry(table({ totals: ["x"] }))).toThrow(/totals row/);
  });

  it("places data under the header and totals under the data", () => {
    expect(tableGeometry(table({ totals: ["Total", 3] }))).toMatchObject({ dataRow: 3, dataRowCount: 2, totalsRow: 5, columnCount: 2 });
    expect(tableGeometry(table({ rows: [] }))).toMatchObject({ dataRowCount: 0, totalsRow: null });
  });
});

describe("columnOf / tableValues", () => {
  it("finds a column's sheet index or throws", () => {
    const g = tableGeometry(table());
    expect(columnOf(g, "Amount")).toBe(2);
    expect(() => columnOf(g, "Nope")).toThrow(/no column "Nope"/);
  });

  it("puts the header row first", () => {
    expect(tableValues(table())).toEqual([["Id", "Amount"], ["a", 1], ["b", 2]]);
  });
});

describe("chartTable / checkSheetSpecs", () => {
  const sheet = (name: string, t: TableSpec): SheetSpec => ({ name, tables: [t] });

  it("finds a chart's table on another sheet of the same write", () => {
    const data = sheet("Data", table());
    const charts = { ...sheet("Charts", table({ name: "Other" })), charts: [{ name: "C", title: "", type: "pie" as const, table: "T", categoryColumn: "Id", seriesColumns: ["Amount"], anchor: { row: 0, column: 0 } }] };
    expect(chartTable(charts.charts[0], charts, [data, charts]).sheet.name).toBe("Data");
    expect(() => checkSheetSpecs([data, charts])).not.toThrow();
  });

  it("rejects duplicate table names and unknown chart columns", () => {
    expect(() => checkSheetSpecs([sheet("A", table()), sheet("B", table())])).toThrow(/Table T is listed twice/);
    const bad = { ...sheet("A", table()), charts: [{ name: "C", title: "", type: "pie" as const, table: "T", categoryColumn: "Id", seriesColumns: ["Nope"], anchor: { row: 0, column: 0 } }] };
    expect(() => checkSheetSpecs([bad])).toThrow(/no column "Nope"/);
  });
});
