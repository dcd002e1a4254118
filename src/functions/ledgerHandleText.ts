/**
 * The words of CREDIT.LEDGER's handle and of a dependent given a handle this runtime does not
 * hold, in the functions' language. Only these two messages of the catalogues (ledgerHandle.*) are
 * taken into the functions bundle, not the pane's and the CLI's words (functions.js stays under
 * 60 KB gzip, scripts/check-dist.js).
 * @example handleText(1_000_000, "k3f9a2x0", "en-US") //=> "Ledger · 1,000,000 rows · #k3f9a2x0"
 */
import { notAvailable, type DomainError } from "../engine/errors";
import { translatorOver, type Translator } from "../i18n/catalogueTranslator";
import type { Locale } from "../i18n/locale";
import enUS from "../i18n/messages/en-US.json";
import zhCN from "../i18n/messages/zh-CN.json";

const WORDS: Record<Locale, Record<string, string>> = {
  "en-US": { "ledgerHandle.handle": enUS["ledgerHandle.handle"], "ledgerHandle.unknown": enUS["ledgerHandle.unknown"] },
  "zh-CN": { "ledgerHandle.handle": zhCN["ledgerHandle.handle"], "ledgerHandle.unknown": zhCN["ledgerHandle.unknown"] },
};

const translators = new Map<Locale, Translator>();

function translator(locale: Locale): Translator {
  let t = translators.get(locale);
  if (t === undefined) {
    t = translatorOver(locale, WORDS[locale]);
    translators.set(locale, t);
  }
  return t;
}

/** The handle cell's text: the ledger's rows and its tag. */
export function handleText(rows: number, tag: string, locale: Locale): string {
  return translator(locale).format("ledgerHandle.handle", { count: rows, tag: `#${tag}` });
}

/** The #N/A a dependent returns for a handle this runtime does not hold: recalculate CREDIT.LEDGER. */
export function unknownHandle(handle: string, locale: Locale): DomainError {
  return notAvailable(translator(locale).format("ledgerHandle.unknown", { handle: handle.trim() }));
}
