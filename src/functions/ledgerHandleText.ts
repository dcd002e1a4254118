/**
 * The text of CREDIT.LEDGER's handle cell, in the functions' language, from the review words
 * (ledgerHandle.handle), the catalogue the functions bundle carries (functions.js stays under
 * 60 KB gzip, scripts/check-dist.js). A dependent given a handle this runtime does not hold
 * returns errorDetail.unknownHandle as #N/A (ledgerSource.ts).
 * @example handleText(1_000_000, "k3f9a2x0", "en-US") //=> "Ledger · 1,000,000 rows · #k3f9a2x0"
 */
import type { Locale } from "../i18n/locale";
import { reviewWordsTranslator } from "../i18n/reviewWords";

/** The handle cell's text: the ledger's rows and its tag. */
export function handleText(rows: number, tag: string, locale: Locale): string {
  return reviewWordsTranslator(locale).format("ledgerHandle.handle", { count: rows, tag: `#${tag}` });
}
