import { exposureOf, isOverLimit } from "../../../src/engine/receivables/exposureOf";

describe("exposureOf and isOverLimit", () => {
  it("sums open items, unapplied cash (negative), open orders and the new order in cents", () => {
    expect(exposureOf(500000, -20000, 1000, 500)).toBe(6300);
    expect(exposureOf(10, 0, 0.1, 0.2)).toBe(0.4);
  });

  it.each([
    [10000, 10000, false],
    [10000.01, 10000, true],
    [9999.99, 10000, false],
    [0.1 + 0.2, 0.3, false],
    [0, 0, false],
    [0.01, 0, true],
  ])("exposure %d against limit %d: over = %s (strict >, ERPNext behaviour)", (exposure, limit, over) => {
    expect(isOverLimit(exposure, limit)).toBe(over);
  });

  it("lets an order that brings exposure exactly to the limit pass", () => {
    const exposure = exposureOf(805000, -5000, 1500, 500);
    expect(exposure).toBe(10000);
    expect(isOverLimit(exposure, 10000)).toBe(false);
  });
});
