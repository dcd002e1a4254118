/**
 * A translator over one catalogue: its messages by id (ICU MessageFormat: plurals, numbers,
 * percents, dates) and `Intl` formatting of the figures the user reads. `createTranslator`
 * (translator.ts) gives one over a locale's whole catalogue; the custom functions use one over the
 * review words only (reviewWords.ts), so that their bundle does not carry the pane's and CLI's text.
 * This module imports no catalogue.
 */
import { IntlMessageFormat } from "intl-messageformat";
import { type Locale } from "./locale";
import type { MessageId } from "./messages";

/** Values of a message's arguments. */
export type MessageValues = Readonly<Record<string, string | number | boolean | Date | null | undefined>>;

export interface Translator {
  readonly locale: Locale;
  /** The message `id` with its arguments filled in. A missing argument throws (a programmer bug). */
  t(id: MessageId, values?: MessageValues): string;
  /**
   * The same text as `t` (both render the message compiled once and kept), named for a text
   * rendered once per row of an output sheet (reasons, warnings of 10k customers).
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

/** A message as ICU text, or its AST where the catalogue was compiled at build time (the functions' bundle, scripts/icu-ast-loader.js). */
type CatalogueMessage = ConstructorParameters<typeof IntlMessageFormat>[0];

/**
 * A translator over `messages` (ICU patterns by id) in `locale`. A missing argument or a bad
 * pattern throws (a programmer bug); an id the catalogue lacks throws too. Built on
 * intl-messageformat and the platform's Intl alone (not @formatjs/intl's createIntl, whose 31 KB
 * the functions bundle cannot carry under its 60 KB gzip budget, scripts/check-dist.js).
 */
export function translatorOver(locale: Locale, messages: Readonly<Record<string, string>>): Translator {
  const catalogue = messages as Readonly<Record<string, CatalogueMessage>>;
  const compiled = new Map<MessageId, IntlMessageFormat>();
  const compiledOf = (id: MessageId): IntlMessageFormat => {
    let formatter = compiled.get(id);
    if (!formatter) {
      const message = catalogue[id];
      if (message === undefined) throw new Error(`no message ${id} in ${locale}`);
      formatter = new IntlMessageFormat(message, locale);
      compiled.set(id, formatter);
    }
    return formatter;
  };
  const render = (id: MessageId, values?: MessageValues): string => String(compiledOf(id).format(values as Record<string, string | number | boolean | Date | null | undefined>));
  const numbers = new Map<string, Intl.NumberFormat>();
  const number = (key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat => {
    let f = numbers.get(key);
    if (!f) {
      f = new Intl.NumberFormat(locale, options);
      numbers.set(key, f);
    }
    return f;
  };
  const date = new Intl.DateTimeFormat(locale, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  return {
    locale,
    t: render,
    format: render,
    formatNumber: (value, maximumFractionDigits = 2) =>
      Number.isFinite(value) ? number(`n${maximumFractionDigits}`, { maximumFractionDigits }).format(value) : NO_FIGURE,
    formatPercent: (fraction, fractionDigits = 1) =>
      Number.isFinite(fraction) ? number(`p${fractionDigits}`, { style: "percent", maximumFractionDigits: fractionDigits }).format(fraction) : NO_FIGURE,
    formatMoney: (amount, currency) => {
      if (!Number.isFinite(amount)) return NO_FIGURE;
      const code = currency.trim().toUpperCase();
      // Intl refuses a malformed code (RangeError); an unknown well-formed one it shows as the code.
      if (!CURRENCY_CODE.test(code)) return number("m", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount);
      return number(`c${code}`, { style: "currency", currency: code }).format(amount);
    },
    formatDate: (isoOrDayNumber) => {
      const time = timeOf(isoOrDayNumber);
      return time === undefined ? String(isoOrDayNumber) : date.format(time);
    },
  };
}

/** react-intl and @formatjs/intl report errors to `onError`: a missing argument is a bug, thrown. */
export function throwIntlError(error: Error): void {
  throw error;
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
