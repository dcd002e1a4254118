import ExcelJS from "exceljs";
import fc from "fast-check";
import type { CellValue } from "../../../src/host/WorkbookPort";
import { readPackageSnapshot } from "../../../src/host/xlsx/readPackageSnapshot";
import { repairLoadedTables } from "../../../src/host/xlsx/repairLoadedTables";
import { snapshotOf } from "../../../src/host/xlsx/snapshotOf";
import { streamTableRows } from "../../../src/host/xlsx/streamTableRows";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";

async function template(): Promise<Buffer> {
  const book = XlsxWorkbook.create();
  await book.writeSheets([
    { name: "Notes", role: "input", title: "kept as it was", tables: [] },
    { name: "Items", role: "input", tables: [{ name: "Items", headerRow: 0, firstColumn: 1, columns: [{ header: "Id", kind: "text" }, { header: "Amount", kind: "money" }, { header: "Flag", kind: "boolean" }], rows: [["I-0", 1, true]] }] },
  ]);
  return book.toBuffer();
}

function streamed(bytes: Buffer, rows: CellValue[][]): { zip: Buffer; count: number } {
  const chunks: Uint8Array[] = [];
  const count = streamTableRows(bytes, "Items", rows, (chunk) => chunks.push(chunk));
  return { zip: Buffer.concat(chunks), count };
}

const value: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", "=", "+", "-", "@", "<", "&", '"', " ", "東"), minLength: 1, maxLength: 6 }).filter((s) => s.trim() !== ""),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).filter((n) => !Object.is(n, -0)),
  fc.boolean(),
  fc.constant(null),
);

describe("streamTableRows", () => {
  it("refuses a table the template does not have", async () => {
    const bytes = await template();
    expect(() => streamTableRows(bytes, "Nope", [], () => undefined)).toThrow(/no table Nope/);
  });

  it("grows the table to the rows given, strings as text (never formulas), other sheets kept (property; read by the package reader and by ExcelJS)", async () => {
    const bytes = await template();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(value, value, value), { minLength: 1, maxLength: 40 }), async (tuples) => {
        // A last row of blanks only would be dropped by readers (a table's trailing blank rows carry no data).
        const rows: CellValue[][] = [...tuples.map((t) => [...t]), ["last", 1, false]];
        const { zip, count } = streamed(bytes, rows);
        expect(count).toBe(rows.length);
        const snapshot = readPackageSnapshot(zip);
        const items = snapshot.tables.find((t) => t.name === "Items");
        expect(items?.headers).toEqual(["Id", "Amount", "Flag"]);
        expect(items?.rows).toEqual(rows);
        expect(snapshot.tables.find((t) => t.name === "Notes")?.headers).toEqual(["kept as it was"]);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(new Uint8Array(zip).buffer);
        repairLoadedTables(wb, zip);
        expect(snapshotOf(wb).tables).toEqual(snapshot.tables);
        wb.getWorksheet("Items")?.eachRow((row) => row.eachCell((c) => expect(c.formula).toBeUndefined()));
      }),
      { numRuns: 15 },
    );
  }, 120_000);
});
