import ExcelJS from "exceljs";
import fc from "fast-check";
import { readPackageSnapshot } from "../../../src/host/xlsx/readPackageSnapshot";
import { MAX_UNCACHED_LISTED, readSharedStrings, readWorksheetPart, type TextFeed } from "../../../src/host/xlsx/readWorksheetPart";
import { repairLoadedTables } from "../../../src/host/xlsx/repairLoadedTables";
import { snapshotOf } from "../../../src/host/xlsx/snapshotOf";

/** A part's text handed over in pieces of `size` characters (cutting tags, entities and text anywhere). */
const piecesOf =
  (xml: string, size: number): TextFeed =>
  (write) => {
    for (let at = 0; at < xml.length; at += size) write(xml.slice(at, at + size));
  };

async function excelJsSnapshot(bytes: Buffer): Promise<ReturnType<typeof snapshotOf>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  repairLoadedTables(wb, bytes);
  return snapshotOf(wb);
}

const SHEET = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<dimension ref="A1:D4"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t xml:space="preserve">Rich </t></r><r><rPr><b/></rPr><t>&amp; inline</t></r></is></c><c r="C1" s="3"><v>45292</v></c><c t="b"><v>1</v></c></row>
<row><c><v>-1.5E-3</v></c><c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="D2" t="str"><f>A1&amp;"x"</f><v>a&lt;b</v></c></row>
<row r="4"><c r="A4"><f>NOW()</f></c><c r="B4" s="2"/><c r="C4" t="s"><v>1</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="C4:D4"/></mergeCells>
<tableParts count="1"><tablePart r:id="rId7"/></tableParts></worksheet>`;

describe("readWorksheetPart", () => {
  it.each([1, 2, 7, 64, 100_000])("reads every cell type the same whatever the pieces the text comes in (%i characters)", (size) => {
    const part = readWorksheetPart(piecesOf(SHEET, size), ["Acme", "merged"], "1900");
    expect(part.tablePartIds).toEqual(["rId7"]);
    expect(part.grid[0]).toEqual(["Acme", "Rich & inline", 45292, true]);
    expect(part.grid[1]).toEqual([-0.0015, undefined, "#DIV/0!", "a<b"]);
    expect(part.grid[2]).toBeUndefined();
    expect(part.grid[3]).toEqual([undefined, undefined, "merged", "merged"]);
    // A4's NOW() has no cached value: named, and read as no value; C2 and D2 have theirs.
    expect(part.uncachedFormulas).toEqual(["A4"]);
    expect(part.uncachedFormulaCount).toBe(1);
  });

  it("names formula cells without a cached value (shared formulas too), listing the first MAX_UNCACHED_LISTED and counting all", () => {
    const rows = Array.from({ length: MAX_UNCACHED_LISTED + 5 }, (_, i) => `<row r="${i + 1}"><c r="AB${i + 1}"><f t="shared" si="0"${i === 0 ? ' ref="AB1:AB9999">1+1</f>' : "/>"}</c><c r="AC${i + 1}"><f>2</f><v>2</v></c></row>`);
    const part = readWorksheetPart(piecesOf(`<worksheet><sheetData>${rows.join("")}</sheetData></worksheet>`, 1000), [], "1900");
    expect(part.uncachedFormulaCount).toBe(MAX_UNCACHED_LISTED + 5);
    expect(part.uncachedFormulas).toHaveLength(MAX_UNCACHED_LISTED);
    expect(part.uncachedFormulas.slice(0, 2)).toEqual(["AB1", "AB2"]);
    expect(part.grid[0]).toEqual([...new Array<undefined>(28), 2]);
  });

  it.each([
    ['<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>', /not a worksheet part/],
    ['<worksheet><sheetData><row><c r="1A"><v>1</v></c></row></sheetData></worksheet>', /bad cell reference 1A/],
    ['<worksheet><sheetData><row><c t="s"><v>3</v></c></row></sheetData></worksheet>', /shared string 3 is missing/],
    ["<worksheet><sheetData><row><c><v>1</v></row></sheetData></worksheet>", /./],
    ["", /./],
  ])("throws for what it does not expect: %s", (xml, message) => {
    expect(() => readWorksheetPart(piecesOf(xml, 5), [], "1900")).toThrow(message);
  });

  it("reads shared strings in order, phonetic runs left out, _xHHHH_ decoded, empty items kept", () => {
    const xml = '<sst count="4"><si><t>A_x000D_</t></si><si/><si><r><t>東</t></r><r><t>京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si><si><t xml:space="preserve"> x </t></si></sst>';
    for (const size of [1, 3, 1000]) expect(readSharedStrings(piecesOf(xml, size))).toEqual(["A\r", "", "東京", " x "]);
  });
});

type Cell =
  | { kind: "text"; value: string }
  | { kind: "rich"; runs: string[] }
  | { kind: "number"; value: number }
  | { kind: "date"; minutes: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "error"; value: string }
  | { kind: "formula"; result: number | string | boolean }
  | { kind: "blank" };

const text = fc.string({ unit: fc.constantFrom("a", "Z", "0", " ", "&", "<", ">", '"', "'", "é", "東", "_", "x", "-", "="), minLength: 1, maxLength: 8 });
const cell: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ kind: fc.constant("text" as const), value: text }),
  fc.record({ kind: fc.constant("rich" as const), runs: fc.array(text, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant("number" as const), value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).filter((n) => !Object.is(n, -0)) }),
  fc.record({ kind: fc.constant("date" as const), minutes: fc.integer({ min: 0, max: 60 * 24 * 365 * 100 }) }),
  fc.record({ kind: fc.constant("boolean" as const), value: fc.boolean() }),
  fc.record({ kind: fc.constant("error" as const), value: fc.constantFrom("#N/A", "#DIV/0!", "#VALUE!", "#REF!") }),
  // A formula's falsy cached value (0, FALSE) is left out: ExcelJS reads it as no value, the package
  // reader (before this one too) as 0 or false (readPackageSnapshot.test.ts, ar-aging-report.xlsx).
  fc.record({ kind: fc.constant("formula" as const), result: fc.oneof(fc.integer({ min: 1, max: 1000 }), text, fc.constant(true)) }),
  fc.constant({ kind: "blank" as const }),
);

function excelValue(c: Cell): ExcelJS.CellValue {
  switch (c.kind) {
    case "text":
      return c.value;
    case "rich":
      return { richText: c.runs.map((run, i) => ({ text: run, font: i % 2 ? { bold: true } : undefined })) };
    case "number":
      return c.value;
    case "date":
      return new Date(Date.UTC(1950, 0, 1) + c.minutes * 60_000);
    case "boolean":
      return c.value;
    case "error":
      return { error: c.value as ExcelJS.CellErrorValue["error"] };
    case "formula":
      return { formula: "A1", result: c.result } as ExcelJS.CellFormulaValue;
    case "blank":
      return null;
  }
}

const sheetShape = fc.record({
  rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
  top: fc.integer({ min: 1, max: 3 }),
  left: fc.integer({ min: 1, max: 3 }),
  state: fc.constantFrom("visible" as const, "hidden" as const, "veryHidden" as const),
  merge: fc.option(fc.record({ rows: fc.integer({ min: 1, max: 2 }), columns: fc.integer({ min: 1, max: 3 }) }), { nil: undefined }),
});

describe("readPackageSnapshot reads what ExcelJS reads (property, every cell type)", () => {
  // ExcelJS 4.4 writes every string as a shared string: inline strings are covered by the parts above.
  it("on generated workbooks: shared strings, rich text, numbers, dates, booleans, errors, formulas' cached values, blanks, merged cells, hidden sheets, tables", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetShape, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
        const wb = new ExcelJS.Workbook();
        if (date1904) wb.properties.date1904 = true;
        sheets.forEach((shape, i) => {
          const ws = wb.addWorksheet(`S${i}`, { state: shape.state });
          shape.rows.forEach((cells, r) =>
            cells.forEach((c, k) => {
              const target = ws.getCell(shape.top + r, shape.left + k);
              target.value = excelValue(c);
              if (c.kind === "date") target.numFmt = "yyyy-mm-dd hh:mm";
            }),
          );
          if (shape.merge) ws.mergeCells(shape.top, shape.left, shape.top + shape.merge.rows, shape.left + shape.merge.columns);
        });
        const withTable = wb.addWorksheet("T");
        withTable.addTable({ name: "Items", ref: "B2", headerRow: true, columns: [{ name: "Id" }, { name: "When" }], rows: [["I-1", new Date(Date.UTC(2024, 1, 29))], ["I-2", 7.25]] });
        const bytes = Buffer.from(await wb.xlsx.writeBuffer());
        expect(readPackageSnapshot(bytes)).toEqual(await excelJsSnapshot(bytes));
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
