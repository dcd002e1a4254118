/**
 * The CREDIT functions as a user meets them: formulas in a what-if sheet, chained by cell
 * references, recalculated when an input changes, spilling whole columns. The functions come from
 * the metadata generated from src/functions/functions.ts (test/support/hyperformulaCredit.ts).
 * Figures are the worked examples of credit-method.md; limits are recomputed in the test by the
 * plain §5 arithmetic from the shipped policy. HyperFormula rounds what it returns to 10 decimal
 * places (its precisionRounding), so computed figures are compared to 8.
 */
import * as fs from "fs";
import { DetailedCellError, HyperFormula, type RawCellContent } from "hyperformula";
import { FUNCTIONS_SOURCE, loadCreditFormulaKit, type CreditFormulaKit } from "../support/hyperformulaCredit";
import * as functions from "../../src/functions/functions";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";

let kit: CreditFormulaKit;
beforeAll(async () => {
  kit = await loadCreditFormulaKit(functions);
});
afterAll(() => kit.dispose());

/** A one-sheet engine from rows of inputs; formulas are then entered one by one, as a user types them. */
function sheet(rows: RawCellContent[][]): { hf: HyperFormula; at: (a1: string) => { sheet: number; row: number; col: number } } {
  const hf = kit.build({ WhatIf: rows });
  const at = (a1: string) => {
    const address = hf.simpleCellAddressFromString(a1, 0);
    if (!address) throw new Error(`bad address ${a1}`);
    return address;
  };
  return { hf, at };
}

function enter(hf: HyperFormula, at: (a1: string) => { sheet: number; row: number; col: number }, cells: Record<string, string>): void {
  for (const [a1, formula] of Object.entries(cells)) hf.setCellContents(at(a1), formula);
}

function errorType(value: unknown): string {
  if (!(value instanceof DetailedCellError)) throw new Error(`expected an error, got ${JSON.stringify(value)}`);
  return value.type;
}

describe("the function table", () => {
  it("holds one CREDIT.<id> function per @customfunction tag of the function files", () => {
    const tags = FUNCTIONS_SOURCE.flatMap((file) => fs.readFileSync(file, "utf8").match(/@customfunction\s+([A-Z0-9.]+)/g) ?? []);
    const ids = tags.map((t) => t.replace(/@customfunction\s+/, ""));
    expect(kit.functions.map((f) => f.metadata.id).sort()).toEqual(ids.sort());
    const registered = HyperFormula.getRegisteredFunctionNames("enGB");
    for (const id of ids) expect(registered).toContain(`CREDIT.${id}`);
  });
});

