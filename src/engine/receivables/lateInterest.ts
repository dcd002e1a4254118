/**
 * Late-payment interest (延期付款利息, credit-method.md §6): simple interest on a 365-day year,
 * interest = amount × annual rate % / 100 × days past due / 365, rounded to cents half away from
 * zero; amount demanded = amount + interest + fee, to the cent. Nothing is charged on an item
 * that is not overdue (days ≤ 0) or on a credit (amount ≤ 0): interest 0, no fee, demanded = amount.
 * `interestDue` and `amountDemanded` are the two figures on their own, for callers that compute
 * them per row (the collections worklist) without an object per row; `lateInterest` is both.
 * @example lateInterest({ amount: 100, daysPastDue: 15, annualRatePercent: 10, fee: 10 }) //=> { interest: 0.41, demanded: 110.41 }
 */
import { fromCents, roundMoney, toCents } from "../money/cents";

export interface LateInterestInput {
  amount: number;
  daysPastDue: number;
  annualRatePercent: number;
  fee?: number;
}

export function lateInterest(input: LateInterestInput): { interest: number; demanded: number } {
  const { amount, daysPastDue, annualRatePercent, fee = 0 } = input;
  const interest = interestDue(amount, daysPastDue, annualRatePercent, fee);
  return { interest, demanded: amountDemanded(amount, daysPastDue, interest, fee) };
}

/** The interest on an item, to the cent (0 when not overdue or not positive). Every input must be finite. */
export function interestDue(amount: number, daysPastDue: number, annualRatePercent: number, fee: number): number {
  // Four checks, not `[…].every(Number.isFinite)`: this runs once per worklist row (issue 6).
  if (!Number.isFinite(amount) || !Number.isFinite(daysPastDue) || !Number.isFinite(annualRatePercent) || !Number.isFinite(fee)) {
    throw new RangeError("lateInterest: every input must be a finite number");
  }
  if (daysPastDue <= 0 || amount <= 0) return 0;
  return roundMoney((amount * annualRatePercent * daysPastDue) / 36500);
}

/** The amount to demand for an item with its interest (from interestDue): amount + interest + fee when charged, else the amount. */
export function amountDemanded(amount: number, daysPastDue: number, interest: number, fee: number): number {
  if (daysPastDue <= 0 || amount <= 0) return roundMoney(amount);
  return fromCents(toCents(amount) + toCents(interest) + toCents(fee));
}
