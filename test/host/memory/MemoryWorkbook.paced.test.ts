/**
 * MemoryWorkbook.paceSteps (the workbench page: reads and writes in steps with pauses between, no
 * long task): a paced read or write gives what the one-step call gives, a write shows nothing
 * before its last step (a pause that fails leaves the workbook as it was), and a workbook that
 * changes during a pause is read or written whole again, never half of each.
 */
import fc from "fast-check";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import type { CellValue, SheetSpec } from "../../../src/host/WorkbookPort";

const sheetSpec = (name: string, rows: CellValue[][], output = name): SheetSpec => ({
  name,
  outputId: output,
  title: `${name} title`,
  info: [{ row: 1, column: 0, lines: [["As of", 45838]], formats: { "As of": "yyyy-mm-dd" } }],
  tables: [
    {
      name: `${name.replace(/\W/g, "")}Table`,
      headerRow: 3,
      firstColumn: 0,
      columns: [
        { header: "Key", kind: "text" },
        { header: "Value", kind: "number" },
        { header: "Note", kind: "text" },
      ],
      rows,
    },
  ],
});

/** A workbook with an input table (and a user's "Summary" sheet, so a write is redirected). */
function seeded(): MemoryWorkbook {
  const workbook = MemoryWorkbook.fromTables([{ sheet: "Invoices", name: "Invoices", headers: ["Id", "Amount"], rows: [["I1", 10], ["=I2", 20], ["I3", 30]] }]);
  workbook.setCells("Summary", 0, 0, [["mine"]]);
  return workbook;
}

/** Everything a reader sees: the snapshot, each sheet's cells, text marks and number formats, the tables. */
async function contentOf(workbook: MemoryWorkbook): Promise<unknown> {
  const snapshot = await workbook.readWorkbook();
  return {
    snapshot,
    active: workbook.activeSheet(),
    sheets: workbook.sheetNames().map((name) => {
      const grid = workbook.getSheet(name) ?? [];
      return {
        name,
        grid,
        marks: grid.flatMap((row, r) => row.map((_, c) => `${workbook.isText(name, r, c) ? "t" : ""}${workbook.isBold(name, r, c) ? "b" : ""}${workbook.getNumberFormat(name, r, c)}`)),
        output: workbook.outputOf(name),
      };
    }),
    tables: snapshot.tables.filter((t) => t.kind === "table").map((t) => workbook.getTable(t.name)),
  };
}

/** What the synchronous getters show (no read: a pause in the middle of a paced write can look without pausing again). */
function viewOf(workbook: MemoryWorkbook, tables: string[]): unknown {
  return {
    sheets: workbook.sheetNames().map((name) => ({ name, grid: workbook.getSheet(name), output: workbook.outputOf(name) })),
    tables: tables.map((name) => workbook.getTable(name) ?? null),
    active: workbook.activeSheet(),
  };
}

/** Content without pacing (a workbook's own reads are then one step). */
async function plainContentOf(workbook: MemoryWorkbook): Promise<unknown> {
  workbook.paceSteps(undefined);
  return contentOf(workbook);
}

const cell = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.constantFrom("=SUM(A1)", "+1", "@x", ""), fc.integer({ min: -5, max: 5 }));
const rowsArb = fc.array(fc.tuple(cell, cell, cell), { maxLength: 30 });

