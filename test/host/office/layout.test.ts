/**
 * The Office adapter renders every layout field of the port (issue 15): column wrap and alignment,
 * frozen ID/Name columns with the header rows, Page Layout (orientation, fit to pages, print
 * titles, header and footer), the sheet shown after the write and the output tabs as one group.
 * Against the fake Excel, which models these members write-only (reading them throws) and refuses
 * print titles that are not whole rows or columns, as Excel does.
 */
import { OfficeWorkbook } from "../../../src/host/office/OfficeWorkbook";
import { horizontalAlignmentOf, outputGroupStart, wholeColumns, wholeRows } from "../../../src/host/office/sheetLayout";
import type { SheetSpec, WorkbookPort } from "../../../src/host/WorkbookPort";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import { runReview, setUpWorkbook } from "../../../src/app";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { createFakeExcel } from "../../support/fakeExcel";

const sheet = (name: string, extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  tables: [{
    name: name.replace(/\W/g, ""),
    headerRow: 8,
    firstColumn: 0,
    columns: [
      { header: "Customer ID", kind: "text", width: 12 },
      { header: "Name", kind: "text", width: 20 },
      { header: "Reasons", kind: "text", width: 40, wrap: true },
      { header: "Exposure", kind: "money", width: 14 },
      { header: "Rank", kind: "integer", width: 6, align: "center" },
    ],
    rows: [["C1", "Acme", "a long reason", 1000, 1], ["C2", "Beta", "another", 2000, 2]],
  }],
  ...extra,
});

describe("sheetLayout helpers", () => {
  it.each([
    [["A", "Summary", "B", "Aging"], ["summary", "aging"], 1],
    [["A", "B"], [], 2],
    [["Summary"], ["summary"], 0],
    [["A", "B", "Collections"], ["collections"], 2],
  ])("the output group of %j replacing %j starts at %i", (names, replaced, start) => {
    expect(outputGroupStart(names, new Set(replaced))).toBe(start);
  });

  it.each([
    [{ header: "h", kind: "money" } as const, "Right"],
    [{ header: "h", kind: "date" } as const, "Right"],
    [{ header: "h", kind: "text" } as const, "Left"],
    [{ header: "h", kind: "boolean" } as const, "Left"],
    [{ header: "h", kind: "integer", align: "center" } as const, "Center"],
    [{ header: "h", kind: "text", align: "right" } as const, "Right"],
  ])("aligns %j %s", (column, align) => {
    expect(horizontalAlignmentOf(column)).toBe(align);
  });

  it("addresses whole rows and columns for print titles", () => {
    expect(wholeRows([8, 8])).toBe("$9:$9");
    expect(wholeColumns([0, 1])).toBe("$A:$B");
    expect(wholeColumns([26, 27])).toBe("$AA:$AB");
  });
});

