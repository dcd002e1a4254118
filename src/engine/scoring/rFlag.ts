/**
 * Grade R (credit-method.md §3): a large or strategic customer that shows risk is decided by
 * senior management ("refer to committee"), not by formula.
 *
 * Large or strategic: isKeyAccount, or annualCreditSales ≥ policy.largeCustomerThreshold.
 * Shows risk: grade C or D, or maxDaysPastDue > policy.rFlagOverdueDays, or exposure > limit
 * (strictly, as the order check of §8; only when a limit is given).
 * `reasons` lists, when the flag is set, why the customer is large and every risk it shows;
 * it is empty when the flag is not set.
 * @example rFlag({ grade: "B", isKeyAccount: true, maxDaysPastDue: 45, exposure: 0 }, DEFAULT_POLICY)
 *   //=> { isR: true, reasons: ["key account", "45 days past due (more than 30)"] }
 */
import type { Grade, Policy } from "../policy/Policy";

export interface RFlagInput {
  grade: Grade;
  isKeyAccount: boolean;
  annualCreditSales?: number;
  maxDaysPastDue: number;
  exposure: number;
  limit?: number;
}

export function rFlag(input: RFlagInput, policy: Policy): { isR: boolean; reasons: string[] } {
  const sales = input.annualCreditSales;
  const isLargeBySales = sales !== undefined && Number.isFinite(sales) && sales >= policy.largeCustomerThreshold;
  const isWeakGrade = input.grade === "C" || input.grade === "D";
  const isLate = input.maxDaysPastDue > policy.rFlagOverdueDays;
  const isOverLimit = input.limit !== undefined && input.exposure > input.limit;
  const isR = (input.isKeyAccount || isLargeBySales) && (isWeakGrade || isLate || isOverLimit);
  // The reasons, text, are built only for a flagged customer: most of a portfolio is not (issue 6).
  const reasons: string[] = [];
  if (!isR) return { isR, reasons };
  if (input.isKeyAccount) reasons.push("key account");
  if (isLargeBySales) reasons.push(`annual credit sales ${sales} at or above the large-customer threshold ${policy.largeCustomerThreshold}`);
  if (isWeakGrade) reasons.push(`grade ${input.grade}`);
  if (isLate) reasons.push(`${input.maxDaysPastDue} days past due (more than ${policy.rFlagOverdueDays})`);
  if (isOverLimit) reasons.push(`exposure ${input.exposure} over limit ${input.limit}`);
  return { isR, reasons };
}
