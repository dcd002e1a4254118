import fc from "fast-check";
import { largest } from "../../../src/engine/review/largest";

describe("largest", () => {
  const byValue = (a: { v: number }, b: { v: number }): number => b.v - a.v;

  it.each([
    [[5, 9, 1, 7], 2, [9, 7]],
    [[5, 9, 1, 7], 10, [9, 7, 5, 1]],
    [[5, 9, 1, 7], 0, []],
    [[], 3, []],
  ])("largest(%p, %p) is %p", (items, count, expected) => {
    expect(largest(items, count, (a, b) => b - a)).toEqual(expected);
  });

  it("is sort then slice, ties in the items' order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 }), fc.integer({ min: 0, max: 12 }), (values, count) => {
        const items = values.map((v, i) => ({ v, i }));
        expect(largest(items, count, byValue)).toEqual([...items].sort(byValue).slice(0, count));
      }),
      { numRuns: 500 },
    );
  });
});
