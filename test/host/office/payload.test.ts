import fc from "fast-check";
import { jsonBytes, packRows, utf8Length } from "../../../src/host/office/payload";

describe("utf8Length", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["é", 2],
    ["€", 3],
    ["😀", 4],
  ])("%p is %i bytes", (text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  it("agrees with TextEncoder (property)", () => {
    fc.assert(fc.property(fc.fullUnicodeString(), (s) => utf8Length(s) === new TextEncoder().encode(s).length));
  });
});

describe("jsonBytes", () => {
  it("measures the JSON text", () => {
    expect(jsonBytes([[1, "a", null, true]])).toBe('[[1,"a",null,true]]'.length);
    expect(jsonBytes(undefined)).toBe(4);
  });
});

describe("packRows", () => {
  it.each([
    ["no blocks", [], 10, []],
    ["an empty block", [[]], 10, []],
    ["one block within the budget", [[3, 3]], 10, [[{ block: 0, start: 0, end: 2, bytes: 6 }]]],
    ["a block filled to the budget exactly, then cut", [[5, 5, 5]], 10, [[{ block: 0, start: 0, end: 2, bytes: 10 }], [{ block: 0, start: 2, end: 3, bytes: 5 }]]],
    ["two blocks sharing a group, the second cut where it fills", [[4], [3, 3, 3]], 10, [[{ block: 0, start: 0, end: 1, bytes: 4 }, { block: 1, start: 0, end: 2, bytes: 6 }], [{ block: 1, start: 2, end: 3, bytes: 3 }]]],
    ["an oversized row in a group of its own", [[3, 50, 3]], 10, [[{ block: 0, start: 0, end: 1, bytes: 3 }], [{ block: 0, start: 1, end: 2, bytes: 50 }], [{ block: 0, start: 2, end: 3, bytes: 3 }]]],
  ])("%s", (_name, blocks, budget, groups) => {
    expect(packRows(blocks as number[][], budget)).toEqual(groups);
  });

  it("covers every row once, in order; a group is within the budget unless one row alone is over it, and is closed only when the next row does not fit (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 30 }), { maxLength: 6 }), fc.integer({ min: 20, max: 200 }), (blocks, budget) => {
        const groups = packRows(blocks, budget);
        const seen = groups.flat();
        const expected = blocks.flatMap((rows, block) => rows.map((_, row) => `${block}:${row}`));
        expect(seen.flatMap((s) => Array.from({ length: s.end - s.start }, (_, i) => `${s.block}:${s.start + i}`))).toEqual(expected);
        groups.forEach((group, g) => {
          const bytes = group.reduce((n, s) => n + s.bytes, 0);
          for (const s of group) expect(s.bytes).toBe(blocks[s.block].slice(s.start, s.end).reduce((a, b) => a + b, 0));
          if (group.length > 1 || group[0].end - group[0].start > 1) expect(bytes).toBeLessThanOrEqual(budget);
          // The next group starts with a row that did not fit in this one.
          const next = groups[g + 1]?.[0];
          if (next !== undefined) expect(bytes + blocks[next.block][next.start]).toBeGreaterThan(budget);
        });
      }),
    );
  });
});
