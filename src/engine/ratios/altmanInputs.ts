/**
 * The Altman ratios X1..X5 of a financial period (credit-method.md §4):
 * X1 = (currentAssets − currentLiabilities) / totalAssets, X2 = retainedEarnings / totalAssets,
 * X3 = ebit / totalAssets, X4 = equity / totalLiabilities — with the market value of equity in
 * place of book equity when given (model Z) — and X5 = revenue / totalAssets. X5 is left out
 * when revenue is missing (Z'' does not use it; Z and Z' then report it missing).
 * Missing figures are one notAvailable error naming every one of them; a zero total assets or
 * total liabilities is divideByZero.
 * @example altmanInputs({ customerId: "C1", periodEnd: 0, currentAssets: 300, currentLiabilities: 100,
 *   totalAssets: 1000, retainedEarnings: 300, ebit: 100, totalLiabilities: 400, equity: 600, revenue: 1200 })
 *   //=> ok({ x1: 0.2, x2: 0.3, x3: 0.1, x4: 1.5, x5: 1.2 })
 */
import { detail, divideByZero, err, invalidInput, notAvailable, ok, type Result } from "../errors";
import type { FinancialPeriod } from "../portfolio/types";
import type { AltmanX } from "./altmanZ";

/** The figures X1..X4 need, in the order a missing-figures message names them. */
const ALTMAN_FIGURES = ["currentAssets", "currentLiabilities", "totalAssets", "retainedEarnings", "ebit", "totalLiabilities", "equity"] as const;

export function altmanInputs(fp: FinancialPeriod, marketValueOfEquity?: number): Result<AltmanX> {
  if (marketValueOfEquity !== undefined && !Number.isFinite(marketValueOfEquity)) {
    return err(invalidInput("marketValueOfEquity", detail("notFinite")));
  }
  const { currentAssets, currentLiabilities, totalAssets, retainedEarnings, ebit, totalLiabilities, revenue } = fp;
  const equity = marketValueOfEquity ?? fp.equity;
  if (
    !isFigure(currentAssets) ||
    !isFigure(currentLiabilities) ||
    !isFigure(totalAssets) ||
    !isFigure(retainedEarnings) ||
    !isFigure(ebit) ||
    !isFigure(totalLiabilities) ||
    !isFigure(equity)
  ) {
    // The list of names is built only when a figure is missing (issue 6).
    const missing = ALTMAN_FIGURES.filter((name) => !isFigure(name === "equity" ? equity : fp[name]));
    return err(notAvailable(detail("altmanMissing", { names: missing.join(", ") })));
  }
  if (totalAssets === 0) return err(divideByZero("totalAssets"));
  if (totalLiabilities === 0) return err(divideByZero("totalLiabilities"));
  // One literal with x5 undefined when there is no revenue, not x5 added afterwards: the class
  // of an object grown key by key dies with the objects, and with it the optimised code that
  // knew it (issue 6, --trace-deopt "weak objects").
  return ok({
    x1: (currentAssets - currentLiabilities) / totalAssets,
    x2: retainedEarnings / totalAssets,
    x3: ebit / totalAssets,
    x4: equity / totalLiabilities,
    x5: revenue !== undefined && Number.isFinite(revenue) ? revenue / totalAssets : undefined,
  });
}

function isFigure(value: number | undefined): value is number {
  return value !== undefined && Number.isFinite(value);
}
