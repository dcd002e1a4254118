/**
 * scripts/apiSets.ts: requirement sets read from the code with the type checker. A fixture file
 * exercises each way a use can be written or guarded; every line marked `// use:NAME` is found by
 * its marker, so the expectations name lines, not numbers. Then the real add-in against manifest.xml.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import {
  addinSourceFiles,
  compareVersions,
  createProgram,
  declaredSets,
  findApiUses,
  findViolations,
  formatViolation,
  minimumSets,
  parseApiSetTag,
  type ApiUse,
} from "../../scripts/apiSets";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");

const FIXTURE = `
const HIGH = "1.9";
function canSuspend(): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", "1.9");
}
function supportsExcel(version: string): boolean {
  return Office.context.requirements.isSetSupported("ExcelApi", version);
}
export async function cases(): Promise<void> {
  await Excel.run(async (context) => {
    const app = context.workbook.application;
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    const range = sheet.getRange("A1:B2");
    range.values = [[1, 2], [3, 4]]; // use:plain
    app.suspendScreenUpdatingUntilNextSync(); // use:unguarded
    if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      app.suspendScreenUpdatingUntilNextSync(); // use:if
    } else {
      sheet.freezePanes.freezeRows(1); // use:else
    }
    if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
      app.suspendScreenUpdatingUntilNextSync(); // use:negated
    }
    if (canSuspend()) app.suspendScreenUpdatingUntilNextSync(); // use:helper
    if (supportsExcel("1.9")) app.suspendScreenUpdatingUntilNextSync(); // use:helperParam
    if (supportsExcel(HIGH)) app.suspendScreenUpdatingUntilNextSync(); // use:helperConst
    if (supportsExcel("1.7")) app.suspendScreenUpdatingUntilNextSync(); // use:tooLow
    const ok = Office.context.requirements.isSetSupported("ExcelApi", "1.9");
    if (ok && sheet.visible) app.suspendScreenUpdatingUntilNextSync(); // use:constAnd
    void (ok ? app.suspendScreenUpdatingUntilNextSync() : undefined); // use:ternary
    void (canSuspend() && app.suspendScreenUpdatingUntilNextSync()); // use:andRight
    range.load("values, dataValidation/type"); // use:load
    sheet.tables.load(["items/name", "items/legacyId"]); // use:loadArray
    await context.sync();
  });
}
export async function delayed(): Promise<void> {
  await Excel.run({ delayForCellEdit: true }, async (context) => context.sync()); // use:untagged
}
export function earlyReturn(app: Excel.Application): void {
  if (!Office.context.requirements.isSetSupported("ExcelApi", "1.9")) return;
  app.suspendScreenUpdatingUntilNextSync(); // use:early
}
export function conditionalFormat(range: Excel.Range): void {
  const format = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar); // use:enum
  format.dataBar.set({ barDirection: Excel.ConditionalDataBarDirection.leftToRight }); // use:literal
}
`;

let uses: ApiUse[] = [];
/** The add-in's own uses (src/), from the same program as the fixture: office-js is loaded once. */
let real: ApiUse[] = [];
let lines = new Map<string, number>();
let fixtureFile = "";

function usesOn(marker: string, member?: string): ApiUse[] {
  const line = lines.get(marker);
  if (line === undefined) throw new Error(`no line marked use:${marker}`);
  return uses.filter((u) => u.file === fixtureFile && u.line === line && (member === undefined || u.member === member));
}
const guardedFor = (u: ApiUse) => u.sets.some((s) => u.guards.some((g) => g.name === s.name && compareVersions(g.version, s.version) >= 0));

beforeAll(() => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "api-sets-"));
  const file = path.join(dir, "fixture.ts");
  fs.writeFileSync(file, FIXTURE);
  lines = new Map(FIXTURE.split("\n").flatMap((text, i) => {
    const m = /\/\/ use:(\w+)/.exec(text);
    return m ? [[m[1], i + 1] as [string, number]] : [];
  }));
  const files = addinSourceFiles(ROOT);
  const program = createProgram([file, ...files]);
  uses = findApiUses(program, [file], dir);
  real = findApiUses(program, files, ROOT);
  fixtureFile = "fixture.ts";
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("parseApiSetTag / compareVersions / declaredSets", () => {
  it.each([
    ["[Api set: ExcelApi 1.1]", [{ name: "ExcelApi", version: "1.1" }]],
    ["* [Api set: ExcelApi 1.10 ]", [{ name: "ExcelApi", version: "1.10" }]],
    ["[Api set: SharedRuntime 1.1, Mailbox 1.10]", [{ name: "SharedRuntime", version: "1.1" }]],
    ["[Api set: Mailbox 1.8 for shared folder support]", []],
    ["no tag here", []],
  ])("reads %j", (text, expected) => {
    expect(parseApiSetTag(text)).toEqual(expected);
  });

  it("compares versions as numbers, not text (property)", () => {
    expect(compareVersions("1.10", "1.9")).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.nat(30), fc.nat(30), (a, b) => Math.sign(compareVersions(`1.${a}`, `1.${b}`)) === Math.sign(a - b)),
    );
  });

  it("reads the manifest's sets with DefaultMinVersion as the default", () => {
    const xml = `<Requirements><Sets DefaultMinVersion="1.2"><Set Name="ExcelApi" MinVersion="1.9"/><Set Name="SharedRuntime"/></Sets></Requirements>`;
    expect([...declaredSets(xml)]).toEqual([["ExcelApi", "1.9"], ["SharedRuntime", "1.2"]]);
    expect(declaredSets("<OfficeApp/>").size).toBe(0);
  });
});

