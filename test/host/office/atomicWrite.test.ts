/**
 * OfficeWorkbook.writeSheets is all-or-nothing (issue 13): whatever sync or operation fails, the
 * workbook keeps the old outputs (or none), no temporary sheet stays, and the next write works;
 * leftovers of an earlier failed run are removed. Also the date system, detected through Excel.
 */
import { OfficeWorkbook, TEMP_MARKER_NAME } from "../../../src/host/office/OfficeWorkbook";
import { OUTPUT_MARKER_NAME, type CellValue, type SheetSpec } from "../../../src/host/WorkbookPort";
import { createFakeExcel, type FakeExcel, type FakeFailure } from "../../support/fakeExcel";

function output(name: string, rows: CellValue[][], table = name.replace(/\W/g, "")): SheetSpec {
  return { name, tables: [{ name: table, headerRow: 0, firstColumn: 0, columns: [{ header: "Key", kind: "text" }, { header: "Value", kind: "number" }], rows }] };
}
const outputs = (run: number): SheetSpec[] => [output("Aging", [["a", run]]), output("Summary", [["s", run], ["t", run]]), output("Credit Review", [["c", run]])];

function state(fake: FakeExcel): { sheets: string[]; values: CellValue[]; temp: string[] } {
  const sheets = fake.workbook.sheets.map((s) => s.name);
  return {
    sheets,
    values: ["Aging", "Summary", "Credit Review"].map((s) => (fake.sheet(s) ? fake.cell(s, 1, 1).value : null)),
    temp: fake.workbook.names.filter((n) => n.name === TEMP_MARKER_NAME).map((n) => n.sheet?.name ?? ""),
  };
}

async function writtenTwiceFailing(failure: FakeFailure): Promise<{ fake: FakeExcel; port: OfficeWorkbook; error: unknown }> {
  const fake = createFakeExcel();
  fake.seedTable({ sheet: "Input", name: "Input", headers: ["x"], rows: [[1]] });
  const port = new OfficeWorkbook({ run: fake.run });
  await port.writeSheets(outputs(1));
  fake.failAt(failure);
  const error = await port.writeSheets(outputs(2)).catch((e: unknown) => e);
  return { fake, port, error };
}

describe("OfficeWorkbook.writeSheets is all-or-nothing", () => {
  // Syncs of a write: 1 sheets+tables, 2 markers, 3 values+formats+swap.
  it.each([1, 2, 3])("a failure at sync %i keeps the old outputs, leaves no temporary sheet, and the next write works", async (n) => {
    const { fake, port, error } = await writtenTwiceFailing({ atSync: n });
    expect(String(error)).toMatch(/injected failure/);
    const after = state(fake);
    expect(after.temp).toEqual([]);
    expect(after.sheets.filter((s) => s.startsWith("~"))).toEqual([]);
    // Sync 3 fails after its operations ran (the swap included): the new outputs, complete. Before: the old ones.
    expect(after.values).toEqual(n === 3 ? [2, 2, 2] : [1, 1, 1]);
    await port.writeSheets(outputs(3));
    expect(state(fake)).toEqual({ sheets: ["Sheet1", "Input", "Aging", "Summary", "Credit Review"], values: [3, 3, 3], temp: [] });
  });

  it.each([/^add ~cd-new-1/, /^table CreditDeskTmp2x0/, /^name CreditDesk.Output on ~cd-new-2/])(
    "a failure on %p (before the swap) keeps the old outputs and removes the temporary sheets",
    async (onEvent) => {
      const { fake, port, error } = await writtenTwiceFailing({ onEvent });
      expect(String(error)).toMatch(/injected failure/);
      expect(state(fake)).toEqual({ sheets: ["Sheet1", "Input", "Aging", "Summary", "Credit Review"], values: [1, 1, 1], temp: [] });
      expect((await port.readWorkbook()).outputSheets.map((o) => o.output)).toEqual(["Aging", "Summary", "Credit Review"]);
      await port.writeSheets(outputs(3));
      expect(state(fake).values).toEqual([3, 3, 3]);
    },
  );

  it("a failure inside the swap, after the old outputs went, is finished by the clean-up: all new outputs, no temporary sheet", async () => {
    const { fake, port, error } = await writtenTwiceFailing({ onEvent: /^rename ~cd-new-1 -> Summary/ });
    expect(String(error)).toMatch(/injected failure/);
    expect(state(fake)).toEqual({ sheets: ["Sheet1", "Input", "Aging", "Summary", "Credit Review"], values: [2, 2, 2], temp: [] });
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["Input", "Aging", "Summary", "CreditReview"]);
    expect((await port.readWorkbook()).outputSheets.map((o) => o.sheet)).toEqual(["Aging", "Summary", "Credit Review"]);
    await port.writeSheets(outputs(3));
    expect(state(fake)).toEqual({ sheets: ["Sheet1", "Input", "Aging", "Summary", "Credit Review"], values: [3, 3, 3], temp: [] });
  });

  it("a failure while the old outputs are being deleted rolls back: the remaining old outputs stay, no temporary sheet", async () => {
    const { fake, port } = await writtenTwiceFailing({ onEvent: /^delete Summary/ });
    expect(state(fake)).toEqual({ sheets: ["Sheet1", "Input", "Summary", "Credit Review"], values: [null, 1, 1], temp: [] });
    await port.writeSheets(outputs(3));
    expect(state(fake).values).toEqual([3, 3, 3]);
  });

  it("removes a leftover of an earlier failed run (temp-marked sheet) and hides it from reads", async () => {
    const fake = createFakeExcel();
    fake.seedTable({ sheet: "~cd-new-0", name: "CreditDeskTmp0x0", headers: ["Key", "Value"], rows: [["half", 0]] });
    const leftover = fake.sheet("~cd-new-0");
    if (!leftover) throw new Error("no leftover");
    fake.workbook.names.push({ name: TEMP_MARKER_NAME, sheet: leftover, formula: '="Aging"', visible: false });
    fake.workbook.names.push({ name: OUTPUT_MARKER_NAME, sheet: leftover, formula: '="Aging"', visible: false });
    const port = new OfficeWorkbook({ run: fake.run });
    const snapshot = await port.readWorkbook();
    expect(snapshot).toMatchObject({ sheets: ["Sheet1"], tables: [], outputSheets: [] });
    await port.writeSheets([output("Aging", [["a", 1]])]);
    expect(state(fake).sheets).toEqual(["Sheet1", "Aging"]);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["Aging"]);
  });

  it("follows an output the user renamed (the marker goes with the sheet) and keeps its position", async () => {
    const fake = createFakeExcel();
    const port = new OfficeWorkbook({ run: fake.run });
    await port.writeSheets(outputs(1));
    fake.workbook.sheets.find((s) => s.name === "Summary")!.name = "My summary";
    fake.seedSheet("Summary");
    expect(await port.writeSheets(outputs(2))).toEqual({
      sheets: [{ requested: "Aging", written: "Aging" }, { requested: "Summary", written: "My summary" }, { requested: "Credit Review", written: "Credit Review" }],
    });
    expect(state(fake).sheets).toEqual(["Sheet1", "Aging", "My summary", "Credit Review", "Summary"]);
    expect(fake.cell("My summary", 1, 1).value).toBe(2);
  });

  it("names a user's same-named sheet's neighbour free in any case: 'summary' → 'Summary (2)', and a chart follows a renamed table", async () => {
    const fake = createFakeExcel();
    fake.seedTable({ sheet: "summary", name: "Summary", headers: ["mine"], rows: [["keep"]] });
    const port = new OfficeWorkbook({ run: fake.run });
    const spec = output("Summary", [["s", 1]]);
    spec.charts = [{ name: "C", title: "T", type: "pie", table: "Summary", categoryColumn: "Key", seriesColumns: ["Value"], anchor: { row: 0, column: 4 } }];
    expect(await port.writeSheets([spec])).toEqual({ sheets: [{ requested: "Summary", written: "Summary (2)" }] });
    expect(fake.workbook.tables.map((t) => [t.name, t.sheet.name])).toEqual([["Summary", "summary"], ["Summary_2", "Summary (2)"]]);
    expect(fake.sheet("Summary (2)")?.charts[0].source).toBe("Summary (2)!A1:B2");
    expect(fake.cell("summary", 1, 0).value).toBe("keep");
  });
});

