/**
 * The as-of date the user types: strictly `YYYY-MM-DD` (ISO, as the pane shows dates), and a real
 * calendar date.
 * @example parseAsOf("2024-06-30") //=> { ok: true, value: <day number of 2024-06-30> }
 */
import { parseDateText, type DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "../app/errorText";
import { detail, err, invalidInput, type Result } from "../engine/errors";
import type { Translator } from "../i18n/translator";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseAsOf(text: string): Result<DayNumber> {
  const t = text.trim();
  if (!ISO_DATE.test(t)) return err(invalidInput("asOf", detail("dateFormat")));
  return parseDateText(t, "asOf");
}

/** The message to show under the as-of field, or undefined when the text is a valid date. */
export function asOfMessage(t: Translator, text: string): string | undefined {
  const r = parseAsOf(text);
  return r.ok ? undefined : errorText(t, r.error);
}
