/**
 * Every financial ratio of §4 for a period (and its prior period for growth and averages), each
 * its own Result so that one missing figure spoils only the ratios that need it. See ratioOf for
 * the formulas.
 * @example financialRatios(current, prior).currentRatio //=> ok(2)
 */
import type { Result } from "../errors";
import type { FinancialPeriod } from "../portfolio/types";
import { ratioOf, type RatioName } from "./ratioOf";

export function financialRatios(current: FinancialPeriod, prior?: FinancialPeriod): Record<RatioName, Result<number>> {
  const r = (name: RatioName): Result<number> => ratioOf(name, current, prior);
  return {
    netMargin: r("netMargin"),
    roa: r("roa"),
    roe: r("roe"),
    revenueGrowth: r("revenueGrowth"),
    netProfitGrowth: r("netProfitGrowth"),
    currentRatio: r("currentRatio"),
    quickRatio: r("quickRatio"),
    debtRatio: r("debtRatio"),
    inventoryTurnover: r("inventoryTurnover"),
    receivablesTurnover: r("receivablesTurnover"),
    fixedAssetTurnover: r("fixedAssetTurnover"),
  };
}
