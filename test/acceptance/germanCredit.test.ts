/**
 * Acceptance on public labelled data: Statlog German credit (1,000 applicants, 300 bad; see
 * /work/shared/data/german-credit/README.md). A WOE-binned logistic scorecard built by the engine,
 * 5-fold stratified cross-validation with a fixed seed; target mean held-out AUC ≥ 0.78. The AUC and
 * KS of the held-out scores are checked against a brute-force pairwise reference computed here.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { auc, calibrationTable, crossValidate, ks, type CrossValidation, type FeatureColumn } from "../../src/engine/models";
import { bruteForceAuc, bruteForceKs } from "../engine/models/reference";

const FILE = join(__dirname, "../../../shared/data/german-credit/german.data");

/** Attribute names from german.doc, and which are numeric (the rest are coded A11…A202). */
const ATTRIBUTES = [
  ["checkingStatus", "categorical"], ["durationMonths", "numeric"], ["creditHistory", "categorical"], ["purpose", "categorical"],
  ["creditAmount", "numeric"], ["savings", "categorical"], ["employedSince", "categorical"], ["installmentRate", "numeric"],
  ["personalStatus", "categorical"], ["otherDebtors", "categorical"], ["residenceSince", "numeric"], ["property", "categorical"],
  ["age", "numeric"], ["otherPlans", "categorical"], ["housing", "categorical"], ["existingCredits", "numeric"],
  ["job", "categorical"], ["peopleLiable", "numeric"], ["telephone", "categorical"], ["foreignWorker", "categorical"],
] as const;

function readGerman(): { columns: FeatureColumn[]; isBad: number[] } {
  // Split on runs of whitespace: line 267 ends with a trailing space (README).
  const lines = readFileSync(FILE, "utf8").split("\n").filter((l) => l.trim() !== "");
  const rows = lines.map((l) => l.trim().split(/\s+/));
  const columns = ATTRIBUTES.map(([name, kind], j) => ({
    name,
    kind,
    values: rows.map((r) => (kind === "numeric" ? Number(r[j]) : r[j])),
  }));
  return { columns, isBad: rows.map((r) => (r[20] === "2" ? 1 : 0)) };
}

describe("German credit: WOE logistic scorecard, 5-fold stratified CV (seed 17)", () => {
  jest.setTimeout(60_000);
  const { columns, isBad } = readGerman();
  let cv: CrossValidation;
  beforeAll(() => {
    const result = crossValidate(columns, isBad, 5, 17);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    cv = result.value;
  });

  it("reads 1,000 applicants, 300 bad, 20 attributes", () => {
    expect(isBad).toHaveLength(1000);
    expect(isBad.reduce((a, b) => a + b, 0)).toBe(300);
    expect(columns).toHaveLength(20);
    const numbers = columns.filter((c) => c.kind === "numeric").flatMap((c) => c.values);
    expect(numbers).toHaveLength(7000);
    expect(numbers.every((v) => Number.isInteger(v))).toBe(true);
  });

  it("reaches a mean held-out AUC of at least 0.78, with KS and Gini reported and consistent", () => {
    const { folds, meanAuc, meanKs, meanGini } = cv;
    console.log(`German credit 5-fold CV: mean AUC ${meanAuc.toFixed(4)}, KS ${meanKs.toFixed(4)}, Gini ${meanGini.toFixed(4)}; folds ${folds.map((f) => f.auc.toFixed(4)).join(" ")}`);
    expect(folds).toHaveLength(5);
    expect(folds.reduce((n, f) => n + f.testRows, 0)).toBe(1000);
    for (const f of folds) {
      expect(f.testRows).toBe(200);
      expect(f.gini).toBeCloseTo(2 * f.auc - 1, 12);
    }
    expect(meanAuc).toBeGreaterThanOrEqual(0.78);
    expect(meanKs).toBeGreaterThan(0.3);
    expect(meanGini).toBeCloseTo(2 * meanAuc - 1, 12);
  });

  it("gives held-out AUC and KS equal to a brute-force pairwise reference to 1e-12", () => {
    const pd = cv.outOfFoldPd;
    const a = auc(pd, isBad);
    const k = ks(pd, isBad);
    if (!a.ok || !k.ok) throw new Error("measure failed");
    expect(Math.abs(a.value - bruteForceAuc(pd, isBad))).toBeLessThanOrEqual(1e-12);
    expect(Math.abs(k.value - bruteForceKs(pd, isBad))).toBeLessThanOrEqual(1e-12);
  });

  it("is calibrated by decile: observed default rate rises from the lowest to the highest decile of PD", () => {
    const table = calibrationTable(cv.outOfFoldPd, isBad, 10);
    if (!table.ok) throw new Error(JSON.stringify(table.error));
    expect(table.value.map((r) => r.count)).toEqual(Array(10).fill(100));
    expect(table.value.reduce((n, r) => n + r.bads, 0)).toBe(300);
    expect(table.value[9].observed).toBeGreaterThan(table.value[0].observed + 0.4);
    // Overall the mean predicted PD stays near the observed 30 %.
    const meanPredicted = table.value.reduce((s, r) => s + r.predicted * r.count, 0) / 1000;
    expect(Math.abs(meanPredicted - 0.3)).toBeLessThan(0.03);
  });
});
