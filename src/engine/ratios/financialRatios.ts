/**
 * Every financial ratio of §4 for a period (and its prior period for growth and averages), each
 * its own Result so that one missing figure spoils only the ratios that need it; and okRatios,
 * the same ratios as plain numbers, only those that exist (what the portfolio review keeps).
 * See ratioOf for the formulas.
 * @example financialRatios(current, prior).currentRatio //=> ok(2)
 * @example okRatios({ customerId: "C1", periodEnd: 0, currentAssets: 5000, currentLiabilities: 2500 }) //=> { currentRatio: 2 }
 */
import type { Result } from "../errors";
import type { FinancialPeriod } from "../portfolio/types";
import { RATIO_NAMES, ratioOf, ratioValues, type RatioName } from "./ratioOf";

export function financialRatios(current: FinancialPeriod, prior?: FinancialPeriod): Record<RatioName, Result<number>> {
  return {
    netMargin: ratioOf("netMargin", current, prior),
    roa: ratioOf("roa", current, prior),
    roe: ratioOf("roe", current, prior),
    revenueGrowth: ratioOf("revenueGrowth", current, prior),
    netProfitGrowth: ratioOf("netProfitGrowth", current, prior),
    currentRatio: ratioOf("currentRatio", current, prior),
    quickRatio: ratioOf("quickRatio", current, prior),
    debtRatio: ratioOf("debtRatio", current, prior),
    inventoryTurnover: ratioOf("inventoryTurnover", current, prior),
    receivablesTurnover: ratioOf("receivablesTurnover", current, prior),
    fixedAssetTurnover: ratioOf("fixedAssetTurnover", current, prior),
  };
}

/**
 * The ratios that exist (those financialRatios gives as ok), by name in the order of RATIO_NAMES,
 * with neither Result objects nor error messages: the review keeps only these (issue 6).
 */
export function okRatios(current: FinancialPeriod, prior?: FinancialPeriod): Partial<Record<RatioName, number>> {
  const all = ratioValues(current, prior);
  let failed = 0;
  for (const name of RATIO_NAMES) if (Number.isNaN(all[name])) failed++;
  // Usually every ratio exists: the object of all of them is kept as it is. Deleting from it
  // would leave a slow (dictionary) object, so the ok ones are copied instead.
  if (failed === 0) return all;
  const ratios: Partial<Record<RatioName, number>> = {};
  for (const name of RATIO_NAMES) if (!Number.isNaN(all[name])) ratios[name] = all[name];
  return ratios;
}
