/**
 * Issue 19 step 2: output sheets are rendered straight to XML and streamed into the package
 * (renderSheetXml, writeSheetsIntoPackage). What is written reads back the same (any text,
 * control characters and `_xHHHH_` look-alikes included, formula-looking text as text), the
 * rows and cells are in order when info lines, tables and totals share rows, and ExcelJS opens
 * the file.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { errorInEnglish } from "../../support/errorInEnglish";
import type { CellValue, SheetSpec } from "../../../src/host/WorkbookPort";
import { cellTextXml, renderSheetXml, TEXT_PIECE_CHARS } from "../../../src/host/xlsx/renderSheetXml";
import { StyleBook } from "../../../src/host/xlsx/styleBook";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { zipEntry } from "./zipEntry";

async function loadOk(source: Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(`expected the workbook to load: ${errorInEnglish(loaded.error)}`);
  return loaded.value;
}

let userBytes: Buffer;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Customers").addRow(["Id"]);
  userBytes = Buffer.from(await wb.xlsx.writeBuffer());
});

function spec(rows: CellValue[][]): SheetSpec {
  return {
    name: "Out",
    title: "Out & about",
    info: [{ row: 1, column: 0, lines: [["As of", 45838], ["Note", "=not a formula"]], formats: { "As of": "yyyy-mm-dd" } }],
    tables: [
      {
        name: "OutTable",
        headerRow: 4,
        firstColumn: 1,
        columns: [
          { header: "Text", kind: "text" },
          { header: "Amount", kind: "money" },
          { header: "Flag", kind: "boolean" },
        ],
        rows,
        totals: ["Total", 1, null],
      },
    ],
  };
}

/** What a written value reads back as. */
function expected(value: CellValue): CellValue {
  if (typeof value === "number") return Number.isFinite(value) ? (Object.is(value, -0) ? 0 : value) : null;
  if (value === "") return null;
  return value;
}

describe("renderSheetXml", () => {
  it("escapes markup, characters XML cannot hold and literal _xHHHH_ escapes", () => {
    expect(cellTextXml("plain text")).toBe("plain text");
    expect(cellTextXml("a<b & c>d")).toBe("a&lt;b &amp; c&gt;d");
    expect(cellTextXml("bell\u0007 cr\r tab\t nl\n")).toBe("bell_x0007_ cr_x000D_ tab\t nl\n");
    expect(cellTextXml("_x0041_")).toBe("_x005F_x0041_");
  });

  it("reads back what it wrote, any text included (property)", async () => {
    const value = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.string({ maxLength: 6 }).map((s) => `=${s}`), fc.constantFrom("_x0041_", " lead", "trail ", "@SUM(A1)", "+1", "-2"), fc.double(), fc.boolean(), fc.constant(null));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 8 }), async (rows) => {
        const book = await loadOk(userBytes);
        await book.writeSheets([spec(rows)]);
        const back = await (await loadOk(await book.toBuffer())).readWorkbook();
        const table = back.tables.find((t) => t.name === "OutTable");
        expect(table?.headers).toEqual(["Text", "Amount", "Flag"]);
        // Trailing blank rows read back as no rows (snapshotOf: an empty Excel table keeps one blank data row).
        const written = rows.map((row) => row.map(expected));
        while (written.length > 0 && written[written.length - 1].every((v) => v === null)) written.pop();
        expect(table?.rows).toEqual(written);
      }),
      { numRuns: 25, examples: [[[[null, null, ""]]], [[["a", 1, true], [null, "", null]]]] },
    );
  });

  it("writes rows and cells in order where info lines, a table and its totals share rows; text stays text; ExcelJS opens the file", async () => {
    const sheet: SheetSpec = {
      ...spec([["=1+2", 5, true], ["b", 6, false]]),
      info: [{ row: 4, column: 5, lines: [["Beside header", 1], ["Beside row", 2], ["Beside row 2", 3], ["Beside totals", 4]] }],
    };
    const book = await loadOk(userBytes);
    await book.writeSheets([sheet]);
    const zip = await book.toBuffer();
    const xml = zipEntry(zip, "xl/worksheets/sheet2.xml");
    const rowNumbers = [...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1]));
    expect(rowNumbers).toEqual([...rowNumbers].sort((a, b) => a - b));
    for (const row of xml.matchAll(/<row r="\d+">(.*?)<\/row>/g)) {
      const columns = [...row[1].matchAll(/<c r="([A-Z]+)\d+"/g)].map((m) => m[1].charCodeAt(0));
      expect(columns).toEqual([...columns].sort((a, b) => a - b));
    }
    expect(xml).not.toContain("<f>");
    expect(xml).toContain('<c r="G6"><v>2</v></c>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(zip).buffer);
    const ws = wb.getWorksheet("Out");
    expect(ws?.getCell("B6").value).toBe("=1+2");
    expect(ws?.getCell("C6").numFmt).toBe("#,##0.00");
    expect(ws?.getCell("B8").font?.bold).toBe(true);
    expect(ws?.getCell("A1").value).toBe("Out & about");
  });

  it("renders a big table (20,000 rows) in small pieces (TEXT_PIECE_CHARS and a row), never one string", () => {
    const rows: CellValue[][] = Array.from({ length: 20_000 }, (_, i) => [`customer ${i}`, i * 1.5, i % 2 === 0]);
    const sheet = renderSheetXml(spec(rows), new StyleBook(), new Set());
    const sizes = [...sheet.pieces({ cellXf: (i) => i, dxf: (i) => i }, false)].map((p) => p.length);
    expect(sizes.length).toBeGreaterThan(20_000 * 60 / TEXT_PIECE_CHARS);
    expect(Math.max(...sizes)).toBeLessThan(TEXT_PIECE_CHARS + 1_000);
    expect(sheet.rows).toBe(20_000);
  });
});
