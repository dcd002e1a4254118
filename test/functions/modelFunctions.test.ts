/**
 * CREDIT.WOE, IV, AUC, KS, POINTS, PD, EL, MARGINAL: the spec's worked examples (credit-method.md
 * §9, §10) through the functions as Excel calls them, and every bad input an error naming the argument.
 */
import "../support/errorsInEnglish";
import { CustomFunctionsError, ErrorCode } from "../support/customFunctionsStub";
import { col, excel, expectError, only } from "../support/excelCall";
import { auc, el, iv, ks, marginal, pd, points, woe } from "../../src/functions/modelFunctions";
import * as functions from "../../src/functions/functions";
import { bruteForceAuc, bruteForceKs } from "../engine/models/reference";


const round4 = (x: unknown): unknown => (typeof x === "number" ? Number(x.toFixed(4)) : x);

describe("the model functions are part of the one functions surface", () => {
  it("re-exports every model function from functions.ts (the bundle and the contract read it)", () => {
    const surface = functions as unknown as Record<string, unknown>;
    for (const fn of [woe, iv, auc, ks, points, pd, el, marginal]) expect(surface[fn.name]).toBe(fn);
  });
});

describe("CREDIT.WOE and CREDIT.IV (spec §10 example)", () => {
  it("gives WOE +0.2877 and −0.4055 and IV 0.1155 for 900 goods and 200 bads in (600, 100) and (300, 100)", () => {
    expect(excel(woe, col(600, 300), col(100, 100)).map((r) => r.map(round4))).toEqual([[0.2877], [-0.4055]]);
    expect(round4(excel(iv, col(600, 300), col(100, 100)))).toBe(0.1155);
  });
  it("skips wholly blank rows of the ranges", () => {
    expect(excel(woe, col(600, "", 300), col(100, "", 100)).map((r) => r.map(round4))).toEqual([[0.2877], [-0.4055]]);
  });
  it.each([
    [col(600, "many"), col(100, 100), /goods row 2/],
    [col(600, 300), col(100, -1), /bads row 2/],
    [col(600, 300), col(100), /bads.*1 row/],
    [col(600, 300), col(100, 0), /bin item 2.*no bads/],
  ])("names the bad argument (%#)", (goods, bads, message) => {
    const w = only(excel(woe, goods, bads));
    expect(w).toBeInstanceOf(CustomFunctionsError);
    expect((w as CustomFunctionsError).message).toMatch(message);
    expect((excel(iv, goods, bads) as CustomFunctionsError).message).toMatch(message);
  });
});

describe("CREDIT.AUC and CREDIT.KS", () => {
  const scores = col(0.1, 0.4, 0.35, 0.8, 0.5, 0.5);
  const defaults = col(0, 0, 1, 1, 0, 1);

  it("match a brute-force pairwise reference, ties counting one half", () => {
    const s = [0.1, 0.4, 0.35, 0.8, 0.5, 0.5];
    const y = [0, 0, 1, 1, 0, 1];
    expect(excel(auc, scores, defaults)).toBeCloseTo(bruteForceAuc(s, y), 12);
    expect(excel(ks, scores, defaults)).toBeCloseTo(bruteForceKs(s, y), 12);
    // By hand: bads 0.35, 0.8, 0.5 against goods 0.1, 0.4, 0.5: 1 + 3 + 2.5 (a tie) of 9 pairs.
    expect(excel(auc, scores, defaults)).toBeCloseTo(6.5 / 9, 12);
  });
  it("reads scorecard points with higherIsSafer, and TRUE/FALSE flags", () => {
    const pts = col(600, 570, 575, 520);
    expect(excel(auc, pts, col(false, false, true, true), true)).toBe(0.75);
    expect(excel(auc, pts, col(0, 0, 1, 1), null)).toBe(0.25);
  });
  it.each([
    [col(0.1, "x"), col(0, 1), /scores row 2/],
    [col(0.1, 0.2), col(0, 2), /defaults row 2.*got 2/],
    [col(0.1, 0.2), col(0, 0), /defaults.*no bad/],
    [col(0.1, 0.2, 0.3), col(0, 1), /defaults.*2 rows/],
  ])("names the bad argument (%#)", (s, d, message) => {
    expectError(excel(auc, s, d), ErrorCode.invalidValue, message);
    expectError(excel(ks, s, d), ErrorCode.invalidValue, message);
  });
});

describe("CREDIT.POINTS (spec §10 example)", () => {
  it("scores odds 50, 100 and 25 at 600, 620 and 580 with the defaults", () => {
    const out = excel(points, col(50, 100, 25, ""));
    expect(out.map((r) => r.map(round4))).toEqual([[600], [620], [580], [""]]);
  });
  it("takes its own scaling: offset at odds 1 is 487.1229 with PDO 20, 600 at 50:1", () => {
    expect(round4(only(excel(points, 1, 20, 600, 50)))).toBe(487.1229);
    // factor = (score at odds e) − offset = PDO / ln 2 = 28.8539
    expect(round4((only(excel(points, Math.E)) as number) - (only(excel(points, 1)) as number))).toBe(28.8539);
  });
  it("names the bad cell or argument", () => {
    const out = excel(points, col(100, 0, "lots"));
    expect(round4(out[0][0])).toBe(620);
    expectError(out[1][0], ErrorCode.invalidValue, /odds row 2.*above 0/);
    expectError(out[2][0], ErrorCode.invalidValue, /odds row 3/);
    expectError(only(excel(points, 100, 0)), ErrorCode.invalidValue, /pdo/);
    expectError(only(excel(points, 100, null, "high")), ErrorCode.invalidValue, /baseScore/);
    expectError(only(excel(points, 100, null, null, -5)), ErrorCode.invalidValue, /baseOdds/);
  });
});

