/**
 * The translator for a locale over its whole catalogue (messages.ts): the CLI and the application
 * layer use it; the task pane uses react-intl over the same catalogues.
 */
import { translatorOver, type Translator } from "./catalogueTranslator";
import type { Locale } from "./locale";
import { messagesFor } from "./messages";

export { NO_FIGURE, type MessageValues, type Translator } from "./catalogueTranslator";

const translators = new Map<Locale, Translator>();

/**
 * The translator for a locale (one per locale, kept: the formatters it builds are reused).
 * @example createTranslator("zh-CN").t("sheet.aging") //=> "账龄分析"
 * @example createTranslator("en-US").t("review.customersReviewed", { count: 1 }) //=> "1 customer reviewed"
 * @example createTranslator("zh-CN").formatMoney(1234.5, "CNY") //=> "¥1,234.50"
 */
export function createTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = translatorOver(locale, messagesFor(locale));
    translators.set(locale, translator);
  }
  return translator;
}

