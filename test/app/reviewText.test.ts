/**
 * The review in the Policy's output language (issue 16): a zh-CN review of the sample through
 * the memory adapter writes Chinese sheet names, headers, warnings, reasons and decisions; the
 * numbers stay numbers; and reviewing that workbook again gives the same figures. The en-US
 * words are held word for word by the other tests of src/app.
 */
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { RESOLVE_DISPUTE_ACTION } from "../../src/engine/receivables/collectionAction";
import type { CellValue, SheetSpec } from "../../src/host/WorkbookPort";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import { OUTPUT_SHEETS, runReview, setUpWorkbook, type ReviewOptions, type ReviewOutcome } from "../../src/app";
import { outputSheetName } from "../../src/app/buildOutputSheets";
import { createTranslator } from "../../src/i18n/translator";

const asOf = dayFromCivil(2025, 6, 30);
const options: ReviewOptions = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };
const HAN = /[\u4e00-\u9fff]/;
/** Latin words a Chinese cell may hold: ids, grades and letters, currency codes and loans Chinese finance writes in Latin. */
const LOANS = new Set(["DSO", "CEI", "ADD", "R", "Z", "Altman", "en", "US", "zh", "CN"]);

/** The Latin words of a text that are not listed loans, grades, letter ratings or currency codes. */
function englishWords(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !LOANS.has(w) && !/^(A|B|C|D|AAA|AA|BBB|BB|CCC|[A-Z]{3})$/.test(w));
}

async function sampleWorkbook(language?: string): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const set = await setUpWorkbook(wb, { withSample: true, asOf });
  expect(set.status).toBe("written");
  if (language) {
    const rows = wb.getSheet("Policy")!;
    const at = rows.findIndex((row) => row[0] === "outputLanguage");
    expect(at).toBeGreaterThan(0);
    wb.setCells("Policy", at, 1, [[language]]);
  }
  return wb;
}

const sheetOf = (outcome: ReviewOutcome, outputId: string): SheetSpec => outcome.sheets!.find((s) => s.outputId === outputId)!;
const column = (sheet: SheetSpec, header: string): CellValue[] => {
  const table = sheet.tables[0]!;
  const i = table.columns.findIndex((c) => c.header === header);
  expect(i).toBeGreaterThanOrEqual(0);
  return table.rows.map((r) => r[i]!);
};

