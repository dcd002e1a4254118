/**
 * A translator over one catalogue: its messages by id (ICU MessageFormat: plurals, numbers,
 * percents, dates) and `Intl` formatting of the figures the user reads. `createTranslator`
 * (translator.ts) gives one over a locale's whole catalogue; the custom functions use one over the
 * review words only (reviewWords.ts), so that their bundle does not carry the pane's and CLI's text.
 * This module imports no catalogue.
 */
import { createIntl, createIntlCache, type IntlShape } from "@formatjs/intl";
import { type Locale } from "./locale";
import type { MessageId } from "./messages";

/** Values of a message's arguments. */
export type MessageValues = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

export interface Translator {
  readonly locale: Locale;
  /** The message `id` with its arguments filled in. A missing argument throws (a programmer bug). */
  t(id: MessageId, values?: MessageValues): string;
  /**
   * The same text as `t`, from the message compiled once and kept: for a text rendered once per
   * row of an output sheet (reasons, warnings of 10k customers), where `t`'s per-call lookup of
   * its memoised formatter (a JSON key of the message and options) cost ten times the format.
   */
  format(id: MessageId, values?: MessageValues): string;
  /** A number with the locale's grouping, at most `maximumFractionDigits` decimals (default 2). */
  formatNumber(value: number, maximumFractionDigits?: number): string;
  /** A fraction as a percent (0.125 → "12.5%"), `fractionDigits` decimals at most (default 1). */
  formatPercent(fraction: number, fractionDigits?: number): string;
  /** An amount of money in an ISO 4217 currency, with the currency's usual decimals. */
  formatMoney(amount: number, currency: string): string;
  /** A date given as `YYYY-MM-DD` or as an engine day number (days since 1970-01-01). */
  formatDate(isoOrDayNumber: string | number): string;
}

/** Shown for a figure that is not a finite number (the engine never sends one; a caller might). */
export const NO_FIGURE = "—";

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

const cache = createIntlCache();

/**
 * A translator over `messages` (ICU patterns by id) in `locale`. A missing argument or a bad
 * pattern throws (a programmer bug); an id the catalogue lacks throws too.
 */
export function translatorOver(locale: Locale, messages: Readonly<Record<string, string>>): Translator {
  return translatorOf(createIntl({ locale, defaultLocale: "en-US", messages: messages as Record<string, string>, onError: throwIntlError }, cache), locale);
}

/** react-intl and @formatjs/intl report errors to `onError`: a missing argument is a bug, thrown. */
export function throwIntlError(error: Error): void {
  throw error;
}

function translatorOf(intl: IntlShape<string>, locale: Locale): Translator {
  const compiled = new Map<MessageId, { format(values?: MessageValues): unknown }>();
  const compiledOf = (id: MessageId): { format(values?: MessageValues): unknown } => {
    let formatter = compiled.get(id);
    if (!formatter) {
      const message = intl.messages[id];
      if (typeof message !== "string") throw new Error(`no message ${id} in ${locale}`);
      formatter = intl.formatters.getMessageFormat(message, locale, intl.formats, { formatters: intl.formatters });
      compiled.set(id, formatter);
    }
    return formatter;
  };
  return {
    locale,
    t: (id, values) => intl.formatMessage({ id }, values as Record<string, string | number | boolean | Date | null | undefined>),
    format: (id, values) => String(compiledOf(id).format(values)),
    formatNumber: (value, maximumFractionDigits = 2) =>
      Number.isFinite(value) ? intl.formatNumber(value, { maximumFractionDigits }) : NO_FIGURE,
    formatPercent: (fraction, fractionDigits = 1) =>
      Number.isFinite(fraction) ? intl.formatNumber(fraction, { style: "percent", maximumFractionDigits: fractionDigits }) : NO_FIGURE,
    formatMoney: (amount, currency) => {
      if (!Number.isFinite(amount)) return NO_FIGURE;
      const code = currency.trim().toUpperCase();
      // Intl refuses a malformed code (RangeError); an unknown well-formed one it shows as the code.
      if (!CURRENCY_CODE.test(code)) return intl.formatNumber(amount, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      return intl.formatNumber(amount, { style: "currency", currency: code });
    },
    formatDate: (isoOrDayNumber) => {
      const time = timeOf(isoOrDayNumber);
      return time === undefined ? String(isoOrDayNumber) : intl.formatDate(time, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
    },
  };
}

/** Milliseconds since the epoch (UTC midnight) of a day number or a valid `YYYY-MM-DD`, else undefined. */
function timeOf(isoOrDayNumber: string | number): number | undefined {
  if (typeof isoOrDayNumber === "number") {
    return Number.isInteger(isoOrDayNumber) ? isoOrDayNumber * MS_PER_DAY : undefined;
  }
  const match = ISO_DATE.exec(isoOrDayNumber.trim());
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const date = new Date(time);
  // Date.UTC rolls 2025-02-30 over to March: such a text is not a date.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : undefined;
}
