/**
 * The Model view in a real Chromium (issue 17): the workbench on the sample portfolio, the real
 * task pane at 320 px (en-US) and 500 px (zh-CN). Fit the default model from the Model tab, see
 * the Model sheet appear in the viewer, AUC/KS/Gini, the calibration and IV tables within the
 * pane and without an axe-core violation; then run the review and find the model's PD, points
 * and expected-loss columns on Credit Review. Screenshots go to test-results/.
 *
 * Needs /usr/bin/chromium (Debian package "chromium"); without it these tests FAIL, they never skip.
 */
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { openWorkbench, RESULTS, type OpenWorkbench } from "../support/workbenchBrowser";
import { overflowingElements } from "../support/paneLayout";
import { messagesFor } from "../../src/i18n/messages";
import { OUTPUT_TABLE_ROW } from "../../src/app/output/sheetParts";

const enUS = messagesFor("en-US");
const zhCN = messagesFor("zh-CN");

jest.setTimeout(180_000);

const AS_OF = "2025-06-30";
const AXE = require.resolve("axe-core/axe.min.js");

let workbench: OpenWorkbench | undefined;
let url = "";
let browser: Browser | undefined;

beforeAll(async () => {
  workbench = await openWorkbench();
  ({ url, browser } = workbench);
}, 300_000);

afterAll(async () => {
  await workbench?.close();
});

describe.each([
  ["en-US", 320],
  ["zh-CN", 500],
] as const)("the Model view in %s at %i px", (lang, width) => {
  const m: Record<string, string> = lang === "zh-CN" ? zhCN : enUS;
  // The sheets are in the Policy's output language (the sample's: en-US), whatever the pane's.
  const sheets: Record<string, string> = enUS;
  let page: Page;
  beforeAll(async () => {
    page = await browser!.newPage({ viewport: { width: 1200, height: 1800 } });
    page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
  });
  afterAll(() => page.close());

  it("fits the model on the sample, writes the Model sheet and shows its measures within the pane, accessibly", async () => {
    await page.goto(`${url}?asOf=${AS_OF}&lang=${lang}&width=${width}`);
    const pane = page.getByTestId("task-pane");
    await pane.getByRole("tab", { name: m["model.pane.tab"] }).click();
    await pane.getByRole("button", { name: m["model.pane.fit"] }).click();
    await pane.getByText(m["model.pane.written"], { exact: true }).waitFor({ timeout: 60_000 });
    await page.getByTestId(`sheet-tab-${sheets["model.sheet.name"]}`).waitFor();
    await pane.screenshot({ path: path.join(RESULTS, `model-${lang}-${width}.png`) });

    const auc = Number(await pane.getByRole("group", { name: m["model.pane.auc"] }).locator("span").nth(1).textContent());
    expect(auc).toBeGreaterThan(0.5);
    expect(auc).toBeLessThanOrEqual(1);
    const calibration = pane.locator(`table[aria-label="${m["model.pane.calibration"]}"] tbody tr`);
    await expect(calibration.count()).resolves.toBe(10);
    const features = pane.locator(`table[aria-label="${m["model.pane.features"]}"] tbody tr`);
    await expect(features.count()).resolves.toBe(13);

    // Nothing wider than the pane.
    const overflowing = await overflowingElements(pane, { exceptInScrollContainers: true });
    expect(overflowing).toEqual([]);

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      type Node = { html: string };
      type Run = (el: Element, options: unknown) => Promise<{ violations: { id: string; nodes: Node[] }[] }>;
      const axe = (window as unknown as { axe: { run: Run } }).axe;
      const result = await axe.run(document.querySelector('[data-testid="task-pane"]')!, { rules: { "landmark-main-is-top-level": { enabled: false } } });
      // Tabster's focus dummies: the known false positive paneLocales.test.ts explains.
      return result.violations
        .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !(v.id === "aria-hidden-focus" && n.html.includes("data-tabster-dummy"))) }))
        .filter((v) => v.nodes.length > 0)
        .map((v) => `${v.id} (${v.nodes.length}) ${JSON.stringify(v.nodes.slice(0, 2).map((n) => n.html.slice(0, 160)))}`);
    });
    expect(violations).toEqual([]);
  });

  it("then the review adds PD, points and expected loss to Credit Review", async () => {
    const pane = page.getByTestId("task-pane");
    await pane.getByRole("tab", { name: m["pane.tab.review"] }).click();
    await pane.getByRole("button", { name: m["pane.review.run"] }).click();
    await pane.getByText(m["pane.review.written"], { exact: true }).waitFor({ timeout: 60_000 });
    const sheet = sheets["sheet.creditReview"];
    await page.getByTestId(`sheet-tab-${sheet}`).click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${sheet}"]`).waitFor();
    const header = await page.$$eval('[data-testid="sheet-grid"] tbody tr', (rows, at) =>
      Array.from(rows[at].querySelectorAll("td")).map((td) => (td.dataset.value === undefined ? null : JSON.parse(td.dataset.value) as unknown)), OUTPUT_TABLE_ROW);
    expect(header.slice(-3)).toEqual([sheets["model.column.pd"], sheets["model.column.points"], sheets["model.column.expectedLoss"]]);
  });
});