describe("scoring chain: CREDIT.SCORE → CREDIT.GRADE", () => {
  // §2: scores 8, 6, 0 (unknown), 10 with weights 3, 2, 1, 2 → 56 / 80 = 70 %.
  const inputs: RawCellContent[][] = [
    ["Scores", 8, 6, 0, 10],
    ["Weights", 3, 2, 1, 2],
  ];

  it("gives the method's composite 70 % (not 80 %), coverage 87.5 %, grade B", () => {
    const { hf, at } = sheet(inputs);
    enter(hf, at, { B4: "=CREDIT.SCORE(B1:E1, B2:E2)", B5: "=CREDIT.COVERAGE(B1:E1, B2:E2)", B6: "=CREDIT.GRADE(B4)" });
    expect(hf.getCellValue(at("B4"))).toBeCloseTo((8 * 3 + 6 * 2 + 0 * 1 + 10 * 2) / (10 * 8) * 100, 8);
    expect(hf.getCellValue(at("B4"))).toBeCloseTo(70, 8);
    expect(hf.getCellValue(at("B5"))).toBeCloseTo(((3 + 2 + 2) / 8) * 100, 8);
    expect(hf.getCellValue(at("B6"))).toBe("B");
  });

  it("recalculates when a score changes: filling in the unknown characteristic turns B into A", () => {
    const { hf, at } = sheet(inputs);
    enter(hf, at, { B4: "=CREDIT.SCORE(B1:E1, B2:E2)", B6: "=CREDIT.GRADE(B4)", B7: '=CREDIT.GRADE(B4, "AAA")' });
    expect([hf.getCellValue(at("B6")), hf.getCellValue(at("B7"))]).toEqual(["B", "A"]);
    hf.setCellContents(at("D1"), 10); // (24 + 12 + 10 + 20) / 80 = 82.5 %
    expect(hf.getCellValue(at("B4"))).toBeCloseTo(82.5, 8);
    expect([hf.getCellValue(at("B6")), hf.getCellValue(at("B7"))]).toEqual(["A", "AA"]);
    hf.setCellContents(at("B1"), 0); // (0 + 12 + 10 + 20) / 80 = 52.5 %
    expect(hf.getCellValue(at("B6"))).toBe("C");
  });

  it("a score out of 0–10 is an error the grade cell inherits", () => {
    const { hf, at } = sheet([["Scores", 8, 6, 11, 10], ["Weights", 3, 2, 1, 2]]);
    enter(hf, at, { B4: "=CREDIT.SCORE(B1:E1, B2:E2)", B6: "=CREDIT.GRADE(B4)" });
    const type = errorType(hf.getCellValue(at("B4")));
    expect(["VALUE", "NUM"]).toContain(type);
    expect(errorType(hf.getCellValue(at("B6")))).toBe(type);
  });

  it.each([
    [100, "A"],
    [80, "A"],
    [79.999, "B"],
    [60, "B"],
    [59.999, "C"],
    [40, "C"],
    [39.999, "D"],
    [0, "D"],
  ])("a column of composites spills one grade each: %p → %p", (composite, expected) => {
    const column = [[composite], [80], [59.999]];
    const { hf, at } = sheet(column);
    enter(hf, at, { B1: "=CREDIT.GRADE(A1:A3)" });
    expect(hf.getSheetValues(0).map((row) => row[1])).toEqual([expected, "A", "C"]);
  });

  it("spills grades for a whole column of customers' scores, blocks of 18 with the policy's weights", () => {
    const rows: RawCellContent[][] = [
      Array.from({ length: 18 }, () => 10),
      Array.from({ length: 18 }, () => 7),
      Array.from({ length: 18 }, () => 5),
      Array.from({ length: 18 }, () => 0),
    ];
    const { hf, at } = sheet(rows);
    enter(hf, at, { T1: "=CREDIT.SCORE(A1:R4)", U1: "=CREDIT.GRADE(T1:T4)" });
    const values = hf.getSheetValues(0);
    expect(values.map((r) => r[19])).toEqual([100, 70, 50, 0]);
    expect(values.map((r) => r[20])).toEqual(["A", "B", "C", "D"]);
  });
});

describe("CREDIT.WORKINGASSETS and CREDIT.ZSCORE: the method's worked examples", () => {
  it("spills working assets, evaluation value, percent and basis: 4,250 / 2.1167 / 25 % / 1,062.50 and 1,000 / −3.5 / 5 % / 50", () => {
    const { hf, at } = sheet([
      ["CA", "Inventory", "CL", "TL", "NW"],
      [5000, 2000, 2500, 4000, 6000],
      [3000, 1500, 3000, 7000, 2000],
    ]);
    enter(hf, at, { G2: "=CREDIT.WORKINGASSETS(A2:A3, B2:B3, C2:C3, D2:D3, E2:E3)" });
    const [first, second] = hf.getSheetValues(0).slice(1).map((row) => row.slice(6, 10) as number[]);
    expect(first[0]).toBe(4250);
    expect(first[1]).toBeCloseTo(5000 / 2500 + 3000 / 2500 - (2500 / 6000 + 4000 / 6000), 8);
    expect(first[1]).toBeCloseTo(2.1167, 4);
    expect(first.slice(2)).toEqual([25, 1062.5]);
    expect(second[0]).toBe(1000);
    expect(second[1]).toBeCloseTo(-3.5, 8);
    expect(second.slice(2)).toEqual([5, 50]);
  });

  it("Z 3.09 (safe), Z' 2.5358 (grey), Z'' 4.537 (safe) for X1 0.2, X2 0.3, X3 0.1, X4 1.5, X5 1.2", () => {
    const { hf, at } = sheet([[0.2, 0.3, 0.1, 1.5, 1.2]]);
    enter(hf, at, {
      A3: '=CREDIT.ZSCORE("Z", A1, B1, C1, D1, E1)',
      B3: "=CREDIT.ZSCORE(\"Z'\", A1, B1, C1, D1, E1)",
      C3: "=CREDIT.ZSCORE(\"Z''\", A1, B1, C1, D1)",
      A4: '=CREDIT.ZONE("Z", A3)',
      B4: "=CREDIT.ZONE(\"Z'\", B3)",
      C4: "=CREDIT.ZONE(\"Z''\", C3)",
    });
    expect(hf.getCellValue(at("A3"))).toBeCloseTo(1.2 * 0.2 + 1.4 * 0.3 + 3.3 * 0.1 + 0.6 * 1.5 + 1.0 * 1.2, 8);
    expect(hf.getCellValue(at("A3"))).toBeCloseTo(3.09, 8);
    expect(hf.getCellValue(at("B3"))).toBeCloseTo(2.5358, 4);
    expect(hf.getCellValue(at("C3"))).toBeCloseTo(4.537, 8);
    expect([hf.getCellValue(at("A4")), hf.getCellValue(at("B4")), hf.getCellValue(at("C4"))]).toEqual(["safe", "grey", "safe"]);
  });

  it("a zero current-liabilities or net-worth denominator is an error value in the spill, never Infinity", () => {
    const { hf, at } = sheet([[5000, 2000, 0, 0, 0]]);
    enter(hf, at, { G1: "=CREDIT.WORKINGASSETS(A1, B1, C1, D1, E1)" });
    const row = hf.getSheetValues(0)[0].slice(6, 10);
    expect(row).toHaveLength(4);
    for (const v of row) expect(["DIV_BY_ZERO", "NA", "VALUE", "NUM"]).toContain(errorType(v));
  });
});

