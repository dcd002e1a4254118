/**
 * Issue 13 item 1 in the xlsx adapter: output sheets are recognised by their marker (the hidden
 * sheet-scoped name CreditDesk.Output), never by their name alone; a user's sheet that holds an
 * output's name is never touched (its XML byte for byte) and the output goes to "Name (2)".
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { errorInEnglish } from "../../support/errorInEnglish";
import { OUTPUT_MARKER_NAME, type SheetSpec } from "../../../src/host/WorkbookPort";
import { outputMarksOf, setOutputMarks } from "../../../src/host/xlsx/outputMarks";
import { freeSheetName, sheetTargetsOf } from "../../../src/host/xlsx/sheetTargetsOf";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { centralDirectory, compressedBytesOf, entryText } from "../../../src/host/xlsx/readZipEntries";
import { writeZip } from "../../../src/host/xlsx/writeZip";
import { zipEntry, zipEntryNames } from "./zipEntry";

/** The package with xl/workbook.xml edited (as Excel would save a renamed sheet). */
function withWorkbookXml(zip: Buffer, edit: (xml: string) => string): Buffer {
  return writeZip(
    centralDirectory(zip).map((e) =>
      e.name === "xl/workbook.xml"
        ? { name: e.name, content: Buffer.from(edit(entryText(zip, e)), "utf8") }
        : { name: e.name, method: e.method, crc32: e.crc32, uncompressedSize: e.uncompressedSize, compressed: compressedBytesOf(zip, e) },
    ),
  );
}

async function loadOk(source: Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(`expected the workbook to load: ${errorInEnglish(loaded.error)}`);
  return loaded.value;
}

/** A user's workbook: a data sheet, and a sheet of the user's named `userSheet` holding `cells` values. */
async function userWorkbook(userSheet: string, cells = 157, extra: (wb: ExcelJS.Workbook) => void = () => undefined): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet("Data");
  data.addRow(["Id", "Amount"]);
  data.addRow(["C1", 10]);
  const mine = wb.addWorksheet(userSheet);
  for (let i = 0; i < cells; i++) mine.getCell(Math.floor(i / 10) + 1, (i % 10) + 1).value = i % 3 === 0 ? `note ${i}` : i;
  extra(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function outputSpec(name: string, tableName = "SummaryTable", value = 1): SheetSpec {
  return { name, title: `${name} output`, tables: [{ name: tableName, headerRow: 2, firstColumn: 0, columns: [{ header: "Key", kind: "text" }, { header: "Value", kind: "number" }], rows: [["k", value]] }] };
}

/** The zip entry of a sheet by its name (through workbook.xml and its relationships). */
function sheetPart(zip: Buffer, sheet: string): string {
  const workbook = zipEntry(zip, "xl/workbook.xml");
  const rels = zipEntry(zip, "xl/_rels/workbook.xml.rels");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = tag ? /r:id="([^"]+)"/.exec(tag)?.[1] : undefined;
  const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels) : undefined;
  const t = target?.[1] ?? target?.[2];
  if (!t) throw new Error(`no sheet ${sheet}`);
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

