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
  const largeReasons: string[] = [];
  if (input.isKeyAccount) largeReasons.push("key account");
  const sales = input.annualCreditSales;
  if (sales !== undefined && Number.isFinite(sales) && sales >= policy.largeCustomerThreshold) {
    largeReasons.push(`annual credit sales ${sales} at or above the large-customer threshold ${policy.largeCustomerThreshold}`);
  }
  const riskReasons: string[] = [];
  if (input.grade === "C" || input.grade === "D") riskReasons.push(`grade ${input.grade}`);
  if (input.maxDaysPastDue > policy.rFlagOverdueDays) {
    riskReasons.push(`${input.maxDaysPastDue} days past due (more than ${policy.rFlagOverdueDays})`);
  }
  if (input.limit !== undefined && input.exposure > input.limit) {
    riskReasons.push(`exposure ${input.exposure} over limit ${input.limit}`);
  }
  const isR = largeReasons.length > 0 && riskReasons.length > 0;
  return { isR, reasons: isR ? [...largeReasons, ...riskReasons] : [] };
}
