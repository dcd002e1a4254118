import { chartTable, checkSheetSpecs, columnOf, detailColumnGroups, tableGeometry, tableValues } from "../../../src/host/office/sheetLayout";
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

describe("detailColumnGroups", () => {
  const column = (header: string, detail?: boolean) => ({ header, kind: "text" as const, ...(detail === undefined ? {} : { detail }) });
  const table = (name: string, firstColumn: number, headerRow: number, details: (boolean | undefined)[], rows = 2): TableSpec => ({
    name, headerRow, firstColumn, columns: details.map((d, i) => column(`c${i}`, d)), rows: Array.from({ length: rows }, () => details.map(() => null)),
  });
  const sheet = (...tables: TableSpec[]): SheetSpec => ({ name: "S", tables });

  it.each([
    ["no detail column", [undefined, false, undefined], []],
    ["one run", [false, true, true, false], [{ first: 1, last: 2, rows: [8, 10] }]],
    ["three runs, a shown column between each", [true, false, true, true, false, true], [{ first: 0, last: 0, rows: [8, 10] }, { first: 2, last: 3, rows: [8, 10] }, { first: 5, last: 5, rows: [8, 10] }]],
    ["a run at the end", [false, true], [{ first: 1, last: 1, rows: [8, 10] }]],
  ] as const)("%s", (_, details, groups) => {
    expect(detailColumnGroups(sheet(table("T", 0, 8, [...details])))).toEqual(groups);
  });

  it("counts sheet columns, over every table: a column is grouped when either table says so, rows spanning both (totals and an empty table's row too)", () => {
    const upper = table("Up", 2, 3, [false, true]);
    const lower = { ...table("Down", 1, 10, [false, false, true], 0), totals: [null, null, null] };
    expect(detailColumnGroups(sheet(upper, lower))).toEqual([{ first: 3, last: 3, rows: [3, 12] }]);
  });
});
