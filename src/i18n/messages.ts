/**
 * The message catalogues: one ICU MessageFormat catalogue per locale with the same ids
 * (test/i18n/catalogues.test.ts holds them to that). The CLI and the application layer format
 * them with @formatjs/intl (translator.ts), the task pane with react-intl's IntlProvider over the
 * same objects (`intlConfig`).
 */
import enUS from "./messages/en-US.json";
import zhCN from "./messages/zh-CN.json";
import type { Locale } from "./locale";

export type MessageId = keyof typeof enUS;

/** zh-CN is checked to carry exactly the en-US ids; `satisfies` makes a missing id a type error too. */
const CATALOGUES = {
  "en-US": enUS,
  "zh-CN": zhCN satisfies Record<MessageId, string>,
} as const satisfies Record<Locale, Record<MessageId, string>>;

export function messagesFor(locale: Locale): Readonly<Record<MessageId, string>> {
  return CATALOGUES[locale];
}

/** Every message id, in catalogue order. */
export const MESSAGE_IDS = Object.keys(enUS) as MessageId[];

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

function throwIntlError(error: Error): void {
  throw error;
}
