/**
 * Removes binary floating-point noise from a computed figure by keeping 12 significant digits,
 * so that a value that is mathematically on a band edge lands on it (0.1 + 0.2 → 0.3, and a
 * composite of exactly 80 % is not 79.99999999999999 %). It is not display rounding: 12 digits
 * keep every figure a user can type. Used before comparing with band edges and before rounding
 * a limit down. The result is exactly `Number(value.toPrecision(12))`, computed without a string
 * for magnitudes 1e-11 to 1e12 (see below).
 * @example denoise(0.1 + 0.2) //=> 0.3
 */
export function denoise(value: number): number {
  if (!Number.isFinite(value)) return value;
  if (value === 0) return 0;
  const magnitude = Math.abs(value);
  // 10^k with 12 − 1 − k the decimal exponent of the value, so that magnitude × 10^k has 12
  // digits before the point. 10^0 … 10^22 are exact doubles, so for such k `r / 10^k` is the
  // double nearest the decimal r × 10^−k, which is what Number() of toPrecision's text gives.
  const k = 11 - Math.floor(Math.log10(magnitude));
  if (k >= 0 && k <= 22) {
    const scaled = magnitude * POWERS_OF_TEN[k];
    const r = Math.round(scaled);
    // The product is off from the exact decimal by at most 0.5 ulp (≤ 6.2e-5 below 1e12): unless
    // its fraction is that close to a half, it rounds as the exact value does. Near a half, or
    // when log10 missed the exponent by one at a power of ten, toPrecision decides.
    const fraction = scaled - Math.floor(scaled);
    if (r >= 1e11 && r < 1e12 && Math.abs(fraction - 0.5) > 1e-3) {
      const kept = r / POWERS_OF_TEN[k];
      return value < 0 ? -kept : kept;
    }
  }
  return Number(value.toPrecision(12));
}

const POWERS_OF_TEN: readonly number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
