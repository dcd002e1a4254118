import { inWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { binCategorical, binIndexOf, binNumeric, woeOf } from "../../../src/engine/models/binning";

describe("binNumeric (monotone binning)", () => {
  it.each([
    [{ startBins: 0 }, "startBins"],
    [{ startBins: 2.5 }, "startBins"],
    [{ minShare: 0.5 }, "minShare"],
    [{ minShare: -0.1 }, "minShare"],
  ])("rejects option %p", (options, field) => {
    expect(inWords(binNumeric("x", [1, 2], [0, 1], options))).toEqual({ kind: "outOfRange", field });
  });

  it.each([
    [[1, 2], [0], "isBad"],
    [[1, 2], [0, 5], "isBad item 2"],
    [[1, Infinity], [0, 1], "x item 2"],
    [[null, null], [0, 1], "x"],
  ])("rejects values %p labels %p naming %s", (values, isBad, field) => {
    expect(inWords(binNumeric("x", values, isBad))).toEqual({ kind: "invalidInput", field });
  });

  it("merges a start bin without bads into its neighbour (the doc example)", () => {
    const r = binNumeric("x", [1, 2, 3, 4, 5, 6], [1, 0, 1, 0, 0, 0], { startBins: 3, minShare: 0 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.uppers).toEqual([2, 6]);
    expect(r.value.bins.map((b) => [b.goods, b.bads])).toEqual([[1, 1], [3, 1]]);
    expect(r.value.bins[0].woe).toBeCloseTo(Math.log(0.5), 12);
    expect(r.value.bins[1].woe).toBeCloseTo(Math.log(1.5), 12);
    expect(r.value.iv).toBeCloseTo(0.25 * Math.log(2) + 0.25 * Math.log(1.5), 12);
  });

  it("gives missing values a bin of their own and places values by the bins' upper edges", () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, null, null];
    const isBad = [1, 1, 0, 1, 0, 0, 1, 0, 1, 0];
    const r = binNumeric("x", values, isBad, { startBins: 2, minShare: 0 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.uppers).toEqual([4, 8]);
    expect(r.value.missing).toEqual(expect.objectContaining({ goods: 1, bads: 1 }));
    expect(binIndexOf(r.value, 4)).toBe(0);
    expect(binIndexOf(r.value, 4.5)).toBe(1);
    expect(binIndexOf(r.value, -100)).toBe(0);
    expect(binIndexOf(r.value, 1000)).toBe(1);
    expect(binIndexOf(r.value, null)).toBe(-1);
    expect(woeOf(r.value, null)).toBe(r.value.missing!.woe);
    expect(woeOf(r.value, "text")).toBe(0);
  });

  it("property: bins hold goods and bads, respect the minimum share, and their WOE is monotone", () => {
    const data = fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 1 })), { minLength: 40, maxLength: 300 })
      .filter((rows) => rows.filter((r) => r[1] === 1).length >= 2 && rows.filter((r) => r[1] === 0).length >= 2);
    fc.assert(fc.property(data, fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 0.05, 0.1), (rows, startBins, minShare) => {
      const r = binNumeric("x", rows.map((x) => x[0]), rows.map((x) => x[1]), { startBins, minShare });
      if (!r.ok) return false;
      const bins = r.value.bins;
      const total = bins.reduce((n, b) => n + b.goods + b.bads, 0);
      const woes = bins.map((b) => b.woe);
      const rising = woes.every((w, i) => i === 0 || w >= woes[i - 1] - 1e-12);
      const falling = woes.every((w, i) => i === 0 || w <= woes[i - 1] + 1e-12);
      const sorted = r.value.uppers.every((u, i) => i === 0 || u > r.value.uppers[i - 1]);
      return total === rows.length && sorted && (rising || falling) && r.value.iv >= 0
        && (bins.length === 1 || bins.every((b) => b.goods > 0 && b.bads > 0 && b.goods + b.bads >= minShare * rows.length));
    }));
  });
});

describe("binCategorical", () => {
  it("orders categories by bad rate and merges one without goods into the closer neighbour (the doc example)", () => {
    const r = binCategorical("housing", ["own", "rent", "own", "free", "rent", "own"], [0, 1, 0, 1, 0, 1], { minShare: 0 });
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.groups).toEqual([["own"], ["free", "rent"]]);
    expect(r.value.bins.map((b) => [b.goods, b.bads])).toEqual([[2, 1], [1, 2]]);
    expect(binIndexOf(r.value, "rent")).toBe(1);
    expect(binIndexOf(r.value, "boat")).toBeUndefined();
    expect(woeOf(r.value, "boat")).toBe(0);
  });

  it("does not depend on the order of the rows", () => {
    const values = ["a", "b", "c", "a", "b", "c", "a", "d", "d", "b"];
    const isBad = [0, 1, 0, 0, 0, 1, 1, 0, 1, 0];
    const a = binCategorical("k", values, isBad, { minShare: 0 });
    const b = binCategorical("k", [...values].reverse(), [...isBad].reverse(), { minShare: 0 });
    expect(a.ok && b.ok && a.value.groups).toEqual(b.ok && b.value.groups);
  });

  it("rejects a column with no category", () => {
    expect(binCategorical("k", [null, ""], [0, 1])).toEqual({ ok: false, error: expect.objectContaining({ field: "k" }) });
  });
});
