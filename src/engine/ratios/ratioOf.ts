/**
 * One financial ratio of a period (财务指标, credit-method.md §4), as a fraction (0.05 = 5 %):
 *
 * - netMargin = netProfit / revenue; roa = netProfit / totalAssets; roe = netProfit / equity
 * - revenueGrowth, netProfitGrowth = (current − prior) / |prior| (the absolute value keeps the
 *   sign meaningful when the prior figure is a loss: from −100 to −50 is growth +0.5)
 * - currentRatio = currentAssets / currentLiabilities; quickRatio = (currentAssets − inventory) /
 *   currentLiabilities; debtRatio = totalLiabilities / totalAssets
 * - inventoryTurnover = costOfSales / average inventory; receivablesTurnover = revenue / average
 *   receivables, the average being (current + prior) / 2 when the prior period holds the figure,
 *   else the current figure; fixedAssetTurnover = revenue / fixedAssets
 *
 * A missing figure is notAvailable naming the field (#N/A), a zero denominator divideByZero
 * naming it (#DIV/0!); never NaN or Infinity.
 * @example ratioOf("quickRatio", { customerId: "C1", periodEnd: 0, currentAssets: 5000, inventory: 2000, currentLiabilities: 2500 }) //=> ok(1.2)
 */
import { divideByZero, err, notAvailable, ok, type Result } from "../errors";
import type { FinancialPeriod } from "../portfolio/types";

export const RATIO_NAMES = [
  "netMargin",
  "roa",
  "roe",
  "revenueGrowth",
  "netProfitGrowth",
  "currentRatio",
  "quickRatio",
  "debtRatio",
  "inventoryTurnover",
  "receivablesTurnover",
  "fixedAssetTurnover",
] as const;

export type RatioName = (typeof RATIO_NAMES)[number];

type Field = Exclude<keyof FinancialPeriod, "customerId" | "periodEnd">;

function figure(fp: FinancialPeriod | undefined, field: Field, label: string = field): Result<number> {
  const v = fp?.[field];
  if (v === undefined || v === null || !Number.isFinite(v)) return err(notAvailable(`${label} is missing`));
  return ok(v);
}

function divide(numerator: Result<number>, denominator: Result<number>, denominatorName: string): Result<number> {
  if (!numerator.ok) return numerator;
  if (!denominator.ok) return denominator;
  if (denominator.value === 0) return err(divideByZero(denominatorName));
  const q = numerator.value / denominator.value;
  return Number.isFinite(q) ? ok(q) : err(divideByZero(denominatorName));
}

function difference(a: Result<number>, b: Result<number>): Result<number> {
  if (!a.ok) return a;
  if (!b.ok) return b;
  return ok(a.value - b.value);
}

function growth(current: FinancialPeriod, prior: FinancialPeriod | undefined, field: Field): Result<number> {
  if (prior === undefined) return err(notAvailable(`prior period (for ${field} growth) is missing`));
  const now = figure(current, field);
  const before = figure(prior, field, `prior ${field}`);
  if (!before.ok) return before;
  return divide(difference(now, before), ok(Math.abs(before.value)), `prior ${field}`);
}

function average(current: FinancialPeriod, prior: FinancialPeriod | undefined, field: Field): Result<number> {
  const now = figure(current, field);
  if (!now.ok) return now;
  const before = prior?.[field];
  return ok(before !== undefined && Number.isFinite(before) ? (now.value + before) / 2 : now.value);
}

export function ratioOf(name: RatioName, current: FinancialPeriod, prior?: FinancialPeriod): Result<number> {
  const f = (field: Field): Result<number> => figure(current, field);
  switch (name) {
    case "netMargin":
      return divide(f("netProfit"), f("revenue"), "revenue");
    case "roa":
      return divide(f("netProfit"), f("totalAssets"), "totalAssets");
    case "roe":
      return divide(f("netProfit"), f("equity"), "equity");
    case "revenueGrowth":
      return growth(current, prior, "revenue");
    case "netProfitGrowth":
      return growth(current, prior, "netProfit");
    case "currentRatio":
      return divide(f("currentAssets"), f("currentLiabilities"), "currentLiabilities");
    case "quickRatio":
      return divide(difference(f("currentAssets"), f("inventory")), f("currentLiabilities"), "currentLiabilities");
    case "debtRatio":
      return divide(f("totalLiabilities"), f("totalAssets"), "totalAssets");
    case "inventoryTurnover":
      return divide(f("costOfSales"), average(current, prior, "inventory"), "average inventory");
    case "receivablesTurnover":
      return divide(f("revenue"), average(current, prior, "receivables"), "average receivables");
    case "fixedAssetTurnover":
      return divide(f("revenue"), f("fixedAssets"), "fixedAssets");
    default: {
      const never: never = name;
      throw new Error(`unknown ratio ${String(never)}`);
    }
  }
}
