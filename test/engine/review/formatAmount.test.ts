import fc from "fast-check";
import { formatAmount } from "../../../src/engine/review";

describe("formatAmount", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [120000, "120,000"],
    [1234567.5, "1,234,567.50"],
    [-1234.5, "-1,234.50"],
    [0.1 + 0.2, "0.30"],
  ])("%d → %s", (amount, text) => {
    expect(formatAmount(amount)).toBe(text);
  });

  it("reads back to the same cents (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (cents) => Math.round(Number(formatAmount(cents / 100).replace(/,/g, "")) * 100) === cents),
    );
  });
});
