import fc from "fast-check";
import {
  CELL_PADDING, contentWidth, displayWidth, fitColumnWidths, formatNumberText, HEADER_PADDING, headerLinesWidth, MAX_TEXT_WIDTH, sheetColumnWidths,
} from "../../../src/app/output/fitColumnWidths";
import type { CellValue, ColumnSpec, SheetSpec } from "../../../src/host/WorkbookPort";

const money = (header: string): ColumnSpec => ({ header, kind: "money", numberFormat: "#,##0.00" });
const text = (header: string): ColumnSpec => ({ header, kind: "text" });
const sheetOf = (columns: ColumnSpec[], rows: CellValue[][], extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name: "S", tables: [{ name: "T", headerRow: 8, firstColumn: 0, columns, rows }], ...extra,
});

describe("displayWidth", () => {
  it.each([
    ["", 0],
    ["Acme", 4],
    ["上海", 4],
    ["Acme 有限公司", 13],
    ["ＡＢ", 4], // fullwidth forms
    ["한글", 4],
    ["é", 1],
    ["line one\nlonger line two", 15],
    ["𠀀", 2], // CJK extension B, outside the BMP
  ])("%j is %i columns wide", (value, width) => {
    expect(displayWidth(value)).toBe(width);
  });
});

describe("formatNumberText", () => {
  it.each([
    [1234567.891, "#,##0.00", "money", "1,234,567.89"],
    [-1234567.891, "#,##0.00", "money", "-1,234,567.89"],
    [999.995, "#,##0.00", "money", "1,000.00"],
    [-0.001, "#,##0.00", "money", "0.00"],
    [0.1234, "0.0%", "percent", "12.3%"],
    [12.5, "0", "integer", "13"],
    [1234, "#,##0", "number", "1,234"],
    [3.14159, "0.00", "number", "3.14"],
    [45838, "yyyy-mm-dd", "date", "0000000000"],
    [1 / 3, "General", "number", "0.333333333"],
  ] as const)("%p under %s shows %s", (value, format, kind, shown) => {
    expect(formatNumberText(value, format, kind)).toBe(shown);
  });
});

describe("headerLinesWidth", () => {
  it.each([
    ["Recommended limit", 17, 11],
    ["Max days past due", 17, 8],
    ["Grade", 5, 5],
    ["额度使用率", 10, 6],
  ])("%s: one line %i, two lines %i", (header, one, two) => {
    expect(headerLinesWidth(header)).toEqual({ oneLine: one, twoLines: two });
  });
});

describe("contentWidth", () => {
  it("takes the widest displayed value, numbers by their extremes", () => {
    expect(contentWidth(money("M"), [1, -2_000_000, 300, null])).toBe("-2,000,000.00".length);
    expect(contentWidth(text("T"), ["ab", "上海浦东", null])).toBe(8);
  });
});

describe("fitColumnWidths", () => {
  it("makes a number column as wide as its widest value plus the margin, and right-aligns it", () => {
    const [column] = fitColumnWidths(sheetOf([money("Amt")], [[12_345_678.9], [5]])).tables[0].columns;
    expect(column.width).toBe("12,345,678.90".length + CELL_PADDING);
    expect(column.align).toBe("right");
  });

  it("counts the header with its filter button, wrapping a long header onto two lines", () => {
    const [column] = fitColumnWidths(sheetOf([money("Recommended credit limit")], [[5]])).tables[0].columns;
    expect(column.width).toBeGreaterThanOrEqual(headerLinesWidth("Recommended credit limit").twoLines + HEADER_PADDING);
    expect(column.width).toBeLessThan(displayWidth("Recommended credit limit") + HEADER_PADDING);
    expect(column.wrap).toBe(true);
  });

  it("wraps long text at the maximum width and leaves short text on one line", () => {
    const long = "word ".repeat(40).trim();
    const [wrapped, short] = fitColumnWidths(sheetOf([text("Reasons"), text("ID")], [[long, "C0001"]])).tables[0].columns;
    expect(wrapped).toMatchObject({ width: MAX_TEXT_WIDTH, wrap: true, align: "left" });
    expect(short.wrap).toBe(false);
  });

  it("keeps a column's own alignment and wrap", () => {
    const [rank] = fitColumnWidths(sheetOf([{ header: "Rank", kind: "integer", align: "center", wrap: true }], [[1]])).tables[0].columns;
    expect(rank).toMatchObject({ align: "center", wrap: true });
  });

  it("gives two tables sharing a sheet column the same width, enough for both", () => {
    const sheet: SheetSpec = {
      name: "S",
      tables: [
        { name: "A", headerRow: 2, firstColumn: 1, columns: [text("Short")], rows: [["x"]] },
        { name: "B", headerRow: 6, firstColumn: 1, columns: [text("Name")], rows: [["A rather long customer name"]] },
      ],
    };
    const fitted = fitColumnWidths(sheet);
    expect(fitted.tables[0].columns[0].width).toBe(fitted.tables[1].columns[0].width);
    expect(fitted.tables[0].columns[0].width).toBeGreaterThanOrEqual(displayWidth("A rather long customer name") + CELL_PADDING);
  });

  it("counts info-block labels and numbers, not texts or headings that overflow into empty cells", () => {
    const sheet = sheetOf([text("ID")], [["C1"]], {
      info: [
        { row: 1, column: 0, lines: [["Policy fingerprint", "0123456789abcdef0123456789"], ["As-of date", 45838]], formats: { "As-of date": "yyyy-mm-dd" } },
        { row: 7, column: 2, lines: [["A heading much longer than any column here", null]] },
      ],
    });
    const widths = sheetColumnWidths(sheet);
    expect(widths.get(0)).toBeGreaterThanOrEqual(displayWidth("Policy fingerprint") + CELL_PADDING);
    expect(widths.get(1)).toBe(10 + CELL_PADDING);
    expect(widths.get(2)).toBeUndefined();
  });

  it("keeps a given width as the minimum when asked (set-up sheets)", () => {
    const sheet = sheetOf([{ ...money("Revenue"), width: 16 }], [[5]]);
    expect(fitColumnWidths(sheet, { widthIsMinimum: true }).tables[0].columns[0].width).toBe(16);
    expect(fitColumnWidths(sheet).tables[0].columns[0].width).toBeLessThan(16);
  });

  it("never cuts: every value either fits its column or the column wraps (property)", () => {
    const cell = fc.oneof(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.string({ maxLength: 80 }), fc.constant(null));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (rows) => {
        const columns = [money("Amount"), text("Note")];
        const values = rows.map(([a, b]): CellValue[] => [typeof a === "number" ? a : null, typeof b === "string" ? b : null]);
        const fitted = fitColumnWidths(sheetOf(columns, values)).tables[0].columns;
        for (const row of values) {
          const [amount, note] = row;
          if (typeof amount === "number") expect(formatNumberText(amount, "#,##0.00", "money").length).toBeLessThanOrEqual(fitted[0].width!);
          if (typeof note === "string" && !fitted[1].wrap) expect(displayWidth(note)).toBeLessThanOrEqual(fitted[1].width!);
        }
        expect(fitted[1].width).toBeLessThanOrEqual(MAX_TEXT_WIDTH);
      }),
    );
  });
});
