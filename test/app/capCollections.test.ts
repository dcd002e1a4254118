import { capCollections, EXCEL_SHEET_ROWS } from "../../src/app/capCollections";
import type { SheetSpec } from "../../src/host/WorkbookPort";
import { createTranslator } from "../../src/i18n/translator";

const en = createTranslator("en-US");

function sheets(items: number, headerRow = 8): SheetSpec[] {
  const rows = Array.from({ length: items }, (_, i) => [i + 1, `I${i + 1}`]);
  return [
    { name: "Aging", outputId: "Aging", tables: [{ name: "A", headerRow, firstColumn: 0, columns: [], rows: [[1]] }] },
    { name: "Collections", outputId: "Collections", info: [{ row: 1, column: 0, lines: [["As of", 1]] }], tables: [{ name: "C", headerRow, firstColumn: 0, columns: [], rows }] },
  ];
}

const collections = (s: SheetSpec[]): SheetSpec => s.find((x) => x.outputId === "Collections")!;

describe("capCollections", () => {
  it.each([
    [0, 3, 0, false],
    [3, 3, 3, false],
    [4, 3, 3, true],
    [10, 0, 0, true],
  ])("%i items with a cap of %i keep %i (cut stated: %s)", (items, cap, kept, isCut) => {
    const given = sheets(items);
    const out = collections(capCollections(given, en, cap));
    expect(out.tables[0]!.rows).toHaveLength(kept);
    expect(out.tables[0]!.rows).toEqual(collections(given).tables[0]!.rows.slice(0, kept));
    expect(out.info?.[0]?.lines.length).toBe(isCut ? 2 : 1);
  });

  it("states the cut in the audit block in the output language, and leaves the given sheets and other sheets alone", () => {
    const given = sheets(5);
    const out = capCollections(given, createTranslator("zh-CN"), 2);
    expect(collections(out).info?.[0]?.lines[1]).toEqual(["未显示的行", "共 5 项中有 3 项未显示：Excel 工作表只能容纳本表 2 行；催收清单按优先级排序，此处保留的是最紧急的项目"]);
    expect(collections(given).tables[0]!.rows).toHaveLength(5);
    expect(collections(given).info?.[0]?.lines).toHaveLength(1);
    expect(out[0]).toBe(given[0]);
  });

  it("without a cap keeps what a sheet holds below the table's header", () => {
    // A sparse stand-in: only the length matters to the cut.
    const given = sheets(0);
    const table = collections(given).tables[0]!;
    table.rows.length = EXCEL_SHEET_ROWS;
    const out = collections(capCollections(given, en));
    expect(out.tables[0]!.rows.length).toBe(EXCEL_SHEET_ROWS - 9);
    expect(out.info?.[0]?.lines[1]?.[1]).toBe("9 of 1,048,576 items are not shown: an Excel sheet holds 1,048,567 rows of this table; the worklist is in priority order, so the most urgent are here");
  });
});
