/* Screenshots of the task pane for the README (docs/screenshots/): the workbench with the sample
 * portfolio, after a review, at a narrow task-pane width. Needs Debian's chromium.
 * Run: node scripts/screenshots.js (builds the workbench first). */
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");
const { build, serve } = require("./workbench");

const OUT = path.resolve(__dirname, "..", "docs", "screenshots");

async function main() {
  await build();
  const { server, url } = await serve({ port: 0 });
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"],
  });
  try {
    fs.mkdirSync(OUT, { recursive: true });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${url}?asOf=2025-06-30`);
    await page.getByRole("button", { name: "Run review" }).click();
    await page.getByTestId("sheet-tab-Credit Review").waitFor();
    await page.getByTestId("sheet-tab-Credit Review").click();
    await page.waitForTimeout(1500); // let the lazily loaded charts draw
    await page.screenshot({ path: path.join(OUT, "workbench-credit-review.png") });
    // A tall window shows the whole pane: set-up, tables found, review, KPIs and charts.
    await page.setViewportSize({ width: 1440, height: 2400 });
    await page.waitForTimeout(1000);
    await page.getByTestId("task-pane").screenshot({ path: path.join(OUT, "pane-results.png") });
    console.log(`screenshots written to ${OUT}`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
