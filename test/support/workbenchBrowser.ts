/**
 * The browser tests' common set-up: the workbench page served on a free port (scripts/workbench,
 * built once per run by globalSetup) and Debian's Chromium launched headless. Without
 * /usr/bin/chromium the tests fail, they never skip.
 */
import * as fs from "fs";
import * as path from "path";
import type { Server } from "http";
import { chromium, type Browser } from "playwright-core";
import { serve } from "../../scripts/workbench";

export const CHROMIUM = "/usr/bin/chromium";
/** Screenshots and other artefacts of the browser tests. */
export const RESULTS = path.resolve(__dirname, "../../test-results");

export interface OpenWorkbench {
  url: string;
  browser: Browser;
  /** Closes the browser and stops the server. */
  close(): Promise<void>;
}

export async function openWorkbench(extraArgs: readonly string[] = []): Promise<OpenWorkbench> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium). The browser tests fail rather than skip without it.`);
  }
  fs.mkdirSync(RESULTS, { recursive: true });
  const { server, url } = (await serve({ port: 0 })) as { server: Server; url: string };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run", ...extraArgs],
  });
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
