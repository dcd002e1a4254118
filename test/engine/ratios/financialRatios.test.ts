import { financialRatios } from "../../../src/engine/ratios/financialRatios";
import { RATIO_NAMES, ratioOf } from "../../../src/engine/ratios/ratioOf";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";

const current: FinancialPeriod = { customerId: "C1", periodEnd: 0, revenue: 1000, netProfit: 50, currentAssets: 400, currentLiabilities: 0 };

describe("financialRatios", () => {
  it("gives every ratio, each with its own result", () => {
    const all = financialRatios(current);
    expect(Object.keys(all).sort()).toEqual([...RATIO_NAMES].sort());
    expect(all.netMargin).toEqual({ ok: true, value: 0.05 });
    expect(all.currentRatio).toEqual({ ok: false, error: { kind: "divideByZero", field: "currentLiabilities" } });
    expect(all.roa).toEqual({ ok: false, error: { kind: "notAvailable", what: "totalAssets is missing" } });
  });
  it("agrees with ratioOf for every name", () => {
    const prior: FinancialPeriod = { customerId: "C1", periodEnd: -365, revenue: 800, netProfit: 40 };
    const all = financialRatios(current, prior);
    for (const name of RATIO_NAMES) expect(all[name]).toEqual(ratioOf(name, current, prior));
  });
});
