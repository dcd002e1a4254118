/**
 * The WorkbookPort contract (issue 18 item 4): one suite, run unchanged against the memory, .xlsx
 * (ExcelJS; the written file is reopened with ExcelJS, so what is checked is what the file holds)
 * and Office (fake Excel) adapters. Same inputs → same output sheets (values, number formats, table
 * names and ranges, frozen rows, column widths, sheet order, conditional formats), the same refusal
 * of bad inputs, and the same refusal to touch sheets that are not the add-in's.
 *
 * What an adapter cannot do is stated here, not skipped silently:
 *   - xlsx: ExcelJS cannot write native charts. A chart is left out of the file and a one-line note
 *     naming the chart's data table is written at its anchor cell (writeSheet.ts); the other two
 *     adapters draw (memory: record) the chart and leave that cell blank. `CAN.charts` says so.
 */
import ExcelJS from "exceljs";
import { MemoryWorkbook, type SeedTable } from "../../../src/host/memory/MemoryWorkbook";
import { OfficeWorkbook } from "../../../src/host/office/OfficeWorkbook";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import type { CellValue, SheetSpec, WorkbookPort, WorkbookSnapshot } from "../../../src/host/WorkbookPort";
import { createFakeExcel } from "../../support/fakeExcel";

/** What the contract compares for one sheet. Rows and columns are 0-based. */
interface SheetView {
  name: string;
  freezeRows: number;
  tables: { name: string; headerRow: number; firstColumn: number; columns: number; rows: number }[];
  /** Number format of the first data cell of each table column, by table name. */
  formats: Record<string, string[]>;
  /** Column widths in characters of the columns whose spec gives a width. */
  widths: Record<number, number>;
  /** Conditional formats: kind and the table column they sit on. */
  conditional: string[];
}

interface Adapter {
  port: WorkbookPort;
  sheetNames(): Promise<string[]>;
  sheetView(sheet: string, widthColumns: number[]): Promise<SheetView>;
  cell(sheet: string, row: number, column: number): Promise<CellValue>;
}

interface AdapterKind {
  name: "memory" | "xlsx" | "office";
  /** Native charts drawn in the workbook. */
  charts: boolean;
  /** A workbook holding the seeds; the sheets in `hidden` are hidden ("Hidden", not very hidden). */
  make(seeds: SeedTable[], hidden?: string[]): Promise<Adapter>;
}

const POINTS_PER_CHARACTER = 6; // OfficeWorkbook writes widths as characters × 6 points

const memoryKind: AdapterKind = {
  name: "memory",
  charts: true,
  async make(seeds, hidden = []) {
    const wb = MemoryWorkbook.fromTables(seeds);
    for (const name of hidden) wb.setVisibility(name, "hidden");
    return {
      port: wb,
      sheetNames: async () => wb.sheetNames(),
      async sheetView(sheet, widthColumns) {
        const snapshot = await wb.readWorkbook();
        const tables = snapshot.tables.filter((t) => t.sheet === sheet && t.kind === "table");
        const formats: Record<string, string[]> = {};
        const widths: Record<number, number> = {};
        const conditional: string[] = [];
        for (const t of tables) {
          const meta = wb.getTable(t.name);
          formats[t.name] = t.headers.map((_, c) => wb.getNumberFormat(sheet, t.headerRow + 1, t.firstColumn + c));
          meta?.columns?.forEach((col, c) => {
            if (col.width !== undefined && widthColumns.includes(t.firstColumn + c)) widths[t.firstColumn + c] = col.width;
          });
          for (const f of meta?.conditionalFormats ?? []) conditional.push(`${f.type}@${t.name}[${t.headers.indexOf(f.column)}]`);
        }
        return { name: sheet, freezeRows: wb.getSheetProperties(sheet)?.freezeRows ?? 0, tables: tables.map(tableOf), formats, widths, conditional: conditional.sort() };
      },
      cell: async (sheet, row, column) => wb.getCell(sheet, row, column),
    };
  },
};

/** The contract: an absent sheetVisibility means visible, so both spellings are the same snapshot. */
function normalised(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, tables: snapshot.tables.map(({ sheetVisibility, ...t }) => (sheetVisibility === undefined || sheetVisibility === "visible" ? t : { ...t, sheetVisibility })) };
}

