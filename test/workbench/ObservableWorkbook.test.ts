/**
 * The workbench's port paces the memory workbook (CELLS_PER_STEP cells per task): a write bigger
 * than a step shows nothing until it is whole, the viewer hears of it once, after, and what is
 * written and read back is what the unpaced memory workbook writes and reads.
 */
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import type { CellValue, SheetSpec } from "../../src/host/WorkbookPort";
import { CELLS_PER_STEP, ObservableWorkbook } from "../../workbench/ObservableWorkbook";

const ROWS = Math.ceil((3 * CELLS_PER_STEP) / 4); // 4 columns: three steps' worth of cells

function detailSheet(): SheetSpec {
  const rows: CellValue[][] = Array.from({ length: ROWS }, (_, i) => [`I${i}`, i, i % 7 === 0 ? "=x" : null, i / 2]);
  return {
    name: "Aging",
    outputId: "Aging",
    tables: [{ name: "AgingDetail", headerRow: 0, firstColumn: 0, columns: ["Invoice", "Day", "Note", "Open"].map((header) => ({ header, kind: "text" as const })), rows }],
  };
}

describe("ObservableWorkbook", () => {
  it("writes a big sheet in steps, visible only when whole, and tells its listeners once", async () => {
    const workbook = new ObservableWorkbook(MemoryWorkbook.fromTables([{ sheet: "Invoices", name: "Invoices", headers: ["Id"], rows: [["I1"]] }]));
    const seen: string[][] = [];
    workbook.subscribe(() => seen.push(workbook.memory.sheetNames()));
    const writing = workbook.writeSheets([detailSheet()]);
    // Between the steps (other tasks run), the workbook is still the one before the write.
    let tasks = 0;
    let isDone = false;
    void writing.then(() => (isDone = true));
    while (!isDone) {
      expect(workbook.memory.sheetNames()).toEqual(["Invoices"]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      tasks++;
    }
    expect(tasks).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([["Invoices", "Aging"]]);
    const unpaced = MemoryWorkbook.fromTables([{ sheet: "Invoices", name: "Invoices", headers: ["Id"], rows: [["I1"]] }]);
    await unpaced.writeSheets([detailSheet()]);
    expect(await workbook.readWorkbook()).toEqual(await unpaced.readWorkbook());
    expect(workbook.memory.getSheet("Aging", 3)).toEqual(unpaced.getSheet("Aging", 3));
    expect(workbook.memory.isText("Aging", 1, 2)).toBe(true);
    expect(workbook.specOf("aging")?.tables[0]?.rows.length).toBe(ROWS);
  });
});
