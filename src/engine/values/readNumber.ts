/**
 * A number from a cell value: numbers as they are; text that reads as a number ("1,234.50",
 * "25%") converted; booleans and other text rejected with an invalidInput error naming the field.
 * @example readNumber("1,234.50", "Amount") //=> ok(1234.5)
 * @example readNumber("25%", "Margin") //=> ok(0.25)
 */
import { err, invalidInput, ok, type Result } from "../errors";

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

export function readNumber(value: unknown, field: string): Result<number> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : err(invalidInput(field, "not a finite number"));
  }
  if (typeof value === "string") {
    const t = value.trim().replace(/,/g, "");
    if (NUMERIC_TEXT.test(t)) {
      const isPercent = t.endsWith("%");
      const n = Number(isPercent ? t.slice(0, -1) : t);
      // "1e999" is numeric text whose number is Infinity: refused like an Infinity cell.
      if (!Number.isFinite(n)) return err(invalidInput(field, `"${value}" is not a finite number`));
      return ok(isPercent ? n / 100 : n);
    }
    return err(invalidInput(field, t === "" ? "is blank" : `"${value}" is not a number`));
  }
  if (value === null || value === undefined) return err(invalidInput(field, "is missing"));
  return err(invalidInput(field, "is not a number"));
}