const tableOf = (t: WorkbookSnapshot["tables"][number]): SheetView["tables"][number] => ({
  name: t.name, headerRow: t.headerRow, firstColumn: t.firstColumn, columns: t.headers.length, rows: t.rows.length,
});

const officeKind: AdapterKind = {
  name: "office",
  charts: true,
  async make(seeds, hidden = []) {
    const fake = createFakeExcel({ initialSheet: null });
    for (const seed of seeds) fake.seedTable(seed);
    for (const name of hidden) fake.setVisibility(name, "Hidden");
    const port = new OfficeWorkbook({ run: fake.run });
    return {
      port,
      sheetNames: async () => fake.workbook.sheets.map((s) => s.name),
      async sheetView(sheet, widthColumns) {
        const state = fake.sheet(sheet);
        if (!state) throw new Error(`no sheet ${sheet}`);
        const snapshot = await port.readWorkbook();
        const tables = snapshot.tables.filter((t) => t.sheet === sheet && t.kind === "table");
        const formats: Record<string, string[]> = {};
        const widths: Record<number, number> = {};
        for (const t of tables) formats[t.name] = t.headers.map((_, c) => fake.cell(sheet, t.headerRow + 1, t.firstColumn + c).numberFormat);
        for (const c of widthColumns) {
          const points = state.columnWidths.get(c);
          if (points !== undefined) widths[c] = points / POINTS_PER_CHARACTER;
        }
        const conditional = state.conditionalFormats.map((f) => {
          const t = tables.find((x) => f.rect.column >= x.firstColumn && f.rect.column < x.firstColumn + x.headers.length);
          return `${officeCfType(f)}@${t?.name}[${t ? f.rect.column - t.firstColumn : -1}]`;
        });
        return { name: sheet, freezeRows: state.frozenRows, tables: tables.map(tableOf), formats, widths, conditional: conditional.sort() };
      },
      cell: async (sheet, row, column) => fake.cell(sheet, row, column).value,
    };
  },
};

/** Office's conditional-format types, as the spec names them. */
function officeCfType(f: { type: string; rule?: unknown }): string {
  if (f.type === "DataBar") return "dataBar";
  const operator = (f.rule as { operator?: string } | undefined)?.operator;
  if (f.type === "CellValue" && operator === "EqualTo") return "textEquals";
  if (f.type === "CellValue" && operator === "GreaterThan") return "greaterThan";
  return f.type;
}

