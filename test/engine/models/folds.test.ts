import { fieldInWords, inWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { outOfTimeSplit, stratifiedFolds } from "../../../src/engine/models/folds";

describe("stratifiedFolds (seeded, stratified k-fold)", () => {
  it.each([
    [[0, 1, 0, 1], 1, 7, "k"],
    [[0, 1, 0, 1], 2.5, 7, "k"],
    [[0, 1, 0, 1], 2, 1.5, "seed"],
    [[0, 1, 2, 1], 2, 7, "isBad item 3"],
    [[0, 0, 0, 1], 2, 7, "k"],
  ])("rejects %p k=%p seed=%p naming %s", (isBad, k, seed, field) => {
    const r = stratifiedFolds(isBad, k, seed);
    expect(r.ok).toBe(false);
    if (!r.ok && "field" in r.error) expect(fieldInWords(r.error)).toBe(field);
  });

  it("property: every fold has the same number of bads and of rows to within one, and a seed repeats its folds", () => {
    const labels = fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 20, maxLength: 300 })
      .filter((y) => y.filter((v) => v === 1).length >= 5 && y.filter((v) => v === 0).length >= 5);
    fc.assert(fc.property(labels, fc.integer({ min: 2, max: 5 }), fc.integer(), (isBad, k, seed) => {
      const r = stratifiedFolds(isBad, k, seed);
      if (!r.ok) return false;
      const again = stratifiedFolds(isBad, k, seed);
      const sizes = Array(k).fill(0);
      const bads = Array(k).fill(0);
      r.value.forEach((f, i) => {
        sizes[f]++;
        bads[f] += isBad[i];
      });
      return again.ok && again.value.join() === r.value.join()
        && Math.max(...sizes) - Math.min(...sizes) <= 1 && Math.max(...bads) - Math.min(...bads) <= 1;
    }));
  });

  it("different seeds give different folds", () => {
    const isBad = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const a = stratifiedFolds(isBad, 5, 1);
    const b = stratifiedFolds(isBad, 5, 2);
    expect(a.ok && b.ok && a.value.join() !== b.value.join()).toBe(true);
  });
});

describe("outOfTimeSplit", () => {
  it("trains on rows up to the cut-off day (inclusive) and tests on the rest", () => {
    expect(outOfTimeSplit([100, 200, 300, 150], 200)).toEqual({ ok: true, value: { train: [0, 1, 3], test: [2] } });
  });
  it.each([
    [[100, 200], NaN, "cutoffDay"],
    [[100, NaN], 150, "days item 2"],
    [[100, 200], 50, "cutoffDay"],
    [[100, 200], 300, "cutoffDay"],
  ])("rejects %p at %p naming %s", (days, cutoff, field) => {
    expect(inWords(outOfTimeSplit(days, cutoff))).toMatchObject({ field });
  });
});