describe("MemoryWorkbook paced reads and writes", () => {
  it("writes and reads in steps what one step writes and reads (property)", async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, rowsArb, fc.integer({ min: 1, max: 40 }), async (aging, summary, cellsPerStep) => {
        const specs = [sheetSpec("Aging", aging), sheetSpec("Summary", summary)];
        const once = seeded();
        await once.writeSheets(specs, { activate: "Summary" });
        const paced = seeded();
        let pauses = 0;
        paced.paceSteps(cellsPerStep, async () => {
          pauses++;
        });
        const written = await paced.writeSheets(specs, { activate: "Summary" });
        expect(written.sheets.map((s) => s.written)).toEqual(["Aging", "Summary (2)"]);
        // A pause after every cellsPerStep table cells laid (a line of 3 cells can overshoot a step by 2),
        // each walk over a table's rows (the check, the geometry) counting a cell per row.
        const cells = [aging, summary].reduce((n, rows) => n + 3 * (rows.length + 1), 0);
        const walked = 2 * (aging.length + summary.length);
        expect(pauses).toBeGreaterThanOrEqual(Math.floor(cells / (cellsPerStep + 2)));
        expect(pauses).toBeLessThanOrEqual(Math.floor((cells + walked) / cellsPerStep) + 1);
        const pacedRead = await paced.readWorkbook();
        expect(pacedRead).toEqual(await once.readWorkbook());
        expect(await plainContentOf(paced)).toEqual(await plainContentOf(once));
      }),
      { numRuns: 40 },
    );
  });

  it("shows nothing of a write before its last step, and a pause that fails leaves the workbook as it was", async () => {
    const specs = [sheetSpec("Aging", Array.from({ length: 20 }, (_, i) => [`k${i}`, i, "=x"]))];
    const workbook = seeded();
    const before = await plainContentOf(workbook);
    const view = viewOf(workbook, ["Invoices", "AgingTable"]);
    let pauses = 0;
    workbook.paceSteps(10, async () => {
      // At every pause the workbook is still the one before the write.
      expect(viewOf(workbook, ["Invoices", "AgingTable"])).toEqual(view);
      if (++pauses === 3) throw new DOMException("cancelled", "AbortError");
    });
    await expect(workbook.writeSheets(specs)).rejects.toThrow("cancelled");
    expect(pauses).toBe(3);
    expect(await plainContentOf(workbook)).toEqual(before);
  });

  it("writes whole again when the workbook changed during a pause (a sheet named as the output meanwhile)", async () => {
    const specs = [sheetSpec("Aging", Array.from({ length: 12 }, (_, i) => [`k${i}`, i, null]))];
    const expected = seeded();
    expected.setCells("Aging", 0, 0, [["a user's sheet"]]);
    await expected.writeSheets(specs);
    const workbook = seeded();
    let pauses = 0;
    workbook.paceSteps(8, async () => {
      if (++pauses === 2) workbook.setCells("Aging", 0, 0, [["a user's sheet"]]);
    });
    const written = await workbook.writeSheets(specs);
    expect(pauses).toBe(2);
    // The user's sheet is kept: the output went to "Aging (2)", as a write after the change does.
    expect(written.sheets).toEqual([{ requested: "Aging", written: "Aging (2)" }]);
    expect(await plainContentOf(workbook)).toEqual(await plainContentOf(expected));
  });

  it("reads whole again when the workbook changed during a pause, never half of each state", async () => {
    const rows: CellValue[][] = Array.from({ length: 50 }, (_, i) => [`I${i}`, i]);
    const workbook = MemoryWorkbook.fromTables([{ sheet: "Invoices", name: "Invoices", headers: ["Id", "Amount"], rows }]);
    let pauses = 0;
    workbook.paceSteps(10, async () => {
      if (++pauses === 2) await workbook.updateTableRows("Invoices", rows.map(([id]) => [id, -1]));
    });
    const snapshot = await workbook.readWorkbook();
    expect(pauses).toBe(2);
    expect(snapshot.tables[0]?.rows).toEqual(rows.map(([id]) => [id, -1]));
  });

  it("reads without pauses a workbook smaller than a step, and pacing off again reads in one step", async () => {
    const workbook = seeded();
    const pause = jest.fn(async () => undefined);
    workbook.paceSteps(1_000, pause);
    await workbook.readWorkbook();
    await workbook.writeSheets([sheetSpec("Aging", [["a", 1, null]])]);
    expect(pause).not.toHaveBeenCalled();
    workbook.paceSteps(1, pause);
    await workbook.readWorkbook();
    expect(pause).toHaveBeenCalled();
    pause.mockClear();
    workbook.paceSteps(undefined, pause);
    await workbook.readWorkbook();
    expect(pause).not.toHaveBeenCalled();
  });
});

describe("MemoryWorkbook.declareTable", () => {
  it("declares a table over laid cells as addTable over the same rows would leave it", () => {
    const rows: CellValue[][] = [["a", 1], ["=b", null], [null, null]];
    const added = new MemoryWorkbook();
    added.setCells("S", 0, 0, [["note"]]);
    added.addTable({ sheet: "S", name: "T", headers: ["Key", "Value"], rows, headerRow: 2, firstColumn: 1 });
    const declared = new MemoryWorkbook();
    declared.setCells("S", 0, 0, [["note"]]);
    declared.setCells("S", 2, 1, [[7, "x"], ["a", 1], ["=b"]]);
    declared.declareTable({ sheet: "S", name: "T", headers: ["Key", "Value"], headerRow: 2, firstColumn: 1, rowCount: 3 });
    expect(declared.getTable("T")).toEqual(added.getTable("T"));
    expect(declared.getSheet("S")).toEqual(added.getSheet("S"));
    expect(declared.isText("S", 4, 1)).toBe(true);
  });

  it("refuses an unknown sheet and a table name already used", () => {
    const workbook = MemoryWorkbook.fromTables([{ sheet: "S", name: "T", headers: ["a"], rows: [] }]);
    expect(() => workbook.declareTable({ sheet: "Nope", name: "U", headers: ["a"], headerRow: 0, firstColumn: 0, rowCount: 0 })).toThrow(/Nope does not exist/);
    expect(() => workbook.declareTable({ sheet: "S", name: "t", headers: ["a"], headerRow: 5, firstColumn: 0, rowCount: 0 })).toThrow(/already exists/);
  });
});