const xlsxKind: AdapterKind = {
  name: "xlsx",
  charts: false,
  async make(seeds, hidden = []) {
    const seeded = new ExcelJS.Workbook();
    for (const seed of seeds) {
      const ws = seeded.getWorksheet(seed.sheet) ?? seeded.addWorksheet(seed.sheet);
      const r0 = seed.headerRow ?? 0;
      const c0 = seed.firstColumn ?? 0;
      if ((seed.kind ?? "table") === "table") {
        ws.addTable({ name: seed.name, ref: ws.getCell(r0 + 1, c0 + 1).address, headerRow: true, columns: seed.headers.map((name) => ({ name })), rows: seed.rows.map((r) => [...r]) });
      } else {
        ws.getRow(r0 + 1).values = [...Array<null>(c0).fill(null), ...seed.headers];
        seed.rows.forEach((row, i) => (ws.getRow(r0 + 2 + i).values = [...Array<null>(c0).fill(null), ...row]));
      }
    }
    for (const name of hidden) {
      const ws = seeded.getWorksheet(name);
      if (ws) ws.state = "hidden";
    }
    let port: XlsxWorkbook;
    if (seeds.length === 0) port = XlsxWorkbook.create();
    else {
      const loaded = await XlsxWorkbook.load(Buffer.from(await seeded.xlsx.writeBuffer()));
      if (!loaded.ok) throw new Error("seed workbook did not load");
      port = loaded.value;
    }
    const reopened = async (): Promise<ExcelJS.Workbook> => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(new Uint8Array(await port.toBuffer()).buffer);
      return wb;
    };
    return {
      port,
      sheetNames: async () => (await reopened()).worksheets.map((ws) => ws.name),
      async sheetView(sheet, widthColumns) {
        const wb = await reopened();
        const ws = wb.getWorksheet(sheet);
        if (!ws) throw new Error(`no sheet ${sheet}`);
        const again = await XlsxWorkbook.load(await port.toBuffer());
        if (!again.ok) throw new Error("written file did not load");
        const snapshot = await again.value.readWorkbook();
        const tables = snapshot.tables.filter((t) => t.sheet === sheet && t.kind === "table");
        const formats: Record<string, string[]> = {};
        for (const t of tables) formats[t.name] = t.headers.map((_, c) => ws.getCell(t.headerRow + 2, t.firstColumn + c + 1).numFmt || "General");
        const widths: Record<number, number> = {};
        for (const c of widthColumns) {
          const w = ws.getColumn(c + 1).width;
          if (w !== undefined) widths[c] = w;
        }
        const frozen = (ws.views ?? []).find((v) => v.state === "frozen");
        const conditional = conditionalFormattingsOf(ws).flatMap((cf) => {
          const first = /^([A-Z]+)/.exec(cf.ref)?.[1] ?? "A";
          const column = [...first].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
          const t = tables.find((x) => column >= x.firstColumn && column < x.firstColumn + x.headers.length);
          return cf.rules.map((rule) => `${xlsxCfType(rule)}@${t?.name}[${t ? column - t.firstColumn : -1}]`);
        });
        return {
          name: sheet,
          freezeRows: frozen && "ySplit" in frozen ? (frozen.ySplit ?? 0) : 0,
          tables: tables.map(tableOf),
          formats,
          widths,
          conditional: conditional.sort(),
        };
      },
      async cell(sheet, row, column) {
        const v = (await reopened()).getWorksheet(sheet)?.getCell(row + 1, column + 1).value;
        // ExcelJS turns a date-formatted number into a Date on load; the file holds the serial.
        if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
        return v === undefined || v === null ? null : (v as CellValue);
      },
    };
  },
};

/** ExcelJS keeps a loaded sheet's conditional formats in a field its typings leave out. */
function conditionalFormattingsOf(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  const found: unknown = Reflect.get(ws, "conditionalFormattings");
  return Array.isArray(found) ? found : [];
}

function xlsxCfType(rule: ExcelJS.ConditionalFormattingRule): string {
  if (rule.type === "dataBar") return "dataBar";
  if (rule.type === "containsText" || (rule.type === "cellIs" && rule.operator === "equal")) return "textEquals";
  if (rule.type === "cellIs" && rule.operator === "greaterThan") return "greaterThan";
  return rule.type;
}

const KINDS: AdapterKind[] = [memoryKind, xlsxKind, officeKind];

// ---- The inputs ---------------------------------------------------------------------------

const ledgerSeed: SeedTable = {
  sheet: "Ledger", name: "Ledger", headers: ["Customer", "Invoice", "Amount"],
  rows: [["C1", "I1", 100.5], ["C2", "I2", 250], ["C1", "I3", -20]],
};

function summarySheet(): SheetSpec {
  return {
    name: "Summary",
    title: "Credit review",
    info: [{ row: 1, column: 0, lines: [["As-of date", 46000], ["Customers", 2]], formats: { "As-of date": "yyyy-mm-dd" } }],
    freezeRows: 5,
    tables: [
      {
        name: "Grades",
        headerRow: 4,
        firstColumn: 0,
        columns: [
          { header: "Customer", kind: "text", width: 18 },
          { header: "Score", kind: "number", width: 10 },
          { header: "Limit", kind: "money", width: 14 },
          { header: "Utilisation", kind: "percent", width: 12 },
          { header: "Reviewed", kind: "date", width: 12 },
        ],
        rows: [
          ["C1", 81.25, 12000, 0.42, 45990],
          ["=cmd|' /C calc'!A0", 55, 0, 1.5, 45991],
          ["C3", null, 500.75, 0, null],
        ],
        conditionalFormats: [{ type: "textEquals", column: "Customer", text: "C1", fill: "#FFC7CE" }],
      },
    ],
  };
}

