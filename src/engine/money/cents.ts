/**
 * Money is summed in integer cents so that totals tie to the ledger to the cent
 * (conventions.md "Money"). Conversion happens once, at the edge, rounding half away from zero.
 */
export type Cents = number;

/** Cents of an amount in currency units, rounded half away from zero. @example toCents(0.1 + 0.2) //=> 30 */
export function toCents(amount: number): Cents {
  const scaled = amount * 100;
  // Correct binary representation noise (e.g. 1.005 * 100 = 100.49999999999999) before rounding.
  const nudged = Math.round(scaled * 1e6) / 1e6;
  return nudged < 0 ? -Math.round(-nudged) : Math.round(nudged);
}

/** Currency units of an amount in cents. */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** Round a currency amount to 2 decimals, half away from zero. */
export function roundMoney(amount: number): number {
  return fromCents(toCents(amount));
}
