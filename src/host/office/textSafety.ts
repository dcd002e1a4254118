import type { CellValue } from "../WorkbookPort";

/**
 * Whether a string must be marked as text before it goes into a cell (WorkbookPort contract:
 * strings starting with "=", "+", "-" or "@" are written as text, never as formulas).
 *
 * Office.js parses a string written through `Range.values` like typed input, so besides the four
 * formula triggers the rule also covers what Excel would turn into something other than the same
 * text: a leading apostrophe (it would be eaten as the text marker), and strings that start like a
 * number, currency amount, date, time, percentage or error value ("00123", "1/2/2026", "#N/A"),
 * or read TRUE/FALSE. Month-name dates ("Jan 2026") are not recognised (documented limit).
 * Over-marking is harmless: the cell still holds exactly the same text.
 *
 * @example needsTextPrefix("=SUM(A1)") //=> true
 * @example needsTextPrefix("00123") //=> true
 * @example needsTextPrefix("Acme Ltd") //=> false
 */
export function needsTextPrefix(text: string): boolean {
  if (text.length === 0) return false;
  if (/^[=+\-@']/.test(text)) return true;
  const trimmed = text.trim();
  if (/^[0-9.,$€£¥(#%]/.test(trimmed)) return true;
  return /^(true|false)$/i.test(trimmed);
}

/**
 * The value to write through Office.js so that a string stays exactly that string: the apostrophe
 * prefix ("'=SUM(A1)") is Excel's own "store as text" marker; Excel keeps the text without the
 * apostrophe and sets the cell's quote-prefix flag. Numbers, booleans and null pass unchanged.
 * The number format "@" was rejected: it does not stop formula detection in every host.
 * @example toExcelInput("=SUM(A1)") //=> "'=SUM(A1)"
 * @example toExcelInput(42) //=> 42
 */
export function toExcelInput(value: CellValue): CellValue {
  return typeof value === "string" && needsTextPrefix(value) ? `'${value}` : value;
}
