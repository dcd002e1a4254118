/**
 * The policy's terms for a grade (credit-method.md §3): payment terms in days, limit factor and
 * review interval in months.
 * @example gradeTerms("B", DEFAULT_POLICY) //=> { termsDays: 45, limitFactor: 0.8, reviewMonths: 12 }
 */
import type { Grade, GradeTerms, Policy } from "../policy/Policy";

/** A copy: the caller may change it without touching the policy. */
export function gradeTerms(grade: Grade, policy: Policy): GradeTerms {
  const terms = policy.gradeTerms[grade];
  // Field by field, not by object spread: this runs once per customer of a review (issue 6).
  return { termsDays: terms.termsDays, limitFactor: terms.limitFactor, reviewMonths: terms.reviewMonths };
}
