/** characteristicScore at the largest weights (issue 13: a 1e308 weight gave NaN). */
import { characteristicScore } from "../../../src/engine/scoring";

const LARGEST_WEIGHT = Number.MAX_VALUE / 10;

describe("characteristicScore with extreme weights", () => {
  it("takes the largest weight whose 10 × weight is finite", () => {
    const r = characteristicScore([10], [LARGEST_WEIGHT]);
    expect(r.ok && [r.value.compositePercent, r.value.coveragePercent]).toEqual([100, 100]);
  });

  it("refuses weights whose sum of 10 × weight overflows, naming the weights", () => {
    expect(characteristicScore([10, 5], [LARGEST_WEIGHT, LARGEST_WEIGHT])).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "weights" } });
    expect(characteristicScore([8, 6, 0, 10], [1e308, 2, 1, 2])).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "weights" } });
  });

  it("divides first when points × 100 would overflow, and still multiplies first on ordinary weights", () => {
    const big = characteristicScore([10, 0], [1e306, 1e306]);
    expect(big.ok && [big.value.compositePercent, big.value.coveragePercent]).toEqual([50, 50]);
    const ordinary = characteristicScore([8, 6, 0, 10], [3, 2, 1, 2]);
    expect(ordinary.ok && [ordinary.value.compositePercent, ordinary.value.coveragePercent]).toEqual([70, 87.5]);
  });

  it("keeps the smallest weights finite", () => {
    const r = characteristicScore([10, 5], [5e-324, 5e-324]);
    expect(r.ok && Number.isFinite(r.value.compositePercent) && Number.isFinite(r.value.coveragePercent)).toBe(true);
  });
});