function agingSheet(): SheetSpec {
  return {
    name: "Aging",
    tables: [
      {
        name: "AgingTable",
        headerRow: 0,
        firstColumn: 1,
        columns: [
          { header: "Bucket", kind: "text" },
          { header: "Items", kind: "integer" },
          { header: "Balance", kind: "money" },
        ],
        rows: [["0", 3, 330.5], ["1-30", 1, 100]],
        totals: ["Total", 4, 430.5],
      },
    ],
    charts: [{ name: "AgingChart", title: "Aging", type: "columnClustered", table: "AgingTable", categoryColumn: "Bucket", seriesColumns: ["Balance"], anchor: { row: 0, column: 6 } }],
  };
}

const WIDTH_COLUMNS = [0, 1, 2, 3, 4];

async function written(kind: AdapterKind, seeds: SeedTable[], specs: SheetSpec[]) {
  const adapter = await kind.make(seeds);
  const result = await adapter.port.writeSheets(specs);
  return { adapter, result };
}

/** Runs `observe` on every adapter and hands back the observations by adapter name. */
async function acrossAdapters<T>(observe: (kind: AdapterKind) => Promise<T>): Promise<Record<AdapterKind["name"], T>> {
  const out = {} as Record<AdapterKind["name"], T>;
  for (const kind of KINDS) out[kind.name] = await observe(kind);
  return out;
}

function expectAllEqual<T>(by: Record<string, T>): void {
  const [first, ...rest] = Object.keys(by);
  for (const name of rest) expect({ adapter: name, value: by[name] }).toEqual({ adapter: name, value: by[first] });
}

