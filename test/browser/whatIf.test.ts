/**
 * The What-if view in the workbench, in a real Chromium (issue 14 "Done when" 2): on the sample
 * portfolio, change gradeBands.A from 80 to 70 in the pane, read the migration matrix and the
 * limit change from the page, and check them against the engine run directly in Node on the same
 * sample. In en-US light at 320 px and zh-CN dark at 500 px: nothing of the pane wider than the
 * pane. Screenshots go to test-results/ (whatif-<lang>-<theme>-<width>.png).
 *
 * Needs /usr/bin/chromium (Debian package "chromium"); without it these tests FAIL, they never skip.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { openWorkbench, RESULTS, type OpenWorkbench } from "../support/workbenchBrowser";
import { overflowingElements } from "../support/paneLayout";
import { messagesFor } from "../../src/i18n/messages";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../src/app/setUpWorkbook";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";
import { parseDateText } from "../../src/engine/dates/dayNumber";
import { GRADE_CLASSES, runScenario, whatIfBase, type ScenarioComparison } from "../../src/engine/scenarios";

const enUS = messagesFor("en-US");
const zhCN = messagesFor("zh-CN");

jest.setTimeout(180_000);

const AS_OF = "2025-06-30";

let workbench: OpenWorkbench | undefined;
let url = "";
let browser: Browser | undefined;
/** The engine's comparison for gradeBands.A = 70 on the sample, run directly in Node. */
let expected: ScenarioComparison;

beforeAll(async () => {
  const asOf = parseDateText(AS_OF, "asOf");
  if (!asOf.ok) throw new Error("bad AS_OF");
  const book = new MemoryWorkbook();
  await setUpWorkbook(book, { withSample: true, asOf: asOf.value });
  const snapshot = await book.readWorkbook();
  const reading = readPortfolio(snapshot, recogniseTables(snapshot));
  const base = whatIfBase(reading.portfolio, reading.policy, asOf.value);
  if (!base.ok) throw new Error("no what-if base");
  const compared = runScenario(base.value, { changes: [{ key: "gradeBands.A", value: "70" }] });
  if (!compared.ok) throw new Error("scenario failed");
  expected = compared.value;

  workbench = await openWorkbench();
  ({ url, browser } = workbench);
}, 300_000);

afterAll(async () => {
  await workbench?.close();
});

describe.each([
  ["en-US", "light", 320],
  ["zh-CN", "dark", 500],
] as const)("the What-if view in %s, %s, %i px", (lang, theme, width) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser!.newPage({ viewport: { width: 1200, height: 2400 } });
    page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  });
  afterAll(() => page.close());

  it("gradeBands.A 80 → 70: the migration matrix and the limit change on the page are the engine's", async () => {
    const m: Record<string, string> = lang === "zh-CN" ? zhCN : enUS;
    await page.goto(`${url}?asOf=${AS_OF}&lang=${lang}&theme=${theme}&width=${width}`);
    const pane = page.getByTestId("task-pane");
    await pane.getByRole("tab", { name: m["whatIf.tab"] }).click();
    const parameter = pane.getByLabel(m["whatIf.parameter"], { exact: true });
    await parameter.waitFor({ timeout: 60_000 });
    // Before any change: the current policy's A band, an identity migration.
    await parameter.selectOption("gradeBands.A");
    const value = pane.getByLabel(m["whatIf.value"], { exact: true });
    await expect(value.inputValue()).resolves.toBe("80");
    await value.fill("70");
    await pane.getByRole("button", { name: m["whatIf.addChange"] }).click();
    await pane.getByRole("list", { name: m["whatIf.changes"] }).waitFor();

    const matrix = await pane.getByTestId("whatif-migration").evaluate((table, classes) =>
      classes.map((from) => classes.map((to) => Number(table.querySelector(`td[data-from="${from}"][data-to="${to}"]`)?.getAttribute("data-value")))), [...GRADE_CLASSES]);
    expect(matrix).toEqual(expected.migration.map((row) => row.map((cell) => cell.customers)));
    expect(matrix.flatMap((row, f) => row.filter((_, t) => t !== f)).some((n) => n > 0)).toBe(true);

    const limit = pane.getByTestId("whatif-limit-change");
    const shown = await limit.evaluate((el) => [el.dataset.before, el.dataset.after, el.dataset.change].map(Number));
    expect(shown).toEqual([expected.totalLimit.before, expected.totalLimit.after, expected.totalLimit.change]);
    // The text the user reads carries the same figures, grouped in the locale.
    const text = (await limit.textContent()) ?? "";
    const fmt = (x: number) => x.toLocaleString(lang, { maximumFractionDigits: 0 });
    expect(text).toContain(`${fmt(expected.totalLimit.before)} → ${fmt(expected.totalLimit.after)}`);
    const byGrade = await pane.getByTestId("whatif-limits").locator("tbody tr").evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.grade, Number((r as HTMLElement).dataset.change)]));
    expect(byGrade).toEqual(expected.limitsByGrade.map((l) => [l.grade, l.change]));
    const movers = await pane.getByTestId("whatif-movers").locator("li").evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.customer));
    expect(movers).toEqual(expected.movers.map((mv) => mv.customerId));

    await pane.screenshot({ path: path.join(RESULTS, `whatif-${lang}-${theme}-${width}.png`) });
    const overflowing = await overflowingElements(pane);
    expect(overflowing).toEqual([]);
  });
});
