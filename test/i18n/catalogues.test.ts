/**
 * The two catalogues are one catalogue in two languages: the same ids, every message valid ICU
 * MessageFormat with the same arguments (names and types) in both, no untranslated zh-CN text
 * except deliberate loans, and the glossary's Chinese words where a message names a term.
 */
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { GLOSSARY, TERM_IDS, type TermId } from "../../src/i18n/glossary";
import { MESSAGE_IDS, messagesFor, type MessageId } from "../../src/i18n/messages";
import { REVIEW_WORD_PREFIXES, REVIEW_WORDS, reviewWordsTranslator } from "../../src/i18n/reviewWords";
import { createTranslator } from "../../src/i18n/translator";
import enUSRest from "../../src/i18n/messages/en-US.json";
import { SUPPORTED_LOCALES } from "../../src/i18n/locale";

const enUS = messagesFor("en-US");
const zhCN = messagesFor("zh-CN");

const en: Record<string, string> = enUS;
const zh: Record<string, string> = zhCN;

/** Argument name → its type (and style or skeleton), from a parsed message, nested arguments included. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, string>()): Map<string, string> {
  for (const e of elements) {
    switch (e.type) {
      case TYPE.argument:
        into.set(e.value, "argument");
        break;
      case TYPE.number:
      case TYPE.date:
      case TYPE.time: {
        const style = !e.style ? "" : typeof e.style === "string" ? e.style : `::${JSON.stringify(e.style.parsedOptions)}`;
        into.set(e.value, `${TYPE[e.type]}:${style}`);
        break;
      }
      case TYPE.plural:
      case TYPE.select:
        into.set(e.value, TYPE[e.type]);
        for (const option of Object.values(e.options)) argumentsOf(option.value, into);
        break;
      case TYPE.tag:
        argumentsOf(e.children, into);
        break;
      default:
        break;
    }
  }
  return into;
}

const signature = (message: string) => [...argumentsOf(parse(message)).entries()].sort(([a], [b]) => a.localeCompare(b));

/** Messages whose zh-CN text may equal the en-US text: loans Chinese finance writes in Latin letters. */
const LOANS: readonly string[] = [];

