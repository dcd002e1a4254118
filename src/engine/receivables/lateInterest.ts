/**
 * Late-payment interest (延期付款利息, credit-method.md §6): simple interest on a 365-day year,
 * interest = amount × annual rate % / 100 × days past due / 365, rounded to cents half away from
 * zero; amount demanded = amount + interest + fee, to the cent. Nothing is charged on an item
 * that is not overdue (days ≤ 0) or on a credit (amount ≤ 0): interest 0, no fee, demanded = amount.
 * `interestDue` and `amountDemanded` are the two figures on their own, for callers that compute
 * them per row (the collections worklist) without an object per row; `lateInterest` is both.
 * `lateInterestOf` is the same figures for inputs straight from a user (CREDIT.INTEREST): an
 * error value naming the input when an amount is beyond exact cents or the interest overflows.
 * @example lateInterest({ amount: 100, daysPastDue: 15, annualRatePercent: 10, fee: 10 }) //=> { interest: 0.41, demanded: 110.41 }
 */
import { detail, err, type Field, ok, outOfRange, type Result } from "../errors";
import { centsOf, checkedCents, fromCents, roundMoney, toCents } from "../money/cents";

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

/**
 * lateInterest for inputs straight from a user: the amount and fee must be within exact cents
 * (±MAX_AMOUNT), the interest and the amount demanded too; otherwise an outOfRange error naming
 * the input (never Infinity or NaN, never a throw). Fields are named by `fields` (default the
 * input's own names).
 * @example lateInterestOf({ amount: 1e306, daysPastDue: 10, annualRatePercent: 10 }) //=> err(outOfRange("amount", detail("centsAmount", …)))
 */
export function lateInterestOf(
  input: LateInterestInput,
  fields: { amount: Field; daysPastDue: Field; annualRatePercent: Field; fee: Field } = {
    amount: "amount",
    daysPastDue: "daysPastDue",
    annualRatePercent: "annualRatePercent",
    fee: "fee",
  },
): Result<{ interest: number; demanded: number }> {
  const { amount, daysPastDue, annualRatePercent, fee = 0 } = input;
  const amountCents = centsOf(amount, fields.amount);
  if (!amountCents.ok) return amountCents;
  const feeCents = centsOf(fee, fields.fee);
  if (!feeCents.ok) return feeCents;
  if (!Number.isFinite(daysPastDue)) return err(outOfRange(fields.daysPastDue, detail("notFinite")));
  if (!Number.isFinite(annualRatePercent)) return err(outOfRange(fields.annualRatePercent, detail("notFinite")));
  if (daysPastDue <= 0 || amount <= 0) return ok({ interest: 0, demanded: fromCents(amountCents.value) });
  const raw = (amount * annualRatePercent * daysPastDue) / 36500;
  const interestCents = Number.isFinite(raw) ? toCents(raw) : Number.NaN;
  if (!Number.isSafeInteger(interestCents)) {
    return err(outOfRange("lateInterest", detail("overflow")));
  }
  const demanded = checkedCents(amountCents.value + interestCents + feeCents.value, fields.amount);
  if (!demanded.ok) return demanded;
  return ok({ interest: fromCents(interestCents), demanded: fromCents(demanded.value) });
}