describe("OfficeWorkbook date system", () => {
  it.each([[false, "1900"], [true, "1904"]] as const)("detects the date system through DATE(1904,1,2) (1904: %p)", async (date1904, expected) => {
    const fake = createFakeExcel({ date1904 });
    expect((await new OfficeWorkbook({ run: fake.run }).readWorkbook()).dateSystem).toBe(expected);
  });

  it("uses the date system it is given, and 1900 when ExcelApi 1.2 is missing", async () => {
    const fake = createFakeExcel({ date1904: true });
    expect((await new OfficeWorkbook({ run: fake.run, dateSystem: "1900" }).readWorkbook()).dateSystem).toBe("1900");
    expect((await new OfficeWorkbook({ run: fake.run, isSetSupported: () => false }).readWorkbook()).dateSystem).toBe("1900");
  });
});

describe("OfficeWorkbook.updateTableRows", () => {
  function policyBook(): { fake: FakeExcel; port: OfficeWorkbook } {
    const fake = createFakeExcel();
    fake.seedTable({ sheet: "Policy", name: "Policy", headers: ["Key", "Value"], rows: [["a", 1], ["b", 2], ["c", 3]] });
    fake.setFormula("Sheet1", 0, 0, "=Policy!B3");
    return { fake, port: new OfficeWorkbook({ run: fake.run }) };
  }

  it("grows the table, writes text as text, and keeps the sheet and formulas pointing at it", async () => {
    const { fake, port } = policyBook();
    await port.updateTableRows("Policy", [["a", 1], ["b", "=x"], ["c", 3], ["d", 4], ["e", null]]);
    expect((await port.readWorkbook()).tables.find((t) => t.name === "Policy")?.rows).toEqual([["a", 1], ["b", "=x"], ["c", 3], ["d", 4], ["e", null]]);
    expect(fake.cell("Policy", 2, 1)).toMatchObject({ value: "=x", quotePrefix: true, formula: undefined });
    expect(fake.cell("Sheet1", 0, 0)).toMatchObject({ formula: "=Policy!B3", value: "=x" });
    expect(fake.workbook.events).toEqual([]);
  });

  it("shrinks the table by deleting its last rows, down to Excel's one blank row", async () => {
    const { fake, port } = policyBook();
    await port.updateTableRows("Policy", [["a", 10]]);
    expect(fake.workbook.tables[0].rect).toMatchObject({ row: 0, rowCount: 2 });
    expect(fake.cell("Policy", 2, 0).value).toBeNull();
    await port.updateTableRows("Policy", []);
    expect((await port.readWorkbook()).tables.find((t) => t.name === "Policy")?.rows).toEqual([]);
  });

  it("refuses rows of the wrong width and an unknown table", async () => {
    const { port } = policyBook();
    await expect(port.updateTableRows("Policy", [["a"]])).rejects.toThrow(/expected 2/);
    await expect(port.updateTableRows("Nope", [])).rejects.toThrow(/ItemNotFound/);
  });
});