describe("a review in the Policy's outputLanguage zh-CN (memory adapter, sample portfolio)", () => {
  const zh = createTranslator("zh-CN");
  let wb: MemoryWorkbook;
  let first: ReviewOutcome;
  let english: ReviewOutcome;
  beforeAll(async () => {
    english = await runReview(await sampleWorkbook(), options);
    wb = await sampleWorkbook("zh-CN");
    first = await runReview(wb, options);
  });

  it("writes the four sheets under their Chinese names, each marked with its English output id", () => {
    expect(first.status).toBe("written");
    // The four review sheets, then the Review History (issue 15), written in the same write.
    expect(first.sheets!.map((s) => s.outputId)).toEqual([...OUTPUT_SHEETS, "Review History"]);
    expect(first.sheets!.slice(0, 4).map((s) => s.name)).toEqual(["信用管理概览", "资信评审", "账龄分析", "催收清单"]);
    expect(OUTPUT_SHEETS.map((id) => outputSheetName(id, "zh-CN"))).toEqual(first.sheets!.slice(0, 4).map((s) => s.name));
    expect(first.sheets![4]!.name).toMatch(/[\u4e00-\u9fff]/);
    for (const s of first.sheets!) expect(wb.sheetNames()).toContain(s.name);
    expect(english.sheets!.map((s) => [s.outputId, s.name])).toEqual([...OUTPUT_SHEETS, "Review History"].map((id) => [id, id]));
  });

  it("writes Chinese titles, audit labels, headers, totals and chart titles", () => {
    for (const sheet of first.sheets!) {
      expect(sheet.title).toMatch(HAN);
      expect(englishWords(sheet.title!)).toEqual([]);
      for (const block of sheet.info ?? []) for (const [label] of block.lines) expect([label, englishWords(label)]).toEqual([label, []]);
      for (const table of sheet.tables) {
        for (const c of table.columns) expect([c.header, englishWords(c.header)]).toEqual([c.header, []]);
        if (table.totals) expect(String(table.totals[0])).toBe("合计");
      }
      for (const chart of sheet.charts ?? []) expect([chart.title, englishWords(chart.title!)]).toEqual([chart.title, []]);
    }
    expect(sheetOf(first, "Aging").tables[0]!.columns[2]!.header).toBe("未到期");
  });

  it("writes warnings, reasons and decisions in Chinese: no English word in those cells", () => {
    const review = sheetOf(first, "Credit Review");
    const h = (key: string) => zh.t(`column.creditReview.${key}` as Parameters<typeof zh.t>[0]);
    const warnings = column(review, h("warnings")).map(String).filter((w) => w !== "");
    const reasons = column(review, h("reasons")).map(String);
    const decisions = column(review, h("decision")).map(String);
    expect(warnings.length).toBeGreaterThan(0);
    for (const text of [...warnings, ...reasons, ...decisions]) {
      expect(text).toMatch(HAN);
      expect([text, englishWords(text)]).toEqual([text, []]);
    }
    for (const w of first.critical ?? []) expect([w.message, englishWords(w.message)]).toEqual([w.message, []]);
    for (const w of first.critical ?? []) expect(wb.getCell(w.reviewSheet!, w.reviewRow, 0)).toBe(w.customerId);
    expect(new Set(english.critical!.map((w) => w.reviewSheet))).toEqual(new Set(["Credit Review"]));
    expect(first.critical!.length).toBe(english.critical!.length);
  });

  it("keeps the numbers numbers: the same figures as the English review", () => {
    const figures = (o: ReviewOutcome) => o.sheets!.map((s) => s.tables.map((t) => t.rows.map((r) => r.filter((v) => typeof v === "number"))));
    expect(figures(first)).toEqual(figures(english));
    expect(first.kpis).toEqual(english.kpis);
  });

  it("reviews its own Chinese workbook again with the same figures (the output sheets are not read as input)", async () => {
    const again = await runReview(wb, options);
    expect(again.status).toBe("written");
    expect(again.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(again.kpis).toEqual(first.kpis);
    expect(again.customers).toEqual(first.customers);
    expect(again.sheets!.map((s) => s.tables.map((t) => t.rows))).toEqual(first.sheets!.map((s) => s.tables.map((t) => t.rows)));
    expect(wb.sheetNames().filter((n) => n === "资信评审")).toHaveLength(1);
  });

  it("renders the default collection actions and the order-to-cash rating in Chinese, as the English review writes the Policy's texts", () => {
    const actionHeader = zh.t("column.collections.action");
    const actions = column(sheetOf(first, "Collections"), actionHeader).map(String);
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect([a, englishWords(a)]).toEqual([a, []]);
    const englishActions = column(sheetOf(english, "Collections"), "Action").map(String);
    for (const a of englishActions) expect([...DEFAULT_POLICY.collectionActions, RESOLVE_DISPUTE_ACTION]).toContain(a);
    const otc = (o: ReviewOutcome, label: string) => sheetOf(o, "Summary").info![1]!.lines.find(([l]) => l === label)![1];
    expect(otc(english, "Order-to-cash rating")).toBe(english.kpis!.otcRating);
    expect(String(otc(first, zh.t("summary.kpi.otcRating")))).toMatch(HAN);
  });
});

describe("a zh-CN review through the xlsx adapter (the CLI's), saved and reviewed again", () => {
  it("writes Chinese sheets into the file, and its review of the saved file gives the same figures", async () => {
    const book = XlsxWorkbook.create();
    expect((await setUpWorkbook(book, { withSample: true, asOf })).status).toBe("written");
    const sheet = (await book.excelJs()).getWorksheet("Policy")!;
    let row = 0;
    sheet.eachRow((r, n) => {
      if (r.getCell(1).value === "outputLanguage") row = n;
    });
    expect(row).toBeGreaterThan(1);
    sheet.getRow(row).getCell(2).value = "zh-CN";
    const first = await runReview(book, options);
    expect(first.status).toBe("written");
    const loaded = await XlsxWorkbook.load(await book.toBuffer());
    if (!loaded.ok) throw new Error("the reviewed workbook does not load");
    expect((await loaded.value.readWorkbook()).sheets).toEqual(expect.arrayContaining(["资信评审", "账龄分析", "催收清单", "信用管理概览"]));
    const again = await runReview(loaded.value, options);
    expect(again.status).toBe("written");
    expect(again.kpis).toEqual(first.kpis);
    expect(again.customers).toEqual(first.customers);
    expect(again.sheets!.map((s) => s.name)).toEqual(first.sheets!.map((s) => s.name));
  }, 60_000);
});
