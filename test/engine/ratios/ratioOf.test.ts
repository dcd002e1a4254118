import "../../support/errorsInEnglish";
import { ratioOf, ratioValue, ratioValues, RATIO_NAMES, type RatioName } from "../../../src/engine/ratios/ratioOf";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";
import { FULL_PERIOD } from "../../support/financialPeriod";

const current: FinancialPeriod = { ...FULL_PERIOD };
const prior: FinancialPeriod = { customerId: "C1", periodEnd: 18635, revenue: 10000, netProfit: -300, inventory: 1000, receivables: 2500 };

describe("ratioOf", () => {
  describe("errors", () => {
    it.each<[RatioName, Partial<FinancialPeriod>, object]>([
      ["netMargin", { revenue: 0 }, { kind: "divideByZero", field: "revenue" }],
      ["netMargin", { revenue: undefined }, { kind: "notAvailable", what: "revenue is missing" }],
      ["roa", { netProfit: undefined }, { kind: "notAvailable", what: "netProfit is missing" }],
      ["roe", { equity: 0 }, { kind: "divideByZero", field: "equity" }],
      ["currentRatio", { currentLiabilities: 0 }, { kind: "divideByZero", field: "currentLiabilities" }],
      ["quickRatio", { inventory: undefined }, { kind: "notAvailable", what: "inventory is missing" }],
      ["debtRatio", { totalAssets: NaN }, { kind: "notAvailable", what: "totalAssets is missing" }],
      ["inventoryTurnover", { inventory: 0 }, { kind: "divideByZero", field: "averageInventory" }],
      ["fixedAssetTurnover", { fixedAssets: 0 }, { kind: "divideByZero", field: "fixedAssets" }],
    ])("%s with %j → %j", (name, change, error) => {
      expect(ratioOf(name, { ...current, ...change })).toEqual({ ok: false, error });
    });

    it("needs a prior period for growth", () => {
      expect(ratioOf("revenueGrowth", current)).toEqual({ ok: false, error: { kind: "notAvailable", what: "prior period (for revenue growth) is missing" } });
      expect(ratioOf("revenueGrowth", current, { ...prior, revenue: 0 })).toEqual({ ok: false, error: { kind: "divideByZero", field: "prior revenue" } });
    });
  });

  describe("values", () => {
    it.each<[RatioName, number]>([
      ["netMargin", 600 / 12000],
      ["roa", 600 / 10000],
      ["roe", 600 / 6000],
      ["currentRatio", 2],
      ["quickRatio", 1.2],
      ["debtRatio", 0.4],
      ["inventoryTurnover", 9000 / 2000],
      ["receivablesTurnover", 12000 / 1500],
      ["fixedAssetTurnover", 3],
    ])("%s of the current period alone is %p", (name, value) => {
      const r = ratioOf(name, current);
      expect(r.ok).toBe(true);
      expect(r.ok && r.value).toBeCloseTo(value, 12);
    });

    it.each<[RatioName, number]>([
      ["revenueGrowth", 0.2],
      ["netProfitGrowth", (600 - -300) / 300],
      ["inventoryTurnover", 9000 / 1500],
      ["receivablesTurnover", 12000 / 2000],
    ])("%s with the prior period is %p (averages of the two periods)", (name, value) => {
      const r = ratioOf(name, current, prior);
      expect(r.ok && r.value).toBeCloseTo(value, 12);
    });

    it("never returns NaN or Infinity", () => {
      const empty: FinancialPeriod = { customerId: "X", periodEnd: 0, revenue: 0, totalAssets: 0, equity: 0 };
      for (const name of RATIO_NAMES) {
        const r = ratioOf(name, empty, empty);
        expect(r.ok).toBe(false);
      }
    });
  });
});

describe("ratioValue and ratioValues (the ratios as plain numbers, issue 6)", () => {
  const cases: [FinancialPeriod, FinancialPeriod | undefined][] = [
    [current, prior],
    [current, undefined],
    [{ ...current, revenue: 0, inventory: undefined }, { ...prior, netProfit: 0 }],
    [{ customerId: "X", periodEnd: 0 }, { customerId: "X", periodEnd: -365 }],
  ];
  it.each(cases)("agree with ratioOf: the value where it is ok, NaN where it is an error (%#)", (cur, pri) => {
    const values = ratioValues(cur, pri);
    expect(Object.keys(values)).toEqual([...RATIO_NAMES]);
    for (const name of RATIO_NAMES) {
      const r = ratioOf(name, cur, pri);
      const expected = r.ok ? r.value : Number.NaN;
      expect(ratioValue(name, cur, pri)).toBe(expected);
      expect(values[name]).toBe(expected);
    }
  });

  it("reports the first failure in the order the formula reads its figures", () => {
    // Numerator before denominator, the current assets before the inventory.
    expect(ratioOf("netMargin", { customerId: "X", periodEnd: 0 })).toEqual({ ok: false, error: { kind: "notAvailable", what: "netProfit is missing" } });
    expect(ratioOf("quickRatio", { customerId: "X", periodEnd: 0 })).toEqual({ ok: false, error: { kind: "notAvailable", what: "currentAssets is missing" } });
    // Growth: the prior figure before the current one, and a zero prior figure after both.
    const none: FinancialPeriod = { customerId: "X", periodEnd: 0 };
    expect(ratioOf("netProfitGrowth", none, none)).toEqual({ ok: false, error: { kind: "notAvailable", what: "prior netProfit is missing" } });
    expect(ratioOf("netProfitGrowth", none, { ...none, netProfit: 5 })).toEqual({ ok: false, error: { kind: "notAvailable", what: "netProfit is missing" } });
    expect(ratioOf("netProfitGrowth", { ...none, netProfit: 5 }, { ...none, netProfit: -0 })).toEqual({ ok: false, error: { kind: "divideByZero", field: "prior netProfit" } });
  });

  it("gives divideByZero when the quotient overflows, and the average of two huge figures may", () => {
    expect(ratioOf("roa", { customerId: "X", periodEnd: 0, netProfit: 1e308, totalAssets: 1e-10 })).toEqual({ ok: false, error: { kind: "divideByZero", field: "totalAssets" } });
    expect(ratioOf("quickRatio", { customerId: "X", periodEnd: 0, currentAssets: 1e308, inventory: -1e308, currentLiabilities: 1 })).toEqual({
      ok: false,
      error: { kind: "divideByZero", field: "currentLiabilities" },
    });
    // (1e308 + 1e308) / 2 is Infinity, and 9000 / Infinity is 0: a ratio, not an error.
    expect(ratioOf("inventoryTurnover", { ...current, inventory: 1e308 }, { ...prior, inventory: 1e308 })).toEqual({ ok: true, value: 0 });
  });

  it("does not carry a failure over from one ratio to the next", () => {
    const noRevenue = { ...current, revenue: undefined };
    expect(ratioValue("netMargin", noRevenue)).toBeNaN();
    expect(ratioValues(noRevenue).fixedAssetTurnover).toBeNaN();
    expect(ratioOf("roa", noRevenue)).toEqual({ ok: true, value: 0.06 });
    expect(ratioOf("fixedAssetTurnover", { ...current, fixedAssets: 0 })).toEqual({ ok: false, error: { kind: "divideByZero", field: "fixedAssets" } });
  });

  it("throws on a name that is not a ratio (a programmer error), inherited names included", () => {
    for (const name of ["nope", "toString", "constructor"]) {
      expect(() => ratioValue(name as RatioName, current)).toThrow(`unknown ratio ${name}`);
      expect(() => ratioOf(name as RatioName, current)).toThrow(`unknown ratio ${name}`);
    }
  });
});
