/**
 * Working-assets basis for a credit limit (营运资产分析模型, credit-method.md §5.2).
 *
 *   working capital = currentAssets − currentLiabilities; working assets = (working capital + netWorth) / 2
 *   A current ratio = currentAssets / currentLiabilities; B quick ratio = (currentAssets − inventory) / currentLiabilities
 *   C = currentLiabilities / netWorth; D = totalLiabilities / netWorth
 *   evaluation value = (A + B) − (C + D); basis = working assets × percent of its band / 100
 *
 * Bands from policy.workingAssetsBands, upper edges inclusive except the top edge: ≤ −4.6 → 0 %,
 * (−4.6, −3.9] → 2.5 %, … (−0.4, 0.3] → 17.5 %, (0.3, 1.0) → 20 %, ≥ 1.0 → 25 %.
 * Risk label: ≤ −1.8 higher risk (风险较高), ≥ 1.0 lower risk (风险较低), otherwise limited risk (风险有限).
 * Negative working assets or negative net worth give basis 0, with `zeroReason`. Zero current
 * liabilities or zero net worth leave ratios undefined: divideByZero naming the field.
 * The evaluation value is freed of floating-point noise (12 significant digits) so that an
 * evaluation exactly on an edge lands in the band the table says; the basis is rounded to cents.
 * @example workingAssetsBasis({ currentAssets: 5000, inventory: 2000, currentLiabilities: 2500,
 *   totalLiabilities: 4000, netWorth: 6000 }, DEFAULT_POLICY)
 *   //=> ok({ workingAssets: 4250, evaluation: 2.11666666667, percent: 25, basis: 1062.5, … })
 */
import { divideByZero, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { roundMoney } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { denoise } from "../scoring/denoise";
import { bandOf } from "./bandOf";

export interface WorkingAssetsInput {
  currentAssets: number;
  inventory: number;
  currentLiabilities: number;
  totalLiabilities: number;
  /** Net worth = equity (净资产). */
  netWorth: number;
}

export interface WorkingAssetsResult {
  workingCapital: number;
  workingAssets: number;
  ratios: {
    currentRatio: number;
    quickRatio: number;
    currentLiabilitiesToNetWorth: number;
    totalLiabilitiesToNetWorth: number;
  };
  evaluation: number;
  /** % of working assets from the band of the evaluation value. */
  percent: number;
  /** The basis in currency units, rounded to cents; 0 when zeroReason is set. */
  basis: number;
  riskLabel: { en: string; zh: string };
  /** Why the basis is 0 although the table's percent is not (negative working assets or net worth). */
  zeroReason?: string;
}

const HIGHER_RISK_AT_OR_BELOW = -1.8;
const LOWER_RISK_FROM = 1.0;

export function riskLabelOf(evaluation: number): { en: string; zh: string } {
  if (evaluation <= HIGHER_RISK_AT_OR_BELOW) return { en: "higher risk", zh: "风险较高" };
  if (evaluation >= LOWER_RISK_FROM) return { en: "lower risk", zh: "风险较低" };
  return { en: "limited risk", zh: "风险有限" };
}

export function workingAssetsBasis(input: WorkingAssetsInput, policy: Policy): Result<WorkingAssetsResult> {
  const { currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth } = input;
  for (const [field, v] of Object.entries(input)) {
    if (typeof v !== "number" || !Number.isFinite(v)) return err(invalidInput(field, "is not a finite number"));
  }
  for (const [field, v] of Object.entries({ currentAssets, inventory, currentLiabilities, totalLiabilities })) {
    if (v < 0) return err(outOfRange(field, `must not be negative, got ${v}`));
  }
  if (currentLiabilities === 0) return err(divideByZero("currentLiabilities"));
  if (netWorth === 0) return err(divideByZero("netWorth"));

  const workingCapital = currentAssets - currentLiabilities;
  const workingAssets = (workingCapital + netWorth) / 2;
  const ratios = {
    currentRatio: currentAssets / currentLiabilities,
    quickRatio: (currentAssets - inventory) / currentLiabilities,
    currentLiabilitiesToNetWorth: currentLiabilities / netWorth,
    totalLiabilitiesToNetWorth: totalLiabilities / netWorth,
  };
  const evaluation = denoise(
    ratios.currentRatio + ratios.quickRatio - (ratios.currentLiabilitiesToNetWorth + ratios.totalLiabilitiesToNetWorth),
  );
  const { edges, percents } = policy.workingAssetsBands;
  const percent = percents[bandOf(evaluation, edges, true)];
  const zeroReason =
    netWorth < 0
      ? `net worth ${netWorth} is negative`
      : workingAssets < 0
        ? `working assets ${roundMoney(workingAssets)} are negative`
        : undefined;
  const basis = zeroReason === undefined ? roundMoney((workingAssets * percent) / 100) : 0;
  const result: WorkingAssetsResult = {
    workingCapital,
    workingAssets,
    ratios,
    evaluation,
    percent,
    basis,
    riskLabel: riskLabelOf(evaluation),
  };
  if (zeroReason !== undefined) result.zeroReason = zeroReason;
  return ok(result);
}
