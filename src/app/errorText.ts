/**
 * A domain error in the user's language: the one renderer of the engine's errors, for the CLI,
 * the task pane, the application layer and the custom functions (over `reviewWordsTranslator`,
 * whose catalogue holds the `error.*` frames and `errorDetail.*` details). The engine gives the
 * field as an identifier with its position as numbers and the detail as a message id with
 * parameters (engine/errors.ts); the words and the numbers' format are the locale's.
 * @example errorText(createTranslator("zh-CN"), outOfRange("roundingUnit", detail("above", { min: 0, got: 0 })))
 *   //=> "roundingUnit 超出范围：必须大于 0，实际为 0"
 * @example errorText(createTranslator("en-US"), invalidInput(at("amounts", { row: 3 }), detail("notFinite")))
 *   //=> "amounts row 3: is not a finite number"
 */
import type { At, Detail, DomainError } from "../engine/errors";
import type { MessageId } from "../i18n/messages";
import type { Translator } from "../i18n/translator";

export function errorText(t: Translator, error: DomainError): string {
  switch (error.kind) {
    case "invalidInput":
    case "outOfRange": {
      const text = t.format(`error.${error.kind}`, { field: fieldText(t, error.field, error.at), detail: detailText(t, error.detail) });
      return error.more ? t.format("error.more", { text, count: error.more }) : text;
    }
    case "notAvailable":
      return t.format("error.notAvailable", { what: detailText(t, error.detail) });
    case "divideByZero":
      return t.format("error.divideByZero", { field: fieldText(t, error.field, error.at) });
    default: {
      const never: never = error;
      throw new Error(`unhandled domain error ${JSON.stringify(never)}`);
    }
  }
}

/** A detail's words (the catalogue's `errorDetail.<id>` with its parameters). */
export function detailText(t: Translator, d: Detail): string {
  return t.format(`errorDetail.${d.id}` as MessageId, d.params);
}

/** The units of a position, in the order they are written ("x row 2 column 3"). */
const AT_UNITS = ["row", "month", "item", "bucket", "column"] as const;

/** A field with its position in the locale's words ("amounts row 3", "amounts 第 3 行"). */
export function fieldText(t: Translator, field: string, at: At | undefined): string {
  if (at === undefined) return field;
  let text = at.prior ? t.format("error.at.prior", { field }) : field;
  for (const unit of AT_UNITS) {
    const n = at[unit];
    if (n !== undefined) text = t.format(`error.at.${unit}`, { field: text, n });
  }
  return text;
}

/** The detail of an error alone, for a place that names the field already (beside a cell); an error without a detail gives its whole text. */
export function errorDetailText(t: Translator, error: DomainError): string {
  return error.kind === "invalidInput" || error.kind === "outOfRange" ? detailText(t, error.detail) : errorText(t, error);
}

/** Message parameters: a `detailId` (an `errorDetail.*` id) with its parameters beside it, as in a problem or a limit note. */
export type DetailValues = Readonly<Record<string, string | number>>;

/**
 * An error's detail as message parameters, for a message rendered later in the reader's language
 * (a problem's `problem.cell.invalid`): `detailId` and the detail's parameters; `withDetail` renders them.
 * @example detailParams(invalidInput("x", detail("notNumberText", { text: "abc" }))) //=> { text: "abc", detailId: "errorDetail.notNumberText" }
 */
export function detailParams(error: DomainError): DetailValues {
  return error.kind === "divideByZero" ? { detailId: "errorDetail.zero" } : { ...error.detail.params, detailId: `errorDetail.${error.detail.id}` };
}

/** Message values with their `detailId` rendered as `detail` (in the locale of `format`); values without one are returned as they are. */
export function withDetail<V extends Readonly<Record<string, unknown>>>(format: (id: MessageId, values?: Record<string, string | number>) => string, values: V): V | (V & { detail: string }) {
  const id = values.detailId;
  return typeof id === "string" ? { ...values, detail: format(id as MessageId, values as unknown as Record<string, string | number>) } : values;
}
