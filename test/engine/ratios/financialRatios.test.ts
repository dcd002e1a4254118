import "../../support/errorsInEnglish";
import { financialRatios, okRatios } from "../../../src/engine/ratios/financialRatios";
import { RATIO_NAMES, ratioOf } from "../../../src/engine/ratios/ratioOf";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";
import { FULL_PERIOD } from "../../support/financialPeriod";

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

describe("okRatios", () => {
  const full: FinancialPeriod = { ...FULL_PERIOD, periodEnd: 0 };
  const prior: FinancialPeriod = { customerId: "C1", periodEnd: -365, revenue: 10000, netProfit: 400, inventory: 1000, receivables: 2500 };

  // What the portfolio review kept of financialRatios before okRatios (issue 6).
  function okOf(cur: FinancialPeriod, pri?: FinancialPeriod): Record<string, number> {
    const kept: Record<string, number> = {};
    const all = financialRatios(cur, pri);
    for (const name in all) {
      const r = all[name as keyof typeof all];
      if (r.ok) kept[name] = r.value;
    }
    return kept;
  }

  it("gives every ratio, in the order of RATIO_NAMES, when every one exists", () => {
    const ratios = okRatios(full, prior);
    expect(Object.keys(ratios)).toEqual([...RATIO_NAMES]);
    expect(ratios).toEqual(okOf(full, prior));
  });
  it.each<[string, FinancialPeriod, FinancialPeriod | undefined]>([
    ["no prior period", full, undefined],
    ["a zero current liabilities", { ...full, currentLiabilities: 0 }, prior],
    ["few figures", current, { customerId: "C1", periodEnd: -365, revenue: 800, netProfit: 40 }],
    ["no figures", { customerId: "C1", periodEnd: 0 }, undefined],
  ])("keeps only the ok ratios, in order, with %s", (_what, cur, pri) => {
    const ratios = okRatios(cur, pri);
    const expected = okOf(cur, pri);
    expect(ratios).toEqual(expected);
    expect(Object.keys(ratios)).toEqual(Object.keys(expected));
    for (const value of Object.values(ratios)) expect(Number.isFinite(value)).toBe(true);
  });
});
