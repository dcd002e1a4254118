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
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = abs % 100;
  return fraction === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(fraction).padStart(2, "0")}`;
}
