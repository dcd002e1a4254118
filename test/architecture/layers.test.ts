/** The layer rules of docs/architecture.md are enforced by ESLint: a breach fails CI. */
import { ESLint } from "eslint";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
// The flat config is passed in directly: ESLint's own loader needs dynamic import(), which jest's VM lacks.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "eslint.config.js")) as ESLint.Options["overrideConfig"];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function ruleIds(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result.messages.map((m) => m.ruleId ?? "");
}

describe("layer rules", () => {
  jest.setTimeout(30_000);

  it.each([
    ["src/engine/probe.ts", 'import * as fs from "fs";\nexport const a = fs;\n'],
    ["src/engine/probe.ts", 'import { readFileSync } from "node:fs";\nexport const a = readFileSync;\n'],
    ["src/engine/probe.ts", 'import type { WorkbookPort } from "../host/WorkbookPort";\nexport type A = WorkbookPort;\n'],
    ["src/engine/probe.ts", 'import * as React from "react";\nexport const a = React;\n'],
    ["src/functions/probe.ts", 'import type { WorkbookPort } from "../host/WorkbookPort";\nexport type A = WorkbookPort;\n'],
    ["src/host/probe.ts", 'import { toExcel } from "../functions/toExcelError";\nexport const a = toExcel;\n'],
    ["src/taskpane/probe.ts", 'import * as cli from "../cli/main";\nexport const a = cli;\n'],
    ["src/cli/probe.ts", 'import * as pane from "../taskpane/App";\nexport const a = pane;\n'],
  ])("%s may not import across layers (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toContain("no-restricted-imports");
  });

  it.each([
    ["src/engine/probe.ts", "export const today = new Date();\n"],
    ["src/engine/probe.ts", "export const now = Date.now();\n"],
    ["src/taskpane/probe.ts", "export const r = Excel.run(async () => undefined);\n"],
  ])("%s may not read the clock or call Excel.run (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toContain("no-restricted-syntax");
  });

  it("allows the engine to import itself and the Office adapter to call Excel.run", async () => {
    expect(await ruleIds("src/engine/probe.ts", 'import { ok } from "./errors";\nexport const a = ok;\n')).toEqual([]);
    expect(await ruleIds("src/host/office/probe.ts", "export const r = Excel.run(async () => undefined);\n")).toEqual([]);
  });
});
