import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { errorInEnglish } from "../../support/errorInEnglish";
import type { CellValue, SheetSpec, TableSpec } from "../../../src/host/WorkbookPort";
import { withOutputMarks } from "../../../src/host/xlsx/withOutputMarks";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { zipEntry, zipEntryNames } from "./zipEntry";

const SHARED_WORKBOOKS = path.resolve(__dirname, "../../../../shared/data/workbooks");

const isXmlSafe = (code: number): boolean => (code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d) && (code < 0xd800 || code > 0xdfff);

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "credit-desk-xlsx-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function loadOk(source: string | Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(`expected the workbook to load: ${errorInEnglish(loaded.error)}`);
  return loaded.value;
}

async function loadError(source: string | Buffer): Promise<string> {
  const loaded = await XlsxWorkbook.load(source);
  if (loaded.ok) throw new Error("expected a load error");
  return errorInEnglish(loaded.error);
}

/** Bytes of an ExcelJS workbook built by the test (not by the adapter). */
async function bytesOf(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The XML of a worksheet part, found through workbook.xml and its relationships. */
function sheetXml(zip: Buffer, sheetName: string): string {
  const workbook = zipEntry(zip, "xl/workbook.xml");
  const rels = zipEntry(zip, "xl/_rels/workbook.xml.rels");
  const sheet = new RegExp(`<sheet [^>]*name="${sheetName}"[^>]*r:id="(rId\\d+)"`).exec(workbook);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const target = new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(rels) ?? new RegExp(`Target="([^"]+)"[^>]*Id="${sheet[1]}"`).exec(rels);
  if (!target) throw new Error(`no relationship ${sheet[1]}`);
  return zipEntry(zip, `xl/${target[1].replace(/^\/?xl\//, "")}`);
}

const gradeTable: TableSpec = {
  name: "GradeTable",
  headerRow: 4,
  firstColumn: 1,
  columns: [
    { header: "Grade", kind: "text" },
    { header: "Customers", kind: "integer" },
    { header: "Limit", kind: "money" },
    { header: "Share", kind: "percent" },
    { header: "Reviewed", kind: "date" },
    { header: "Key", kind: "boolean", width: 7 },
  ],
  rows: [
    ["A", 3, 150000.5, 0.25, 45292, true],
    ["B", 5, 82000, 0.5, 45300, false],
    ["C", 2, 0, 0.25, null, null],
  ],
  totals: ["Total", 10, 232000.5, 1, null, null],
  style: "TableStyleLight9",
  conditionalFormats: [
    { type: "textEquals", column: "Grade", text: "C", fill: "#FFC7CE", fontColor: "#9C0006" },
    { type: "greaterThan", column: "Customers", value: 4, fill: "#FFEB9C" },
    { type: "dataBar", column: "Limit", color: "#638EC6" },
  ],
  validations: [
    { type: "list", column: "Grade", values: ["A", "B", "C", "D", "R"] },
    { type: "wholeNumber", column: "Customers", min: 0, max: 1000 },
    { type: "decimal", column: "Share", min: 0, max: 1 },
    { type: "date", column: "Reviewed" },
  ],
};

const summarySheet: SheetSpec = {
  name: "Summary",
  title: "Credit Desk summary",
  info: [{ row: 1, column: 0, lines: [["As-of date", 45292], ["Customers", 10]], formats: { "As-of date": "yyyy-mm-dd" } }],
  tables: [gradeTable],
  charts: [{ name: "GradeChart", title: "Grades", type: "pie", table: "GradeTable", categoryColumn: "Grade", seriesColumns: ["Customers"], anchor: { row: 4, column: 9 } }],
  freezeRows: 5,
  tabColor: "#1F4E79",
};

describe("XlsxWorkbook.load: bad files", () => {
  it("rejects a text file renamed .xlsx", async () => {
    const file = path.join(dir, "notes.xlsx");
    await fs.writeFile(file, "Customer,Amount\nC001,100\n");
    expect(await loadError(file)).toBe("notes.xlsx: not an .xlsx file");
  });

  it("rejects an empty file", async () => {
    const file = path.join(dir, "empty.xlsx");
    await fs.writeFile(file, "");
    expect(await loadError(file)).toBe("empty.xlsx: the file is empty");
  });

  it("rejects a file that starts with the OLE signature as password-protected", async () => {
    const file = path.join(dir, "locked.xlsx");
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("EncryptionInfo", "utf16le")]);
    await fs.writeFile(file, ole);
    expect(await loadError(file)).toMatch(/^locked\.xlsx: the workbook is password-protected/);
  });

  it("tells a legacy .xls workbook (OLE with a Workbook stream) from an encrypted one", async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]);
    expect(await loadError(xls)).toMatch(/^workbook: a legacy \.xls workbook/);
  });

  it("rejects a truncated .xlsx as damaged", async () => {
    const whole = await XlsxWorkbook.create().toBuffer().catch(() => Buffer.alloc(0));
    const good = whole.length > 0 ? whole : await bytesOf((wb) => wb.addWorksheet("S").getCell("A1").value = 1);
    const file = path.join(dir, "truncated.xlsx");
    await fs.writeFile(file, good.subarray(0, Math.floor(good.length / 2)));
    expect(await loadError(file)).toMatch(/^truncated\.xlsx: the file is damaged/);
  });

  it("rejects a missing file and a folder, naming them", async () => {
    expect(await loadError(path.join(dir, "nope.xlsx"))).toBe(`${path.join(dir, "nope.xlsx")}: no such file`);
    expect(await loadError(dir)).toMatch(/is a folder/);
  });
});

