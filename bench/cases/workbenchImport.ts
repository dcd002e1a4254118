/**
 * Issue 19's "workbench long tasks" section: a generated workbook of `invoices` invoices
 * (scripts/bigWorkbook.ts) imported into the workbench page in Debian's Chromium, with every main-
 * thread long task (the browser's PerformanceObserver "longtask": a task over 50 ms) put in the
 * phase it fell in, by the workbench's status line: before the file reaches the import worker,
 * while the worker parses it (unzipping → tables), while the page lays the received cells into
 * memory (tables → Imported), and after (the pane's scan of the new workbook, the sheet viewer).
 * Target: no main-thread gap over 200 ms. Needs /usr/bin/chromium (skipped with a note without it).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseDateText } from "../../src/engine/dates/dayNumber";
import { writeBigWorkbook } from "../../scripts/bigWorkbook";

export interface WorkbenchImportArgs {
  invoices: number;
}

interface Phase {
  name: string;
  longTasks: number;
  longestMs: number;
  totalMs: number;
}

export type WorkbenchImportResult =
  | { skipped: string }
  | { invoices: number; fileMB: number; importMs: number; untilPaneReadyMs: number; phases: Phase[]; longestMs: number; targetMs: number; met: boolean };

const CHROMIUM = "/usr/bin/chromium";

export async function workbenchImport(args: WorkbenchImportArgs): Promise<WorkbenchImportResult> {
  if (!existsSync(CHROMIUM)) return { skipped: `no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  const { chromium } = await import("playwright-core");
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the workbench's build/serve script is CommonJS
  const workbench = require("../../scripts/workbench") as { build(): Promise<unknown>; serve(o: { port: number }): Promise<{ server: import("http").Server; url: string }> };
  const dir = join(__dirname, "..", "work");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `workbench-${args.invoices}.xlsx`);
  const asOf = parseDateText("2025-06-30", "asOf");
  if (!asOf.ok) throw new Error("bad as-of");
  if (!existsSync(file)) await writeBigWorkbook(file, args.invoices, asOf.value);
  const { statSync } = await import("node:fs");
  await workbench.build();
  const { server, url } = await workbench.serve({ port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url);
    await page.getByTestId("workbench-status").waitFor();
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: [number, number][]; statuses: [number, string][] };
      w.longTasks = [];
      w.statuses = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks.push([e.startTime, e.duration]);
      }).observe({ type: "longtask" });
      const status = document.querySelector('[data-testid="workbench-status"]')!;
      new MutationObserver(() => w.statuses.push([performance.now(), status.textContent ?? ""])).observe(status, { childList: true, subtree: true, characterData: true });
    });
    const start = await page.evaluate(() => performance.now());
    await page.getByTestId("import-xlsx-file").setInputFiles(file);
    await page.waitForFunction(() => /Imported|failed/.test(document.querySelector('[data-testid="workbench-status"]')?.textContent ?? ""), null, { timeout: 600_000 });
    await page.getByRole("button", { name: "Run review" }).waitFor({ timeout: 600_000 });
    const ready = await page.evaluate(() => performance.now());
    await page.waitForTimeout(1_000);
    const { longTasks, statuses } = await page.evaluate(() => {
      const w = window as unknown as { longTasks: [number, number][]; statuses: [number, string][] };
      return { longTasks: w.longTasks, statuses: w.statuses };
    });
    const at = (pattern: RegExp): number => statuses.find(([, s]) => pattern.test(s))?.[0] ?? Number.NaN;
    const bounds: [string, number, number][] = [
      ["to the worker", start, at(/unzipping/)],
      ["worker parsing (unzipping → tables)", at(/unzipping/), at(/tables/)],
      ["laying cells into memory", at(/tables/), at(/Imported/)],
      ["after: pane scan and sheet viewer", at(/Imported/), Number.POSITIVE_INFINITY],
    ];
    const phases = bounds.map(([name, from, to]): Phase => {
      const tasks = longTasks.filter(([t]) => t >= from && t < to);
      return { name, longTasks: tasks.length, longestMs: Math.round(Math.max(0, ...tasks.map(([, d]) => d))), totalMs: Math.round(tasks.reduce((s, [, d]) => s + d, 0)) };
    });
    const longestMs = Math.max(...phases.map((p) => p.longestMs));
    return {
      invoices: args.invoices,
      fileMB: Math.round((statSync(file).size / 1048576) * 10) / 10,
      importMs: Math.round(at(/Imported/) - start),
      untilPaneReadyMs: Math.round(ready - start),
      phases,
      longestMs,
      targetMs: 200,
      met: longestMs <= 200,
    };
  } finally {
    await browser.close();
    server.close();
  }
}
