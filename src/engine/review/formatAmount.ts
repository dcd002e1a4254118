/**
 * An amount as readable text with thousands separators and at most two decimals, for the
 * review's sentences (independent of any locale settings, so outputs are reproducible).
 * @example formatAmount(120000) //=> "120,000"
 * @example formatAmount(-1234.5) //=> "-1,234.50"
 */
import { toCents } from "../money/cents";

export function formatAmount(amount: number): string {
  const cents = toCents(amount);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const whole = withThousands(Math.floor(abs / 100));
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(2, "0")}`;
}

/**
 * A whole number ≥ 0 with a comma every three digits from the right. By slices, not a regular
 * expression, which cost three times as much once per customer of a review (issue 6). From 1e21
 * up String() writes an exponent; that text, as NaN's and Infinity's, is left as it is.
 */
function withThousands(whole: number): string {
  const digits = String(whole);
  if (!(whole < 1e21)) return digits;
  const head = ((digits.length - 1) % 3) + 1;
  let text = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return text;
}
