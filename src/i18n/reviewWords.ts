/**
 * The review's words: the messages the engine's review emits as ids (warnings and their
 * severities, reason parts, R-flag reasons, decisions, limit notes and bases), in their own
 * catalogue files so that the custom functions, which render them (CREDIT.WARNINGS, CREDIT.RFLAG,
 * CREDIT.DECISION), carry these words and not the whole catalogue of the pane and the CLI
 * (scripts/check-dist.js holds functions.js to 60 KB gzip). messages.ts merges them into each
 * locale's catalogue; the translator of `reviewWordsTranslator` renders them the same.
 */
import { translatorOver, type Translator } from "./catalogueTranslator";
import type { Locale } from "./locale";
import enUS from "./messages/review-words.en-US.json";
import zhCN from "./messages/review-words.zh-CN.json";

export type ReviewWordId = keyof typeof enUS;

/** The message-id prefixes of the review words (catalogues.test.ts: these ids and no others). */
export const REVIEW_WORD_PREFIXES = ["warning.", "severity.", "reason.", "rFlag.", "decision.", "limitNote.", "limitBasis.", "error.", "errorDetail.", "ledgerHandle."] as const;

export const REVIEW_WORDS = {
  "en-US": enUS,
  "zh-CN": zhCN satisfies Record<ReviewWordId, string>,
} as const satisfies Record<Locale, Record<ReviewWordId, string>>;

const translators = new Map<Locale, Translator>();

/**
 * A translator over the review words of `locale` only (an id outside them throws).
 * @example reviewWordsTranslator("en-US").t("decision.tradeWithinLimit") //=> "Trade within the approved limit"
 */
export function reviewWordsTranslator(locale: Locale): Translator {
  let translator = translators.get(locale);
  if (!translator) {
    translator = translatorOver(locale, REVIEW_WORDS[locale]);
    translators.set(locale, translator);
  }
  return translator;
}