describe("sheetTargetsOf", () => {
  it.each([
    ["no sheet of the name: the name itself", ["Data"], [], "Summary"],
    ["a user's sheet of the name: the first free name", ["Data", "Summary"], [], "Summary (2)"],
    ["any case counts as the name", ["data", "SUMMARY", "summary (2)"], [], "Summary (3)"],
    ["the marked sheet, whatever it is called now", ["Summary", "My summary"], [{ sheet: "My summary", output: "Summary" }], "My summary"],
    ["a mark for another output is not this output's", ["Summary"], [{ sheet: "Summary", output: "Aging" }], "Summary (2)"],
    ["the mark's output compares case-insensitively", ["Summary", "Summary (2)"], [{ sheet: "Summary (2)", output: "SUMMARY" }], "Summary (2)"],
  ])("%s", (_, sheets, marks, written) => {
    const targets = sheetTargetsOf([outputSpec("Summary")], sheets, marks);
    expect(targets).toEqual({ ok: true, value: [{ requested: "Summary", written, output: "Summary" }] });
  });

  it("an output in another language is found by its outputId and marked with it", () => {
    const zh = { ...outputSpec("汇总"), outputId: "Summary" };
    expect(sheetTargetsOf([zh], ["Data", "Summary"], [{ sheet: "Summary", output: "Summary" }])).toEqual({ ok: true, value: [{ requested: "汇总", written: "Summary", output: "Summary" }] });
    expect(sheetTargetsOf([zh], ["Data"], [])).toEqual({ ok: true, value: [{ requested: "汇总", written: "汇总", output: "Summary" }] });
  });

  it("an input sheet is only created: a taken name is refused, and it carries no output name", () => {
    expect(sheetTargetsOf([{ name: "Customers", role: "input", tables: [] }], ["customers"], [])).toEqual({ ok: false, message: expect.stringContaining('"Customers" already exists') });
    expect(sheetTargetsOf([{ name: "Customers", role: "input", tables: [] }], ["Data"], [])).toEqual({ ok: true, value: [{ requested: "Customers", written: "Customers", output: undefined }] });
  });

  it("free names stay within Excel's 31 characters and never repeat a taken one", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 31 }), fc.array(fc.integer({ min: 2, max: 12 }), { maxLength: 8 }), (name, ns) => {
        const taken = new Set([name.toLowerCase(), ...ns.map((n) => `${name.slice(0, 31 - ` (${n})`.length)} (${n})`.toLowerCase())]);
        const free = freeSheetName(name, taken);
        expect(free.length).toBeLessThanOrEqual(31);
        expect(taken.has(free.toLowerCase())).toBe(false);
      }),
    );
  });
});

describe("outputMarks", () => {
  const workbook = (names: string): string =>
    `<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Chart1" sheetId="2" r:id="rId2"/><sheet name="Summary (2)" sheetId="3" r:id="rId3"/></sheets>${names}<calcPr/></workbook>`;

  it("reads a marker by its sheet index in <sheets> (chart sheets count), its value a text constant", () => {
    const xml = workbook(`<definedNames><definedName name="Rate">0.1</definedName><definedName name="${OUTPUT_MARKER_NAME}" localSheetId="2" hidden="1">"Summary"</definedName></definedNames>`);
    expect(outputMarksOf(xml)).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
  });

  it("ignores a marker that is not a text constant or points at no sheet", () => {
    const xml = workbook(`<definedNames><definedName name="${OUTPUT_MARKER_NAME}" localSheetId="0">Data!$A$1</definedName><definedName name="${OUTPUT_MARKER_NAME}" localSheetId="9">"Aging"</definedName></definedNames>`);
    expect(outputMarksOf(xml)).toEqual([]);
  });

  it("sets and removes markers, keeping every other defined name, and reads back what it wrote", () => {
    const xml = workbook(`<definedNames><definedName name="Rate">0.1</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$B$2</definedName></definedNames>`);
    const marked = setOutputMarks(xml, new Map([["summary (2)", 'Odd "name"']]));
    expect(marked).toContain('<definedName name="Rate">0.1</definedName>');
    expect(marked).toContain('<definedName name="_xlnm.Print_Area" localSheetId="0">Data!$A$1:$B$2</definedName>');
    expect(marked).toContain(`<definedName name="${OUTPUT_MARKER_NAME}" localSheetId="2" hidden="1">`);
    expect(outputMarksOf(marked)).toEqual([{ sheet: "Summary (2)", output: 'Odd "name"' }]);
    const unmarked = setOutputMarks(marked, new Map([["Summary (2)", null]]));
    expect(outputMarksOf(unmarked)).toEqual([]);
    expect(unmarked).toContain('<definedName name="Rate">0.1</definedName>');
  });

  it("adds a definedNames block after the sheets when the workbook has none", () => {
    const marked = setOutputMarks(workbook(""), new Map([["Data", "Aging"]]));
    expect(marked).toMatch(/<\/sheets><definedNames><definedName name="CreditDesk.Output" localSheetId="0" hidden="1">&quot;Aging&quot;<\/definedName><\/definedNames><calcPr\/>/);
  });
});