describe("message catalogues", () => {
  it("keep the review words in their own files: exactly the ids under the review prefixes", () => {
    const isReviewWord = (id: string) => REVIEW_WORD_PREFIXES.some((p) => id.startsWith(p));
    expect(Object.keys(REVIEW_WORDS["en-US"]).every(isReviewWord)).toBe(true);
    expect(Object.keys(enUSRest).filter(isReviewWord)).toEqual([]);
    expect(Object.keys(REVIEW_WORDS["en-US"]).length).toBeGreaterThan(40);
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))("review words render the same in the functions' translator as in the whole catalogue (%s)", (locale) => {
    const whole = createTranslator(locale);
    const words = reviewWordsTranslator(locale);
    expect(words.t("decision.tradeWithinLimit")).toBe(whole.t("decision.tradeWithinLimit"));
    expect(words.format("warning.utilisationOverLimit", { utilisation: 112.34 })).toBe(whole.format("warning.utilisationOverLimit", { utilisation: 112.34 }));
    expect(() => words.t("sheet.aging")).toThrow();
  });

  it("have exactly the same ids in both locales", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(MESSAGE_IDS.length).toBeGreaterThan(200);
  });

  it.each(MESSAGE_IDS.map((id) => [id]))("%s parses as ICU in both locales with the same arguments", (id) => {
    const enSignature = signature(en[id]!);
    expect(signature(zh[id]!)).toEqual(enSignature);
  });

  it("finds the arguments of a message by name and type (the checker itself)", () => {
    expect(signature("{count, plural, one {# item, {amount}} other {# items}} {ratio, number, ::percent .#} {who}")).toEqual([
      ["amount", "argument"],
      ["count", "plural"],
      ["ratio", expect.stringMatching(/^number:::/)],
      ["who", "argument"],
    ]);
    expect(signature("{n, number, percent}")).not.toEqual(signature("{n, number}"));
  });

  it("leaves no zh-CN message equal to its en-US text unless it is a listed loan", () => {
    const same = MESSAGE_IDS.filter((id) => zh[id] === en[id] && !LOANS.includes(id));
    expect(same).toEqual([]);
  });

  it("leaves no message empty", () => {
    for (const locale of SUPPORTED_LOCALES) {
      const messages = messagesFor(locale);
      expect(MESSAGE_IDS.filter((id) => messages[id].trim() === "")).toEqual([]);
    }
  });

  it.each(SUPPORTED_LOCALES.map((l) => [l]))("renders every plural message for 0, 1 and 2 in %s", (locale) => {
    const t = createTranslator(locale);
    const plurals = MESSAGE_IDS.filter((id) => signature(en[id]!).some(([, type]) => type === "plural"));
    expect(plurals.length).toBeGreaterThanOrEqual(3);
    for (const id of plurals) {
      // Every other argument filled: a number for a number argument, a text otherwise.
      const values: Record<string, string | number> = Object.fromEntries(
        signature(en[id]!).map(([name, type]) => [name, type.startsWith("number") ? 1 : "X"]),
      );
      const texts = [0, 1, 2].map((count) => t.t(id, { ...values, count }));
      expect(new Set(texts).size).toBe(3);
      for (const text of texts) expect(text).not.toMatch(/[{}#]/);
    }
  });

  it.each([
    ["en-US", 0, "No customers reviewed"],
    ["en-US", 1, "1 customer reviewed"],
    ["en-US", 2, "2 customers reviewed"],
    ["en-US", 1234, "1,234 customers reviewed"],
    ["zh-CN", 0, "未评审任何客户"],
    ["zh-CN", 1, "已评审 1 个客户"],
    ["zh-CN", 2, "已评审 2 个客户"],
    ["zh-CN", 1234, "已评审 1,234 个客户"],
  ] as const)("review.customersReviewed in %s for %d: %s", (locale, count, expected) => {
    expect(createTranslator(locale).t("review.customersReviewed", { count })).toBe(expected);
  });
});

describe("the glossary in the catalogues", () => {
  it("has a term.<id> message for every glossary term, with the glossary's words", () => {
    for (const id of TERM_IDS) {
      expect([`term.${id}`, en[`term.${id}`], zh[`term.${id}`]]).toEqual([`term.${id}`, GLOSSARY[id].en, GLOSSARY[id].zh]);
    }
  });

  /** Messages that name a term: their zh-CN text must use the glossary's Chinese word for it. */
  const NAMED_TERMS: readonly [MessageId, TermId][] = [
    ["sheet.creditReview", "creditReviewSheet"],
    ["sheet.aging", "agingSheet"],
    ["sheet.collections", "collectionsSheet"],
    ["sheet.summary", "summarySheet"],
    ["audit.asOfDate", "asOfDate"],
    ["audit.policyFingerprint", "policyFingerprint"],
    ["column.creditReview.keyAccount", "keyAccount"],
    ["column.creditReview.compositePercent", "compositeScore"],
    ["column.creditReview.coveragePercent", "informationCoverage"],
    ["column.creditReview.paymentRecord", "paymentRecord"],
    ["column.creditReview.grade", "creditGrade"],
    ["column.creditReview.letter", "letterRating"],
    ["column.creditReview.termsDays", "creditPeriod"],
    ["column.creditReview.recommendedLimit", "recommendedLimit"],
    ["column.creditReview.bindingBasis", "bindingBasis"],
    ["column.creditReview.currentLimit", "creditLimit"],
    ["column.creditReview.exposure", "exposure"],
    ["column.creditReview.utilisationPercent", "utilisation"],
    ["column.creditReview.unapplied", "unappliedCash"],
    ["column.creditReview.overdue", "overdue"],
    ["column.creditReview.maxDaysPastDue", "daysPastDue"],
    ["column.creditReview.averageDaysLate", "averageDaysLate"],
    ["column.creditReview.warnings", "earlyWarning"],
    ["column.aging.unapplied", "unappliedCash"],
    ["column.collections.daysPastDue", "daysPastDue"],
    ["column.collections.interest", "lateInterest"],
    ["column.collections.disputed", "dispute"],
    ["column.collections.action", "collectionAction"],
    ["summary.kpi.notYetDue", "notYetDue"],
    ["summary.kpi.dso", "dso"],
    ["summary.kpi.bestPossibleDso", "bestPossibleDso"],
    ["summary.kpi.averageDaysDelinquent", "averageDaysDelinquent"],
    ["summary.kpi.cei", "cei"],
    ["summary.kpi.overdueRatio", "overdueRatio"],
    ["summary.kpi.allowance", "allowance"],
    ["summary.kpi.exposure", "exposure"],
    ["summary.kpi.recommendedLimit", "recommendedLimit"],
    ["column.gradeDistribution.grade", "creditGrade"],
    ["column.gradeDistribution.exposure", "exposure"],
    ["column.topExposures.limit", "creditLimit"],
    ["column.topExposures.utilisationPercent", "utilisation"],
    ["chart.aging.title", "agingBucket"],
    ["warning.utilisationOverLimit", "utilisation"],
    ["warning.utilisationOverLimit", "creditLimit"],
    ["warning.utilisationNearLimit", "utilisation"],
    ["warning.exposureOnZeroLimit", "exposure"],
    ["warning.gradeDown", "creditGrade"],
    ["warning.lowCoverage", "informationCoverage"],
    ["warning.disputedAmount", "dispute"],
    ["reason.grade", "compositeScore"],
    ["reason.grade", "informationCoverage"],
    ["reason.gradeDerivedPayment", "paymentRecord"],
    ["reason.rFlag", "seniorManagement"],
    ["reason.limit", "recommendedLimit"],
    ["reason.limit", "bindingBasis"],
    ["rFlag.keyAccount", "keyAccount"],
    ["rFlag.overLimit", "exposure"],
    ["rFlag.overLimit", "creditLimit"],
    ["decision.referToCommittee", "seniorManagement"],
    ["limitBasis.need", "transactionValue"],
    ["limitBasis.workingAssets", "workingAssets"],
    ["limitBasis.netWorthCap", "netWorth"],
    ["limitBasis.profit", "returnEqualsRisk"],
    ["orderReason.overLimit", "exposure"],
    ["orderReason.overLimit", "creditLimit"],
    ["orderReason.flaggedR", "gradeR"],
    ["approvalLevel.seniorManagement", "seniorManagement"],
    ["policy.weights.paymentRecord.description", "paymentRecord"],
    ["policy.gradeTerms.B.termsDays.description", "creditPeriod"],
  ];

  it.each(NAMED_TERMS)("%s uses the glossary word for %s", (messageId, termId) => {
    expect(zh[messageId]).toContain(GLOSSARY[termId].zh);
  });
});
