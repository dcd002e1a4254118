import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { cellValueOf, readPackageSnapshot, stringItemText } from "../../../src/host/xlsx/readPackageSnapshot";
import { repairLoadedTables } from "../../../src/host/xlsx/repairLoadedTables";
import { snapshotOf } from "../../../src/host/xlsx/snapshotOf";

const SHARED_WORKBOOKS = path.resolve(__dirname, "../../../../shared/data/workbooks");

async function excelJsSnapshot(bytes: Buffer): Promise<ReturnType<typeof snapshotOf>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  repairLoadedTables(wb, bytes);
  return snapshotOf(wb);
}

async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("readPackageSnapshot", () => {
  it("throws for bytes that are not an .xlsx package", () => {
    expect(() => readPackageSnapshot(Buffer.from("PK\x03\x04 damaged"))).toThrow();
  });

  it.each([
    ["<t>Acme</t>", "Acme"],
    ['<r><t xml:space="preserve">Acme </t></r><r><rPr><b/></rPr><t>Ltd</t></r>', "Acme Ltd"],
    ['<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh>', "東京"],
    ["<t>A &amp; B_x000D_</t>", "A & B\r"],
    ["<t/>", ""],
  ])("reads the text of the string item %s", (xml, text) => {
    expect(stringItemText(xml)).toBe(text);
  });

  it.each([
    [' t="s"', "<v>1</v>", "second"],
    [' t="inlineStr"', "<is><t>inline</t></is>", "inline"],
    [' t="inlineStr"', "<is><t></t></is>", null],
    [' t="str"', "<f>A1</f><v>x &lt; y</v>", "x < y"],
    [' t="b"', "<v>1</v>", true],
    [' t="b"', "<v>0</v>", false],
    [' t="e"', "<f>NA()</f><v>#N/A</v>", "#N/A"],
    ["", "<v>45292.5</v>", 45292.5],
    ["", "<f>NOW()</f>", null],
    [' t="d"', "<v>2024-01-01T00:00:00Z</v>", 45292],
  ])("reads the cell <c%s>%s", (attributes, inner, value) => {
    expect(cellValueOf(` r="A1"${attributes}`, inner, ["first", "second"], "1900")).toEqual(value);
  });

  it("throws for a shared string index the part does not have", () => {
    expect(() => cellValueOf(' t="s"', "<v>5</v>", ["only"], "1900")).toThrow(/shared string 5/);
  });

  it("gives the snapshot ExcelJS gives: tables, totals rows, header-less tables, ranges, merged cells, 1904 dates", async () => {
    const bytes = await bytesOf((wb) => {
      wb.properties.date1904 = true;
      const ledger = wb.addWorksheet("Ledger");
      ledger.addTable({ name: "Invoices", ref: "C3", headerRow: true, totalsRow: true, columns: [{ name: "Id", totalsRowLabel: "Total" }, { name: "Amount", totalsRowFunction: "sum" }], rows: [["INV-1", 100], ["INV-2", 250.25], [null, null]] });
      ledger.addTable({ name: "Bare", ref: "H2", headerRow: false, columns: [{ name: "X" }, { name: "Y" }], rows: [["a", true], ["b", false]] });
      const plain = wb.addWorksheet("Plain");
      plain.getCell("B2").value = "Title";
      plain.mergeCells("B2:D2");
      plain.getCell("B3").value = { richText: [{ text: "Rich " }, { text: "text", font: { bold: true } }] };
      plain.getCell("C4").value = new Date(Date.UTC(2024, 0, 1));
      plain.getCell("D5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      plain.getCell("E6").value = { text: "link", hyperlink: "https://example.com" };
      plain.getCell("B9").numFmt = "0.00";
      wb.addWorksheet("Empty");
    });
    // ExcelJS writes the totals row's SUBTOTAL without a value: the package reader names it (and ExcelJS cannot tell).
    const { uncalculatedFormulas, ...snapshot } = readPackageSnapshot(bytes);
    expect(snapshot).toEqual(await excelJsSnapshot(bytes));
    expect(uncalculatedFormulas).toEqual([{ sheet: "Ledger", cells: ["D7"], count: 1 }]);
  });

  it("gives the snapshot ExcelJS gives for the Excel-made Risk_Modeling_Project.xlsx", async () => {
    const bytes = await fs.readFile(path.join(SHARED_WORKBOOKS, "Risk_Modeling_Project.xlsx"));
    expect(readPackageSnapshot(bytes)).toEqual(await excelJsSnapshot(bytes));
  });

  it("keeps a formula's cached 0 (ExcelJS drops it and reads no value), else matches ExcelJS (ar-aging-report.xlsx)", async () => {
    const bytes = await fs.readFile(path.join(SHARED_WORKBOOKS, "ar-aging-report.xlsx"));
    const light = readPackageSnapshot(bytes);
    const full = await excelJsSnapshot(bytes);
    expect(light.sheets).toEqual(full.sheets);
    expect(light.tables.map((t) => [t.name, t.headerRow, t.firstColumn, t.headers])).toEqual(full.tables.map((t) => [t.name, t.headerRow, t.firstColumn, t.headers]));
    light.tables.forEach((table, i) =>
      table.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const excelJs = full.tables[i].rows[r][c];
          if (value !== excelJs) expect([value, excelJs]).toEqual([0, null]);
        }),
      ),
    );
    // SUMIFS cells of the Aging Report that Excel cached as 0 read as 0.
    expect(light.tables[0].rows.flat().filter((v) => v === 0).length).toBeGreaterThan(0);
  });
});
