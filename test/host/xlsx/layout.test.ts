/**
 * Issue 15 item 1 in the .xlsx adapter: the writer honours the port's layout (column wrap and
 * alignment, frozen rows and columns, page setup with print titles and header/footer, the tab the
 * workbook opens on, output tabs grouped in the order given), read back from the written XML, on
 * both paths (a loaded package, merged; a new workbook, written by ExcelJS). The user's parts stay
 * byte for byte.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { errorInEnglish } from "../../support/errorInEnglish";
import type { SheetSpec } from "../../../src/host/WorkbookPort";
import { alignOf, headerFooterText, printTitlesFormula } from "../../../src/host/xlsx/columnLayout";
import { outputMarksOf } from "../../../src/host/xlsx/outputMarks";
import { centralDirectory, compressedBytesOf } from "../../../src/host/xlsx/readZipEntries";
import { groupedOrder, reorderSheets } from "../../../src/host/xlsx/sheetOrder";
import { XlsxWorkbook } from "../../../src/host/xlsx/XlsxWorkbook";
import { rowHeightOf, wrappedLines } from "../../../src/host/xlsx/wrappedLines";
import { zipEntry } from "./zipEntry";

async function loadOk(source: Buffer): Promise<XlsxWorkbook> {
  const loaded = await XlsxWorkbook.load(source);
  if (!loaded.ok) throw new Error(`expected the workbook to load: ${errorInEnglish(loaded.error)}`);
  return loaded.value;
}

async function userWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const customers = wb.addWorksheet("Customers");
  customers.addRow(["Id", "Name"]);
  customers.addRow(["C1", "Acme"]);
  const ledger = wb.addWorksheet("Ledger");
  ledger.addRow(["Id", "Amount"]);
  ledger.addRow(["C1", 10]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const PRINT = {
  orientation: "landscape",
  fitToPagesWide: 1,
  titleRows: [0, 3],
  titleColumns: [0, 1],
  header: { left: "&A", right: "As of 2025-06-30" },
  footer: { center: "Page &P of &N" },
} as const;

function reviewSpec(): SheetSpec {
  return {
    name: "Credit Review",
    title: "Credit review",
    freezeRows: 4,
    freezeColumns: 2,
    print: { ...PRINT, titleRows: [0, 3], titleColumns: [0, 1] },
    tables: [
      {
        name: "CreditReview",
        headerRow: 3,
        firstColumn: 0,
        columns: [
          { header: "ID", kind: "text" },
          { header: "Name", kind: "text" },
          { header: "Limit", kind: "money" },
          { header: "Reasons", kind: "text", wrap: true, width: 40 },
          { header: "Grade", kind: "text", align: "center" },
          { header: "Rank", kind: "integer", align: "left" },
          { header: "Letter", kind: "text", detail: true },
          { header: "Basis", kind: "money", detail: true },
          { header: "Note", kind: "text", wrap: true, width: 10, detail: true },
        ],
        rows: [
          ["C1", "Acme", 1000, LONG_REASON, "A", 1, "AA", 10, "a hidden note that wraps over many lines"],
          ["C2", "=Bolt", 2000, "+another", "B", 2, "BB", 20, null],
        ],
      },
    ],
  };
}

const LONG_REASON = "A long reason that wraps over several lines in a column forty characters wide, as the committee reads it";

function summarySpec(): SheetSpec {
  return { name: "Summary", title: "Summary", print: { orientation: "portrait", fitToPagesWide: 1, fitToPagesTall: 1 }, tables: [{ name: "Kpis", headerRow: 2, firstColumn: 0, columns: [{ header: "KPI", kind: "text" }, { header: "Value", kind: "number" }], rows: [["DSO", 41.5]] }] };
}

/** The zip entry of a sheet by its name (through workbook.xml and its relationships). */
function sheetPart(zip: Buffer, sheet: string): string {
  const workbook = zipEntry(zip, "xl/workbook.xml");
  const rels = zipEntry(zip, "xl/_rels/workbook.xml.rels");
  const tag = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`));
  const id = tag ? /r:id="([^"]+)"/.exec(tag)?.[1] : undefined;
  const target = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels) : undefined;
  const t = target?.[1] ?? target?.[2];
  if (!t) throw new Error(`no sheet ${sheet}`);
  return t.startsWith("/") ? t.slice(1) : `xl/${t}`;
}

function tabNames(zip: Buffer): string[] {
  return [...zipEntry(zip, "xl/workbook.xml").matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

function activeTab(zip: Buffer): number {
  return Number(/<workbookView\b[^>]*\bactiveTab="(\d+)"/.exec(zipEntry(zip, "xl/workbook.xml"))?.[1] ?? 0);
}

function definedNames(zip: Buffer): { name: string; localSheetId: number | undefined; formula: string }[] {
  return [...zipEntry(zip, "xl/workbook.xml").matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => {
    const local = /localSheetId="(\d+)"/.exec(m[1])?.[1];
    return { name: /name="([^"]*)"/.exec(m[1])?.[1] ?? "", localSheetId: local === undefined ? undefined : Number(local), formula: m[2].replace(/&apos;/g, "'").replace(/&amp;/g, "&") };
  });
}

/** The alignment attributes of the cell format a cell uses: horizontal, vertical and wrapText. */
function alignmentOf(zip: Buffer, sheet: string, ref: string): { horizontal?: string; vertical?: string; wrapText?: string } {
  const xml = zipEntry(zip, sheetPart(zip, sheet));
  const cell = new RegExp(`<c\\b[^>]*\\br="${ref}"[^>]*>`).exec(xml)?.[0];
  if (!cell) throw new Error(`no cell ${ref} on ${sheet}`);
  const s = Number(/\bs="(\d+)"/.exec(cell)?.[1] ?? 0);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(zipEntry(zip, "xl/styles.xml"))?.[1] ?? "";
  const xf = [...cellXfs.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)][s]?.[0] ?? "";
  const alignment = /<alignment\b([^>]*)\/?>/.exec(xf)?.[1] ?? "";
  const attribute = (name: string): string | undefined => new RegExp(`\\b${name}="([^"]*)"`).exec(alignment)?.[1];
  return { horizontal: attribute("horizontal"), vertical: attribute("vertical"), wrapText: attribute("wrapText") };
}