describe("XlsxWorkbook.readWorkbook", () => {
  it("reads a table's headers and data rows, leaving out its totals row", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Ledger");
      ws.addTable({
        name: "Invoices",
        ref: "C3",
        headerRow: true,
        totalsRow: true,
        columns: [{ name: "InvoiceId", totalsRowLabel: "Total" }, { name: "Amount", totalsRowFunction: "sum" }],
        rows: [["INV-1", 100], ["INV-2", 250.25]],
      });
    });
    const snapshot = await (await loadOk(bytes)).readWorkbook();
    expect(snapshot.sheets).toEqual(["Ledger"]);
    expect(snapshot.tables).toEqual([
      { name: "Invoices", sheet: "Ledger", kind: "table", headerRow: 2, firstColumn: 2, headers: ["InvoiceId", "Amount"], rows: [["INV-1", 100], ["INV-2", 250.25]] },
    ]);
  });

  it("reads the used range of a sheet without tables, from its first non-empty cell, and skips empty sheets", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Plain");
      ws.getCell("B3").value = "CustomerId";
      ws.getCell("C3").value = "Name";
      ws.getCell("B4").value = "C001";
      ws.getCell("C5").value = "Beta Ltd";
      ws.getCell("B9").numFmt = "0.00"; // styled but empty: not part of the used range
      wb.addWorksheet("Empty");
    });
    const snapshot = await (await loadOk(bytes)).readWorkbook();
    expect(snapshot.sheets).toEqual(["Plain", "Empty"]);
    expect(snapshot.tables).toEqual([
      { name: "Plain", sheet: "Plain", kind: "range", headerRow: 2, firstColumn: 1, headers: ["CustomerId", "Name"], rows: [["C001", null], [null, "Beta Ltd"]] },
    ]);
  });

  it("turns formulas into their cached results, errors into their text, rich text and hyperlinks into plain text", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Calc");
      ws.getRow(1).values = ["Formula", "NoCache", "Error", "Rich", "Link", "ErrorValue", "TextFormula"];
      ws.getCell("A2").value = { formula: "21*2", result: 42 };
      ws.getCell("B2").value = { formula: "NOW()" };
      ws.getCell("C2").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("D2").value = { richText: [{ text: "Acme " }, { text: "Ltd", font: { bold: true } }] };
      ws.getCell("E2").value = { text: "website", hyperlink: "https://example.com" };
      ws.getCell("F2").value = { error: "#DIV/0!" };
      ws.getCell("G2").value = { formula: "\"C\"&\"001\"", result: "C001" };
    });
    const [table] = (await (await loadOk(bytes)).readWorkbook()).tables;
    expect(table.rows).toEqual([[42, null, "#N/A", "Acme Ltd", "website", "#DIV/0!", "C001"]]);
  });

  it.each([
    ["1900", false, 45292],
    ["1904", true, 45292 - 1462],
  ] as const)("reads date cells as serials of the %s date system", async (system, date1904, serial) => {
    const bytes = await bytesOf((wb) => {
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet("Dates");
      ws.getCell("A1").value = "Due";
      ws.getCell("A2").value = new Date(Date.UTC(2024, 0, 1));
      ws.getCell("A2").numFmt = "yyyy-mm-dd";
      ws.getCell("A3").value = new Date(Date.UTC(2024, 0, 1, 12));
      ws.getCell("A3").numFmt = "yyyy-mm-dd hh:mm";
    });
    const snapshot = await (await loadOk(bytes)).readWorkbook();
    expect(snapshot.dateSystem).toBe(system);
    expect(snapshot.tables[0].rows).toEqual([[serial], [serial + 0.5]]);
  });

  it("gives back the stored serial for dates in Excel's 1900 leap-year quirk (serials below 61)", async () => {
    const bytes = await bytesOf((wb) => {
      const ws = wb.addWorksheet("Old");
      ws.getCell("A1").value = "Date";
      ws.getCell("A2").value = 59; // 1900-02-28
      ws.getCell("A3").value = 61; // 1900-03-01
      ws.getCell("A2").numFmt = ws.getCell("A3").numFmt = "yyyy-mm-dd";
    });
    expect((await (await loadOk(bytes)).readWorkbook()).tables[0].rows).toEqual([[59], [61]]);
  });

  it("reads the real Excel-made workbook's table with cached formula values (Risk_Modeling_Project.xlsx)", async () => {
    const book = await loadOk(path.join(SHARED_WORKBOOKS, "Risk_Modeling_Project.xlsx"));
    const snapshot = await book.readWorkbook();
    expect(snapshot.sheets).toEqual(["MOCK_DATA_RISK_ASSESSMENT", "Sheet1"]);
    const table = snapshot.tables.find((t) => t.kind === "table");
    expect(table?.name).toBe("MOCK_DATA_RISK_ASSESSMENT");
    expect(table?.headers).toEqual(["id", "first_name", "last_name", "yearly_income", "credit_score", "Debt Amt", "dti_ratio", "age", "risk_score"]);
    expect(table?.rows).toHaveLength(1000);
    const first = table?.rows[0] ?? [];
    // dti_ratio = Debt Amt / yearly_income, cached by Excel.
    expect(first[6]).toBeCloseTo(Number(first[5]) / Number(first[3]), 9);
    expect(table?.rows.every((r) => typeof r[8] === "number")).toBe(true);
  });

  it("keeps an Excel-made table part byte for byte when saving without ExcelJS (Risk_Modeling_Project.xlsx)", async () => {
    const file = path.join(SHARED_WORKBOOKS, "Risk_Modeling_Project.xlsx");
    const book = await loadOk(file);
    await book.writeSheets([summarySheet]);
    const original = zipEntry(await fs.readFile(file), "xl/tables/table1.xml");
    const saved = await book.toBuffer();
    expect(zipEntry(saved, "xl/tables/table1.xml")).toBe(original);
    const table = (await (await loadOk(saved)).readWorkbook()).tables[0];
    expect(table.headers[0]).toBe("id");
    expect(table.rows).toHaveLength(1000);
  });

  it("writes an Excel-made table back with its header row and filter buttons when ExcelJS saves it (ExcelJS alone would drop both)", async () => {
    const book = await loadOk(path.join(SHARED_WORKBOOKS, "Risk_Modeling_Project.xlsx"));
    const original = zipEntry(await fs.readFile(path.join(SHARED_WORKBOOKS, "Risk_Modeling_Project.xlsx")), "xl/tables/table1.xml");
    expect(original).not.toContain("headerRowCount");
    await book.excelJs(); // from here on the workbook is an ExcelJS model
    const xml = zipEntry(await book.toBuffer(), "xl/tables/table1.xml");
    expect(xml).toContain('headerRowCount="1"');
    expect(xml).not.toContain('hiddenButton="1"');
    const table = (await (await loadOk(await book.toBuffer())).readWorkbook()).tables[0];
    expect(table.headers[0]).toBe("id");
    expect(table.rows).toHaveLength(1000);
  });

  it("reads a table without a header row: its data starts on the table's first row", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("NoHeader").addTable({ name: "Bare", ref: "B2", headerRow: false, columns: [{ name: "Id" }, { name: "Amount" }], rows: [["X1", 5], ["X2", 7]] });
    });
    const [table] = (await (await loadOk(bytes)).readWorkbook()).tables;
    expect(table).toEqual({ name: "Bare", sheet: "NoHeader", kind: "table", headerRow: 0, firstColumn: 1, headers: ["Id", "Amount"], rows: [["X1", 5], ["X2", 7]] });
  });

  it("reads a formula-driven sheet without tables as a range, with the formulas' stored values (ar-aging-report.xlsx)", async () => {
    const snapshot = await (await loadOk(path.join(SHARED_WORKBOOKS, "ar-aging-report.xlsx"))).readWorkbook();
    const invoices = snapshot.tables.find((t) => t.sheet === "Open Invoices");
    expect(invoices?.kind).toBe("range");
    expect(invoices?.headers.slice(0, 6)).toEqual(["Invoice #", "Customer", "Status", "Issue Date", "Due Date", "Days Past Due"]);
    // 26 invoices, a blank row and a source note under them.
    expect(invoices?.rows).toHaveLength(28);
    const invoiceRows = (invoices?.rows ?? []).filter((r) => typeof r[0] === "string" && r[0].startsWith("INV-"));
    expect(invoiceRows).toHaveLength(26);
    // Days Past Due = AsOfDate − Due Date, with AsOfDate = serial 46219 ('Aging Report'!B2).
    const asOf = snapshot.tables.find((t) => t.sheet === "Aging Report")?.rows[0]?.[1];
    expect(asOf).toBe(46219);
    expect(invoiceRows.map((r) => r[5])).toEqual(invoiceRows.map((r) => 46219 - Number(r[4])));
    expect(invoices?.rows[26]).toEqual(new Array(8).fill(null));
  });
});

