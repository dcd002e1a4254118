/**
 * Money is summed in integer cents so that totals tie to the ledger to the cent
 * (conventions.md "Money"). Conversion happens once, at the edge, rounding half away from zero.
 * Exact cents need a safe integer: amounts up to MAX_AMOUNT (about 90 trillion) are exact; an
 * amount beyond it is refused at the edge by centsOf, never summed into a total that is off by
 * whole cents or overflows to Infinity.
 */
import { detail, type DomainError, err, type Field, invalidInput, ok, outOfRange, type Result } from "../errors";

export type Cents = number;

/** The largest amount in currency units whose cents are a safe integer: 90,071,992,547,409.91. */
export const MAX_AMOUNT = Number.MAX_SAFE_INTEGER / 100;

/**
 * Cents of an amount in currency units, rounded half away from zero. Exact for amounts within
 * ±MAX_AMOUNT (use centsOf at the edge to refuse others); never NaN for a finite amount.
 * @example toCents(0.1 + 0.2) //=> 30
 */
export function toCents(amount: number): Cents {
  const scaled = amount * 100;
  // Beyond 2^52 every double is a whole number: nothing to nudge (and × 1e6 would overflow).
  if (Math.abs(scaled) >= 2 ** 52) return scaled;
  // Correct binary representation noise (e.g. 1.005 * 100 = 100.49999999999999) before rounding.
  const nudged = Math.round(scaled * 1e6) / 1e6;
  return nudged < 0 ? -Math.round(-nudged) : Math.round(nudged);
}

/**
 * Cents of an amount read at the edge: an outOfRange error naming the field when the amount is
 * beyond ±MAX_AMOUNT (its cents would not be exact), an invalidInput error when it is not finite.
 * @example centsOf(12.345, "amount") //=> ok(1235)
 * @example centsOf(1e306, at("amounts", { row: 3 })) //=> err(outOfRange(at("amounts", { row: 3 }), detail("centsAmount", …)))
 */
export function centsOf(amount: number, field: Field): Result<Cents> {
  if (!Number.isFinite(amount)) return err(invalidInput(field, detail("notFinite")));
  const cents = toCents(amount);
  return Number.isSafeInteger(cents) ? ok(cents) : err(amountTooLarge(field, amount));
}

/** The error of an amount whose cents are not a safe integer, naming the field. */
export function amountTooLarge(field: Field, amount: number): DomainError {
  return outOfRange(field, detail("centsAmount", { max: MAX_AMOUNT, got: amount }));
}

/** A sum of cents checked to be exact: an outOfRange error naming the field when it left the safe integers. */
export function checkedCents(cents: Cents, field: Field): Result<Cents> {
  return Number.isSafeInteger(cents) ? ok(cents) : err(totalTooLarge(field));
}

/** The error of a total of cents beyond the safe integers, naming the field summed. */
export function totalTooLarge(field: Field): DomainError {
  return outOfRange(field, detail("centsTotal", { max: MAX_AMOUNT }));
}


/** Currency units of an amount in cents. */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/**
 * Round a currency amount to 2 decimals, half away from zero. An amount of 2^52 cents or more has
 * no fraction of a cent left to round and is returned as it is (× 100 would overflow near 1.8e308).
 * @example roundMoney(1.005) //=> 1.01
 */
export function roundMoney(amount: number): number {
  if (Math.abs(amount) >= 2 ** 52 / 100) return amount;
  return fromCents(toCents(amount));
}
