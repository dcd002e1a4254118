import ExcelJS from "exceljs";
import { SaxesParser } from "saxes";
import type { SheetSpec } from "../../../src/host/WorkbookPort";
import { mergeSheetsIntoPackage, packageTableNames } from "../../../src/host/xlsx/mergeSheetsIntoPackage";
import { centralDirectory, compressedBytesOf, readZipEntries } from "../../../src/host/xlsx/readZipEntries";
import { withOutputMarks } from "../../../src/host/xlsx/withOutputMarks";
import { writeZip } from "../../../src/host/xlsx/writeZip";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { zipEntry, zipEntryNames } from "./zipEntry";

/** A user's workbook: two input sheets with a table, a validation, a number format, and a stale output sheet (marked as the add-in's Summary). */
async function inputWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet("Customers");
  customers.addTable({ name: "Customers", ref: "A1", columns: [{ name: "CustomerId" }, { name: "Limit" }], rows: [["C001", 1000], ["C002", 2500.5]] });
  customers.getCell("B2").numFmt = "#,##0.00";
  customers.getCell("B3").numFmt = "#,##0.00";
  customers.getCell("B2").dataValidation = { type: "decimal", operator: "between", formulae: [0, 1e9], allowBlank: true };
  const summary = wb.addWorksheet("Summary");
  summary.addTable({ name: "OldSummary", ref: "A1", columns: [{ name: "X" }], rows: [[1]] });
  summary.getCell("D9").value = { formula: "A2*2", result: 2 };
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "keep me";
  notes.getCell("A1").font = { italic: true, color: { argb: "FF336699" } };
  return withOutputMarks(Buffer.from(await wb.xlsx.writeBuffer()), [{ sheet: "Summary", output: "Summary" }]);
}

const reviewSheet: SheetSpec = {
  name: "Credit Review",
  title: "Credit review",
  tables: [
    {
      name: "CreditReview",
      headerRow: 2,
      firstColumn: 0,
      columns: [{ header: "Customer", kind: "text" }, { header: "Limit", kind: "money" }, { header: "Share", kind: "percent" }, { header: "Grade", kind: "text" }],
      rows: [["C001", 1000, 0.25, "A"], ["C002", 2500.5, 0.75, "R"]],
      conditionalFormats: [
        { type: "textEquals", column: "Grade", text: "R", fill: "#FFC7CE", fontColor: "#9C0006" },
        { type: "dataBar", column: "Limit", color: "#638EC6" },
      ],
    },
  ],
  freezeRows: 3,
};
const summarySheet: SheetSpec = {
  name: "summary",
  tables: [{ name: "Customers", headerRow: 0, firstColumn: 0, columns: [{ header: "Grade", kind: "text" }, { header: "Due", kind: "date" }], rows: [["A", 45292]] }],
};

/** The input with the sheets written through the adapter, and the merged package it saves. */
async function outputOf(input: Buffer, sheets: SheetSpec[]): Promise<{ merged: Buffer }> {
  const loaded = await XlsxWorkbook.load(input);
  if (!loaded.ok) throw new Error("input does not load");
  await loaded.value.writeSheets(sheets);
  return { merged: await loaded.value.toBuffer() };
}

function wellFormed(xml: string): boolean {
  const parser = new SaxesParser();
  let ok = true;
  parser.on("error", () => {
    ok = false;
  });
  parser.write(xml).close();
  return ok;
}

function count(xml: string, list: string): number {
  return Number(new RegExp(`<${list}[^>]*count="(\\d+)"`).exec(xml)?.[1] ?? 0);
}