describe("OfficeWorkbook layout", () => {
  it("wraps and aligns header and cells, and grows wrapped rows", async () => {
    const fake = createFakeExcel();
    await new OfficeWorkbook({ run: fake.run }).writeSheets([sheet("Review")]);
    const state = fake.sheet("Review")!;
    const alignOf = (column: number): string | undefined =>
      [...state.alignRects].reverse().find((a) => a.rect.column === column && a.rect.row === 8 && a.rect.rowCount === 3)?.align;
    expect([0, 1, 2, 3, 4].map(alignOf)).toEqual(["Left", "Left", "Left", "Right", "Center"]);
    expect(state.wrapRects).toEqual([{ rect: { row: 8, column: 2, rowCount: 3, columnCount: 1 }, wrap: true }]);
    expect(state.autofitRows).toEqual([{ row: 8, column: 0, rowCount: 3, columnCount: 5 }]);
    expect(state.columnWidths.get(2)).toBe(40 * 6);
  });

  const withDetail = (): SheetSpec => {
    const spec = sheet("Review");
    const [id, name, reasons, exposure, rank] = spec.tables[0].columns;
    return { ...spec, tables: [{ ...spec.tables[0], columns: [id, { ...name, detail: true }, { ...reasons, detail: true }, exposure, { ...rank, detail: true }] }] };
  };

  it("groups the detail columns by columns and hides their detail (ExcelApi 1.10): one group per run, the rest shown", async () => {
    const fake = createFakeExcel();
    await new OfficeWorkbook({ run: fake.run, isSetSupported: () => true }).writeSheets([withDetail()]);
    const state = fake.sheet("Review")!;
    expect([...state.columnOutline].sort((a, b) => a[0] - b[0])).toEqual([[1, 1], [2, 1], [4, 1]]);
    expect([...state.hiddenColumns].sort()).toEqual([1, 2, 4]);
  });

  it("hides the detail columns without an outline where ExcelApi 1.10 is missing (the manifest asks for 1.9)", async () => {
    const fake = createFakeExcel();
    const isSetSupported = (name: string, version: string): boolean => !(name === "ExcelApi" && Number(version.split(".")[1]) >= 10);
    await new OfficeWorkbook({ run: fake.run, isSetSupported }).writeSheets([withDetail()]);
    const state = fake.sheet("Review")!;
    expect(state.columnOutline.size).toBe(0);
    expect([...state.hiddenColumns].sort()).toEqual([1, 2, 4]);
  });

  it("the fake refuses to hide the detail of columns that are not grouped, as Excel does", async () => {
    const fake = createFakeExcel({ initialSheet: "Sheet1" });
    await expect(fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("C1:D5");
      range.hideGroupDetails("ByColumns");
      await context.sync();
    })).rejects.toThrow(/InvalidOperation/);
  });

  it.each([
    [{ freezeRows: 9, freezeColumns: 2 }, 9, 2],
    [{ freezeRows: 9 }, 9, 0],
    [{ freezeColumns: 3 }, 0, 3],
    [{}, 0, 0],
  ])("freezes %j as %i rows and %i columns", async (freeze, rows, columns) => {
    const fake = createFakeExcel();
    await new OfficeWorkbook({ run: fake.run }).writeSheets([sheet("Review", freeze)]);
    expect([fake.sheet("Review")!.frozenRows, fake.sheet("Review")!.frozenColumns]).toEqual([rows, columns]);
  });

  it("sets up printing: landscape, one page wide, print titles, header and footer", async () => {
    const fake = createFakeExcel();
    await new OfficeWorkbook({ run: fake.run }).writeSheets([
      sheet("Review", {
        print: {
          orientation: "landscape", fitToPagesWide: 1, titleRows: [8, 8], titleColumns: [0, 1],
          header: { left: "&A", right: "As of 2025-06-30" }, footer: { left: "Policy fingerprint abc", right: "Page &P of &N" },
        },
      }),
      sheet("Brief", { print: { orientation: "portrait", fitToPagesWide: 1, fitToPagesTall: 1 } }),
      sheet("Plain"),
    ]);
    expect(fake.sheet("Review")!.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$9:$9",
      printTitleColumns: "$A:$B",
      headerFooter: { leftHeader: "&A", centerHeader: "", rightHeader: "As of 2025-06-30", leftFooter: "Policy fingerprint abc", centerFooter: "", rightFooter: "Page &P of &N" },
    });
    expect(fake.sheet("Brief")!.pageLayout).toMatchObject({ orientation: "Portrait", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 }, printTitleRows: null });
    expect(fake.sheet("Plain")!.pageLayout).toMatchObject({ orientation: "Portrait", zoom: { scale: 100 } });
  });

  it("shows the sheet named by `activate` and groups the outputs in the order given, input sheets untouched", async () => {
    const fake = createFakeExcel({ initialSheet: "Customers" });
    fake.seedSheet("Policy");
    const port = new OfficeWorkbook({ run: fake.run });
    await port.writeSheets([sheet("Review"), sheet("Aging")]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Customers", "Policy", "Review", "Aging"]);
    fake.seedSheet("Notes");
    await port.writeSheets([sheet("Summary"), sheet("Review"), sheet("Aging")], { activate: "Summary" });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Customers", "Policy", "Summary", "Review", "Aging", "Notes"]);
    expect(fake.activeSheet()).toBe("Summary");
  });

  it("writes the review's output sheets with every layout field in one write", async () => {
    const specs = await reviewSpecs();
    const fake = createFakeExcel({ initialSheet: "Customers" });
    await new OfficeWorkbook({ run: fake.run }).writeSheets(specs, { activate: specs[0].name });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Customers", "Summary", "Credit Review", "Aging", "Collections", "Review History"]);
    expect(fake.activeSheet()).toBe("Summary");
    const review = fake.sheet("Credit Review")!;
    expect([review.frozenRows, review.frozenColumns]).toEqual([9, 2]);
    expect(review.pageLayout).toMatchObject({ orientation: "Landscape", printTitleRows: "$9:$9", printTitleColumns: "$A:$B" });
    expect(review.wrapRects.length).toBeGreaterThan(0);
    expect(fake.sheet("Summary")!.pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 1 });
    expect(fake.sheet("Collections")!.pageLayout.printTitleColumns).toBe("$A:$C");
    // The committee reads ID, name, grade and limits; the detail column groups are collapsed.
    const columns = specs[1].tables[0].columns;
    const hidden = [...review.hiddenColumns].sort((a, b) => a - b);
    expect(hidden).toEqual(columns.flatMap((c, i) => (c.detail ? [i] : [])));
    expect(hidden).not.toContain(0);
    expect(hidden).not.toContain(1);
    expect(hidden.every((c) => review.columnOutline.get(c) === 1)).toBe(true);
  });
});

/** The sheets a review of the sample portfolio writes (captured from the memory adapter's write). */
async function reviewSpecs(): Promise<SheetSpec[]> {
  const asOf = dayFromCivil(2025, 6, 30);
  const memory = new MemoryWorkbook();
  await setUpWorkbook(memory, { withSample: true, asOf });
  let written: SheetSpec[] = [];
  const spy: WorkbookPort = {
    readWorkbook: () => memory.readWorkbook(),
    writeSheets: (specs, options) => {
      written = specs;
      return memory.writeSheets(specs, options);
    },
    updateTableRows: (table, rows) => memory.updateTableRows(table, rows),
    select: (name, row, column) => memory.select(name, row, column),
  };
  await runReview(spy, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "t" });
  return written;
}
