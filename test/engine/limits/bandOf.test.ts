import { bandOf } from "../../../src/engine/limits/bandOf";

describe("bandOf", () => {
  it.each([
    [-1, 0],
    [0, 0],
    [0.5, 1],
    [15, 1],
    [15.5, 2],
    [60, 3],
    [60.01, 4],
  ])("puts %p in band %i of edges 0, 15, 30, 60 (upper edges inclusive)", (v, band) => {
    expect(bandOf(v, [0, 15, 30, 60])).toBe(band);
  });
  it("puts a value equal to the last edge in the top band when that edge is exclusive", () => {
    expect(bandOf(1, [0.3, 1], true)).toBe(2);
    expect(bandOf(0.3, [0.3, 1], true)).toBe(0);
  });
  it("has one band for no edges", () => {
    expect(bandOf(5, [])).toBe(0);
  });
});
