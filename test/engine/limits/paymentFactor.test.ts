import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { paymentFactor } from "../../../src/engine/limits/paymentFactor";

describe("paymentFactor", () => {
  it("is 1.0 with no history and the worst factor for NaN", () => {
    expect(paymentFactor(undefined, DEFAULT_POLICY)).toBe(1.0);
    expect(paymentFactor(NaN, DEFAULT_POLICY)).toBe(0);
  });
  it.each([
    [-5, 1.0],
    [0, 1.0],
    [0.5, 0.9],
    [1, 0.9],
    [15, 0.9],
    [15.5, 0.75],
    [16, 0.75],
    [30, 0.75],
    [31, 0.5],
    [60, 0.5],
    [60.01, 0],
    [61, 0],
    [Infinity, 0],
  ])("average %p days late → %p", (days, factor) => {
    expect(paymentFactor(days, DEFAULT_POLICY)).toBe(factor);
  });
});
