import fc from "fast-check";
import { a1, parseA1, parseA1Range } from "../../../src/host/xlsx/cellAddress";

/** The rule as the regular expression states it: the reference the quick character loop must agree with. */
function byPattern(address: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) return undefined;
  const column = [...m[1].toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]) - 1, column: column - 1 };
}

describe("parseA1", () => {
  it.each([
    ["A1", { row: 0, column: 0 }],
    ["Z9", { row: 8, column: 25 }],
    ["AA10", { row: 9, column: 26 }],
    ["XFD1048576", { row: 1_048_575, column: 16_383 }],
    ["$B$2", { row: 1, column: 1 }],
    ["b2", { row: 1, column: 1 }],
    [" C3 ", { row: 2, column: 2 }],
    ["AAAA1", undefined],
    ["A", undefined],
    ["12", undefined],
    ["A1B", undefined],
    ["", undefined],
  ])("%p", (address, expected) => {
    expect(parseA1(address)).toEqual(expected);
  });

  it("reads back every address a1 writes (property)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1_048_575 }), fc.integer({ min: 0, max: 16_383 }), (row, column) => {
      expect(parseA1(a1(row, column))).toEqual({ row, column });
    }));
  });

  it("agrees with the regular expression on any text (property)", () => {
    const part = fc.constantFrom("A", "Z", "AB", "XFD", "AAAA", "a", "$", " ", "0", "1", "99", "1048576", ":", "é");
    fc.assert(fc.property(fc.oneof(fc.array(part, { maxLength: 5 }).map((p) => p.join("")), fc.string()), (text) => {
      expect(parseA1(text)).toEqual(byPattern(text));
    }), { numRuns: 3_000 });
  });
});

describe("parseA1Range", () => {
  it("orders the corners", () => {
    expect(parseA1Range("D10:B2")).toEqual({ top: 1, left: 1, bottom: 9, right: 3 });
    expect(parseA1Range("C3")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(parseA1Range("C3:x")).toBeUndefined();
  });
});
