import fc from "fast-check";
import { orderByDescending } from "../../../src/engine/review/orderByDescending";

/** The comparator sort the radix sort stands in for (Array.prototype.sort is stable). */
function reference(indexes: ArrayLike<number>, keys: Float64Array): number[] {
  return Array.from(indexes).sort((a, b) => keys[b] - keys[a]);
}

const range = (n: number): Int32Array => Int32Array.from({ length: n }, (_, i) => i);

/** Keys with many ties and every awkward corner of Float64: ±0, subnormals, huge, negative, fractions, ±Infinity. */
const key = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 3, arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((c) => c / 100) },
  { weight: 2, arbitrary: fc.double({ noNaN: true }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308,
      Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 32, 2 ** 32 + 1, 2 ** 16,
      Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 123456.789, -123456.789,
    ),
  },
);
// size "max": without it fast-check keeps arrays to ~10 elements and the radix path (≥ 64) never runs.
const keysArb = fc.array(key, { maxLength: 500, size: "max" }).map((k) => Float64Array.from(k));
const SMALL = 64;

describe("orderByDescending", () => {
  it("gives the documented example", () => {
    expect(Array.from(orderByDescending(Int32Array.of(0, 1, 2), Float64Array.of(5, 9, 5)))).toEqual([1, 0, 2]);
  });

  it("returns an empty array for no indexes", () => {
    expect(orderByDescending(new Int32Array(0), new Float64Array(0))).toHaveLength(0);
  });

  it("equals a stable comparator sort, largest first, for 0..n−1 (property)", () => {
    const runs = { small: 0, radix: 0 };
    fc.assert(
      fc.property(keysArb, (keys) => {
        const indexes = range(keys.length);
        runs[keys.length < SMALL ? "small" : "radix"]++;
        expect(Array.from(orderByDescending(indexes, keys))).toEqual(reference(indexes, keys));
      }),
      { numRuns: 400 },
    );
    // Both paths were exercised.
    expect(runs.small).toBeGreaterThan(20);
    expect(runs.radix).toBeGreaterThan(100);
  });

  it("equals a stable comparator sort for a subset or permutation of the indexes (property)", () => {
    const arb = keysArb.chain((keys) =>
      fc.tuple(
        fc.constant(keys),
        fc.shuffledSubarray(Array.from(range(keys.length))),
        fc.array(fc.nat(Math.max(0, keys.length - 1)), { maxLength: keys.length === 0 ? 0 : 300, size: "max" }),
      ),
    );
    fc.assert(
      fc.property(arb, ([keys, subset, withRepeats]) => {
        for (const chosen of [subset, withRepeats]) {
          const indexes = Int32Array.from(chosen);
          const out = orderByDescending(indexes, keys);
          expect(out).toBeInstanceOf(Int32Array);
          expect(Array.from(out)).toEqual(reference(indexes, keys));
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([10, 63, 64, 65, 200, 1000])("sorts %p keys with many ties on both paths, stably", (n) => {
    // Keys from few distinct values, indexes reversed: a stable sort keeps the reversed order within a tie.
    const keys = Float64Array.from({ length: n }, (_, i) => [3, -1, 0, 2.5, -0, 1e300][(i * 7) % 6]);
    const indexes = range(n).reverse();
    const out = Array.from(orderByDescending(indexes, keys));
    expect(out).toEqual(reference(indexes, keys));
    for (let k = 1; k < n; k++) {
      expect(keys[out[k - 1]]).toBeGreaterThanOrEqual(keys[out[k]]);
      if (keys[out[k - 1]] === keys[out[k]]) expect(out[k - 1]).toBeGreaterThan(out[k]);
    }
  });

  it("orders extremes correctly on the radix path", () => {
    const values = [Number.NEGATIVE_INFINITY, -Number.MAX_VALUE, -1, -Number.MIN_VALUE, 0, Number.MIN_VALUE, 1, 2 ** 53, Number.MAX_VALUE, Number.POSITIVE_INFINITY];
    const keys = Float64Array.from({ length: 100 }, (_, i) => values[i % values.length]);
    const out = Array.from(orderByDescending(range(100), keys));
    expect(out.slice(0, 10)).toEqual([9, 19, 29, 39, 49, 59, 69, 79, 89, 99]);
    expect(out.slice(-10)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(out).toEqual(reference(range(100), keys));
  });

  it.each([4, 63, 64, 300])("ties −0 with 0, keeping input order (%p keys)", (n) => {
    const keys = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -0 : 0));
    keys[n - 1] = 1;
    const indexes = range(n);
    const out = Array.from(orderByDescending(indexes, keys));
    expect(out).toEqual([n - 1, ...Array.from({ length: n - 1 }, (_, i) => i)]);
    // And the same with the indexes in another order.
    const shuffled = Int32Array.from([...indexes].reverse());
    expect(Array.from(orderByDescending(shuffled, keys))).toEqual([n - 1, ...Array.from({ length: n - 1 }, (_, i) => n - 2 - i)]);
  });

  it.each([1, 5, 63, 64, 65, 500])("throws a RangeError for a NaN key among %p keys", (n) => {
    for (const at of [0, Math.floor(n / 2), n - 1]) {
      const keys = Float64Array.from({ length: n }, (_, i) => i);
      keys[at] = Number.NaN;
      expect(() => orderByDescending(range(n), keys)).toThrow(RangeError);
    }
  });

  it("throws a RangeError for a NaN key at any position (property)", () => {
    fc.assert(
      fc.property(keysArb.filter((k) => k.length > 0), fc.nat(), (keys, pick) => {
        const k = Float64Array.from(keys);
        k[pick % k.length] = Number.NaN;
        expect(() => orderByDescending(range(k.length), k)).toThrow(RangeError);
      }),
      { numRuns: 200 },
    );
  });

  it("does not look at the keys of indexes it is not given", () => {
    const keys = Float64Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? i : Number.NaN));
    const small = Int32Array.of(4, 0, 8);
    const large = Int32Array.from({ length: 50 }, (_, i) => 2 * i);
    expect(Array.from(orderByDescending(small, keys))).toEqual([8, 4, 0]);
    expect(Array.from(orderByDescending(large, keys))).toEqual(Array.from({ length: 50 }, (_, i) => 98 - 2 * i));
  });

  it("does not change its inputs", () => {
    const keys = Float64Array.from({ length: 100 }, (_, i) => (i * 37) % 11);
    const indexes = range(100).reverse();
    const [keysBefore, indexesBefore] = [Array.from(keys), Array.from(indexes)];
    orderByDescending(indexes, keys);
    expect(Array.from(keys)).toEqual(keysBefore);
    expect(Array.from(indexes)).toEqual(indexesBefore);
  });
});
