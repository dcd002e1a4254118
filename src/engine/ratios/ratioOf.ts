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
 * naming it (#DIV/0!); never NaN or Infinity. ratioValue is the same ratio as a plain number,
 * NaN where ratioOf gives an error, and ratioValues every ratio so, for callers that keep only
 * the ratios that exist.
 * @example ratioOf("quickRatio", { customerId: "C1", periodEnd: 0, currentAssets: 5000, inventory: 2000, currentLiabilities: 2500 }) //=> ok(1.2)
 */
import { at, detail, divideByZero, type DomainError, err, notAvailable, ok, type Result } from "../errors";
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

// Issue 6: the ratios are computed as plain numbers, NaN for a failed step (a Result per figure
// read, difference and division, and a message per missing figure, made 3.5 KB of garbage per
// customer of a review). The first failure, in the order the formula reads its figures, is noted
// here as a kind and a name, and made into the error and its message only by ratioOf.
// ratioValue clears the note before each ratio; the engine is synchronous, nothing runs between.
type FailureKind = "missing" | "missingPrior" | "noPriorPeriod" | "zero" | "zeroPrior";
let failure: FailureKind | undefined;
let failureName = "";

function fail(kind: FailureKind, name: string): number {
  if (failure === undefined) {
    failure = kind;
    failureName = name;
  }
  return Number.NaN;
}

function failureError(kind: FailureKind, name: string): DomainError {
  switch (kind) {
    case "missing":
      return notAvailable(detail("figureMissing", { name }));
    case "missingPrior":
      return notAvailable(detail("priorMissing", { name }));
    case "noPriorPeriod":
      return notAvailable(detail("priorPeriodMissing", { name }));
    case "zero":
      return divideByZero(name);
    case "zeroPrior":
      return divideByZero(at(name, { prior: true }));
  }
}

/** A figure's value and its name: the formulas read `c.revenue` themselves, a plain property read, cheaper than `c[field]` here. */
function figure(value: number | undefined, field: Field, missing: "missing" | "missingPrior" = "missing"): number {
  return value !== undefined && Number.isFinite(value) ? value : fail(missing, field);
}

/** NaN operands come from missing figures, already noted; so does a difference of them (NaN − x is NaN). */
function divide(numerator: number, denominator: number, denominatorName: string, zero: "zero" | "zeroPrior" = "zero"): number {
  if (Number.isNaN(numerator) || Number.isNaN(denominator)) return Number.NaN;
  if (denominator === 0) return fail(zero, denominatorName);
  const q = numerator / denominator;
  return Number.isFinite(q) ? q : fail(zero, denominatorName);
}

function growth(current: FinancialPeriod, prior: FinancialPeriod | undefined, field: Field): number {
  if (prior === undefined) return fail("noPriorPeriod", field);
  // The prior figure is read first: when both are missing, the prior one is reported.
  const before = figure(prior[field], field, "missingPrior");
  const now = figure(current[field], field);
  return divide(now - before, Math.abs(before), field, "zeroPrior");
}

function average(current: FinancialPeriod, prior: FinancialPeriod | undefined, field: Field): number {
  const now = figure(current[field], field);
  const before = prior?.[field];
  return before !== undefined && Number.isFinite(before) ? (now + before) / 2 : now;
}

type Formula = (current: FinancialPeriod, prior: FinancialPeriod | undefined) => number;

// One small function per ratio rather than one switch: V8 inlines figure and divide into each
// (it does not inline calls that run in only one case of eleven), so no number is boxed between
// them (issue 6).
const FORMULAS: Readonly<Record<RatioName, Formula>> = {
  netMargin: (c) => divide(figure(c.netProfit, "netProfit"), figure(c.revenue, "revenue"), "revenue"),
  roa: (c) => divide(figure(c.netProfit, "netProfit"), figure(c.totalAssets, "totalAssets"), "totalAssets"),
  roe: (c) => divide(figure(c.netProfit, "netProfit"), figure(c.equity, "equity"), "equity"),
  revenueGrowth: (c, p) => growth(c, p, "revenue"),
  netProfitGrowth: (c, p) => growth(c, p, "netProfit"),
  currentRatio: (c) => divide(figure(c.currentAssets, "currentAssets"), figure(c.currentLiabilities, "currentLiabilities"), "currentLiabilities"),
  quickRatio: (c) =>
    divide(figure(c.currentAssets, "currentAssets") - figure(c.inventory, "inventory"), figure(c.currentLiabilities, "currentLiabilities"), "currentLiabilities"),
  debtRatio: (c) => divide(figure(c.totalLiabilities, "totalLiabilities"), figure(c.totalAssets, "totalAssets"), "totalAssets"),
  inventoryTurnover: (c, p) => divide(figure(c.costOfSales, "costOfSales"), average(c, p, "inventory"), "averageInventory"),
  receivablesTurnover: (c, p) => divide(figure(c.revenue, "revenue"), average(c, p, "receivables"), "average receivables"),
  fixedAssetTurnover: (c) => divide(figure(c.revenue, "revenue"), figure(c.fixedAssets, "fixedAssets"), "fixedAssets"),
};

/** The ratio as a number, NaN where ratioOf gives an error (the error is noted for ratioOf). */
export function ratioValue(name: RatioName, current: FinancialPeriod, prior?: FinancialPeriod): number {
  if (!Object.prototype.hasOwnProperty.call(FORMULAS, name)) throw new Error(`unknown ratio ${String(name)}`);
  failure = undefined;
  return FORMULAS[name](current, prior);
}

/**
 * Every ratio as a number (NaN where ratioOf gives an error), in one object of a fixed shape, in
 * the order of RATIO_NAMES: each formula called by itself, not looked up by name (issue 6).
 */
export function ratioValues(current: FinancialPeriod, prior?: FinancialPeriod): Record<RatioName, number> {
  return {
    netMargin: FORMULAS.netMargin(current, prior),
    roa: FORMULAS.roa(current, prior),
    roe: FORMULAS.roe(current, prior),
    revenueGrowth: FORMULAS.revenueGrowth(current, prior),
    netProfitGrowth: FORMULAS.netProfitGrowth(current, prior),
    currentRatio: FORMULAS.currentRatio(current, prior),
    quickRatio: FORMULAS.quickRatio(current, prior),
    debtRatio: FORMULAS.debtRatio(current, prior),
    inventoryTurnover: FORMULAS.inventoryTurnover(current, prior),
    receivablesTurnover: FORMULAS.receivablesTurnover(current, prior),
    fixedAssetTurnover: FORMULAS.fixedAssetTurnover(current, prior),
  };
}

export function ratioOf(name: RatioName, current: FinancialPeriod, prior?: FinancialPeriod): Result<number> {
  const value = ratioValue(name, current, prior);
  // NaN, and only NaN, comes with a noted failure.
  return failure === undefined ? ok(value) : err(failureError(failure, failureName));
}
