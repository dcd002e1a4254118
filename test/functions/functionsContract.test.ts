/**
 * Contract of the CREDIT custom functions, over the metadata generated from functions.ts exactly as
 * the build does. Renaming a function or a parameter is a deliberate act: regenerate the contract and
 * the README table with `node scripts/functions-metadata.js --write` and review the diff.
 */
import * as fs from "fs";
import * as path from "path";
import * as functions from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const tool = require("../../scripts/functions-metadata.js") as {
  metadata(): Promise<{ functions: { id: string; name: string; options?: { volatile?: boolean }; parameters: { name: string; description?: string }[]; description?: string }[]; associate: { id: string; functionName: string }[] }>;
  contractOf(meta: unknown): unknown;
  referenceTable(meta: unknown): string;
  withTable(readme: string, table: string): string;
  CONTRACT: string;
  README: string;
};

describe("CREDIT functions contract", () => {
  jest.setTimeout(60_000);
  let meta: Awaited<ReturnType<typeof tool.metadata>>;
  beforeAll(async () => {
    meta = await tool.metadata();
  });

  it("generates metadata without errors, with unique upper-case ids", () => {
    const ids = meta.functions.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of meta.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9.]*$/);
      expect(f.name).toBe(f.id);
    }
  });

  it("matches the committed contract (ids, names, parameter types and optionality, result shapes)", () => {
    const committed = JSON.parse(fs.readFileSync(tool.CONTRACT, "utf8")) as unknown;
    expect(tool.contractOf(meta)).toEqual(committed);
  });

  it("documents every function and every parameter for Excel's function help", () => {
    for (const f of meta.functions) {
      expect((f.description ?? "").length).toBeGreaterThan(10);
      for (const p of f.parameters) expect((p.description ?? "").length).toBeGreaterThan(3);
    }
  });

  // The naming guidelines for custom functions say not to reuse the name of an Excel 4.0 macro
  // function (Excel 4.0 Macro Reference); CREDIT.OPEN was renamed CREDIT.OPENBALANCE for it. The
  // list holds the one-word macro names a credit function could plausibly take.
  const XLM_NAMES = ["OPEN", "CLOSE", "SAVE", "RUN", "RESULT", "RETURN", "ARGUMENT", "EVALUATE", "FILES", "LINKS", "NAMES", "CALLER", "STEP", "HALT", "GOTO", "ALERT", "BEEP", "ECHO", "INPUT", "MESSAGE", "PAUSE", "POKE", "REQUEST", "VOLATILE", "WAIT", "FORMULA", "DOCUMENTS", "SELECTION", "WORKBOOK", "WORKSPACE", "CALCULATION", "CONSOLIDATE", "TABLE", "FILL", "COPY", "CUT", "PASTE", "CLEAR", "DELETE", "INSERT", "SORT", "FILTER"];
  it.each(XLM_NAMES)("does not name a function %s (an Excel 4.0 macro function)", (name) => {
    expect(meta.functions.map((f) => f.name)).not.toContain(name);
  });

  it("has no volatile function (nothing reads the clock)", () => {
    for (const f of meta.functions) expect(f.options?.volatile ?? false).toBe(false);
  });

  it("associates every id with a function exported from functions.ts", () => {
    const exported = functions as unknown as Record<string, unknown>;
    expect(meta.associate).toHaveLength(meta.functions.length);
    for (const a of meta.associate) expect(typeof exported[a.functionName]).toBe("function");
  });

  it("lists every function in the README reference table", () => {
    const readme = fs.readFileSync(path.resolve(tool.README), "utf8");
    expect(tool.withTable(readme, tool.referenceTable(meta))).toBe(readme);
  });
});
