/**
 * A WorkbookPort cell value from an ExcelJS cell value, as the Office adapter would read it:
 * dates become Excel serial numbers in the workbook's date system, formulas their cached result
 * (null when the file has none, e.g. written by openpyxl), rich text and hyperlinks their plain
 * text, error values their Excel text ("#N/A"), and non-finite numbers null.
 * @example toCellValue(new Date(Date.UTC(2024, 0, 1)), "1900") //=> 45292
 * @example toCellValue({ formula: "A1*2", result: 84 }, "1900") //=> 84
 */
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue } from "../WorkbookPort";

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in the 1900 system, and the shift between the two systems (ExcelJS's own constants). */
const UNIX_EPOCH_SERIAL_1900 = 25569;
const SYSTEM_1904_SHIFT = 1462;

/**
 * The serial ExcelJS read before turning it into a Date: the exact inverse of ExcelJS's
 * `excelToDate` (which ignores Excel's 1900 leap-year quirk, so inverting it, rather than
 * converting the calendar date, gives back the stored number for every serial).
 */
export function dateToSerial(date: Date, system: DateSystem): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL_1900 + ms / MS_PER_DAY - (system === "1904" ? SYSTEM_1904_SHIFT : 0);
  // ExcelJS rounds to whole milliseconds; snap whole days back to integers.
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-7 ? whole : serial;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function richTextOf(runs: unknown[]): string {
  return runs.map((run) => (isRecord(run) && typeof run.text === "string" ? run.text : "")).join("");
}

export function toCellValue(value: unknown, system: DateSystem): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return dateToSerial(value, system);
  if (!isRecord(value)) return null;
  if (typeof value.error === "string") return value.error;
  if (Array.isArray(value.richText)) return richTextOf(value.richText);
  if ("formula" in value || "sharedFormula" in value) return toCellValue(value.result, system);
  if ("hyperlink" in value) return toCellValue(value.text, system);
  if ("text" in value) return toCellValue(value.text, system);
  return null;
}
