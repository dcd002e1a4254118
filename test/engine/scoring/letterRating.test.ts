import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { letterRating } from "../../../src/engine/scoring/letterRating";

describe("letterRating", () => {
  it("rejects a composite above 100", () => {
    expect(letterRating(101, DEFAULT_POLICY)).toMatchObject({ ok: false, error: { kind: "outOfRange" } });
  });
  it.each([
    [100, "AAA"],
    [90, "AAA"],
    [89.999, "AA"],
    [80, "AA"],
    [79.999, "A"],
    [70, "A"],
    [69.999, "BBB"],
    [60, "BBB"],
    [59.999, "BB"],
    [50, "BB"],
    [49.999, "B"],
    [40, "B"],
    [39.999, "CCC"],
    [0, "CCC"],
  ])("rates %p as %s", (x, rating) => {
    expect(letterRating(x, DEFAULT_POLICY)).toEqual({ ok: true, value: rating });
  });
});
