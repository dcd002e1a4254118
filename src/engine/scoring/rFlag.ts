/**
 * Grade R (credit-method.md §3): a large or strategic customer that shows risk is decided by
 * senior management ("refer to committee"), not by formula.
 *
 * Large or strategic: isKeyAccount, or annualCreditSales ≥ policy.largeCustomerThreshold.
 * Shows risk: grade C or D, or maxDaysPastDue > policy.rFlagOverdueDays, or exposure > limit
 * (strictly, as the order check of §8; only when a limit is given).
 * `reasons` lists, when the flag is set, why the customer is large and every risk it shows, as
 * messages (id and parameters; catalogue id `rFlag.<id>`); it is empty when the flag is not set.
 * @example rFlag({ grade: "B", isKeyAccount: true, maxDaysPastDue: 45, exposure: 0 }, DEFAULT_POLICY)
 *   //=> { isR: true, reasons: [{ id: "keyAccount", params: {} }, { id: "late", params: { days: 45, threshold: 30 } }] }
 */
import type { Grade, Policy } from "../policy/Policy";
import { NO_PARAMS, type ReviewMessage, type RFlagId } from "../review/ReviewMessage";

const KEY_ACCOUNT: ReviewMessage<RFlagId> = Object.freeze({ id: "keyAccount", params: NO_PARAMS });

export interface RFlagInput {
  grade: Grade;
  isKeyAccount: boolean;
  annualCreditSales?: number;
  maxDaysPastDue: number;
  exposure: number;
  limit?: number;
}

export function rFlag(input: RFlagInput, policy: Policy): { isR: boolean; reasons: ReviewMessage<RFlagId>[] } {
  const sales = input.annualCreditSales;
  const isLargeBySales = sales !== undefined && Number.isFinite(sales) && sales >= policy.largeCustomerThreshold;
  const isWeakGrade = input.grade === "C" || input.grade === "D";
  const isLate = input.maxDaysPastDue > policy.rFlagOverdueDays;
  const isOverLimit = input.limit !== undefined && input.exposure > input.limit;
  const isR = (input.isKeyAccount || isLargeBySales) && (isWeakGrade || isLate || isOverLimit);
  // The reasons are built only for a flagged customer: most of a portfolio is not (issue 6).
  const reasons: ReviewMessage<RFlagId>[] = [];
  if (!isR) return { isR, reasons };
  if (input.isKeyAccount) reasons.push(KEY_ACCOUNT);
  if (isLargeBySales) reasons.push({ id: "largeBySales", params: { sales: sales ?? 0, threshold: policy.largeCustomerThreshold } });
  if (isWeakGrade) reasons.push({ id: "weakGrade", params: { grade: input.grade } });
  if (isLate) reasons.push({ id: "late", params: { days: input.maxDaysPastDue, threshold: policy.rFlagOverdueDays } });
  if (isOverLimit) reasons.push({ id: "overLimit", params: { exposure: input.exposure, limit: input.limit ?? 0 } });
  return { isR, reasons };
}
