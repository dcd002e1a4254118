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

describe("denoise without a string", () => {
  const viaText = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : Number(x.toPrecision(12)));

  it.each([
    [79.99999999999999, 80],
    [80.00000000000001, 80],
    [79.999, 79.999],
    [99999999999.95, 99999999999.9],
    [0.000000000012345678901234, 1.23456789012e-11],
    [999999999999.5, 1e12],
    [1234567890123.4, 1234567890120],
    [-0.1 - 0.2, -0.3],
    [1e-300, 1e-300],
  ])("gives toPrecision(12)'s value for %p (%p)", (x, y) => {
    expect(denoise(x)).toBe(viaText(x));
    expect(denoise(x)).toBe(y);
  });

  it("equals Number(x.toPrecision(12)) for any finite double (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(Object.is(denoise(x), viaText(x) === 0 ? 0 : viaText(x))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it("equals Number(x.toPrecision(12)) for figures of 1e-6 to 1e9 with noise and ties (property)", () => {
    const figure = fc.tuple(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 3 }));
    fc.assert(
      fc.property(figure, ([digits, scale, noise]) => {
        const x = digits / 10 ** scale + noise * Number.EPSILON * Math.abs(digits / 10 ** scale);
        expect(denoise(x)).toBe(viaText(x));
        const tie = digits / 10 ** scale + 0.5e-12 * Math.abs(digits / 10 ** scale);
        expect(denoise(tie)).toBe(viaText(tie));
      }),
      { numRuns: 5000 },
    );
  });
});