describe("CREDIT.LIMIT in a what-if chain: scores → grade → limit", () => {
  const policy = DEFAULT_POLICY;
  const figures = { sales: 36_500_000, margin: 0.25, ca: 5_000_000, inv: 2_000_000, cl: 2_500_000, tl: 4_000_000, nw: 6_000_000 };

  /** §5 by hand: the smallest basis × grade factor × payment factor, rounded down to the unit. */
  function expectedLimit(grade: "A" | "B" | "C", paymentFactor: number): number {
    const t = policy.gradeTerms[grade];
    const need = (figures.sales * (t.termsDays + policy.graceDays)) / 365;
    const workingAssets = (figures.ca - figures.cl + figures.nw) / 2; // evaluation 2.1167 → 25 %
    const workingAssetsBasis = workingAssets * 0.25;
    const netWorthCap = (figures.nw * policy.netWorthCapPercent) / 100;
    const profit = figures.sales * figures.margin * policy.profitMultiple;
    const formula = Math.min(need, workingAssetsBasis, netWorthCap, profit) * t.limitFactor * paymentFactor;
    return Math.floor(formula / policy.roundingUnit) * policy.roundingUnit;
  }

  function whatIf(): { hf: HyperFormula; at: (a1: string) => { sheet: number; row: number; col: number } } {
    const { hf, at } = sheet([
      ["Scores", 8, 6, 0, 10],
      ["Weights", 3, 2, 1, 2],
      ["Sales", figures.sales, "Margin", figures.margin],
      ["CA", figures.ca, "Inventory", figures.inv],
      ["CL", figures.cl, "TL", figures.tl],
      ["NW", figures.nw, "Days late", null],
    ]);
    enter(hf, at, {
      B8: "=CREDIT.SCORE(B1:E1, B2:E2)",
      B9: "=CREDIT.GRADE(B8)",
      B10: "=CREDIT.LIMIT(B9, B3, D3, B4, D4, B5, D5, B6, 0, D6)",
    });
    return { hf, at };
  }

  it("limits a grade-B customer to the working-assets basis × 0.8", () => {
    const { hf, at } = whatIf();
    expect(hf.getCellValue(at("B9"))).toBe("B");
    expect(hf.getCellValue(at("B10"))).toBe(expectedLimit("B", 1));
    expect(hf.getCellValue(at("B10"))).toBe(850_000);
  });

  it("raises the limit when a better score makes the customer an A", () => {
    const { hf, at } = whatIf();
    hf.setCellContents(at("D1"), 10);
    expect(hf.getCellValue(at("B9"))).toBe("A");
    expect(hf.getCellValue(at("B10"))).toBe(expectedLimit("A", 1));
  });

  it("cuts the limit by the payment factor when the customer pays 16–30 days late", () => {
    const { hf, at } = whatIf();
    hf.setCellContents(at("D6"), 20);
    expect(hf.getCellValue(at("B10"))).toBe(expectedLimit("B", 0.75));
  });

  it("spills the workings with detail TRUE, naming the binding basis", () => {
    const { hf, at } = whatIf();
    enter(hf, at, { D8: "=CREDIT.LIMIT(B9, B3, D3, B4, D4, B5, D5, B6, 0, D6, TRUE())" });
    const rows = hf.getSheetValues(0).slice(7).map((row) => [row[3], row[4]]);
    const byLabel = new Map(rows.filter(([label]) => typeof label === "string").map(([label, value]) => [String(label), value]));
    expect(byLabel.get("Recommended limit")).toBe(expectedLimit("B", 1));
    expect(String(byLabel.get("Binding basis"))).toMatch(/working/i);
    expect(byLabel.get("Grade factor")).toBe(policy.gradeTerms.B.limitFactor);
  });
});

