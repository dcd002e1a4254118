/**
 * Removes binary floating-point noise from a computed figure by keeping 12 significant digits,
 * so that a value that is mathematically on a band edge lands on it (0.1 + 0.2 → 0.3, and a
 * composite of exactly 80 % is not 79.99999999999999 %). It is not display rounding: 12 digits
 * keep every figure a user can type. Used before comparing with band edges and before rounding
 * a limit down.
 * @example denoise(0.1 + 0.2) //=> 0.3
 */
export function denoise(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  return Number(value.toPrecision(12));
}