describe("XlsxWorkbook output sheets (issue 13 item 1)", () => {
  it.each(["Summary", "summary", "SUMMARY"])("a user's sheet %s is never touched: the output goes to Summary (2), marked; re-writing replaces Summary (2)", async (userName) => {
    const input = await userWorkbook(userName);
    const userXml = zipEntry(input, sheetPart(input, userName));
    const book = await loadOk(input);
    expect((await book.readWorkbook()).outputSheets).toEqual([]);
    expect(await book.writeSheets([outputSpec("Summary")])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    const first = await book.toBuffer();
    expect(zipEntry(first, sheetPart(first, userName))).toBe(userXml);

    // Reopened from the bytes: the marker is read back; a second run replaces only its own sheet.
    const again = await loadOk(first);
    const snapshot = await again.readWorkbook();
    expect(snapshot.sheets).toEqual(["Data", userName, "Summary (2)"]);
    expect(snapshot.outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    expect(await again.writeSheets([outputSpec("Summary", "SummaryTable", 2)])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    const second = await again.toBuffer();
    expect(zipEntry(second, sheetPart(second, userName))).toBe(userXml);
    const reread = await (await loadOk(second)).readWorkbook();
    expect(reread.sheets).toEqual(["Data", userName, "Summary (2)"]);
    expect(reread.outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    expect(reread.tables.find((t) => t.sheet === "Summary (2)")?.rows).toEqual([["k", 2]]);
    expect(zipEntry(second, "xl/workbook.xml").match(/CreditDesk\.Output/g)).toHaveLength(1);
  });

  it("an output sheet of ours is replaced where it stands, also when the user renamed it", async () => {
    const book = await loadOk(await userWorkbook("Notes"));
    await book.writeSheets([outputSpec("Credit Review", "Review")]);
    // The user renames our sheet (in Excel the sheet-scoped name stays with the sheet's index).
    const renamed = withWorkbookXml(await book.toBuffer(), (xml) => xml.replace('name="Credit Review"', 'name="Review 2025"'));
    const reopened = await loadOk(renamed);
    expect((await reopened.readWorkbook()).outputSheets).toEqual([{ sheet: "Review 2025", output: "Credit Review" }]);
    expect(await reopened.writeSheets([outputSpec("Credit Review", "Review")])).toEqual({ sheets: [{ requested: "Credit Review", written: "Review 2025" }] });
    const snapshot = await (await loadOk(await reopened.toBuffer())).readWorkbook();
    expect(snapshot.sheets).toEqual(["Data", "Notes", "Review 2025"]);
  });

  it("a table name taken by a table on a user's sheet gets a free variant; the user's table is kept", async () => {
    const input = await userWorkbook("Summary", 20, (wb) => {
      const ws = wb.addWorksheet("Mine");
      ws.addTable({ name: "SummaryTable", ref: "A1", columns: [{ name: "A" }], rows: [[1]] });
    });
    const book = await loadOk(input);
    await book.writeSheets([outputSpec("Summary")]);
    const snapshot = await (await loadOk(await book.toBuffer())).readWorkbook();
    expect(snapshot.tables.filter((t) => t.kind === "table").map((t) => [t.sheet, t.name])).toEqual([
      ["Mine", "SummaryTable"],
      ["Summary (2)", "SummaryTable_2"],
    ]);
  });

  it("a chart on a sheet written under a free name plots that sheet's cells (its table got a free variant)", async () => {
    const input = await userWorkbook("Aging", 4, (wb) => {
      wb.addWorksheet("Mine").addTable({ name: "Aging", ref: "A1", columns: [{ name: "A" }], rows: [[1]] });
    });
    const book = await loadOk(input);
    const spec: SheetSpec = {
      ...outputSpec("Aging", "Aging"),
      charts: [{ name: "AgingChart", title: "Aging by bucket", type: "columnStacked", table: "Aging", categoryColumn: "Key", seriesColumns: ["Value"], anchor: { row: 10, column: 4 } }],
    };
    expect(await book.writeSheets([spec])).toEqual({ sheets: [{ requested: "Aging", written: "Aging (2)" }] });
    const zip = await book.toBuffer();
    const charts = zipEntryNames(zip).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    expect(charts).toHaveLength(1);
    const formulas = [...zipEntry(zip, charts[0]).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(formulas).toEqual(["'Aging (2)'!$B$3", "'Aging (2)'!$A$4", "'Aging (2)'!$B$4"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(zip).buffer);
    expect(wb.getWorksheet("Aging (2)")?.getCell("A4").value).toBe("k");
    expect(wb.getWorksheet("Aging (2)")?.getCell("E11").value ?? null).toBeNull();
  });

  it("an input sheet (set-up) is created unmarked, and a taken name is refused with nothing written", async () => {
    const book = await loadOk(await userWorkbook("Customers", 5));
    await expect(book.writeSheets([{ name: "Policy", role: "input", tables: [] }, { name: "customers", role: "input", tables: [] }])).rejects.toThrow(/"customers" already exists/);
    expect((await book.readWorkbook()).sheets).toEqual(["Data", "Customers"]);
    await book.writeSheets([{ name: "Policy", role: "input", tables: [] }]);
    const snapshot = await (await loadOk(await book.toBuffer())).readWorkbook();
    expect(snapshot.sheets).toEqual(["Data", "Customers", "Policy"]);
    expect(snapshot.outputSheets).toEqual([]);
  });

  it("markers survive the ExcelJS path too (a new workbook, as init and demo build it)", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "Customers", role: "input", tables: [] }, outputSpec("Summary")]);
    expect((await book.readWorkbook()).outputSheets).toEqual([{ sheet: "Summary", output: "Summary" }]);
    const bytes = await book.toBuffer();
    expect(zipEntry(bytes, "xl/workbook.xml")).toContain(`<definedName name="${OUTPUT_MARKER_NAME}" localSheetId="1" hidden="1">`);
    const reopened = await loadOk(bytes);
    expect((await reopened.readWorkbook()).outputSheets).toEqual([{ sheet: "Summary", output: "Summary" }]);
    expect(await reopened.writeSheets([outputSpec("Summary")])).toEqual({ sheets: [{ requested: "Summary", written: "Summary" }] });
  });

  it("the ExcelJS fallback (selecting a cell on an input sheet) keeps the user's sheet and the markers", async () => {
    const book = await loadOk(await userWorkbook("Summary", 30));
    await book.writeSheets([outputSpec("Summary")]);
    await book.select("Data", 1, 1); // an input sheet: the adapter falls back to ExcelJS
    const snapshot = await book.readWorkbook();
    expect(snapshot.outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    const reread = await (await loadOk(await book.toBuffer())).readWorkbook();
    expect(reread.outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    const mine = reread.tables.find((t) => t.sheet === "Summary");
    expect([...(mine?.headers ?? []), ...(mine?.rows.flat() ?? [])].filter((v) => v !== null && v !== "")).toHaveLength(30);
  });

  it("a marked file taken into ExcelJS (which drops constant names) keeps its markers on save", async () => {
    const book = await loadOk(await userWorkbook("Summary", 12));
    await book.writeSheets([outputSpec("Summary")]);
    const marked = await book.toBuffer();
    const viaExcelJs = await loadOk(marked);
    await viaExcelJs.excelJs();
    expect((await viaExcelJs.readWorkbook()).outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
    expect(await viaExcelJs.writeSheets([outputSpec("Summary")])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    const saved = await viaExcelJs.toBuffer();
    expect(zipEntry(saved, "xl/workbook.xml").match(/CreditDesk\.Output/g)).toHaveLength(1);
    const reread = await (await loadOk(saved)).readWorkbook();
    expect(reread.sheets).toEqual(["Data", "Summary", "Summary (2)"]);
    expect(reread.outputSheets).toEqual([{ sheet: "Summary (2)", output: "Summary" }]);
  });

  it("reports hidden and very hidden sheets on their tables", async () => {
    const input = await userWorkbook("Visible", 3, (wb) => {
      const hidden = wb.addWorksheet("Hidden", { state: "hidden" });
      hidden.addRow(["Id"]);
      hidden.addRow(["x"]);
      const very = wb.addWorksheet("Very", { state: "veryHidden" });
      very.addTable({ name: "VeryTable", ref: "A1", columns: [{ name: "Id" }], rows: [["y"]] });
    });
    expect(zipEntryNames(input).length).toBeGreaterThan(0);
    const snapshot = await (await loadOk(input)).readWorkbook();
    const visibility = Object.fromEntries(snapshot.tables.map((t) => [t.sheet, t.sheetVisibility]));
    expect(visibility).toEqual({ Data: undefined, Visible: undefined, Hidden: "hidden", Very: "veryHidden" });
    // The ExcelJS read path gives the same.
    const book = await loadOk(input);
    await book.excelJs();
    const viaExcelJs = await book.readWorkbook();
    expect(Object.fromEntries(viaExcelJs.tables.map((t) => [t.sheet, t.sheetVisibility]))).toEqual(visibility);
  });
});
