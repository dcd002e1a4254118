/**
 * A domain error in the user's language. The frame (which field, what kind of problem) comes
 * from the catalogue; the engine's detail (e.g. "must be greater than 0, got 0") is still English
 * text in the engine and is passed on as it is.
 * @example domainErrorText(createTranslator("zh-CN"), outOfRange("roundingUnit", "must be greater than 0, got 0"))
 *   //=> "roundingUnit 超出范围：must be greater than 0, got 0"
 */
import type { DomainError } from "../engine/errors";
import type { Translator } from "../i18n/translator";

export function domainErrorText(t: Translator, error: DomainError): string {
  switch (error.kind) {
    case "invalidInput":
      return t.t("error.invalidInput", { field: error.field, detail: error.detail });
    case "outOfRange":
      return t.t("error.outOfRange", { field: error.field, detail: error.detail });
    case "notAvailable":
      return t.t("error.notAvailable", { what: error.what });
    case "divideByZero":
      return t.t("error.divideByZero", { field: error.field });
  }
}
