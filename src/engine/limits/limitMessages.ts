/**
 * Why a limit basis was skipped or is 0, as message ids (catalogue ids `limitSkip.<id>` and
 * `limitZero.<id>`): the engine says what happened, the host words it (issue 16).
 * @example { id: "financialsMissing", params: { fields: "inventory, totalLiabilities" } }
 */

/** A basis that does not apply: a figure it needs is missing or makes it undefined. */
export const LIMIT_SKIP_IDS = ["salesMissing", "marginMissing", "salesAndMarginMissing", "financialsMissing", "currentLiabilitiesZero", "netWorthMissing"] as const;
export type LimitSkipId = (typeof LIMIT_SKIP_IDS)[number];

/** A basis that applies but is 0. */
export const LIMIT_ZERO_IDS = ["netWorthNotPositive", "netWorthNegative", "workingAssetsNegative", "marginNegative"] as const;
export type LimitZeroId = (typeof LIMIT_ZERO_IDS)[number];
