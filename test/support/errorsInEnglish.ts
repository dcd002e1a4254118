/**
 * Lets a test compare an engine error with an expectation written the way the user reads it in
 * English: `{ kind, field: "amounts row 3", detail: "is not a finite number" }` or
 * `{ kind: "notAvailable", what: "no basis for a limit" }` (the errors' shape before their details
 * became message ids). The error is rendered by the en-US renderer (src/app/errorText.ts) and the
 * rendering compared with the expectation, so these tests check the words as before. An expectation
 * written as data (`detail: { id, params }`) is compared as data. Import it for its effect.
 */
import { detailText, fieldText } from "../../src/app/errorText";
import type { DomainError } from "../../src/engine/errors";
import { createTranslator } from "../../src/i18n/translator";

const KINDS = new Set(["invalidInput", "outOfRange", "notAvailable", "divideByZero"]);
const en = createTranslator("en-US");

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** An engine error as data (its detail a message id). */
function isErrorAsData(x: unknown): x is DomainError {
  if (!isRecord(x) || typeof x.kind !== "string" || !KINDS.has(x.kind)) return false;
  return x.kind === "divideByZero" ? x.at !== undefined : isRecord(x.detail) && typeof x.detail.id === "string";
}

/** An expectation of an error in English words (a text or an asymmetric matcher where the detail is, or a `what`). */
function isErrorInWords(x: unknown): x is Record<string, unknown> {
  if (!isRecord(x) || typeof x.kind !== "string" || !KINDS.has(x.kind) || isErrorAsData(x)) return false;
  return !isRecord(x.detail) || typeof (x.detail as { asymmetricMatch?: unknown }).asymmetricMatch === "function";
}

/** The error as the old shape in English words. */
export function errorInWords(error: DomainError): Record<string, unknown> {
  switch (error.kind) {
    case "invalidInput":
    case "outOfRange": {
      const words = detailText(en, error.detail);
      return { kind: error.kind, field: fieldText(en, error.field, error.at), detail: error.more ? en.format("error.more", { text: words, count: error.more }) : words };
    }
    case "notAvailable":
      return { kind: error.kind, what: detailText(en, error.detail) };
    case "divideByZero":
      return { kind: error.kind, field: fieldText(en, error.field, error.at) };
  }
}

function errorsInEnglish(this: { equals: (a: unknown, b: unknown) => boolean }, a: unknown, b: unknown): boolean | undefined {
  const [error, words] = isErrorAsData(a) && isErrorInWords(b) ? [a, b] : isErrorAsData(b) && isErrorInWords(a) ? [b, a] : [undefined, undefined];
  if (error === undefined || words === undefined) return undefined;
  const rendered = errorInWords(error);
  // Only the keys the expectation names (toMatchObject names some; toEqual names them all).
  const picked = Object.fromEntries(Object.keys(words).map((k) => [k, rendered[k]]));
  return this.equals(picked, words);
}

// @types/jest lacks addEqualityTesters (jest 29.4+, in the `expect` package the runtime uses).
(expect as unknown as { addEqualityTesters(testers: unknown[]): void }).addEqualityTesters([errorsInEnglish]);

/** An error's field with its position in English ("isBad item 3"); "" for an error without a field. */
export function fieldInWords(error: DomainError): string {
  return error.kind === "notAvailable" ? "" : fieldText(en, error.field, error.at);
}

/** A result's error as `{ kind, field }` with the field in English words (undefined when ok), for naming checks. */
export function inWords(result: { ok: true } | { ok: false; error: DomainError }): { kind: string; field: string } | undefined {
  return result.ok ? undefined : { kind: result.error.kind, field: fieldInWords(result.error) };
}
