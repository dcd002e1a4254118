/**
 * The message catalogues: one ICU MessageFormat catalogue per locale with the same ids
 * (test/i18n/catalogues.test.ts holds them to that). The CLI and the application layer format
 * them with @formatjs/intl (translator.ts), the task pane with react-intl's IntlProvider over the
 * same objects (`intlConfig`). A locale's catalogue is two files: the review words the engine emits
 * (review-words.<locale>.json, also all the custom functions carry: reviewWords.ts) and the rest
 * (<locale>.json).
 */
import { throwIntlError } from "./catalogueTranslator";
import type { Locale } from "./locale";
import enUSRest from "./messages/en-US.json";
import zhCNRest from "./messages/zh-CN.json";
import { REVIEW_WORDS, type ReviewWordId } from "./reviewWords";

export type MessageId = keyof typeof enUSRest | ReviewWordId;

/** zh-CN is checked to carry exactly the en-US ids; `satisfies` makes a missing id a type error too. */
const CATALOGUES = {
  "en-US": { ...REVIEW_WORDS["en-US"], ...enUSRest },
  "zh-CN": { ...REVIEW_WORDS["zh-CN"], ...(zhCNRest satisfies Record<keyof typeof enUSRest, string>) },
} as const satisfies Record<Locale, Record<MessageId, string>>;

export function messagesFor(locale: Locale): Readonly<Record<MessageId, string>> {
  return CATALOGUES[locale];
}

/** Every message id, in catalogue order. */
export const MESSAGE_IDS = Object.keys(CATALOGUES["en-US"]) as MessageId[];

/**
 * The configuration for react-intl's `<IntlProvider {...intlConfig(locale)}>` (and for
 * `createIntl`): the locale, its catalogue, en-US as the default, and programmer errors (a missing
 * argument, a bad pattern) thrown rather than logged.
 */
export function intlConfig(locale: Locale) {
  return {
    locale,
    defaultLocale: "en-US",
    messages: messagesFor(locale) as Record<string, string>,
    onError: throwIntlError,
  };
}
