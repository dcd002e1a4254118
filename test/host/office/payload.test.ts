import fc from "fast-check";
import { chunkRows, chunkUniformRows, jsonBytes, packGroups, utf8Length } from "../../../src/host/office/payload";

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

describe("chunkRows", () => {
  it("returns no chunk for no rows", () => {
    expect(chunkRows([], 10)).toEqual([]);
  });

  it("gives an oversized row a chunk of its own", () => {
    expect(chunkRows([3, 50, 3], 10)).toEqual([
      { start: 0, end: 1, bytes: 3 },
      { start: 1, end: 2, bytes: 50 },
      { start: 2, end: 3, bytes: 3 },
    ]);
  });

  it("fills a chunk up to the budget exactly", () => {
    expect(chunkRows([5, 5, 5], 10)).toEqual([
      { start: 0, end: 2, bytes: 10 },
      { start: 2, end: 3, bytes: 5 },
    ]);
  });

  it("covers every row once, in order, within the budget (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 })), fc.integer({ min: 40, max: 200 }), (sizes, budget) => {
        const chunks = chunkRows(sizes, budget);
        let next = 0;
        for (const c of chunks) {
          expect(c.start).toBe(next);
          expect(c.bytes).toBe(sizes.slice(c.start, c.end).reduce((a, b) => a + b, 0));
          expect(c.bytes).toBeLessThanOrEqual(budget);
          next = c.end;
        }
        expect(next).toBe(sizes.length);
      }),
    );
  });
});

describe("chunkUniformRows", () => {
  it.each([
    [0, 10, 25, 0],
    [5, 10, 25, 3],
    [4, 10, 20, 2],
    [3, 100, 10, 3],
  ])("%i rows of %i bytes in a %i budget make %i chunks", (rows, size, budget, count) => {
    const chunks = chunkUniformRows(rows, size, budget);
    expect(chunks).toHaveLength(count);
    expect(chunks.reduce((n, c) => n + c.end - c.start, 0)).toBe(rows);
  });
});

describe("packGroups", () => {
  it("keeps order and starts a new group when the next item would overflow", () => {
    const groups = packGroups([{ bytes: 3 }, { bytes: 3 }, { bytes: 5 }, { bytes: 1 }], 6);
    expect(groups.map((g) => g.map((i) => i.bytes))).toEqual([[3, 3], [5, 1]]);
  });

  it("never exceeds the budget unless one item alone does (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ bytes: fc.integer({ min: 1, max: 50 }) })), (items) => {
        const groups = packGroups(items, 50);
        expect(groups.flat()).toEqual(items);
        for (const g of groups) expect(g.reduce((n, i) => n + i.bytes, 0)).toBeLessThanOrEqual(50);
      }),
    );
  });
});
