/** The i18n layer's place (eslint.config.js): the engine may not import it; it imports no other layer of src/. */
import { ESLint } from "eslint";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
// As test/architecture/layers.test.ts: the flat config passed in directly (jest's VM lacks dynamic import()).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require(path.join(ROOT, "eslint.config.js")) as ESLint.Options["overrideConfig"];
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

async function ruleIds(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.ruleId ?? "");
}

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
    ["src/i18n/probe.ts", 'import { createIntl } from "@formatjs/intl";\nexport const a = createIntl;\n'],
    ["src/app/probe.ts", 'import { GLOSSARY } from "../i18n/glossary";\nexport const a = GLOSSARY;\n'],
    ["src/cli/probe.ts", 'import { createTranslator } from "../i18n/translator";\nexport const a = createTranslator;\n'],
    ["src/taskpane/probe.ts", 'import { intlConfig } from "../i18n/messages";\nexport const a = intlConfig;\n'],
  ])("%s may import what it needs (%#)", async (file, text) => {
    expect(await ruleIds(file, text)).toEqual([]);
  });
});
