/**
 * Chinese custom-function metadata: the functions' JSON is generated from the source offline (as
 * the build's custom-functions-metadata-plugin does), localized by scripts/localizeFunctions.js
 * with src/i18n/functions.zh-CN.json, and both files are checked against each other: the same
 * functions in the same order with the same ids and names, the same parameters (count, types,
 * dimensionality, optional) and results, and every Chinese text present.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import translations from "../../src/i18n/functions.zh-CN.json";
import { GLOSSARY, type TermId } from "../../src/i18n/glossary";

interface Parameter { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }
interface FunctionMeta { id: string; name: string; description?: string; parameters: Parameter[]; result?: object; options?: object }
interface Metadata { functions: FunctionMeta[] }
type Translations = Record<string, { description: string; parameters: Record<string, { name: string; description: string }> }>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { localizeFunctions } = require("../../scripts/localizeFunctions.js") as {
  localizeFunctions(metadata: Metadata, translations: Translations): { metadata: Metadata | undefined; problems: string[] };
};

const FUNCTIONS_DIR = join(__dirname, "../../src/functions");
/** Every source file that declares custom functions (others are adding files beside functions.ts). */
const sources = readdirSync(FUNCTIONS_DIR)
  .filter((f) => /\.ts$/.test(f) && readFileSync(join(FUNCTIONS_DIR, f), "utf8").includes("@customfunction"))
  .map((f) => join(FUNCTIONS_DIR, f));

const CJK = /[\u4e00-\u9fff]/;
let english: Metadata;
let chinese: Metadata;
let problems: string[];

beforeAll(async () => {
  const generated = await generateCustomFunctionsMetadata(sources, false);
  expect(generated.errors).toEqual([]);
  english = JSON.parse(generated.metadataJson) as Metadata;
  const result = localizeFunctions(english, translations as Translations);
  problems = result.problems;
  chinese = result.metadata!;
}, 60_000);

describe("functions.zh-CN.json", () => {
  it("covers every function and parameter of the source, with nothing left over", () => {
    expect(sources.length).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
    expect(english.functions.length).toBeGreaterThanOrEqual(25);
  });

  it("keeps the ids, the English names, the order, the parameter shapes and the results", () => {
    expect(chinese.functions.map((f) => [f.id, f.name, f.parameters.length])).toEqual(english.functions.map((f) => [f.id, f.name, f.parameters.length]));
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({
        result: f.result,
        options: f.options,
        parameters: f.parameters.map((p) => [p.type, p.dimensionality ?? "scalar", p.optional === true]),
      }));
    expect(shape(chinese)).toEqual(shape(english));
  });

  it("gives every function a Chinese description and every parameter a Chinese name and description", () => {
    for (const f of chinese.functions) {
      expect([f.id, CJK.test(f.description ?? "")]).toEqual([f.id, true]);
      for (const p of f.parameters) {
        expect([f.id, p.name.trim().length > 0, CJK.test(p.description ?? "")]).toEqual([f.id, true, true]);
      }
      const names = f.parameters.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
    }
  });

  /** English parameter name → the glossary term its Chinese name must be. */
  const PARAMETER_TERMS: readonly [string, TermId][] = [
    ["grade", "creditGrade"],
    ["policy", "creditPolicy"],
    ["daysPastDue", "daysPastDue"],
    ["asOf", "asOfDate"],
    ["collateral", "collateral"],
    ["averageDaysLate", "averageDaysLate"],
    ["overdueRatio", "overdueRatio"],
    ["receivables", "accountsReceivable"],
  ];

  it.each(PARAMETER_TERMS)("names parameter %s with the glossary word for %s", (parameter, term) => {
    let seen = 0;
    english.functions.forEach((f, i) =>
      f.parameters.forEach((p, j) => {
        if (p.name !== parameter) return;
        seen++;
        expect([f.id, chinese.functions[i]!.parameters[j]!.name]).toEqual([f.id, GLOSSARY[term].zh]);
      }),
    );
    expect(seen).toBeGreaterThan(0);
  });
});

describe("localizeFunctions", () => {
  const meta: Metadata = {
    functions: [
      { id: "ONE", name: "ONE", description: "One.", parameters: [{ name: "a", type: "number" }, { name: "b", type: "any", optional: true }], result: { type: "number" } },
      { id: "TWO", name: "TWO", description: "Two.", parameters: [] },
    ],
  };
  const complete: Translations = {
    ONE: { description: "一。", parameters: { a: { name: "甲", description: "甲参数。" }, b: { name: "乙", description: "乙参数。" } } },
    TWO: { description: "二。", parameters: {} },
  };

  it("translates the description and the parameters' names and descriptions, and nothing else", () => {
    const { metadata, problems: found } = localizeFunctions(meta, complete);
    expect(found).toEqual([]);
    expect(metadata).toEqual({
      functions: [
        { id: "ONE", name: "ONE", description: "一。", parameters: [{ name: "甲", description: "甲参数。", type: "number" }, { name: "乙", description: "乙参数。", type: "any", optional: true }], result: { type: "number" } },
        { id: "TWO", name: "TWO", description: "二。", parameters: [] },
      ],
    });
  });

  const without = (id: string): Translations => Object.fromEntries(Object.entries(complete).filter(([k]) => k !== id));
  it.each<[string, Translations, string]>([
    ["a function without an entry", without("TWO"), "CREDIT.TWO: no Chinese entry in src/i18n/functions.zh-CN.json"],
    ["a parameter without an entry", { ...complete, ONE: { ...complete.ONE!, parameters: { a: complete.ONE!.parameters.a! } } }, "CREDIT.ONE(b): no Chinese entry for this parameter"],
    ["an entry for a function that is gone", { ...complete, GONE: complete.TWO! }, "CREDIT.GONE: Chinese entry for a function that does not exist"],
    ["an entry for a parameter that is gone", { ...complete, TWO: { description: "二。", parameters: { c: { name: "丙", description: "丙。" } } } }, "CREDIT.TWO(c): Chinese entry for a parameter the function does not have"],
    ["an empty description", { ...complete, TWO: { description: " ", parameters: {} } }, "CREDIT.TWO: the Chinese description is empty"],
    ["an empty parameter name", { ...complete, ONE: { ...complete.ONE!, parameters: { ...complete.ONE!.parameters, a: { name: "", description: "甲。" } } } }, "CREDIT.ONE(a): the Chinese parameter name is empty"],
    ["an empty parameter description", { ...complete, ONE: { ...complete.ONE!, parameters: { ...complete.ONE!.parameters, a: { name: "甲", description: "" } } } }, "CREDIT.ONE(a): the Chinese parameter description is empty"],
    ["a parameter name used twice", { ...complete, ONE: { ...complete.ONE!, parameters: { ...complete.ONE!.parameters, b: { name: "甲", description: "乙。" } } } }, "CREDIT.ONE: the Chinese parameter name \"甲\" is used twice"],
  ])("refuses %s, naming it", (_case, zh, problem) => {
    const result = localizeFunctions(meta, zh);
    expect(result.metadata).toBeUndefined();
    expect(result.problems).toEqual([problem]);
  });
});
