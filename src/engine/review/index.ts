/** The portfolio review (credit-method.md §2–§8 composed): reviewPortfolio and its parts. */
export { reviewPortfolio, type ReviewPortfolioOptions } from "./reviewPortfolio";
export { reviewCustomer, GRADE_DECISIONS, type CustomerFacts } from "./reviewCustomer";
export { customerWarnings, type WarningFacts } from "./customerWarnings";
export { customerReasons } from "./customerReasons";
export { collectionsWorklist, CollectionsWorklist, type WorklistCustomer } from "./collectionsWorklist";
export { portfolioKpis, ledgerTotals, creditSalesCents, type KpiInput, type ReviewTotals } from "./portfolioKpis";
export { latestFinancials } from "./latestFinancials";
export { formatAmount } from "./formatAmount";
export {
  DECISION_IDS,
  LIMIT_NOTE_IDS,
  REASON_IDS,
  R_FLAG_IDS,
  WARNING_IDS,
  type DecisionId,
  type LimitNoteId,
  type MessageParams,
  type ReasonId,
  type ReviewMessage,
  type RFlagId,
  type WarningId,
} from "./ReviewMessage";
export type {
  AgingRow,
  CollectionItem,
  CustomerLimit,
  CustomerReview,
  GradeLine,
  LimitBasisLine,
  PortfolioKpis,
  PortfolioReview,
  ReviewWarning,
  WarningSeverity,
} from "./types";