describe("mergeSheetsIntoPackage", () => {
  it("throws for bytes that are not a package (the adapter then saves with ExcelJS)", async () => {
    const input = await inputWorkbook();
    expect(() => mergeSheetsIntoPackage(Buffer.from("not a zip"), input)).toThrow();
    expect(() => mergeSheetsIntoPackage(input, Buffer.from("not a zip"))).toThrow();
  });

  it("copies every part the added sheets do not touch byte for byte (input sheets, their tables, theme)", async () => {
    const input = await inputWorkbook();
    const { merged } = await outputOf(input, [reviewSheet, summarySheet]);
    const before = new Map(centralDirectory(input).map((e) => [e.name, compressedBytesOf(input, e)]));
    const after = new Map(centralDirectory(merged).map((e) => [e.name, compressedBytesOf(merged, e)]));
    const edited = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
    const customersPart = "xl/worksheets/sheet1.xml";
    const notesPart = "xl/worksheets/sheet3.xml";
    for (const part of [customersPart, notesPart, "xl/worksheets/_rels/sheet1.xml.rels", "xl/tables/table1.xml", "xl/theme/theme1.xml", "xl/sharedStrings.xml"]) {
      expect(edited.has(part)).toBe(false);
      expect(after.get(part)?.equals(before.get(part) ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it("replaces the sheet marked as the output in place (output names case-insensitive), drops its old table, groups the new outputs with it in the order given, keeps table names unique", async () => {
    const input = await inputWorkbook();
    const { merged } = await outputOf(input, [reviewSheet, summarySheet]);
    const back = await XlsxWorkbook.load(merged);
    if (!back.ok) throw new Error("merged file does not load");
    const snapshot = await back.value.readWorkbook();
    expect(snapshot.sheets).toEqual(["Customers", "Credit Review", "Summary", "Notes"]);
    expect(snapshot.tables.map((t) => `${t.sheet}/${t.name}`)).toEqual(["Customers/Customers", "Credit Review/CreditReview", "Summary/Customers_2", "Notes/Notes"]);
    expect(packageTableNames(merged)).toEqual(new Set(["customers", "customers_2", "creditreview"]));
    expect(snapshot.tables[1].rows).toEqual(reviewSheet.tables[0].rows);
    const tableParts = zipEntryNames(merged).filter((n) => /^xl\/tables\/.+\.xml$/.test(n));
    expect(tableParts).toHaveLength(3);
    // Table ids are unique in the workbook.
    const ids = tableParts.map((n) => /<table[^>]*\sid="(\d+)"/.exec(zipEntry(merged, n))?.[1]);
    expect(new Set(ids).size).toBe(3);
    expect(zipEntry(merged, "[Content_Types].xml").match(/spreadsheetml\.table\+xml/g)).toHaveLength(3);
  });

  it("writes well-formed XML whose style indices all exist, with number formats, conditional formats and frozen header", async () => {
    const input = await inputWorkbook();
    const { merged } = await outputOf(input, [reviewSheet, summarySheet]);
    const parts = readZipEntries(merged, (n) => n.endsWith(".xml") || n.endsWith(".rels"));
    for (const [name, xml] of parts) expect([name, wellFormed(xml)]).toEqual([name, true]);
    const styles = parts.get("xl/styles.xml") ?? "";
    const xfs = count(styles, "cellXfs");
    const dxfs = count(styles, "dxfs");
    expect(styles.match(/<xf\b/g)?.length).toBe(xfs + count(styles, "cellStyleXfs"));
    for (const [name, xml] of parts) {
      if (!name.startsWith("xl/worksheets/sheet")) continue;
      for (const m of xml.matchAll(/\ss="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(xfs);
      for (const m of xml.matchAll(/\sdxfId="(\d+)"/g)) expect(Number(m[1])).toBeLessThan(dxfs);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(merged).buffer);
    const review = wb.getWorksheet("Credit Review");
    expect(review?.getCell("B4").numFmt).toBe("#,##0.00");
    expect(review?.getCell("C5").numFmt).toBe("0.0%");
    expect(review?.getCell("A1").font?.bold).toBe(true);
    expect(review?.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(wb.getWorksheet("Summary")?.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    // The input sheets keep their formats, validations and fonts.
    const customers = wb.getWorksheet("Customers");
    expect(customers?.getCell("B3").numFmt).toBe("#,##0.00");
    expect(customers?.getCell("B2").dataValidation).toMatchObject({ type: "decimal" });
    expect(wb.getWorksheet("Notes")?.getCell("A1").font).toMatchObject({ italic: true, color: { argb: "FF336699" } });
    const reviewXml = [...parts].find(([n, x]) => n.startsWith("xl/worksheets/sheet") && x.includes("Credit review"))?.[1] ?? "";
    expect(reviewXml).toMatch(/<cfRule type="cellIs" dxfId="\d+"/);
    expect(reviewXml).toMatch(/<cfRule type="dataBar"/);
    expect(reviewXml).not.toMatch(/\st="s"/);
  });

  it("drops calcChain.xml and the parts only the replaced sheet used", async () => {
    const input = await inputWorkbook();
    // The input as Excel would save it: with a calculation chain for the Summary formula.
    const texts = readZipEntries(input, () => true);
    const rels = (texts.get("xl/_rels/workbook.xml.rels") ?? "").replace("</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
    const types = (texts.get("[Content_Types].xml") ?? "").replace("</Types>", '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>');
    const chained = writeZip([
      ...[...texts].filter(([n]) => !n.endsWith("/")).map(([name, text]) => ({ name, content: Buffer.from(name === "xl/_rels/workbook.xml.rels" ? rels : name === "[Content_Types].xml" ? types : text) })),
      { name: "xl/calcChain.xml", content: Buffer.from('<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="D9" i="2"/></calcChain>') },
    ]);
    const { merged } = await outputOf(chained, [summarySheet]);
    expect(zipEntryNames(merged)).not.toContain("xl/calcChain.xml");
    expect(zipEntry(merged, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(zipEntry(merged, "[Content_Types].xml")).not.toContain("calcChain");
    const tables = zipEntryNames(merged).filter((n) => /^xl\/tables\/.+\.xml$/.test(n)).map((n) => zipEntry(merged, n));
    expect(tables.some((xml) => xml.includes('name="OldSummary"'))).toBe(false);
    expect(tables).toHaveLength(2);
  });

  it("is stable when a review is run again on its own output (no duplicated sheets, tables or styles)", async () => {
    const input = await inputWorkbook();
    const first = (await outputOf(input, [reviewSheet, summarySheet])).merged;
    const second = (await outputOf(first, [reviewSheet, summarySheet])).merged;
    const parts = (zip: Buffer): string[] => zipEntryNames(zip).map((n) => n.replace(/\d+\.xml/, "N.xml")).sort();
    expect(parts(second)).toEqual(parts(first));
    const styles = (zip: Buffer): string => zipEntry(zip, "xl/styles.xml");
    for (const list of ["fonts", "fills", "borders", "cellXfs", "dxfs", "numFmts"]) expect(count(styles(second), list)).toBe(count(styles(first), list));
    const back = await XlsxWorkbook.load(second);
    if (!back.ok) throw new Error("second output does not load");
    expect((await back.value.readWorkbook()).tables.map((t) => t.name)).toEqual(["Customers", "CreditReview", "Customers_2", "Notes"]);
  });

  it("makes an added sheet the active tab when asked, leaving no other tab selected", async () => {
    const input = await inputWorkbook();
    const loaded = await XlsxWorkbook.load(input);
    if (!loaded.ok) throw new Error("input does not load");
    await loaded.value.writeSheets([reviewSheet]);
    await loaded.value.select("credit review", 3, 1);
    const merged = await loaded.value.toBuffer();
    expect(zipEntry(merged, "xl/workbook.xml")).toMatch(/<workbookView[^>]*activeTab="3"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(merged).buffer);
    expect(wb.getWorksheet("Credit Review")?.views[0]?.activeCell).toBe("B4");
    const selected = zipEntryNames(merged).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n) && /tabSelected="1"/.test(zipEntry(merged, n)));
    expect(selected.length).toBeLessThanOrEqual(1);
  });
});
