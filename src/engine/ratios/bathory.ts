/**
 * The Bathory model (巴萨利模型, credit-method.md §4), a Chinese-textbook companion to Altman:
 * the sum of five ratios, where low or negative means a poor outlook.
 *
 *   x1 = (profitBeforeTax + depreciation + amortisation + interest) / currentLiabilities
 *   x2 = profitBeforeTax / workingCapital
 *   x3 = equity / currentLiabilities
 *   x4 = tangible net worth / totalLiabilities, tangible net worth = equity − intangibleAssets
 *   x5 = workingCapital / totalAssets
 * with workingCapital = currentAssets − currentLiabilities. `amortisation`, `interest` and
 * `intangibleAssets` default to 0. A zero denominator is divideByZero naming it.
 * @example bathory({ profitBeforeTax: 100, depreciation: 20, amortisation: 5, interest: 15,
 *   currentAssets: 600, currentLiabilities: 400, equity: 800, intangibleAssets: 100,
 *   totalLiabilities: 700, totalAssets: 1500 })
 *   //=> ok({ x1: 0.35, x2: 0.5, x3: 2, x4: 1, x5: 0.1333, sum: 3.9833 })
 */
import { detail, divideByZero, err, invalidInput, ok, type Result } from "../errors";

export interface BathoryInput {
  /** Profit before tax (利润总额). */
  profitBeforeTax: number;
  /** Depreciation of the period. */
  depreciation: number;
  /** Amortisation of the period (default 0). */
  amortisation?: number;
  /** Interest expense of the period (default 0). */
  interest?: number;
  currentAssets: number;
  currentLiabilities: number;
  /** Equity / net worth (净资产). */
  equity: number;
  /** Intangible assets, subtracted from equity for the tangible net worth (default 0). */
  intangibleAssets?: number;
  totalLiabilities: number;
  totalAssets: number;
}

export interface BathoryResult {
  x1: number;
  x2: number;
  x3: number;
  x4: number;
  x5: number;
  sum: number;
}

export function bathory(input: BathoryInput): Result<BathoryResult> {
  const values: Record<keyof BathoryInput, number> = {
    ...input,
    amortisation: input.amortisation ?? 0,
    interest: input.interest ?? 0,
    intangibleAssets: input.intangibleAssets ?? 0,
  };
  for (const [field, v] of Object.entries(values)) {
    if (typeof v !== "number" || !Number.isFinite(v)) return err(invalidInput(field, detail("notFinite")));
  }
  const { profitBeforeTax, depreciation, amortisation, interest, currentAssets, currentLiabilities } = values;
  const { equity, intangibleAssets, totalLiabilities, totalAssets } = values;
  const workingCapital = currentAssets - currentLiabilities;
  if (currentLiabilities === 0) return err(divideByZero("currentLiabilities"));
  if (workingCapital === 0) return err(divideByZero("workingCapital"));
  if (totalLiabilities === 0) return err(divideByZero("totalLiabilities"));
  if (totalAssets === 0) return err(divideByZero("totalAssets"));
  const x1 = (profitBeforeTax + depreciation + amortisation + interest) / currentLiabilities;
  const x2 = profitBeforeTax / workingCapital;
  const x3 = equity / currentLiabilities;
  const x4 = (equity - intangibleAssets) / totalLiabilities;
  const x5 = workingCapital / totalAssets;
  return ok({ x1, x2, x3, x4, x5, sum: x1 + x2 + x3 + x4 + x5 });
}