describe("XlsxWorkbook.writeSheets", () => {
  it("writes a table that reads back with the same headers and rows", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([summarySheet]);
    const back = await loadOk(await book.toBuffer());
    const snapshot = await back.readWorkbook();
    const table = snapshot.tables.find((t) => t.name === "GradeTable");
    expect(table).toEqual({
      name: "GradeTable",
      sheet: "Summary",
      kind: "table",
      headerRow: 4,
      firstColumn: 1,
      headers: gradeTable.columns.map((c) => c.header),
      rows: gradeTable.rows,
    });
  });

  it("writes title, info block, totals row, number formats, widths, frozen rows, tab colour and table style", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([summarySheet]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await book.toBuffer()).buffer);
    const ws = wb.getWorksheet("Summary");
    if (!ws) throw new Error("no Summary sheet");
    expect(ws.getCell("A1").value).toBe("Credit Desk summary");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect([ws.getCell("A2").value, ws.getCell("A3").value, ws.getCell("B3").value]).toEqual(["As-of date", "Customers", 10]);
    expect(ws.getCell("B2").numFmt).toBe("yyyy-mm-dd");
    // Totals row under the 3 data rows (header at sheet row 5): values, bold, not part of the table.
    expect([ws.getCell("B9").value, ws.getCell("C9").value, ws.getCell("D9").value]).toEqual(["Total", 10, 232000.5]);
    expect(ws.getCell("D9").font?.bold).toBe(true);
    expect(ws.getCell("C6").numFmt).toBe("#,##0");
    expect(ws.getCell("D7").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E6").numFmt).toBe("0.0%");
    expect(ws.getCell("F6").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D9").numFmt).toBe("#,##0.00");
    expect(ws.getColumn(7).width).toBe(7);
    expect(ws.getColumn(4).width).toBeGreaterThanOrEqual("232,000.5".length);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 5 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E79" });
    const tableXml = zipEntry(await book.toBuffer(), "xl/tables/table1.xml");
    expect(tableXml).toContain('ref="B5:G8"');
    expect(tableXml).toContain('name="TableStyleLight9"');
    expect(tableXml).toContain('showRowStripes="1"');
  });

  it("writes conditional formats and one range-wide validation per column", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([summarySheet]);
    const xml = sheetXml(await book.toBuffer(), "Summary");
    expect(xml).toMatch(/<conditionalFormatting sqref="B6:B8"><cfRule type="cellIs"[^>]*operator="equal"><formula>&quot;C&quot;<\/formula>/);
    expect(xml).toMatch(/<conditionalFormatting sqref="C6:C8"><cfRule type="cellIs"[^>]*operator="greaterThan"><formula>4<\/formula>/);
    expect(xml).toMatch(/<conditionalFormatting sqref="D6:D8"><cfRule type="dataBar"[\s\S]*?<color rgb="FF638EC6"\/>/);
    expect(xml).toContain('<dataValidations count="4">');
    expect(xml).toMatch(/<dataValidation type="list"[^>]*sqref="B6:B8"><formula1>&quot;A,B,C,D,R&quot;<\/formula1>/);
    expect(xml).toMatch(/<dataValidation type="whole"[^>]*sqref="C6:C8"><formula1>0<\/formula1><formula2>1000<\/formula2>/);
    expect(xml).toMatch(/<dataValidation type="decimal"[^>]*sqref="E6:E8">/);
    expect(xml).toMatch(/<dataValidation type="date"[^>]*sqref="F6:F8">/);
  });

  it("leaves charts out but notes them at their anchor cell, next to the table they plot", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([summarySheet]);
    const buffer = await book.toBuffer();
    expect(zipEntryNames(buffer).some((n) => n.includes("chart"))).toBe(false);
    const snapshot = await (await loadOk(buffer)).readWorkbook();
    expect(snapshot.tables.map((t) => t.name)).toContain("GradeTable");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(buffer).buffer);
    expect(String(wb.getWorksheet("Summary")?.getCell("J5").value)).toContain('Chart "Grades"');
  });

  it("writes strings that look like formulas as text, never as formulas (checked in the sheet XML)", async () => {
    const risky = ["=1+2", "+A1", "-3", "@SUM(A1)", '=HYPERLINK("https://example.com","x")', "=cmd|' /C calc'!A0"];
    const book = XlsxWorkbook.create();
    await book.writeSheets([
      {
        name: "Safety",
        title: "=TITLE()",
        info: [{ row: 1, column: 0, lines: [["=label", "=value"]] }],
        tables: [{ name: "Risky", headerRow: 3, firstColumn: 0, columns: [{ header: "=Header", kind: "text" }], rows: risky.map((r) => [r]), totals: ["=SUM(A1:A9)"] }],
      },
    ]);
    const buffer = await book.toBuffer();
    const xml = sheetXml(buffer, "Safety");
    expect(xml).not.toContain("<f>");
    expect(xml).not.toMatch(/<f[ >]/);
    // Every cell in columns A and B (title, info block, table, totals) holds a value typed as a string.
    const cells = [...xml.matchAll(/<c r="([A-B]\d+)"([^>]*)>/g)].map(([, ref, attributes]) => ({ ref, type: / t="(\w+)"/.exec(attributes)?.[1] }));
    expect(cells.length).toBe(risky.length + 5);
    expect(cells.filter((c) => c.type !== "s" && c.type !== "inlineStr")).toEqual([]);
    const sharedStrings = zipEntry(buffer, "xl/sharedStrings.xml");
    for (const text of ["=1+2", "+A1", "@SUM(A1)", "=TITLE()", "=SUM(A1:A9)"]) expect(sharedStrings).toContain(`<t>${text}</t>`);
    const snapshot = await (await loadOk(buffer)).readWorkbook();
    expect(snapshot.tables[0].rows.map((r) => r[0])).toEqual(risky);
  });

  it("replaces the marked output sheet in its tab position, places the new outputs beside it as one group of tabs and leaves other sheets untouched", async () => {
    const unmarked = await bytesOf((wb) => {
      wb.addWorksheet("Customers").getCell("A1").value = "CustomerId";
      const old = wb.addWorksheet("Summary");
      old.getCell("Z50").value = "stale output";
      old.addTable({ name: "OldTable", ref: "A1", columns: [{ name: "X" }], rows: [[1]] });
      const notes = wb.addWorksheet("Notes");
      notes.getCell("A1").value = "keep me";
      notes.getCell("A1").font = { italic: true };
    });
    const bytes = withOutputMarks(unmarked, [{ sheet: "Summary", output: summarySheet.name }]);
    const book = await loadOk(bytes);
    await book.writeSheets([summarySheet, { name: "Aging", tables: [] }]);
    const back = await loadOk(await book.toBuffer());
    const snapshot = await back.readWorkbook();
    expect(snapshot.sheets).toEqual(["Customers", "Summary", "Aging", "Notes"]);
    expect(snapshot.tables.map((t) => t.name)).not.toContain("OldTable");
    expect((await back.excelJs()).getWorksheet("Summary")?.getCell("Z50").value ?? null).toBeNull();
    const notes = (await back.excelJs()).getWorksheet("Notes");
    expect(notes?.getCell("A1").value).toBe("keep me");
    expect(notes?.getCell("A1").font?.italic).toBe(true);
  });

  it("keeps table names unique in the workbook when another sheet already uses one", async () => {
    const bytes = await bytesOf((wb) => {
      wb.addWorksheet("Input").addTable({ name: "GradeTable", ref: "A1", columns: [{ name: "X" }], rows: [[1]] });
    });
    const book = await loadOk(bytes);
    await book.writeSheets([summarySheet]);
    const names = (await (await loadOk(await book.toBuffer())).readWorkbook()).tables.map((t) => t.name);
    expect(names.sort()).toEqual(["GradeTable", "GradeTable_2"]);
  });

  it("writes an empty table with one blank data row (Excel needs one) that reads back as no rows", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "Customers", tables: [{ name: "Customers", headerRow: 0, firstColumn: 0, columns: [{ header: "CustomerId", kind: "text" }, { header: "Name", kind: "text" }], rows: [] }] }]);
    const buffer = await book.toBuffer();
    expect(zipEntry(buffer, "xl/tables/table1.xml")).toContain('ref="A1:B2"');
    const [table] = (await (await loadOk(buffer)).readWorkbook()).tables;
    expect(table).toMatchObject({ kind: "table", headers: ["CustomerId", "Name"], rows: [] });
  });

  it("writes NaN and Infinity as empty cells", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "N", tables: [{ name: "N", headerRow: 0, firstColumn: 0, columns: [{ header: "V", kind: "number" }], rows: [[Number.NaN], [Number.POSITIVE_INFINITY], [1]] }] }]);
    const [table] = (await (await loadOk(await book.toBuffer())).readWorkbook()).tables;
    expect(table.rows).toEqual([[null], [null], [1]]);
  });

  it("reports progress from 0 to 1", async () => {
    const seen: number[] = [];
    await XlsxWorkbook.create().writeSheets([summarySheet], { onProgress: (f) => seen.push(f) });
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  });

  it("keeps the 1904 date system of a loaded workbook when saving", async () => {
    const bytes = await bytesOf((wb) => {
      wb.properties.date1904 = true;
      wb.addWorksheet("S").getCell("A1").value = "x";
    });
    const book = await loadOk(bytes);
    expect(book.dateSystem).toBe("1904");
    await book.writeSheets([summarySheet]);
    expect((await loadOk(await book.toBuffer())).dateSystem).toBe("1904");
  });

  it("round-trips any text, finite number and boolean (property)", async () => {
    const cell = fc.oneof(
      // XML 1.0 cannot carry control characters or lone surrogates; whitespace-only text reads as blank.
      fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== "" && [...s].every((ch) => isXmlSafe(ch.charCodeAt(0)))),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => (Object.is(x, -0) ? 0 : x)),
      fc.boolean(),
      fc.constant(null),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), async (rows) => {
        const data: CellValue[][] = rows.map((r) => [...r]);
        while (data.length > 0 && data[data.length - 1].every((v) => v === null)) data.pop();
        const book = XlsxWorkbook.create();
        await book.writeSheets([{ name: "P", tables: [{ name: "P", headerRow: 0, firstColumn: 0, columns: ["a", "b", "c"].map((h) => ({ header: h, kind: "text" as const })), rows: data }] }]);
        const [table] = (await (await loadOk(await book.toBuffer())).readWorkbook()).tables;
        expect(table.rows).toEqual(data);
      }),
      { numRuns: 25 },
    );
  });
});

describe("XlsxWorkbook.select and save", () => {
  it("makes the selected sheet the active tab with the selected cell active", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "One", tables: [] }, summarySheet]);
    await book.select("summary", 6, 2);
    const back = await loadOk(await book.toBuffer());
    expect((await back.excelJs()).views[0]?.activeTab).toBe(1);
    expect((await back.excelJs()).getWorksheet("Summary")?.views[0]?.activeCell).toBe("C7");
  });

  it("saves to a file that loads again, and reports an unwritable path as an error value", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([summarySheet]);
    const file = path.join(dir, "saved.xlsx");
    expect(await book.save(file)).toEqual({ ok: true, value: undefined });
    expect((await (await loadOk(file)).readWorkbook()).tables[0].name).toBe("GradeTable");
    expect((await fs.readdir(dir)).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const failed = await book.save(path.join(dir, "missing-folder", "out.xlsx"));
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(errorInEnglish(failed.error)).toMatch(/^out\.xlsx: cannot be written: folder .* does not exist$/);
  });
});
