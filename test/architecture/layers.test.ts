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

describe("i18n layer rule", () => {
  jest.setTimeout(30_000);

  it.each([
    ["src/engine/probe.ts", 'import { GLOSSARY } from "../i18n/glossary";\nexport const a = GLOSSARY;\n'],
    ["src/engine/review/probe.ts", 'import { createTranslator } from "../../i18n/translator";\nexport const a = createTranslator;\n'],
    ["src/i18n/probe.ts", 'import { ok } from "../engine/errors";\nexport const a = ok;\n'],
    ["src/i18n/probe.ts", 'import type { InputTableKind } from "../app/types";\nexport type A = InputTableKind;\n'],
    ["src/i18n/probe.ts", 'import type { WorkbookPort } from "../host/WorkbookPort";\nexport type A = WorkbookPort;\n'],
    ["src/i18n/probe.ts", 'import * as pane from "../taskpane/App";\nexport const a = pane;\n'],
    ["src/i18n/probe.ts", 'import * as React from "react";\nexport const a = React;\n'],
    ["src/i18n/probe.ts", 'import * as fs from "fs";\nexport const a = fs;\n'],
  ])("%s may not import across the i18n boundary (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toContain("no-restricted-imports");
  });

  it.each([
    ["src/i18n/probe.ts", 'import { resolveLocale } from "./locale";\nexport const a = resolveLocale;\n'],
    ["src/i18n/probe.ts", 'import { IntlMessageFormat } from "intl-messageformat";\nexport const a = IntlMessageFormat;\n'],
    ["src/app/probe.ts", 'import { GLOSSARY } from "../i18n/glossary";\nexport const a = GLOSSARY;\n'],
    ["src/cli/probe.ts", 'import { createTranslator } from "../i18n/translator";\nexport const a = createTranslator;\n'],
    ["src/taskpane/probe.ts", 'import { intlConfig } from "../i18n/messages";\nexport const a = intlConfig;\n'],
  ])("%s may import what it needs (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toEqual([]);
  });
});

describe("app layer rule", () => {
  jest.setTimeout(30_000);

  it.each([
    ["src/app/probe.ts", 'import { OfficeWorkbook } from "../host/office/OfficeWorkbook";\nexport const a = OfficeWorkbook;\n'],
    ["src/app/probe.ts", 'import { XlsxWorkbook } from "../host/xlsx/XlsxWorkbook";\nexport const a = XlsxWorkbook;\n'],
    ["src/app/probe.ts", 'import * as pane from "../taskpane/App";\nexport const a = pane;\n'],
    ["src/app/probe.ts", 'import * as fs from "fs";\nexport const a = fs;\n'],
    ["src/host/probe.ts", 'import { runReview } from "../app/runReview";\nexport const a = runReview;\n'],
  ])("%s may not import across the app boundary (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toContain("no-restricted-imports");
  });

  it("lets the app layer use the engine and the WorkbookPort contract", async () => {
    expect(await ruleIds("src/app/probe.ts", 'import type { WorkbookPort } from "../host/WorkbookPort";\nimport { ok } from "../engine/errors";\nexport type A = WorkbookPort;\nexport const b = ok;\n')).toEqual([]);
  });
});
