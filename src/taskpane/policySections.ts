/**
 * The policy editor's sections: each Policy key belongs to the part of the method it sets
 * (credit-method.md §2–§11), so that finance staff find a parameter by what it does rather than
 * in one list of 86 keys. A key no rule knows (a newer policy's) falls into "other", so it is
 * still shown and editable.
 * @example policySectionOf("weights.paymentRecord") //=> "scoring"
 * @example policySectionOf("warnings.overdueWarnDays") //=> "warnings"
 */
export const POLICY_SECTIONS = [
  "general", "scoring", "grades", "limits", "receivables", "collections", "warnings", "orders", "models", "other",
] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];

/** First match wins: [section, key prefixes (a whole key is its own prefix), compared case-insensitively]. */
const RULES: readonly (readonly [PolicySection, readonly string[]])[] = [
  ["general", ["version", "outputLanguage", "largeCustomerThreshold", "rFlagOverdueDays", "highPotentialFrom", "derivePaymentRecord"]],
  ["scoring", ["weights.", "minCoveragePercent"]],
  ["grades", ["gradeBands.", "letterBands.", "gradeTerms."]],
  ["limits", ["gradeCLimitSharePercent", "graceDays", "netWorthCapPercent", "profitMultiple", "roundingUnit", "workingAssetsBands.", "paymentFactorBands.", "limit"]],
  ["receivables", ["agingEdges", "agingBasis", "fifoUnappliedCash", "provisionPercents", "forwardLookingMultiplier", "otcEdges", "dso", "lookback"]],
  ["collections", ["collectionEdges", "collectionActions.", "largeAmountThreshold", "lateInterestPercent", "dunningFee"]],
  ["warnings", ["warnings."]],
  ["orders", ["orderHoldDays", "creditManagerExcessPercent", "order", "approval"]],
  ["models", ["lgd", "defaultDays", "model", "pd", "scorecard"]],
];

export function policySectionOf(key: string): PolicySection {
  const k = key.trim().toLowerCase();
  for (const [section, patterns] of RULES) {
    if (patterns.some((p) => k.startsWith(p.toLowerCase()))) return section;
  }
  return "other";
}

/** Whether a parameter matches the search text (key, description or section name, any case). */
export function matchesSearch(query: string, ...texts: readonly (string | null | undefined)[]): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w !== "");
  if (words.length === 0) return true;
  const haystack = texts.filter((x): x is string => typeof x === "string").join(" ").toLowerCase();
  return words.every((w) => haystack.includes(w));
}