/** Checks shared by both paths, on a workbook holding Credit Review and Summary. */
function expectLayout(zip: Buffer): void {
  const review = zipEntry(zip, sheetPart(zip, "Credit Review"));
  // Frozen ID and Name with the header rows.
  expect(review).toMatch(/<pane\b(?=[^>]*\bxSplit="2")(?=[^>]*\bySplit="4")(?=[^>]*\btopLeftCell="C5")(?=[^>]*\bstate="frozen")[^>]*\/>/);
  // Page setup: landscape, one page wide, as many tall as needed.
  expect(review).toMatch(/<pageSetUpPr\b[^>]*\bfitToPage="1"/);
  expect(review).toMatch(/<pageSetup\b(?=[^>]*\borientation="landscape")(?=[^>]*\bfitToWidth="1")(?=[^>]*\bfitToHeight="0")/);
  expect(review).toContain("<oddHeader>&amp;L&amp;A&amp;RAs of 2025-06-30</oddHeader>");
  expect(review).toContain("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
  // Alignment: number header right over right numbers; wrap on header and cells; explicit aligns win.
  expect(alignmentOf(zip, "Credit Review", "C4").horizontal).toBe("right");
  expect(alignmentOf(zip, "Credit Review", "C5").horizontal).toBe("right");
  expect(alignmentOf(zip, "Credit Review", "A5").horizontal).toBe("left");
  expect(alignmentOf(zip, "Credit Review", "D4")).toEqual({ horizontal: "left", vertical: "top", wrapText: "1" });
  expect(alignmentOf(zip, "Credit Review", "D6")).toEqual({ horizontal: "left", vertical: "top", wrapText: "1" });
  expect(alignmentOf(zip, "Credit Review", "E5").horizontal).toBe("center");
  expect(alignmentOf(zip, "Credit Review", "F4").horizontal).toBe("left");
  // Text that looks like a formula stays text.
  expect(review).not.toContain("<f>");
  // Detail columns G:I: one outline group, collapsed (hidden, level 1); the rest shown.
  expect(review).toMatch(/<sheetFormatPr\b[^>]*\boutlineLevelCol="1"/);
  const cols = [...review.matchAll(/<col\b[^>]*\/>/g)].map((m) => m[0]);
  const colAt = (n: number): string => cols.find((c) => Number(/min="(\d+)"/.exec(c)?.[1]) <= n && Number(/max="(\d+)"/.exec(c)?.[1]) >= n) ?? "";
  for (const n of [7, 8, 9]) expect([n, colAt(n)]).toEqual([n, expect.stringMatching(/(?=.*\bhidden="1")(?=.*\boutlineLevel="1")/)]);
  for (const n of [1, 2, 3, 4, 5, 6]) expect([n, /\bhidden="1"|\boutlineLevel=/.test(colAt(n))]).toEqual([n, false]);
  // Rows with wrapped text store the height of their lines; the hidden note does not count.
  const heightOf = (row: number): string | undefined => new RegExp(`<row\\b[^>]*\\br="${row}"[^>]*>`).exec(review)?.[0].match(/\bht="([^"]+)"/)?.[1];
  const lines = wrappedLines(LONG_REASON, 40 - 1);
  expect(lines).toBeGreaterThan(1);
  expect(heightOf(5)).toBe(String(rowHeightOf(lines)));
  expect(heightOf(6)).toBeUndefined();
  // Print titles: one sheet-scoped name per sheet that has them, on the right sheet.
  const tabs = tabNames(zip);
  const titles = definedNames(zip).filter((n) => n.name === "_xlnm.Print_Titles");
  expect(titles).toEqual([{ name: "_xlnm.Print_Titles", localSheetId: tabs.indexOf("Credit Review"), formula: "'Credit Review'!$A:$B,'Credit Review'!$1:$4" }]);
  // Summary: one page.
  const summary = zipEntry(zip, sheetPart(zip, "Summary"));
  expect(summary).toMatch(/<pageSetup\b(?=[^>]*\borientation="portrait")(?=[^>]*\bfitToWidth="1")(?![^>]*\bfitToHeight="0")/);
  // Opens on Summary, which is the only selected tab.
  expect(tabs[activeTab(zip)]).toBe("Summary");
  for (const name of tabs) expect([name, /<sheetView\b[^>]*\btabSelected="1"/.test(zipEntry(zip, sheetPart(zip, name)))]).toEqual([name, name === "Summary"]);
}