describe("WorkbookPort contract: memory, xlsx and Office (fake Excel) adapters", () => {
  jest.setTimeout(60_000);

  it("reads the same snapshot of the same seeded workbook", async () => {
    const by = await acrossAdapters(async (kind) => {
      const adapter = await kind.make([ledgerSeed, { sheet: "Plain", name: "Plain", headers: ["a", "b"], rows: [[1, "x"], [2, null]], kind: "range" }]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      return { ...snapshot, sheets: [...snapshot.sheets].sort() };
    });
    expectAllEqual(by);
    expect(by.memory.tables.map((t) => `${t.kind}:${t.name}`).sort()).toEqual(["range:Plain", "table:Ledger"]);
  });

  it("reports a hidden sheet's tables as hidden, the same way", async () => {
    const by = await acrossAdapters(async (kind) => {
      const adapter = await kind.make([ledgerSeed, { sheet: "Archive", name: "Archive", headers: ["Customer", "Invoice", "Amount"], rows: [["C9", "I9", 1]] }], ["Archive"]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      return snapshot.tables.map((t) => ({ name: t.name, visibility: t.sheetVisibility ?? "visible" })).sort((a, b) => a.name.localeCompare(b.name));
    });
    expectAllEqual(by);
    expect(by.memory).toEqual([{ name: "Archive", visibility: "hidden" }, { name: "Ledger", visibility: "visible" }]);
  });

  it("writes the same values: every output table reads back the same through the port", async () => {
    const by = await acrossAdapters(async (kind) => {
      const { adapter, result } = await written(kind, [ledgerSeed], [summarySheet(), agingSheet()]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      return { result, outputs: snapshot.outputSheets, tables: snapshot.tables.filter((t) => t.sheet !== "Ledger") };
    });
    expectAllEqual(by);
    const grades = by.memory.tables.find((t) => t.name === "Grades");
    expect(grades?.rows[1][0]).toBe("=cmd|' /C calc'!A0"); // text, never a formula
    expect(grades?.rows[2]).toEqual(["C3", null, 500.75, 0, null]);
    expect(by.memory.outputs).toEqual([{ sheet: "Summary", output: "Summary" }, { sheet: "Aging", output: "Aging" }]);
  });

  it("reads detail columns (ColumnSpec.detail, a collapsed outline group) back like any other: hidden, never dropped", async () => {
    const plain = summarySheet();
    const withDetail: SheetSpec = { ...plain, tables: plain.tables.map((t) => ({ ...t, columns: t.columns.map((c, i) => (i === 1 || i === 2 ? { ...c, detail: true } : c)) })) };
    const by = await acrossAdapters(async (kind) => {
      const { adapter } = await written(kind, [], [withDetail]);
      const { adapter: reference } = await written(kind, [], [plain]);
      const grades = async (port: WorkbookPort) => normalised(await port.readWorkbook()).tables.find((t) => t.name === "Grades");
      const detail = await grades(adapter.port);
      expect(detail).toEqual(await grades(reference.port));
      return detail;
    });
    expectAllEqual(by);
    expect(by.memory?.headers).toHaveLength(5);
  });

  it("writes the same title and info block cells", async () => {
    const by = await acrossAdapters(async (kind) => {
      const { adapter } = await written(kind, [], [summarySheet()]);
      return [await adapter.cell("Summary", 0, 0), await adapter.cell("Summary", 1, 0), await adapter.cell("Summary", 1, 1), await adapter.cell("Summary", 2, 1)];
    });
    expectAllEqual(by);
    expect(by.memory).toEqual(["Credit review", "As-of date", 46000, 2]);
  });

  it("gives the same sheet order, table ranges, number formats, frozen rows, widths and conditional formats", async () => {
    const by = await acrossAdapters(async (kind) => {
      const { adapter } = await written(kind, [ledgerSeed], [summarySheet(), agingSheet()]);
      return { order: await adapter.sheetNames(), summary: await adapter.sheetView("Summary", WIDTH_COLUMNS), aging: await adapter.sheetView("Aging", []) };
    });
    expectAllEqual(by);
    expect(by.memory.order).toEqual(["Ledger", "Summary", "Aging"]);
    expect(by.memory.summary.freezeRows).toBe(5);
    expect(by.memory.summary.tables).toEqual([{ name: "Grades", headerRow: 4, firstColumn: 0, columns: 5, rows: 3 }]);
    expect(by.memory.summary.widths).toEqual({ 0: 18, 1: 10, 2: 14, 3: 12, 4: 12 });
    expect(by.memory.summary.conditional).toEqual(["textEquals@Grades[0]"]);
    const [text, number, money, percent, date] = by.memory.summary.formats.Grades;
    expect([text, number, money]).toEqual(["General", "#,##0.00", "#,##0.00"]);
    expect(percent).toContain("%");
    expect(date).toMatch(/y/);
  });

  it("never touches a sheet of the user's that holds an output's name: the output goes to a free name", async () => {
    const user: SeedTable = { sheet: "Summary", name: "MyNotes", headers: ["Note"], rows: [["keep me"]] };
    const by = await acrossAdapters(async (kind) => {
      const { adapter, result } = await written(kind, [user], [summarySheet()]);
      const again = await adapter.port.writeSheets([summarySheet()]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      return { result, again, notes: snapshot.tables.find((t) => t.name === "MyNotes"), outputs: snapshot.outputSheets, order: await adapter.sheetNames() };
    });
    expectAllEqual(by);
    expect(by.memory.result.sheets).toEqual([{ requested: "Summary", written: "Summary (2)" }]);
    expect(by.memory.again.sheets).toEqual([{ requested: "Summary", written: "Summary (2)" }]);
    expect(by.memory.notes).toMatchObject({ sheet: "Summary", rows: [["keep me"]] });
    expect(by.memory.order).toEqual(["Summary", "Summary (2)"]);
  });

  it("gives an output table whose name a user's table holds a free variant, and leaves the user's table alone", async () => {
    const user: SeedTable = { sheet: "Mine", name: "Grades", headers: ["x"], rows: [[1]] };
    const by = await acrossAdapters(async (kind) => {
      const { adapter } = await written(kind, [user], [summarySheet()]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      return snapshot.tables.map((t) => ({ name: t.name, sheet: t.sheet, rows: t.rows.length })).sort((a, b) => a.name.localeCompare(b.name));
    });
    expectAllEqual(by);
    expect(by.memory.find((t) => t.sheet === "Mine")).toEqual({ name: "Grades", sheet: "Mine", rows: 1 });
    expect(by.memory.find((t) => t.sheet === "Summary")?.name).not.toBe("Grades");
  });

  it.each<[string, () => SheetSpec[]]>([
    ["a sheet listed twice", () => [summarySheet(), summarySheet()]],
    ["a table name listed twice", () => [summarySheet(), { ...agingSheet(), tables: [{ ...agingSheet().tables[0], name: "Grades" }], charts: [] }]],
    ["a conditional format on a column the table lacks", () => [{ ...summarySheet(), tables: [{ ...summarySheet().tables[0], conditionalFormats: [{ type: "dataBar", column: "Nope", color: "#00FF00" }] }] }]],
    ["a chart over a column the table lacks", () => [{ ...agingSheet(), charts: [{ ...agingSheet().charts![0], seriesColumns: ["Nope"] }] }]],
  ])("refuses %s, and leaves the workbook as it was", async (_what, specs) => {
    const by = await acrossAdapters(async (kind) => {
      const adapter = await kind.make([ledgerSeed]);
      const before = normalised(await adapter.port.readWorkbook());
      const refused = await adapter.port.writeSheets(specs()).then(() => false, () => true);
      return { refused, same: JSON.stringify(normalised(await adapter.port.readWorkbook())) === JSON.stringify(before), order: await adapter.sheetNames() };
    });
    expectAllEqual(by);
    expect(by.memory).toEqual({ refused: true, same: true, order: ["Ledger"] });
  });

  it("replaces the table rows in place the same way (updateTableRows), text kept as text", async () => {
    const by = await acrossAdapters(async (kind) => {
      const adapter = await kind.make([ledgerSeed]);
      await adapter.port.updateTableRows("Ledger", [["C9", "@SUM(A1)", 1], ["C8", "I8", 2], ["C7", "I7", 3], ["C6", "I6", 4]]);
      return (normalised(await adapter.port.readWorkbook())).tables;
    });
    expectAllEqual(by);
    expect(by.memory[0].rows).toHaveLength(4);
    expect(by.memory[0].rows[0][1]).toBe("@SUM(A1)");
  });

  it("writes an input sheet (set-up) once, unmarked, and writes it nowhere else when the name is taken", async () => {
    const input = (): SheetSpec => ({
      name: "Customers",
      role: "input",
      tables: [{ name: "CustomersIn", headerRow: 0, firstColumn: 0, columns: [{ header: "Customer", kind: "text" }, { header: "Limit", kind: "money" }], rows: [["C1", 1000]] }],
    });
    const by = await acrossAdapters(async (kind) => {
      const adapter = await kind.make([]);
      const first = await adapter.port.writeSheets([input()]);
      const snapshot = normalised(await adapter.port.readWorkbook());
      const again = await adapter.port.writeSheets([input()]).then((r) => r.sheets, (e: Error) => `refused: ${e.message.length > 0}`);
      return { first: first.sheets, outputs: snapshot.outputSheets, tables: snapshot.tables.map((t) => `${t.sheet}/${t.name}:${t.rows.length}`), again, order: await adapter.sheetNames() };
    });
    expectAllEqual(by);
    expect(by.memory.first).toEqual([{ requested: "Customers", written: "Customers" }]);
    expect(by.memory.outputs).toEqual([]);
    expect(by.memory.tables).toEqual(["Customers/CustomersIn:1"]);
    expect(by.memory.order).toEqual(["Customers"]);
    expect(by.memory.again).toBe("refused: true"); // the name is taken: set-up refuses, writes no "Customers (2)"
  });

  it("states what each adapter cannot do: charts are native in Office and memory, a note in .xlsx", async () => {
    const by = await acrossAdapters(async (kind) => {
      const { adapter } = await written(kind, [], [agingSheet()]);
      return { charts: kind.charts, anchor: await adapter.cell("Aging", 0, 6) };
    });
    expect(by.memory).toEqual({ charts: true, anchor: null });
    expect(by.office).toEqual({ charts: true, anchor: null });
    expect(by.xlsx.charts).toBe(false);
    expect(by.xlsx.anchor).toEqual(expect.stringContaining("AgingTable"));
  });
});
