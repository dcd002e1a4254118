/**
 * An engine error as the en-US renderer writes it (src/app/errorText.ts): for tests that compare
 * the English words of an error, and for failure messages.
 */
import { errorText, fieldText } from "../../src/app/errorText";
import type { DomainError, Field, Result } from "../../src/engine/errors";
import { createTranslator } from "../../src/i18n/translator";

export function errorInEnglish(error: DomainError): string {
  return errorText(createTranslator("en-US"), error);
}

/** A result with its error in English words: `{ ok: false, message }`, to compare with `refusedInEnglish`. */
/** A result as the tests compare it: ok, or refused with its English words. */
export type InEnglish<T> = Result<T> | { ok: false; message: string };

export function inEnglish<T>(result: Result<T>): { ok: true; value: T } | { ok: false; message: string } {
  return result.ok ? result : { ok: false, message: errorInEnglish(result.error) };
}

/** The English refusal of an invalid input: "field: detail". */
export function refusedInEnglish(field: string, detail: string): { ok: false; message: string } {
  return { ok: false, message: `${field}: ${detail}` };
}

/** A field with its position in English ("odds row 2 column 3"). */
export function fieldInEnglish(field: Field): string {
  return typeof field === "string" ? field : fieldText(createTranslator("en-US"), field.name, field.at);
}
