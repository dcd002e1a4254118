import fc from "fast-check";
import {
  cellAddress,
  columnIndex,
  columnLetter,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRangeAddress,
  rangeAddress,
} from "../../src/host/address";

describe("columnLetter", () => {
  it.each([-1, 1.5, MAX_COLUMNS, Number.NaN])("rejects column %p", (column) => {
    expect(() => columnLetter(column)).toThrow(RangeError);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [MAX_COLUMNS - 1, "XFD"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });
});

describe("columnIndex", () => {
  it.each(["", "A1", "ABCD", "XFE"])("rejects %p", (letters) => {
    expect(() => columnIndex(letters)).toThrow(RangeError);
  });

  it.each([
    ["A", 0],
    ["z", 25],
    ["AA", 26],
    ["XFD", MAX_COLUMNS - 1],
  ])("%s is column %i", (letters, column) => {
    expect(columnIndex(letters)).toBe(column);
  });

  it("inverts columnLetter over the whole grid width", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: MAX_COLUMNS - 1 }), (c) => columnIndex(columnLetter(c)) === c));
  });
});

describe("cellAddress", () => {
  it.each([
    [-1, 0],
    [MAX_ROWS, 0],
    [0, -1],
  ])("rejects row %i column %i", (row, column) => {
    expect(() => cellAddress(row, column)).toThrow(RangeError);
  });

  it.each([
    [0, 0, "A1"],
    [0, 26, "AA1"],
    [9, 27, "AB10"],
    [MAX_ROWS - 1, MAX_COLUMNS - 1, "XFD1048576"],
  ])("(%i, %i) is %s", (row, column, address) => {
    expect(cellAddress(row, column)).toBe(address);
  });
});

describe("rangeAddress", () => {
  it.each([
    [0, 1],
    [1, 0],
    [1.5, 1],
  ])("rejects %p rows by %p columns", (rowCount, columnCount) => {
    expect(() => rangeAddress({ row: 0, column: 0, rowCount, columnCount })).toThrow(RangeError);
  });

  it("rejects a rectangle running off the grid", () => {
    expect(() => rangeAddress({ row: MAX_ROWS - 1, column: 0, rowCount: 2, columnCount: 1 })).toThrow(RangeError);
  });

  it.each([
    [{ row: 4, column: 2, rowCount: 1, columnCount: 1 }, "C5"],
    [{ row: 0, column: 0, rowCount: 3, columnCount: 2 }, "A1:B3"],
    [{ row: 1, column: 25, rowCount: 100000, columnCount: 12 }, "Z2:AK100001"],
  ])("%o is %s", (rect, address) => {
    expect(rangeAddress(rect)).toBe(address);
  });
});

describe("parseRangeAddress", () => {
  it.each(["", "A", "1A", "A1:B2:C3", "A0", "Sheet1!"])("rejects %p", (address) => {
    expect(() => parseRangeAddress(address)).toThrow(RangeError);
  });

  it.each([
    ["A1", { row: 0, column: 0, rowCount: 1, columnCount: 1 }],
    ["$B$2:D10", { row: 1, column: 1, rowCount: 9, columnCount: 3 }],
    ["'Credit Review'!B2:D10", { row: 1, column: 1, rowCount: 9, columnCount: 3 }],
    ["Aging!D10:B2", { row: 1, column: 1, rowCount: 9, columnCount: 3 }],
  ])("%s", (address, rect) => {
    expect(parseRangeAddress(address)).toEqual(rect);
  });

  it("round-trips rangeAddress", () => {
    const rect = fc.record({
      row: fc.integer({ min: 0, max: 5000 }),
      column: fc.integer({ min: 0, max: 300 }),
      rowCount: fc.integer({ min: 1, max: 5000 }),
      columnCount: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(fc.property(rect, (r) => expect(parseRangeAddress(rangeAddress(r))).toEqual(r)));
  });
});
