/**
 * Issue 20: a workbook whose formulas have no calculated value (written by a generator that sets
 * fullCalcOnLoad and leaves the values to Excel) is not read as blank cells: the snapshot names
 * the cells and the app says Excel must recalculate once.
 */
import ExcelJS from "exceljs";
import { uncalculatedFormulaProblems } from "../../src/app/formulaProblems";
import { recogniseTables } from "../../src/app/recogniseTables";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";

/** A ledger whose Amount column is =Qty*Price without results, and a Notes sheet with one more formula. */
async function generatedWorkbook(withResults: boolean): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.calcProperties.fullCalcOnLoad = true;
  const ws = wb.addWorksheet("Receivables");
  ws.addRow(["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Qty", "Price", "Amount"]);
  for (let i = 0; i < 12; i++) {
    const r = i + 2;
    ws.addRow([`I${i}`, "C1", new Date(Date.UTC(2026, 0, 1 + i)), new Date(Date.UTC(2026, 1, 1 + i)), 2, 50 + i,
      withResults ? { formula: `E${r}*F${r}`, result: 2 * (50 + i) } : { formula: `E${r}*F${r}` }]);
  }
  wb.addWorksheet("Notes").getCell("A1").value = { formula: "1+1" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function snapshotOf(bytes: Buffer) {
  const port = await XlsxWorkbook.load(bytes);
  if (!port.ok) throw new Error("cannot load");
  return port.value.readWorkbook();
}

describe("formulas without calculated values", () => {
  it("are named per sheet by the snapshot", async () => {
    const snapshot = await snapshotOf(await generatedWorkbook(false));
    expect(snapshot.uncalculatedFormulas).toEqual([
      { sheet: "Receivables", cells: Array.from({ length: 12 }, (_, i) => `G${i + 2}`), count: 12 },
      { sheet: "Notes", cells: ["A1"], count: 1 },
    ]);
  });

  it("give one error on the input table's sheet saying Excel must recalculate once, naming the cells; a sheet not read gives none", async () => {
    const snapshot = await snapshotOf(await generatedWorkbook(false));
    const problems = uncalculatedFormulaProblems(snapshot, recogniseTables(snapshot));
    expect(problems).toEqual([{
      severity: "error", table: "Receivables", sheet: "Receivables", row: 1, column: 6, field: "",
      message: '12 formulas on sheet "Receivables" have no calculated value (G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, …): Excel must recalculate once. Open the workbook in Excel, let it calculate, save it and run again.',
      messageId: "problem.formula.uncalculated", params: { sheet: "Receivables", cells: "G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, …", count: 12 },
    }]);
  });

  it("are not reported once Excel has calculated them (cached values are read as the values)", async () => {
    const snapshot = await snapshotOf(await generatedWorkbook(true));
    expect(snapshot.uncalculatedFormulas).toEqual([{ sheet: "Notes", cells: ["A1"], count: 1 }]);
    expect(uncalculatedFormulaProblems(snapshot, recogniseTables(snapshot))).toEqual([]);
    const table = recogniseTables(snapshot).tables.receivables!;
    expect(table.source.rows[0][6]).toBe(100);
  });
});
