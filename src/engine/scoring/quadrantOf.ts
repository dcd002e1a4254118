/**
 * The risk × cooperation-potential matrix (风险-合作潜力矩阵, credit-method.md §3), numbered as
 * the method does: risk is high for grades C and D; potential is high at or above
 * policy.highPotentialFrom (default 6). A potential that is not a finite number counts as low
 * (no information is not a reason to court a customer).
 *
 * 1 low risk, low potential: basic customer (基础客户) — standard terms;
 * 2 high risk, low potential: cash or prepayment (要求现金或预付);
 * 3 low risk, high potential: credit customer (赊销客户) — grant credit proactively;
 * 4 high risk, high potential: credit investigation first (需做资信调查).
 * @example quadrantOf("C", 8, DEFAULT_POLICY) //=> { quadrant: 4, en: "Credit investigation first", zh: "需做资信调查", isHighRisk: true, isHighPotential: true }
 */
import type { Grade, Policy } from "../policy/Policy";

export type QuadrantNumber = 1 | 2 | 3 | 4;

export interface Quadrant {
  quadrant: QuadrantNumber;
  en: string;
  zh: string;
  isHighRisk: boolean;
  isHighPotential: boolean;
}

export const QUADRANT_LABELS: Readonly<Record<QuadrantNumber, { en: string; zh: string }>> = {
  1: { en: "Basic customer", zh: "基础客户" },
  2: { en: "Cash or prepayment", zh: "要求现金或预付" },
  3: { en: "Credit customer", zh: "赊销客户" },
  4: { en: "Credit investigation first", zh: "需做资信调查" },
};

export function quadrantOf(grade: Grade, potential: number, policy: Policy): Quadrant {
  const isHighRisk = grade === "C" || grade === "D";
  const isHighPotential = Number.isFinite(potential) && potential >= policy.highPotentialFrom;
  const quadrant: QuadrantNumber = isHighPotential ? (isHighRisk ? 4 : 3) : isHighRisk ? 2 : 1;
  // Labels by assignment, not by object spread: this runs once per customer of a review (issue 6).
  const label = QUADRANT_LABELS[quadrant];
  return { quadrant, en: label.en, zh: label.zh, isHighRisk, isHighPotential };
}
