/**
 * The review's words in one language: the engine returns warnings, reason parts, R-flag reasons
 * and decisions as message ids with parameters (engine/review/ReviewMessage.ts); this renders
 * them with the i18n catalogue of a locale (the Policy's `outputLanguage` for the output sheets).
 * A parameter named `…Id` holds a message id, rendered first and passed without the suffix.
 * @example warningText(createTranslator("zh-CN"), { id: "gradeDown", params: { from: "B", to: "C" }, … }) //=> "信用等级由 B 级降为 C 级"
 */
import type { CustomerReview, ReviewWarning } from "../engine/review/types";
import type { DecisionId, MessageParams, ReviewMessage } from "../engine/review/ReviewMessage";
import type { MessageId } from "../i18n/messages";
import type { MessageValues, Translator } from "../i18n/translator";

/** A message of the engine under its catalogue prefix ("warning.", "reason.", "rFlag.", …). */
export function messageText(t: Translator, prefix: string, message: ReviewMessage, extra?: MessageValues): string {
  return t.format(`${prefix}${message.id}` as MessageId, { ...valuesOf(t, message.params), ...extra });
}

function valuesOf(t: Translator, params: MessageParams): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === "detailId") continue; // a limit error's detail, rendered with its note (limitErrorText)
    if (name.endsWith("Id") && typeof value === "string") {
      values[name.slice(0, -2)] = name === "noteId" && value === "limitNote.error" ? t.format(value as MessageId, { detail: limitErrorText(t, params) }) : t.format(value as MessageId);
    } else {
      values[name] = value;
    }
  }
  return values;
}

/** A limit's error as the review carries it (reviewCustomer's limitNote: field, `detailId` and the detail's parameters). */
function limitErrorText(t: Translator, params: MessageParams): string {
  if (typeof params.detailId !== "string") return "";
  return t.format("error.invalidInput", { field: String(params.field ?? ""), detail: t.format(params.detailId as MessageId, params) });
}

/** One warning's text. */
export function warningText(t: Translator, w: ReviewWarning): string {
  return messageText(t, "warning.", w);
}

/** A customer's warnings in one cell: "[severity] text" joined by the locale's separator. */
export function warningsCell(t: Translator, warnings: readonly ReviewWarning[]): string {
  return warnings
    .map((w) => t.format("warning.item", { severity: t.format(`severity.${w.severity}` as MessageId), message: warningText(t, w) }))
    .join(t.format("warning.separator"));
}

/** Why a customer is flagged R, listed. */
export function rReasonsText(t: Translator, c: Pick<CustomerReview, "rReasons">): string {
  return c.rReasons.map((r) => messageText(t, "rFlag.", r)).join(t.format("reason.rFlagSeparator"));
}

/** The customer's one-sentence summary: its reason parts rendered in order. */
export function reasonsText(t: Translator, c: Pick<CustomerReview, "reasons" | "rReasons">): string {
  let text = "";
  for (const part of c.reasons) {
    text += part.id === "rFlag" ? messageText(t, "reason.", part, { reasons: rReasonsText(t, c) }) : messageText(t, "reason.", part);
  }
  return text;
}

/** The decision's words. */
export function decisionText(t: Translator, decision: DecisionId): string {
  return t.format(`decision.${decision}` as MessageId);
}