describe("xlsx layout: a loaded workbook (merged package)", () => {
  it("writes wrap, alignment, frozen columns, page setup, print titles, the active tab and the tab group; the user's parts byte for byte", async () => {
    const source = await userWorkbook();
    const book = await loadOk(source);
    await book.writeSheets([summarySpec(), reviewSpec()], { activate: "Summary" });
    const zip = await book.toBuffer();
    expectLayout(zip);
    expect(tabNames(zip)).toEqual(["Customers", "Ledger", "Summary", "Credit Review"]);
    const before = new Map(centralDirectory(source).map((e) => [e.name, compressedBytesOf(source, e)]));
    for (const e of centralDirectory(zip)) {
      if (/^xl\/worksheets\/sheet[12]\.xml$/.test(e.name)) expect(compressedBytesOf(zip, e).equals(before.get(e.name) ?? Buffer.alloc(0))).toBe(true);
    }
  });

  it("marks the column after a collapsed group `collapsed`, where Excel puts the + button", async () => {
    const book = await loadOk(await userWorkbook());
    await book.writeSheets([reviewSpec()]);
    const review = zipEntry(await book.toBuffer(), "xl/worksheets/sheet3.xml");
    expect(review).toMatch(/<col min="10" max="10" width="[\d.]+" collapsed="1"\/>/);
    expect(review.match(/collapsed="1"/g)).toHaveLength(1);
  });

  it("a second review regroups the outputs where the first of them stood, in the order given; markers and print titles follow their sheets", async () => {
    const book = await loadOk(await userWorkbook());
    await book.writeSheets([reviewSpec()], {});
    const first = await loadOk(await book.toBuffer());
    await first.writeSheets([summarySpec(), reviewSpec()], { activate: "Summary" });
    const zip = await first.toBuffer();
    expect(tabNames(zip)).toEqual(["Customers", "Ledger", "Summary", "Credit Review"]);
    expectLayout(zip);
    const marks = outputMarksOf(zipEntry(zip, "xl/workbook.xml"));
    expect(new Map(marks.map((m) => [m.sheet, m.output]))).toEqual(new Map([["Summary", "Summary"], ["Credit Review", "Credit Review"]]));
    const again = await loadOk(zip);
    const snapshot = await again.readWorkbook();
    expect(snapshot.outputSheets.map((m) => m.sheet).sort()).toEqual(["Credit Review", "Summary"]);
  });
});

