import "../../support/errorsInEnglish";
import { centsOf, checkedCents, MAX_AMOUNT, roundMoney, toCents } from "../../../src/engine/money/cents";
import { lateInterest, lateInterestOf } from "../../../src/engine/receivables/lateInterest";
import { provision, provisionOf } from "../../../src/engine/receivables/provision";

/** The next double above x (x > 0). */
function nextUp(x: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  view.setBigUint64(0, view.getBigUint64(0) + 1n);
  return view.getFloat64(0);
}

describe("toCents at extreme magnitudes", () => {
  it.each([
    [0.1 + 0.2, 30],
    [1.005, 101],
    [-1.005, -101],
    [MAX_AMOUNT, Number.MAX_SAFE_INTEGER],
    [-MAX_AMOUNT, -Number.MAX_SAFE_INTEGER],
    [1e306, 1e308],
  ])("toCents(%p) = %p", (amount, cents) => {
    expect(toCents(amount)).toBe(cents);
  });

  it("never overflows to Infinity below the largest double / 100 (1e306 gave Infinity)", () => {
    expect(Number.isFinite(toCents(1e306))).toBe(true);
    expect(Number.isFinite(toCents(-1.7e306))).toBe(true);
  });
});

describe("centsOf: the edge refuses amounts whose cents are not exact", () => {
  it("takes the largest safe amount and refuses the next double, naming the field", () => {
    expect(centsOf(MAX_AMOUNT, "amount")).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(centsOf(-MAX_AMOUNT, "amount")).toEqual({ ok: true, value: -Number.MAX_SAFE_INTEGER });
    const over = centsOf(nextUp(MAX_AMOUNT), "amounts row 3");
    expect(over).toEqual({ ok: false, error: { kind: "outOfRange", field: "amounts row 3", detail: expect.stringMatching(/^must be within ±90,071,992,547,409\.9/) } });
  });

  it.each([1e306, -1e306, 1.7976931348623157e308, 1e16])("refuses %p", (amount) => {
    expect(centsOf(amount, "x")).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "x" } });
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])("refuses %p as not finite", (amount) => {
    expect(centsOf(amount, "x")).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "x" } });
  });

  it("checks a total of cents stays a safe integer", () => {
    expect(checkedCents(Number.MAX_SAFE_INTEGER, "t")).toEqual({ ok: true, value: Number.MAX_SAFE_INTEGER });
    expect(checkedCents(Number.MAX_SAFE_INTEGER + 1, "t")).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "t" } });
  });
});

describe("lateInterestOf: lateInterest's figures or an error value", () => {
  it.each([
    [{ amount: 100, daysPastDue: 15, annualRatePercent: 10, fee: 10 }],
    [{ amount: 100, daysPastDue: 0, annualRatePercent: 10, fee: 10 }],
    [{ amount: -50, daysPastDue: 40, annualRatePercent: 10, fee: 10 }],
    [{ amount: 1234.567, daysPastDue: 400, annualRatePercent: 18.25 }],
  ])("agrees with lateInterest on ordinary input %j", (input) => {
    expect(lateInterestOf(input)).toEqual({ ok: true, value: lateInterest(input) });
  });

  it("names the amount beyond exact cents, then the fee, then the product that overflows", () => {
    expect(lateInterestOf({ amount: 1e306, daysPastDue: 10, annualRatePercent: 10 })).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "amount" } });
    expect(lateInterestOf({ amount: 100, daysPastDue: 10, annualRatePercent: 10, fee: 1e20 })).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "fee" } });
    expect(lateInterestOf({ amount: 1e13, daysPastDue: 1e300, annualRatePercent: 1e10 })).toMatchObject({
      ok: false,
      error: { kind: "outOfRange", field: "lateInterest" },
    });
  });
});

describe("provisionOf: provision's figures or an error value", () => {
  it("agrees with provision on ordinary input", () => {
    expect(provisionOf([100000, 50000], [0.5, 2])).toEqual({ ok: true, value: provision([100000, 50000], [0.5, 2]) });
  });

  it("names the balances when a bucket is beyond exact cents (provision threw on Infinity)", () => {
    expect(() => provision([Number.POSITIVE_INFINITY], [50])).toThrow(RangeError);
    expect(provisionOf([1e20], [50], 1, "amounts")).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "amounts" } });
    expect(provisionOf([Number.POSITIVE_INFINITY], [50], 1, "amounts")).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "amounts" } });
  });

  it("refuses a rate that is not finite, and a count mismatch, as values", () => {
    expect(provisionOf([100], [Number.NaN])).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "percents" } });
    expect(provisionOf([100, 200], [1])).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "percents" } });
  });
});

describe("roundMoney", () => {
  it.each([
    [1.005, 1.01],
    [-1.005, -1.01],
    [0.1 + 0.2, 0.3],
    [123456.789, 123456.79],
    [2 ** 52 / 100 - 0.5, 2 ** 52 / 100 - 0.5],
    [1e306, 1e306],
    [-1.7976931348623157e308, -1.7976931348623157e308],
  ])("roundMoney(%p) = %p, never Infinity", (amount, rounded) => {
    expect(roundMoney(amount)).toBe(rounded);
  });
});
