/**
 * Calendar month arithmetic on day numbers (credit-method.md §6: the 12-month lookback
 * of the payment-behaviour factor). The day of month is clamped to the target month's length,
 * as Excel's EDATE does.
 */
import { civilFromDay, dayFromCivil, type DayNumber } from "./dayNumber";

function daysInMonth(year: number, month: number): number {
  return dayFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromCivil(year, month, 1);
}

/**
 * The same day `months` calendar months later (negative: earlier), clamped to the month's end.
 * @example toIsoDate(addMonths(dayFromCivil(2013, 3, 31), -1)) //=> "2013-02-28"
 * @example toIsoDate(addMonths(dayFromCivil(2013, 12, 31), -12)) //=> "2012-12-31"
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  if (!Number.isInteger(months)) throw new RangeError(`addMonths: months must be a whole number, got ${months}`);
  const { year, month, day: dom } = civilFromDay(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayFromCivil(targetYear, targetMonth, Math.min(dom, daysInMonth(targetYear, targetMonth)));
}