describe("findApiUses on a fixture", () => {
  it("resolves members to their declarations and sets", () => {
    const [values] = usesOn("plain", "Excel.Range.values");
    expect(values.sets).toEqual([{ name: "ExcelApi", version: "1.1" }]);
    expect(usesOn("unguarded", "Excel.Application.suspendScreenUpdatingUntilNextSync")[0].sets).toEqual([{ name: "ExcelApi", version: "1.9" }]);
  });

  it.each(["if", "helper", "helperParam", "helperConst", "constAnd", "ternary", "andRight", "early"])(
    "counts the use marked %s as guarded by ExcelApi 1.9",
    (marker) => {
      const found = usesOn(marker, "Excel.Application.suspendScreenUpdatingUntilNextSync");
      expect(found).toHaveLength(1);
      expect(guardedFor(found[0])).toBe(true);
    },
  );

  it.each(["unguarded", "negated", "tooLow"])("counts the use marked %s as unguarded", (marker) => {
    const found = usesOn(marker, "Excel.Application.suspendScreenUpdatingUntilNextSync");
    expect(found).toHaveLength(1);
    expect(guardedFor(found[0])).toBe(false);
  });

  it("does not carry a guard into the else branch", () => {
    const [freeze] = usesOn("else", "Excel.WorksheetFreezePanes.freezeRows");
    expect(freeze.sets).toEqual([{ name: "ExcelApi", version: "1.7" }]);
    expect(guardedFor(freeze)).toBe(false);
  });

  it("reads the properties named in load() strings and arrays, through paths and collections", () => {
    const load = usesOn("load").map((u) => u.member);
    expect(load).toEqual(expect.arrayContaining(["Excel.Range.values", "Excel.Range.dataValidation", "Excel.DataValidation.type"]));
    const loadArray = usesOn("loadArray").map((u) => u.member);
    expect(loadArray).toEqual(expect.arrayContaining(["Excel.TableCollection.items", "Excel.Table.name", "Excel.Table.legacyId"]));
    expect(usesOn("loadArray", "Excel.Table.legacyId")[0].sets).toEqual([{ name: "ExcelApi", version: "1.8" }]);
  });

  it("reads enum members and object-literal properties typed by Office.js", () => {
    expect(usesOn("enum").map((u) => u.member)).toEqual(expect.arrayContaining(["Excel.ConditionalFormatType.dataBar", "Excel.ConditionalFormatCollection.add"]));
    const literal = usesOn("literal").map((u) => u.member);
    expect(literal).toEqual(expect.arrayContaining(["Excel.Interfaces.DataBarConditionalFormatUpdateData.barDirection"]));
  });

  it("keeps members the types leave without a tag, apart from the checks", () => {
    const [delay] = usesOn("untagged", "Excel.RunOptions.delayForCellEdit");
    expect(delay.sets).toEqual([]);
    expect(findViolations([delay], new Map())).toEqual([]);
    expect(minimumSets([delay]).size).toBe(0);
  });

  it("fails exactly the unguarded uses above the declared minimum, naming file, line, member and set", () => {
    const violations = findViolations(uses, new Map([["ExcelApi", "1.8"]]));
    const flagged = new Set(violations.map((v) => `${v.use.line}:${v.use.member}`));
    for (const marker of ["unguarded", "negated", "tooLow"]) {
      expect(flagged).toContain(`${lines.get(marker)}:Excel.Application.suspendScreenUpdatingUntilNextSync`);
    }
    for (const marker of ["if", "helper", "early", "ternary"]) {
      expect(flagged).not.toContain(`${lines.get(marker)}:Excel.Application.suspendScreenUpdatingUntilNextSync`);
    }
    expect(violations.every((v) => v.needed.name === "ExcelApi" && compareVersions(v.needed.version, "1.8") > 0)).toBe(true);
    const unguarded = violations.find((v) => v.use.line === lines.get("unguarded"))!;
    expect(formatViolation(unguarded)).toBe(
      `fixture.ts:${lines.get("unguarded")}: Excel.Application.suspendScreenUpdatingUntilNextSync needs ExcelApi 1.9 but manifest.xml declares ExcelApi 1.8; ` +
        `raise the manifest's minimum or guard it with Office.context.requirements.isSetSupported("ExcelApi", "1.9") and a visible fallback.`,
    );
    expect(findViolations(uses, new Map([["ExcelApi", "1.9"]]))).toEqual([]);
    expect(minimumSets(uses).get("ExcelApi")).toBe("1.9");
  });
});

describe("the add-in against manifest.xml", () => {
  it("uses no Office.js member above the sets manifest.xml declares, except behind a guard", () => {
    // The Office adapter and the functions are found: the scan is not vacuous.
    expect(real.some((u) => u.file.startsWith("src/host/office/") && u.sets.some((s) => s.name === "ExcelApi"))).toBe(true);
    expect(real.some((u) => u.file.startsWith("src/functions/") && u.sets.some((s) => s.name === "CustomFunctionsRuntime"))).toBe(true);
    const declared = declaredSets(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"));
    const problems = findViolations(real, declared).map((v) => `${v.use.file}:${v.use.line} ${v.use.member} ${v.needed.name} ${v.needed.version}`);
    expect(problems).toEqual([]);
    // And the manifest asks for no more ExcelApi than the code needs unguarded.
    expect(declared.get("ExcelApi")).toBe(minimumSets(real).get("ExcelApi"));
  });
});
