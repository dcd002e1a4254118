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
 * workingAssetsBasisAlone gives the basis and zeroReason alone, for creditLimit.
 * @example workingAssetsBasis({ currentAssets: 5000, inventory: 2000, currentLiabilities: 2500,
 *   totalLiabilities: 4000, netWorth: 6000 }, DEFAULT_POLICY)
 *   //=> ok({ workingAssets: 4250, evaluation: 2.11666666667, percent: 25, basis: 1062.5, … })
 */
import type { LimitZeroId } from "./limitMessages";
import type { ReviewMessage } from "../review/ReviewMessage";
import { detail, divideByZero, type DomainError, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { roundMoney } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { denoise } from "../scoring/denoise";
import { firstNonFinite } from "../values/firstNonFinite";
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
  zeroReason?: ReviewMessage<LimitZeroId>;
}

const HIGHER_RISK_AT_OR_BELOW = -1.8;
const LOWER_RISK_FROM = 1.0;

export function riskLabelOf(evaluation: number): { en: string; zh: string } {
  if (evaluation <= HIGHER_RISK_AT_OR_BELOW) return { en: "higher risk", zh: "风险较高" };
  if (evaluation >= LOWER_RISK_FROM) return { en: "lower risk", zh: "风险较低" };
  return { en: "limited risk", zh: "风险有限" };
}

/** The error for a negative asset or liability, undefined when `value` is not negative. */
function mustNotBeNegative(field: string, value: number): DomainError | undefined {
  return value < 0 ? outOfRange(field, detail("notNegative", { got: value })) : undefined;
}

export function workingAssetsBasis(input: WorkingAssetsInput, policy: Policy): Result<WorkingAssetsResult> {
  const { currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth } = input;
  // for…in over the own keys, not Object.entries: the same fields in the same order (an extra
  // key that is not a finite number is still rejected), without an array per field (issue 6).
  for (const field in input) {
    if (!Object.prototype.hasOwnProperty.call(input, field)) continue;
    const v: unknown = input[field as keyof WorkingAssetsInput];
    if (typeof v !== "number" || !Number.isFinite(v)) return err(invalidInput(field, detail("notFinite")));
  }
  const negativeError =
    mustNotBeNegative("currentAssets", currentAssets) ??
    mustNotBeNegative("inventory", inventory) ??
    mustNotBeNegative("currentLiabilities", currentLiabilities) ??
    mustNotBeNegative("totalLiabilities", totalLiabilities);
  if (negativeError !== undefined) return err(negativeError);
  if (currentLiabilities === 0) return err(divideByZero("currentLiabilities"));
  if (netWorth === 0) return err(divideByZero("netWorth"));

  const workingAssets = workingAssetsOf(input);
  const ratios = ratiosOf(input);
  const evaluation = evaluationOf(ratios);
  const percent = percentOf(evaluation, policy);
  const zeroReason = zeroReasonOf(input, workingAssets);
  const result: WorkingAssetsResult = {
    workingCapital: workingCapitalOf(input),
    workingAssets,
    ratios,
    evaluation,
    percent,
    basis: basisOf(workingAssets, percent, zeroReason),
    riskLabel: riskLabelOf(evaluation),
  };
  if (zeroReason !== undefined) result.zeroReason = zeroReason;
  // Finite figures near the largest double can still overflow their sums and ratios.
  const overflow = firstNonFinite({ workingCapital: result.workingCapital, workingAssets, ...ratios, evaluation, basis: result.basis });
  if (overflow !== undefined) return err(outOfRange(overflow, detail("overflow")));
  return ok(result);
}

/**
 * The basis and its zeroReason alone, from figures workingAssetsBasis accepts: what creditLimit
 * needs, once per customer of a portfolio review, without the ratios, risk label and result
 * objects (issue 6).
 */
export function workingAssetsBasisAlone(input: WorkingAssetsInput, policy: Policy): { basis: number; zeroReason?: ReviewMessage<LimitZeroId> } {
  const workingAssets = workingAssetsOf(input);
  const zeroReason = zeroReasonOf(input, workingAssets);
  const basis = basisOf(workingAssets, percentOf(evaluationOf(ratiosOf(input)), policy), zeroReason);
  return zeroReason === undefined ? { basis } : { basis, zeroReason };
}

// The formulas of the header, each written once for workingAssetsBasis and workingAssetsBasisAlone
// (test: "workingAssetsBasisAlone agrees with workingAssetsBasis").

function workingCapitalOf(f: WorkingAssetsInput): number {
  return f.currentAssets - f.currentLiabilities;
}

function workingAssetsOf(f: WorkingAssetsInput): number {
  return (workingCapitalOf(f) + f.netWorth) / 2;
}

function ratiosOf(f: WorkingAssetsInput): WorkingAssetsResult["ratios"] {
  return {
    currentRatio: f.currentAssets / f.currentLiabilities,
    quickRatio: (f.currentAssets - f.inventory) / f.currentLiabilities,
    currentLiabilitiesToNetWorth: f.currentLiabilities / f.netWorth,
    totalLiabilitiesToNetWorth: f.totalLiabilities / f.netWorth,
  };
}

/** (A + B) − (C + D), freed of float noise so that a value on an edge lands in the band the table says. */
function evaluationOf(r: WorkingAssetsResult["ratios"]): number {
  return denoise(r.currentRatio + r.quickRatio - (r.currentLiabilitiesToNetWorth + r.totalLiabilitiesToNetWorth));
}

function percentOf(evaluation: number, policy: Policy): number {
  const { edges, percents } = policy.workingAssetsBands;
  return percents[bandOf(evaluation, edges, true)];
}

function zeroReasonOf(f: WorkingAssetsInput, workingAssets: number): ReviewMessage<LimitZeroId> | undefined {
  if (f.netWorth < 0) return { id: "netWorthNegative", params: { netWorth: f.netWorth } };
  if (workingAssets < 0) return { id: "workingAssetsNegative", params: { workingAssets: roundMoney(workingAssets) } };
  return undefined;
}

function basisOf(workingAssets: number, percent: number, zeroReason: ReviewMessage<LimitZeroId> | undefined): number {
  return zeroReason === undefined ? roundMoney((workingAssets * percent) / 100) : 0;
}