describe("xlsx layout: a new workbook (ExcelJS)", () => {
  it("writes the same layout", async () => {
    const book = XlsxWorkbook.create();
    await book.writeSheets([{ name: "Customers", role: "input", tables: [{ name: "Customers", headerRow: 0, firstColumn: 0, columns: [{ header: "Id", kind: "text" }], rows: [["C1"]] }] }]);
    await book.writeSheets([summarySpec(), reviewSpec()], { activate: "Summary" });
    const zip = await book.toBuffer();
    expect(tabNames(zip)).toEqual(["Customers", "Summary", "Credit Review"]);
    expectLayout(zip);
  });
});

describe("groupedOrder", () => {
  it.each([
    { names: ["A", "B"], group: [], order: [0, 1] },
    { names: ["In", "S"], group: ["S"], order: [0, 1] },
    { names: ["In", "CR", "Ag", "S"], group: ["S", "CR", "Ag"], order: [0, 3, 1, 2] },
    { names: ["CR", "Mine", "S"], group: ["S", "CR"], order: [2, 0, 1] },
    { names: ["In", "CR", "Mine", "Ag"], group: ["CR", "Ag"], order: [0, 1, 3, 2] },
    { names: ["In", "cr"], group: ["CR", "Missing"], order: [0, 1] },
  ])("$names grouped as $group → $order", ({ names, group, order }) => {
    expect(groupedOrder(names, group)).toEqual(order);
  });

  it("is a permutation that keeps the other sheets' order and puts the group together in the order given", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.infiniteStream(fc.integer()), (ids, inGroup, noise) => {
        const names = ids.map((i) => `S${i}`);
        const group = names.filter((_, i) => inGroup[i]).sort(() => (noise.next().value % 2 === 0 ? 1 : -1));
        const order = groupedOrder(names, group);
        expect([...order].sort((a, b) => a - b)).toEqual(names.map((_, i) => i));
        const result = order.map((i) => names[i]);
        const others = result.filter((n) => !group.includes(n));
        expect(others).toEqual(names.filter((n) => !group.includes(n)));
        if (group.length > 0) {
          const start = result.indexOf(group[0]);
          expect(result.slice(start, start + group.length)).toEqual(group);
        }
      }),
    );
  });
});

describe("reorderSheets", () => {
  it("moves the sheets and every sheet-scoped name, the active tab and the first visible tab with them", () => {
    const xml =
      '<workbook><bookViews><workbookView firstSheet="1" activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2" state="hidden"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets>' +
      '<definedNames><definedName name="x" localSheetId="0">1</definedName><definedName name="y">2</definedName><definedName name="z" localSheetId="2">3</definedName></definedNames></workbook>';
    const out = reorderSheets(xml, [2, 0, 1]);
    expect([...out.matchAll(/<sheet\b[^>]*name="(\w)"/g)].map((m) => m[1])).toEqual(["C", "A", "B"]);
    expect(out).toContain('<sheet name="B" sheetId="2" r:id="rId2" state="hidden"/>');
    expect(out).toContain('<definedName name="x" localSheetId="1">1</definedName>');
    expect(out).toContain('<definedName name="y">2</definedName>');
    expect(out).toContain('<definedName name="z" localSheetId="0">3</definedName>');
    expect(out).toMatch(/<workbookView(?=[^>]*firstSheet="2")(?=[^>]*activeTab="0")/);
  });
});

describe("columnLayout", () => {
  it.each([
    ["text", undefined, "left"],
    ["boolean", undefined, "left"],
    ["integer", undefined, "right"],
    ["number", undefined, "right"],
    ["money", undefined, "right"],
    ["percent", undefined, "right"],
    ["date", undefined, "right"],
    ["money", "left", "left"],
    ["text", "center", "center"],
  ] as const)("a %s column aligned %s is %s", (kind, align, expected) => {
    expect(alignOf({ header: "h", kind, align })).toBe(expected);
  });

  it("header/footer codes and print titles", () => {
    expect(headerFooterText({ left: "&A", center: "x", right: "&P/&N" })).toBe("&L&A&Cx&R&P/&N");
    expect(headerFooterText({})).toBeUndefined();
    expect(printTitlesFormula("O'Brien", { orientation: "landscape", fitToPagesWide: 1, titleRows: [2, 4] })).toBe("'O''Brien'!$3:$5");
    expect(printTitlesFormula("S", { orientation: "landscape", fitToPagesWide: 1 })).toBeUndefined();
  });
});
