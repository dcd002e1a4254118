import { ratioOf, RATIO_NAMES, type RatioName } from "../../../src/engine/ratios/ratioOf";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";

const current: FinancialPeriod = {
  customerId: "C1",
  periodEnd: 19000,
  revenue: 12000,
  costOfSales: 9000,
  netProfit: 600,
  currentAssets: 5000,
  inventory: 2000,
  receivables: 1500,
  fixedAssets: 4000,
  totalAssets: 10000,
  currentLiabilities: 2500,
  totalLiabilities: 4000,
  equity: 6000,
};
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
      ["inventoryTurnover", { inventory: 0 }, { kind: "divideByZero", field: "average inventory" }],
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
