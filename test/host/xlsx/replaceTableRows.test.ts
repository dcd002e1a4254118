/** updateTableRows in the xlsx adapter (replaceTableRows): a table's data rows replaced in place. */
import ExcelJS from "exceljs";
import { errorInEnglish } from "../../support/errorInEnglish";
import type { CellValue } from "../../../src/host/WorkbookPort";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { zipEntry } from "./zipEntry";

async function loadOk(source: Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(errorInEnglish(loaded.error));
  return loaded.value;
}

/** Sheet "Policy": table Policy (Key, Value) at B2 with three rows; a note of the user's at B20; sheet "Other". */
async function policyBook(options: { totals?: boolean; blockerAt?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Other").getCell("A1").value = "other";
  const ws = wb.addWorksheet("Policy");
  ws.addTable({
    name: "Policy",
    ref: "B2",
    totalsRow: options.totals === true,
    columns: [{ name: "Key", totalsRowLabel: "Total" }, { name: "Value", totalsRowFunction: "none" }],
    rows: [["gradeA", 80], ["gradeB", 60], ["gradeC", 40]],
  });
  ws.getCell("C3").numFmt = "0.0";
  ws.getCell("B20").value = "user note";
  if (options.blockerAt) ws.getCell(options.blockerAt).value = "blocker";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function tableAfter(bytes: Buffer, rows: CellValue[][]) {
  const book = await loadOk(bytes);
  await book.updateTableRows("policy", rows);
  const saved = await book.toBuffer();
  const snapshot = await (await loadOk(saved)).readWorkbook();
  const table = snapshot.tables.find((t) => t.name === "Policy");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(saved).buffer);
  return { saved, snapshot, table, sheet: wb.getWorksheet("Policy") };
}

describe("XlsxWorkbook.updateTableRows", () => {
  it("throws for a table the workbook does not have", async () => {
    const book = await loadOk(await policyBook());
    await expect(book.updateTableRows("Nope", [["a", 1]])).rejects.toThrow(/no table Nope/);
  });

  it("refuses to grow over a cell of the user's below the table, changing nothing", async () => {
    const bytes = await policyBook({ blockerAt: "C6" });
    const book = await loadOk(bytes);
    const before = await book.readWorkbook();
    await expect(book.updateTableRows("Policy", [["a", 1], ["b", 2], ["c", 3], ["d", 4]])).rejects.toThrow(/cell C6 below it holds data/);
    expect(await book.readWorkbook()).toEqual(before);
  });

  it.each([
    ["grows", [["gradeA", 85], ["gradeB", 65], ["gradeC", 45], ["gradeD", 0], ["unit", 1000]], "B2:C7"],
    ["keeps its size", [["x", 1], ["y", 2], ["z", 3]], "B2:C5"],
    ["shrinks", [["only", 1]], "B2:C3"],
  ])("%s: same sheet, same name, the rows given, the user's other cells kept", async (_, rows, ref) => {
    const { snapshot, table, sheet, saved } = await tableAfter(await policyBook(), rows);
    expect(table).toMatchObject({ sheet: "Policy", kind: "table", headerRow: 1, firstColumn: 1, headers: ["Key", "Value"], rows });
    expect(zipEntry(saved, "xl/tables/table1.xml")).toContain(`ref="${ref}"`);
    expect(sheet?.getCell("B20").value).toBe("user note");
    expect(snapshot.sheets).toEqual(["Other", "Policy"]);
    // Rows the table no longer covers are empty; new rows take the first data row's number format.
    if (rows.length < 3) expect(sheet?.getCell("B5").value ?? null).toBeNull();
    if (rows.length > 3) expect(sheet?.getCell("C7").numFmt).toBe("0.0");
  });

  it("an empty list leaves one blank data row (a table needs one)", async () => {
    const { table, saved } = await tableAfter(await policyBook(), []);
    expect(table?.rows).toEqual([]);
    expect(zipEntry(saved, "xl/tables/table1.xml")).toContain('ref="B2:C3"');
  });

  it("moves the totals row with the table's end", async () => {
    const { table, sheet, saved } = await tableAfter(await policyBook({ totals: true }), [["a", 1], ["b", 2], ["c", 3], ["d", 4], ["e", 5]]);
    expect(table?.rows.map((r) => r[0])).toEqual(["a", "b", "c", "d", "e"]);
    expect(zipEntry(saved, "xl/tables/table1.xml")).toContain('ref="B2:C8"');
    expect(sheet?.getCell("B8").value).toBe("Total");
  });

  it("writes text that starts with = + - @ as text, never as a formula", async () => {
    const risky = ["=1+2", "+A1", "-3", "@SUM(A1)"];
    const { table, saved } = await tableAfter(await policyBook(), risky.map((t) => [t, t]));
    expect(table?.rows).toEqual(risky.map((t) => [t, t]));
    const sheets = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"].map((p) => zipEntry(saved, p)).join("");
    expect(sheets).not.toMatch(/<f>/);
  });
});
