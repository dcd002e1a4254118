import { inWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { fitLogistic, predictPd, sigmoid } from "../../../src/engine/models/logistic";

const logit = (p: number): number => Math.log(p / (1 - p));

/** Rows of one binary feature with given counts: (x = 0: goods g0, bads b0), (x = 1: goods g1, bads b1). */
function binaryData(g0: number, b0: number, g1: number, b1: number): { x: number[][]; y: number[] } {
  const x: number[][] = [];
  const y: number[] = [];
  const push = (v: number, label: number, n: number): void => {
    for (let i = 0; i < n; i++) {
      x.push([v]);
      y.push(label);
    }
  };
  push(0, 0, g0);
  push(0, 1, b0);
  push(1, 0, g1);
  push(1, 1, b1);
  return { x, y };
}

describe("fitLogistic (Newton/IRLS with L2)", () => {
  it.each([
    ["lengths differ", [[1], [2]], [0], {}, "isBad"],
    ["no rows", [], [], {}, "x"],
    ["a ragged row", [[1], [2, 3]], [0, 1], {}, "x row 2"],
    ["a non-finite value", [[1], [NaN]], [0, 1], {}, "x row 2 column 1"],
    ["a label of 2", [[1], [2]], [0, 2], {}, "isBad item 2"],
    ["only goods", [[1], [2]], [0, 0], {}, "isBad"],
  ])("rejects %s naming %s", (_, x, y, options, field) => {
    expect(inWords(fitLogistic(x, y, options))).toEqual({ kind: "invalidInput", field });
  });

  it.each([
    [{ l2: -1 }, "l2"],
    [{ maxIterations: 0 }, "maxIterations"],
    [{ tolerance: 0 }, "tolerance"],
  ])("rejects option %p", (options, field) => {
    expect(inWords(fitLogistic([[0], [1]], [0, 1], options))).toEqual({ kind: "outOfRange", field });
  });

  it("reports a perfect separation without penalty", () => {
    const r = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ kind: "notAvailable", what: expect.stringContaining("separated") });
  });

  it("reports a singular system (duplicated column) without penalty", () => {
    const { x, y } = binaryData(30, 10, 20, 20);
    const r = fitLogistic(x.map((row) => [row[0], row[0]]), y, { l2: 0 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toEqual({ kind: "notAvailable", what: expect.stringContaining("singular") });
  });

  it("fits a separable or duplicated design once penalised", () => {
    expect(fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 1 }).ok).toBe(true);
    const { x, y } = binaryData(30, 10, 20, 20);
    const r = fitLogistic(x.map((row) => [row[0], row[0]]), y, { l2: 1 });
    // Symmetric penalty: the two copies share the effect equally.
    expect(r.ok && r.value.coefficients[0] - r.value.coefficients[1]).toBeCloseTo(0, 9);
  });

  it("reports no convergence when the iterations run out", () => {
    const { x, y } = binaryData(30, 10, 20, 20);
    expect(fitLogistic(x, y, { l2: 0, maxIterations: 1 })).toEqual({ ok: false, error: { kind: "notAvailable", what: expect.stringContaining("did not converge") } });
  });

  it("matches the closed form for one binary feature: intercept = logit(rate at 0), slope = difference of logits", () => {
    const { x, y } = binaryData(30, 10, 20, 20);
    const r = fitLogistic(x, y, { l2: 0 });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.intercept).toBeCloseTo(logit(10 / 40), 9);
    expect(r.value.coefficients[0]).toBeCloseTo(logit(20 / 40) - logit(10 / 40), 9);
    expect(predictPd(r.value, [1])).toBeCloseTo(0.5, 9);
    // Log-likelihood at the MLE, by hand.
    const ll = 30 * Math.log(0.75) + 10 * Math.log(0.25) + 40 * Math.log(0.5);
    expect(r.value.logLikelihood).toBeCloseTo(ll, 9);
  });

  it("property: at the fit the penalised score equations hold (Σ(y − p) = 0, Σ x(y − p) = λβ)", () => {
    const data = fc.array(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), fc.integer({ min: 0, max: 1 })), { minLength: 10, maxLength: 60 })
      .filter((rows) => rows.some((r) => r[2] === 1) && rows.some((r) => r[2] === 0));
    fc.assert(fc.property(data, fc.constantFrom(0.1, 1, 5), (rows, l2) => {
      const x = rows.map((r) => [r[0], r[1]]);
      const y = rows.map((r) => r[2]);
      const m = fitLogistic(x, y, { l2 });
      if (!m.ok) return false;
      const residual = x.map((row, i) => y[i] - predictPd(m.value, row));
      const g0 = residual.reduce((a, b) => a + b, 0);
      const g1 = residual.reduce((a, r, i) => a + r * x[i][0], 0) - l2 * m.value.coefficients[0];
      const g2 = residual.reduce((a, r, i) => a + r * x[i][1], 0) - l2 * m.value.coefficients[1];
      return Math.abs(g0) < 1e-6 && Math.abs(g1) < 1e-6 && Math.abs(g2) < 1e-6;
    }), { numRuns: 50 });
  });

  it("is deterministic: the same data give bit-identical coefficients", () => {
    const { x, y } = binaryData(300, 100, 200, 250);
    const a = fitLogistic(x, y);
    const b = fitLogistic(x, y);
    expect(a).toEqual(b);
  });

  it("sigmoid stays finite and in [0, 1] at extreme inputs", () => {
    expect(sigmoid(1000)).toBe(1);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(0)).toBe(0.5);
  });
});