describe("CREDIT.PD", () => {
  const model = [["Feature", "Coefficient"], ["Intercept", -1.2], ["daysLate", 0.05], ["overdueShare", 2]];
  const features = [["overdueShare", "daysLate", "ignored"], [0.1, 10, "x"], ["", "", ""], [0.5, 30, 1]];

  it("applies the coefficients by column name, one PD per row, blank rows blank", () => {
    const out = excel(pd, features, model);
    const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
    expect(out[0][0]).toBeCloseTo(sigmoid(-1.2 + 0.05 * 10 + 2 * 0.1), 14);
    expect(out[1][0]).toBe("");
    expect(out[2][0]).toBeCloseTo(sigmoid(-1.2 + 0.05 * 30 + 2 * 0.5), 14);
  });
  it.each([
    [features, [["daysLate", 0.05]], /model.*Intercept/],
    [features, [["Intercept", 1], ["Intercept", 2]], /model row 2.*second intercept/],
    [features, [["Intercept", 1], ["missing", 2]], /features.*"missing"/],
    [[["daysLate"]], [["Intercept", 1], ["daysLate", 2]], /features.*header row/],
    [features, [["Intercept", 1], ["daysLate", "high"], ["overdueShare", 1]], /model row 2/],
  ])("names the bad argument (%#)", (f, m, message) => {
    expectError(only(excel(pd, f, m)), ErrorCode.invalidValue, message);
  });
  it("names a bad feature cell by row and column", () => {
    const out = excel(pd, [["daysLate"], [10], ["soon"]], [["Intercept", 0], ["daysLate", 1]]);
    expect(out[0][0]).toBeCloseTo(1 / (1 + Math.exp(-10)), 14);
    expectError(out[1][0], ErrorCode.invalidValue, /features.daysLate row 3/);
  });
});

describe("CREDIT.EL", () => {
  it("is PD × LGD × exposure per row, a single LGD serving every row", () => {
    const out = excel(el, col(0.02, 0.1, "", 0.5), 0.45, col(100000, 5000, "", -800));
    expect(out[0][0]).toBeCloseTo(900, 9);
    expect(out[1][0]).toBeCloseTo(225, 9);
    expect(out[2][0]).toBe("");
    expect(out[3][0]).toBe(0);
  });
  it("names the bad cell", () => {
    const out = excel(el, col(0.02, 1.5, "x"), 0.45, col(100, 100, 100));
    expect(out[0][0]).toBeCloseTo(0.9, 12);
    expectError(out[1][0], ErrorCode.invalidValue, /pd row 2/);
    expectError(out[2][0], ErrorCode.invalidValue, /pd row 3/);
    expectError(only(excel(el, col(0.1, 0.2), col(0.4, 0.4, 0.4), 100)), ErrorCode.invalidValue, /lgd/);
  });
});

describe("CREDIT.MARGINAL (spec §9)", () => {
  const current = col(3_650_000, 30, 0.01, 0, 0);
  const proposed = col(4_380_000, 45, 0.015, 0.5, 0.01);

  it("reproduces the worked example (net 151,100: change) as label/value rows", () => {
    // Worked by hand in test/engine/models/marginalAnalysis.test.ts.
    const out = excel(marginal, current, proposed, 0.7, 0.1);
    expect(out.map((r) => [r[0], round4(r[1])])).toEqual([
      ["Δ contribution", 219000],
      ["Δ carrying cost", 16800],
      ["Δ bad debt", 29200],
      ["Δ discount cost", 21900],
      ["Net", 151100],
      ["Decision", "change"],
    ]);
  });
  it("accepts a row of five cells and blank rates as 0", () => {
    const out = excel(marginal, [[3_650_000, 30, 0.01, "", ""]], [[3_650_000, 30, 0.01, "", ""]], 0.7, 0.1);
    expect(out[4][1]).toBe(0);
    expect(out[5][1]).toBe("keep");
  });
  it.each([
    [col(1, 2, 3), proposed, 0.7, 0.1, ErrorCode.invalidValue, /current.*5 cells/],
    [current, null, 0.7, 0.1, ErrorCode.invalidValue, /proposed.*required/],
    [current, col("big", 45, 0.015, 0.5, 0.01), 0.7, 0.1, ErrorCode.invalidValue, /proposed.sales/],
    [current, col(4_380_000, 45, 1.5, 0.5, 0.01), 0.7, 0.1, ErrorCode.invalidValue, /proposed.lossRate/],
    [current, proposed, "", 0.1, ErrorCode.invalidValue, /variableCostRatio/],
    [current, proposed, 0.7, -1, ErrorCode.invalidValue, /costOfCapital/],
  ])("names the bad argument (%#)", (c, p, v, k, code, message) => {
    expectError(only(excel(marginal, c, p, v, k)), code, message);
  });
});
