import { detail, err, ok, outOfRange, type Result } from "../errors";

/** One set of credit terms and what it does to sales and collections (rates are fractions: 0.02 = 2 %). */
export interface TermsScenario {
  /** Annual credit sales. */
  readonly sales: number;
  /** Days sales outstanding under these terms. */
  readonly dso: number;
  /** Bad-debt loss rate on sales. */
  readonly lossRate: number;
  /** Share of sales whose customers take the cash discount. */
  readonly discountTakeUp: number;
  /** The cash discount rate. */
  readonly discountRate: number;
}

export interface MarginalAnalysisInput {
  readonly current: TermsScenario;
  readonly proposed: TermsScenario;
  /** Variable costs over sales (the contribution margin is 1 − this). */
  readonly variableCostRatio: number;
  /** Annual cost of capital tied up in receivables. */
  readonly costOfCapital: number;
}

export interface MarginalAnalysis {
  readonly averageReceivablesCurrent: number;
  readonly averageReceivablesProposed: number;
  readonly deltaContribution: number;
  readonly deltaCarryingCost: number;
  readonly deltaBadDebt: number;
  readonly deltaDiscountCost: number;
  /** Δ contribution − Δ carrying − Δ bad debt − Δ discount. */
  readonly net: number;
  /** Change the terms only when the net is strictly positive. */
  readonly decision: "change" | "keep";
}

const DAYS_PER_YEAR = 365;

function checkScenario(s: TermsScenario, name: string): Result<void> {
  if (!(Number.isFinite(s.sales) && s.sales >= 0)) return err(outOfRange(`${name}.sales`, detail("minimum", { min: 0 })));
  if (!(Number.isFinite(s.dso) && s.dso >= 0)) return err(outOfRange(`${name}.dso`, detail("minimum", { min: 0 })));
  for (const key of ["lossRate", "discountTakeUp", "discountRate"] as const) {
    if (!(Number.isFinite(s[key]) && s[key] >= 0 && s[key] <= 1)) return err(outOfRange(`${name}.${key}`, detail("fraction")));
  }
  return ok(undefined);
}

/**
 * Marginal analysis of a change of credit terms (边际分析法, credit-method.md §9), from the current
 * terms (0) to the proposed ones (1):
 * Δ contribution = (sales₁ − sales₀) × (1 − variable-cost ratio);
 * Δ carrying cost = (AR₁ − AR₀) × variable-cost ratio × cost of capital, AR = sales / 365 × DSO;
 * Δ bad debt = sales₁ × loss rate₁ − sales₀ × loss rate₀;
 * Δ discount cost = sales₁ × take-up₁ × discount₁ − sales₀ × take-up₀ × discount₀;
 * net = Δ contribution − Δ carrying − Δ bad debt − Δ discount; change the terms when net > 0.
 * @example marginalAnalysis({ current: { sales: 3650000, dso: 30, lossRate: 0.01, discountTakeUp: 0, discountRate: 0 },
 *   proposed: { sales: 4380000, dso: 45, lossRate: 0.015, discountTakeUp: 0.5, discountRate: 0.01 },
 *   variableCostRatio: 0.7, costOfCapital: 0.1 })
 *   //=> ok({ deltaContribution: 219000, deltaCarryingCost: 16800, deltaBadDebt: 29200, deltaDiscountCost: 21900, net: 151100, decision: "change", … })
 */
export function marginalAnalysis(input: MarginalAnalysisInput): Result<MarginalAnalysis> {
  const c = checkScenario(input.current, "current");
  if (!c.ok) return c;
  const p = checkScenario(input.proposed, "proposed");
  if (!p.ok) return p;
  const { variableCostRatio: vcr, costOfCapital: coc } = input;
  if (!(Number.isFinite(vcr) && vcr >= 0 && vcr <= 1)) return err(outOfRange("variableCostRatio", detail("fraction")));
  if (!(Number.isFinite(coc) && coc >= 0 && coc <= 10)) return err(outOfRange("costOfCapital", detail("range", { min: 0, max: 10 })));
  const s0 = input.current;
  const s1 = input.proposed;
  const ar0 = (s0.sales / DAYS_PER_YEAR) * s0.dso;
  const ar1 = (s1.sales / DAYS_PER_YEAR) * s1.dso;
  const deltaContribution = (s1.sales - s0.sales) * (1 - vcr);
  const deltaCarryingCost = (ar1 - ar0) * vcr * coc;
  const deltaBadDebt = s1.sales * s1.lossRate - s0.sales * s0.lossRate;
  const deltaDiscountCost = s1.sales * s1.discountTakeUp * s1.discountRate - s0.sales * s0.discountTakeUp * s0.discountRate;
  const net = deltaContribution - deltaCarryingCost - deltaBadDebt - deltaDiscountCost;
  return ok({
    averageReceivablesCurrent: ar0,
    averageReceivablesProposed: ar1,
    deltaContribution,
    deltaCarryingCost,
    deltaBadDebt,
    deltaDiscountCost,
    net,
    decision: net > 0 ? "change" : "keep",
  });
}
