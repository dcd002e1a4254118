/**
 * What the review tells the user, as data: a message id and its parameters, never a sentence
 * (conventions.md "Words the user reads"). The hosts render it with the i18n catalogues, where
 * the text of `warning.<id>`, `reason.<id>`, `rFlag.<id>`, `decision.<id>`, `limitBasis.<name>`
 * and `limitNote.<id>` lives in every language. Numbers are numbers, dates ISO `YYYY-MM-DD`,
 * money a number in the portfolio's currency; a parameter whose name ends in `Id` holds a
 * message id the host renders first and passes under the name without `Id`
 * (`basisId: "limitBasis.profit"` → `{basis}`).
 * @example { id: "utilisationOverLimit", params: { utilisation: 104 } }
 */

export type MessageParams = Readonly<Record<string, number | string>>;

export interface ReviewMessage<Id extends string = string> {
  readonly id: Id;
  readonly params: MessageParams;
}

/** Every early warning the review can raise (§7); the catalogue id is `warning.<id>`. */
export const WARNING_IDS = [
  "utilisationOverLimit",
  "utilisationNearLimit",
  "exposureOnZeroLimit",
  "itemDaysPastDue",
  "overdueShare",
  "daysLateTrend",
  "gradeDown",
  "currentRatioLow",
  "debtRatioHigh",
  "negativeEquity",
  "revenueDrop",
  "altmanDistress",
  "noReviewOnRecord",
  "reviewOverdue",
  "lowCoverage",
  "noFinancials",
  "financialsStale",
  "disputedAmount",
] as const;
export type WarningId = (typeof WARNING_IDS)[number];

/** The parts of a customer's reason sentence; the catalogue id is `reason.<id>`. */
export const REASON_IDS = ["grade", "gradeDerivedPayment", "rFlag", "noLimit", "limitZeroGradeD", "limit", "nothingOverdue", "overdue"] as const;
export type ReasonId = (typeof REASON_IDS)[number];

/** Why a large or strategic customer is flagged R (§3); the catalogue id is `rFlag.<id>`. */
export const R_FLAG_IDS = ["keyAccount", "largeBySales", "weakGrade", "late", "overLimit"] as const;
export type RFlagId = (typeof R_FLAG_IDS)[number];

/** The credit decision a grade or the R flag calls for (§3); the catalogue id is `decision.<id>`. */
export const DECISION_IDS = ["sellOnCredit", "tradeWithinLimit", "creditWithGuarantee", "cashOnly", "referToCommittee"] as const;
export type DecisionId = (typeof DECISION_IDS)[number];

/** Why a customer has no limit; the catalogue id is `limitNote.<id>` (`error` carries the error's field, `detailId` and the detail's parameters). */
export const LIMIT_NOTE_IDS = ["noBasis", "error"] as const;
export type LimitNoteId = (typeof LIMIT_NOTE_IDS)[number];

/** The limit bases' catalogue ids are `limitBasis.<name>` (need, workingAssets, netWorthCap, profit). */
export const LIMIT_BASIS_MESSAGE_PREFIX = "limitBasis.";

/** No parameters: one shared frozen object, not one per message. */
export const NO_PARAMS: MessageParams = Object.freeze({});
