/**
 * The HyperFormula adapter of test/support/hyperformulaCredit.ts on probe functions: the function
 * table comes from generated metadata, arguments arrive as Excel hands them, errors map to Excel
 * errors, and matrix results spill.
 */
import * as fs from "fs";
import * as path from "path";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { generateMetadata, loadCreditFormulaKit, manifestNamespace, type CreditFormulaKit } from "../support/hyperformulaCredit";
import * as probes from "./fixtures/probeFunctions";

const PROBES = path.join(__dirname, "fixtures/probeFunctions.ts");
let kit: CreditFormulaKit;

beforeAll(async () => {
  kit = await loadCreditFormulaKit(probes, PROBES);
});
afterAll(() => kit.dispose());

function errorOf(hf: HyperFormula, address: { sheet: number; row: number; col: number }): { type: string; message: string } {
  const v = hf.getCellValue(address);
  if (!(v instanceof DetailedCellError)) throw new Error(`expected an error, got ${JSON.stringify(v)}`);
  return { type: v.type, message: v.message };
}

describe("function table from the generated metadata", () => {
  it("names every function <namespace>.<metadata name>, namespace from manifest.xml", async () => {
    const metadata = await generateMetadata(PROBES);
    expect(manifestNamespace()).toBe("CREDIT");
    expect(kit.functions.map((f) => f.formulaName)).toEqual(metadata.functions.map((f) => `CREDIT.${f.name}`));
    expect(kit.functions.find((f) => f.formulaName === "CREDIT.PROBEKIND")?.javascriptName).toBe("probeKind");
  });

  it("registers them in HyperFormula", () => {
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const f of kit.functions) expect(registered).toContain(f.formulaName);
  });

  it("keeps HyperFormula (GPL-3.0) out of the shipped code: no file under src/ or workbench/ imports it", () => {
    const root = path.resolve(__dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx|js)$/.test(entry.name) && /from\s+["']hyperformula|require\(["']hyperformula/.test(fs.readFileSync(full, "utf8"))) offenders.push(path.relative(root, full));
      }
    };
    walk(path.join(root, "src"));
    walk(path.join(root, "workbench"));
    expect(offenders).toEqual([]);
  });

  it("fails loudly when a metadata id has no exported function", async () => {
    await expect(loadCreditFormulaKit({}, PROBES)).rejects.toThrow(/exports no function named probeKind/);
  });
});

describe("arguments as Excel hands them", () => {
  it.each([
    ["=CREDIT.PROBEKIND(1)", "number:1|null"],
    ["=CREDIT.PROBEKIND(1,)", "number:1|null"],
    ['=CREDIT.PROBEKIND("x", TRUE())', "string:x|boolean:true"],
    ["=CREDIT.PROBEKIND(B1)", "blank|null"],
    ["=CREDIT.PROBEKIND(C1, C1)", "number:7|number:7"],
    ["=CREDIT.PROBEKIND(D1)", "string:abc|null"],
  ])("%s → %s", (formula, expected) => {
    const hf = kit.build({ S: [[formula, null, 7, "abc"]] });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 0 })).toBe(expected);
  });

  it("passes a matrix parameter a 2-D array, a scalar as 1×1, blank cells as blanks", () => {
    const hf = kit.build({
      S: [
        [1, 2, "=CREDIT.PROBESHAPE(A1:B3)"],
        [3, null, "=CREDIT.PROBESHAPE(5)"],
        [4, "t", "=CREDIT.PROBEKIND(A1:A2)"],
      ],
    });
    expect(hf.getCellValue({ sheet: 0, row: 0, col: 2 })).toBe("3x2:10");
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 2 })).toBe("1x1:5");
    // A scalar parameter given a range: #VALUE!, as there is no implicit intersection here.
    expect(errorOf(hf, { sheet: 0, row: 2, col: 2 }).type).toBe("VALUE");
  });

  it("propagates an error in an argument without calling the function", () => {
    const hf = kit.build({ S: [["=1/0", "=CREDIT.PROBEKIND(A1)", "=CREDIT.PROBESHAPE(A1:A1)"]] });
    expect(errorOf(hf, { sheet: 0, row: 0, col: 1 }).type).toBe("DIV_BY_ZERO");
    expect(errorOf(hf, { sheet: 0, row: 0, col: 2 }).type).toBe("DIV_BY_ZERO");
  });

  it("reports a missing required argument and too many arguments as #N/A", () => {
    const hf = kit.build({ S: [["=CREDIT.PROBESHAPE()", "=CREDIT.PROBEKIND(1,2,3)"]] });
    expect(errorOf(hf, { sheet: 0, row: 0, col: 0 })).toEqual({ type: "NA", message: "PROBESHAPE: values is required" });
    expect(errorOf(hf, { sheet: 0, row: 0, col: 1 }).type).toBe("NA");
  });
});

describe("errors and arrays back to the sheet", () => {
  it.each([
    ["#VALUE!", "VALUE"],
    ["#N/A", "NA"],
    ["#NUM!", "NUM"],
    ["#DIV/0!", "DIV_BY_ZERO"],
  ])("a returned or thrown CustomFunctions.Error %s is HyperFormula %s with the message", (code, type) => {
    const hf = kit.build({ S: [[`=CREDIT.PROBEERROR("${code}")`, `=CREDIT.PROBETHROW("${code}")`]] });
    expect(errorOf(hf, { sheet: 0, row: 0, col: 0 })).toEqual({ type, message: `probe ${code}` });
    expect(errorOf(hf, { sheet: 0, row: 0, col: 1 })).toEqual({ type, message: `probe ${code}` });
  });

  it("spills a matrix result entered after its inputs, and recomputes it when an input changes", () => {
    const hf = kit.build({ S: [[1], [2], [3]] });
    hf.setCellContents({ sheet: 0, row: 0, col: 1 }, "=CREDIT.PROBEDOUBLE(A1:A3)");
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([2, 4, 6]);
    hf.setCellContents({ sheet: 0, row: 1, col: 0 }, 10);
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([2, 20, 6]);
    // Other formulas read the spilled cells.
    hf.setCellContents({ sheet: 0, row: 3, col: 1 }, "=SUM(B1:B3)");
    expect(hf.getCellValue({ sheet: 0, row: 3, col: 1 })).toBe(28);
  });

  it("sizes a spill built in the same batch as its inputs from the argument shapes", () => {
    const hf = kit.build({ S: [["=CREDIT.PROBEDOUBLE(B1:B4)", 1], [null, 2], [null, 3], [null, 4]] });
    expect(hf.getSheetValues(0).map((row) => row[0])).toEqual([2, 4, 6, 8]);
  });
});
