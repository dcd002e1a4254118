import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { otcRating } from "../../../src/engine/receivables/otcRating";
import { paretoShares } from "../../../src/engine/receivables/paretoShares";
import { topShare } from "../../../src/engine/receivables/topShare";

describe("otcRating", () => {
  it.each([
    [0, 1, "世界一流"],
    [5, 1, "世界一流"],
    [5.01, 2, "高效但未达最优"],
    [15, 2, "高效但未达最优"],
    [15.01, 3, "问题严重，需要改革"],
    [30, 3, "问题严重，需要改革"],
    [30.01, 4, "濒临崩溃"],
    [100, 4, "濒临崩溃"],
  ])("%d %% overdue → level %d (%s)", (percent, level, zh) => {
    const r = otcRating(percent, DEFAULT_POLICY);
    expect(r.level).toBe(level);
    expect(r.zh).toBe(zh);
  });

  it("ignores floating-point noise at an edge (15.000000000000002 is 15)", () => {
    expect(otcRating(15.000000000000002, DEFAULT_POLICY).level).toBe(2);
    expect(otcRating(0.07 * 100 - 2, DEFAULT_POLICY).level).toBe(1);
  });

  it("caps a longer edge list at level 4", () => {
    expect(otcRating(99, { otcEdges: [1, 2, 3, 4, 5] }).level).toBe(4);
  });

  it("names the level in English", () => {
    expect(otcRating(3, DEFAULT_POLICY).en).toBe("World class");
  });
});

describe("paretoShares and topShare", () => {
  const values = (xs: number[]) => new Map(xs.map((x, i) => [`c${i}`, x]));

  it("rejects a share outside (0, 1] and non-finite values", () => {
    expect(paretoShares(values([1]), 0).ok).toBe(false);
    expect(paretoShares(values([1]), 1.5).ok).toBe(false);
    expect(paretoShares(values([1, Number.NaN])).ok).toBe(false);
    expect(topShare(values([1]), 0).ok).toBe(false);
    expect(topShare(values([1]), 2.5).ok).toBe(false);
  });

  it("is #DIV/0! with no positive values", () => {
    const r = paretoShares(values([0, -5]));
    expect(!r.ok && r.error.kind).toBe("divideByZero");
    const t = topShare(new Map());
    expect(!t.ok && t.error.kind).toBe("divideByZero");
  });

  it.each([
    [1, 1],
    [5, 1],
    [6, 2],
    [10, 2],
    [15, 3],
    [100, 20],
    [101, 21],
  ])("with %d customers the top 20 %% is %d of them (ceil, no float drift)", (n, top) => {
    // Value 1 for each of the first `top` customers would hide the count; use distinct powers instead.
    const xs = Array.from({ length: n }, (_, i) => n - i);
    const expected = xs.slice(0, top).reduce((s, x) => s + x, 0) / xs.reduce((s, x) => s + x, 0);
    const r = paretoShares(values(xs));
    expect(r.ok && r.value).toBeCloseTo(expected, 12);
  });

  it("ignores zero and negative entries in the count and the total", () => {
    const r = paretoShares(values([50, 20, 10, 10, 10, 0, -30]));
    expect(r.ok && r.value).toBeCloseTo(0.5, 12);
  });

  it("topShare takes the n largest", () => {
    const r = topShare(values([10, 60, 30]), 2);
    expect(r.ok && r.value).toBeCloseTo(0.9, 12);
    const all = topShare(values([10, 60, 30]));
    expect(all.ok && all.value).toBe(1);
  });
});
