/**
 * A number from a cell value: numbers as they are; text that reads as a number ("1,234.50",
 * "25%") converted; booleans and other text rejected with an invalidInput error naming the field.
 * @example readNumber("1,234.50", "Amount") //=> ok(1234.5)
 * @example readNumber("25%", "Margin") //=> ok(0.25)
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../errors";

const NUMERIC_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/;

export function readNumber(value: unknown, field: Field): Result<number> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? ok(value) : err(invalidInput(field, detail("notFinite")));
  }
  if (typeof value === "string") {
    const t = value.trim().replace(/,/g, "");
    if (NUMERIC_TEXT.test(t)) {
      const isPercent = t.endsWith("%");
      const n = Number(isPercent ? t.slice(0, -1) : t);
      // "1e999" is numeric text whose number is Infinity: refused like an Infinity cell.
      if (!Number.isFinite(n)) return err(invalidInput(field, detail("notFiniteText", { text: value })));
      return ok(isPercent ? n / 100 : n);
    }
    return err(invalidInput(field, t === "" ? detail("blank") : detail("notNumberText", { text: value })));
  }
  if (value === null || value === undefined) return err(invalidInput(field, detail("missing")));
  return err(invalidInput(field, detail("notNumber")));
}
