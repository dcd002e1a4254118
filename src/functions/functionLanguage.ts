/**
 * The language the text results of the custom functions are written in (warnings, R-flag
 * reasons, decisions) when a formula does not name one: the one set by the host
 * (setFunctionLanguage), else Office's display language when the runtime knows it (the shared
 * runtime does; `Office.context.displayLanguage`, read without a typed reference because the
 * functions also run outside Office), else English.
 * @example functionLanguage() //=> "en-US" (outside Office, nothing set)
 */
import { resolveLocale, type Locale } from "../i18n/locale";

let chosen: Locale | undefined;

/** Fix the functions' language (the task pane may call it with the user's choice); undefined goes back to the runtime's. */
export function setFunctionLanguage(locale: Locale | undefined): void {
  chosen = locale;
}

export function functionLanguage(): Locale {
  if (chosen !== undefined) return chosen;
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const tag = office?.context?.displayLanguage;
  return resolveLocale(typeof tag === "string" ? tag : undefined);
}