describe("receivables metrics as formulas: the §6 worked examples", () => {
  // A quarter of 90 days, monthly credit sales 3,390 / 3,610 / 3,890, opening receivables 6,200,
  // closing 6,340 of which 3,590 current.
  const quarter: RawCellContent[][] = [
    ["Sales", 3390, 3610, 3890],
    ["Opening", 6200, "Closing", 6340],
    ["Current", 3590, "Days", 90],
  ];

  it("DSO 52.40, best possible DSO 29.67, ADD 22.73, CEI 79.63, chained from the sales cells", () => {
    const { hf, at } = sheet(quarter);
    enter(hf, at, {
      F1: "=SUM(B1:D1)",
      F2: "=CREDIT.DSO(D2, F1, D3)",
      F3: "=CREDIT.BPDSO(B3, F1, D3)",
      F4: "=CREDIT.ADD(D2, B3, F1, D3)",
      F5: "=CREDIT.CEI(B2, F1, D2, B3)",
    });
    const sales = 3390 + 3610 + 3890;
    expect(hf.getCellValue(at("F2"))).toBeCloseTo((6340 / sales) * 90, 8);
    expect(hf.getCellValue(at("F2"))).toBeCloseTo(52.4, 2);
    expect(hf.getCellValue(at("F3"))).toBeCloseTo(29.67, 2);
    expect(hf.getCellValue(at("F4"))).toBeCloseTo(22.73, 2);
    expect(hf.getCellValue(at("F5"))).toBeCloseTo(((6200 + sales - 6340) / (6200 + sales - 3590)) * 100, 8);
    expect(hf.getCellValue(at("F5"))).toBeCloseTo(79.63, 2);
    // What if the last month had sold nothing: DSO rises, recomputed through SUM.
    hf.setCellContents(at("D1"), 0);
    expect(hf.getCellValue(at("F2"))).toBeCloseTo((6340 / (3390 + 3610)) * 90, 8);
  });

  it("a period without sales is #DIV/0! in DSO, never Infinity", () => {
    const { hf, at } = sheet([[6340, 0, 90]]);
    enter(hf, at, { A2: "=CREDIT.DSO(A1, B1, C1)" });
    expect(errorType(hf.getCellValue(at("A2")))).toBe("DIV_BY_ZERO");
  });

  it("countback DSO 73.71 days for receivables 212,000 over months of 70,000, 80,000, 100,000", () => {
    const { hf, at } = sheet([[70000, 80000, 100000], [30, 30, 30], [212000]]);
    enter(hf, at, { A4: "=CREDIT.DSO.COUNTBACK(A3, A1:C1, A2:C2)" });
    expect(hf.getCellValue(at("A4"))).toBeCloseTo(30 + 30 + (32000 / 70000) * 30, 8);
    expect(hf.getCellValue(at("A4"))).toBeCloseTo(73.71, 2);
  });

  it("late-payment demand: 100 overdue 15 days at 10 % a year with a fee of 10 → 110.41", () => {
    const { hf, at } = sheet([[100, 15, 0.1, 10]]);
    enter(hf, at, { A2: "=CREDIT.INTEREST(A1, B1, C1, D1)" });
    expect(hf.getCellValue(at("A2"))).toBeCloseTo(100 + Math.round(((100 * 0.1 * 15) / 365) * 100) / 100 + 10, 8);
  });
});
