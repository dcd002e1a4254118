import type { FinancialPeriod } from "../../src/engine/portfolio/types";

/** A period with every figure given, so that every ratio of credit-method.md §4 exists. */
export const FULL_PERIOD: Readonly<FinancialPeriod> = {
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
