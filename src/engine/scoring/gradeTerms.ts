/**
 * The policy's terms for a grade (credit-method.md §3): payment terms in days, limit factor and
 * review interval in months.
 * @example gradeTerms("B", DEFAULT_POLICY) //=> { termsDays: 45, limitFactor: 0.8, reviewMonths: 12 }
 */
import type { Grade, GradeTerms, Policy } from "../policy/Policy";

export function gradeTerms(grade: Grade, policy: Policy): GradeTerms {
  return { ...policy.gradeTerms[grade] };
}
