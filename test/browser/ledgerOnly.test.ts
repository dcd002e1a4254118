/**
 * Issue 20 in the workbench, in a real Chromium: a finance team's own aging workbook
 * (ar-aging-report.xlsx: an open-items list, no Customers table) is imported and reviewed from
 * the real task pane with no set-up; then the pane's one-click "Customers sheet from the ledger"
 * writes the Customers sheet pre-filled with the ledger's customers.
 *
 * The workbook imported is ar-aging-report.xlsx with a column mapping saved in it (the
 * CreditDeskMapping table, as the pane's dialog or `credit-desk review --map` leaves it):
 * "Invoice #", "Issue Date" and "Open Advance (ILS)" are not headers Credit Desk knows yet (the
 * alias work of issue 20 is another branch), so this also proves that a saved mapping is reused
 * by the pane. The sheets shown are checked against the same review run in Node.
 *
 * Needs /usr/bin/chromium (Debian package "chromium"); without it these tests FAIL, they never skip.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { openWorkbench, RESULTS, type OpenWorkbench } from "../support/workbenchBrowser";
import { XlsxWorkbook } from "../../src/host/xlsx/XlsxWorkbook";
import { runReview } from "../../src/app/runReview";
import { saveMapping } from "../../src/app/savedMapping";
import { customerNameId } from "../../src/app/deriveCustomers";
import { OUTPUT_TABLE_ROW } from "../../src/app/buildOutputSheets";
import type { CellValue } from "../../src/host/WorkbookPort";
import type { ReviewOutcome } from "../../src/app/types";
import { parseDateText } from "../../src/engine/dates/dayNumber";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const AS_OF = "2026-07-16";
const AR_AGING = path.resolve(ROOT, "../shared/data/workbooks/ar-aging-report.xlsx");
const PREPARED = path.join(RESULTS, "ledger-only", "ar-aging-report.xlsx");
const MAPPING = { receivables: { "Invoice #": "invoiceId", "Issue Date": "invoiceDate", "Open Advance (ILS)": "amount" } };

let workbench: OpenWorkbench | undefined;
let url = "";
let browser: Browser | undefined;
let page: Page;
/** The same review in Node, over the same file. */
let reference: ReviewOutcome;

beforeAll(async () => {
  fs.mkdirSync(path.dirname(PREPARED), { recursive: true });
  const loaded = await XlsxWorkbook.load(AR_AGING);
  if (!loaded.ok) throw new Error("cannot read ar-aging-report.xlsx");
  expect(await saveMapping(loaded.value, MAPPING)).toBe("created");
  const saved = await loaded.value.save(PREPARED);
  if (!saved.ok) throw new Error("cannot write the prepared workbook");

  const asOf = parseDateText(AS_OF, "asOf");
  if (!asOf.ok) throw new Error("bad AS_OF");
  const again = await XlsxWorkbook.load(PREPARED);
  if (!again.ok) throw new Error("cannot read the prepared workbook");
  reference = await runReview(again.value, { asOf: asOf.value, generatedAt: `${AS_OF}T00:00:00Z`, addinVersion: "reference" });
  expect(reference.status).toBe("written");

  workbench = await openWorkbench(["--disable-component-update", "--disable-sync", "--disable-quic"]);
  ({ url, browser } = workbench);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on("pageerror", (e) => process.stderr.write(`page error: ${e.message}\n`));
}, 400_000);

afterAll(async () => {
  await workbench?.close();
});

const screenshot = (name: string) => page.screenshot({ path: path.join(RESULTS, `ledger-only-${name}.png`), fullPage: true });

async function readSheet(name: string): Promise<CellValue[][]> {
  await page.getByTestId(`sheet-tab-${name}`).click();
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${name}"]`).waitFor();
  return page.$$eval('[data-testid="sheet-grid"] tbody tr', (rows) =>
    rows.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => (td.dataset.value === undefined ? null : JSON.parse(td.dataset.value)))),
  );
}

/** The data rows of the output table of a review sheet (without the totals row). */
function dataRows(grid: CellValue[][]): CellValue[][] {
  const body = grid.slice(OUTPUT_TABLE_ROW + 1).filter((row) => row.some((v) => v !== null));
  return body.filter((row) => row[0] !== "Total");
}

const cents = (v: CellValue): number => Math.round(Number(v) * 100);

describe("a ledger without set-up, in the workbench", () => {
  it("imports the aging workbook; the pane finds the ledger (by its saved mapping) and offers the review, not the set-up", async () => {
    await page.goto(`${url}?asOf=${AS_OF}&empty=1`);
    await page.getByTestId("import-xlsx-file").setInputFiles(PREPARED);
    await page.getByTestId("sheet-tab-Open Invoices").waitFor();
    const tables = page.getByRole("list", { name: "Input tables" });
    await tables.waitFor();
    await expect(tables.textContent()).resolves.toContain("Not found: the customers are taken from the ledger");
    await page.getByRole("button", { name: "Run review" }).waitFor();
    await expect(page.getByRole("button", { name: "Create input sheets" }).count()).resolves.toBe(0);
    await screenshot("1-imported");
  });

  it("reviews it from the pane with no set-up: the Aging sheet equals the Node review, to the cent", async () => {
    await page.getByRole("button", { name: "Run review" }).click();
    await page.getByTestId("sheet-tab-Aging").waitFor({ timeout: 60_000 });
    const rows = dataRows(await readSheet("Aging"));
    const expected = reference.sheets?.find((s) => (s.outputId ?? s.name) === "Aging")?.tables[0].rows ?? [];
    expect(rows.length).toBe(20);
    expect(rows.map((r) => [r[0], r[1], ...r.slice(2).map(cents)])).toEqual(expected.map((r) => [r[0], r[1], ...r.slice(2).map(cents)]));
    const review = dataRows(await readSheet("Credit Review"));
    expect(new Set(review.map((r) => r[8]))).toEqual(new Set(["needs scores"]));
    await screenshot("2-reviewed");
  });

  it("creates the Customers sheet pre-filled from the ledger with one click in the pane", async () => {
    await page.getByRole("button", { name: "Customers sheet from the ledger" }).click();
    await page.getByTestId("sheet-tab-Customers").waitFor({ timeout: 30_000 });
    // The pane reads the workbook again: the Customers table is found (20 rows), so the offer is gone.
    await page.getByTestId("from-ledger").waitFor({ state: "detached" });
    await expect(page.getByRole("list", { name: "Input tables" }).textContent()).resolves.not.toContain("taken from the ledger");
    const grid = await readSheet("Customers");
    expect(grid[0].slice(0, 2)).toEqual(["CustomerId", "Name"]);
    const customers = grid.slice(1).filter((r) => r[0] !== null);
    expect(customers).toHaveLength(20);
    for (const row of customers) {
      expect(row[0]).toBe(customerNameId(String(row[1])));
      expect(row.slice(2).every((v) => v === null)).toBe(true);
    }
    const reviewed = new Set((reference.customers ?? []).map((c) => c.customerId));
    expect(new Set(customers.map((r) => r[0]))).toEqual(reviewed);
    await screenshot("3-customers");
  });
});
