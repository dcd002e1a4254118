import fc from "fast-check";
import { denoise } from "../../../src/engine/scoring/denoise";

describe("denoise", () => {
  it.each([
    [0.1 + 0.2, 0.3],
    [(56 / 80) * 100, 70],
    [-0, 0],
    [79.999, 79.999],
    [1062.5, 1062.5],
  ])("turns %p into %p", (x, y) => {
    expect(Object.is(denoise(x), y)).toBe(true);
  });
  it("leaves non-finite values alone", () => {
    expect(denoise(Infinity)).toBe(Infinity);
    expect(Number.isNaN(denoise(NaN))).toBe(true);
  });
  it("never reverses the order of two numbers (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(denoise(lo)).toBeLessThanOrEqual(denoise(hi));
      }),
    );
  });
});
