import fc from "fast-check";
import { StringSet } from "../../src/app/StringSet";

/** What a JavaScript Set says for each string added: true the first time, false after. */
const firstTimes = (keys: readonly string[]): boolean[] => {
  const seen = new Set<string>();
  return keys.map((key) => {
    const isNew = !seen.has(key);
    seen.add(key);
    return isNew;
  });
};

describe("StringSet", () => {
  it("says whether each string is new, as a Set does, whatever the capacity hint (property)", () => {
    const key = fc.oneof(fc.constantFrom("", " ", "I1", "I2", "i1", "INV-0000001", "客户"), fc.string({ maxLength: 3 }), fc.fullUnicodeString({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(key, { maxLength: 200 }), fc.constantFrom(0, 1, 7, 200, 10_000), (keys, capacity) => {
        const set = new StringSet(capacity);
        expect(keys.map((k) => set.add(k))).toEqual(firstTimes(keys));
      }),
      { numRuns: 500 },
    );
  });

  it("grows far past its hint and still finds every string", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `INV-${String(i % 30_000).padStart(7, "0")}`);
    const set = new StringSet(1);
    const added = keys.map((k) => set.add(k));
    expect(added.filter((isNew) => isNew)).toHaveLength(30_000);
    expect(added).toEqual(firstTimes(keys));
  });
});
