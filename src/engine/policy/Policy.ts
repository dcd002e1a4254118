/**
 * The credit policy: every parameter of credit-method.md, as the Policy sheet holds it.
 * Percentages are stored as percent numbers (25 means 25 %), as a finance user types them.
 */
import type { CharacteristicKey } from "./characteristics";

export type Grade = "A" | "B" | "C" | "D";

/** The languages the review's output sheets can be written in (the i18n catalogues' locales). */
export const OUTPUT_LANGUAGES = ["en-US", "zh-CN"] as const;
export type OutputLanguage = (typeof OUTPUT_LANGUAGES)[number];
export type LetterRating = "AAA" | "AA" | "A" | "BBB" | "BB" | "B" | "CCC";

export interface GradeTerms {
  /** Payment terms in days. */
  termsDays: number;
  /** Multiplier applied to the recommended limit (0..1). */
  limitFactor: number;
  /** Months between credit reviews. */
  reviewMonths: number;
}

/**
 * What one step of the order approval chain (§8, seed 004) may release on its own. Each threshold
 * is exceeded only when the order's figure is strictly greater than it (as §8 says of the limit).
 */
export interface ApprovalStepLimits {
  /** Largest new order (currency units) the step may release. */
  maxOrder: number;
  /** Largest excess over the limit, % of the limit, the step may release (0: none). */
  maxExcessPercent: number;
  /** Worst grade the step may release ("C": A, B and C). */
  lowestGrade: Grade;
}

/**
 * §8 the approval chain of the method (seed 004): salesperson first check → sales manager →
 * credit staff review → credit manager → senior management. An order goes to the first step
 * whose thresholds it stays within; senior management has none. The credit manager's excess
 * threshold is `creditManagerExcessPercent`.
 */
export interface ApprovalChainPolicy {
  salesperson: ApprovalStepLimits;
  salesManager: ApprovalStepLimits;
  creditStaff: ApprovalStepLimits;
  creditManager: Omit<ApprovalStepLimits, "maxExcessPercent">;
}

export interface Policy {
  /** Free-text version label the credit committee gives the policy (audit trail). */
  version: string;
  /** Characteristic weights B_i (§2). */
  weights: Record<CharacteristicKey, number>;
  /** Lower edges (inclusive) of the composite % for grades A, B, C; below C is D (§3). */
  gradeBands: { A: number; B: number; C: number };
  /** Lower edges (inclusive) of the AAA..B scale; below B is CCC (§3). */
  letterBands: { AAA: number; AA: number; A: number; BBB: number; BB: number; B: number };
  gradeTerms: Record<Grade, GradeTerms>;
  /** Grade C: limit at most collateral + this % of the formula limit (§3). */
  gradeCLimitSharePercent: number;
  /** AnnualCreditSales at or above this makes a "large" customer for the R flag (§3). */
  largeCustomerThreshold: number;
  /** Days overdue beyond which a large/key account is flagged R (§3). */
  rFlagOverdueDays: number;
  /** Potential at or above this is "high potential" in the risk × potential matrix (§3). */
  highPotentialFrom: number;
  /** Information coverage below this % raises a warning (§2). */
  minCoveragePercent: number;
  /** §5.1 grace days added to terms for the need basis. */
  graceDays: number;
  /** §5.3 net-worth cap, % of equity. */
  netWorthCapPercent: number;
  /** §5.4 profit basis multiple of annual gross profit. */
  profitMultiple: number;
  /** §5 rounding unit; limits are rounded down to a multiple of it. */
  roundingUnit: number;
  /** §5.2 evaluation-value bands: upper edges (inclusive) of each band but the last, ascending, and the % of working assets per band (one more than edges). The band just below the top edge is half-open at it: a value equal to the last edge gets the top %. */
  workingAssetsBands: { edges: number[]; percents: number[] };
  /** §5 payment-behaviour factor: average days late upper edges (inclusive) and factors (one more than edges). */
  paymentFactorBands: { edges: number[]; factors: number[] };
  /** §6 aging bucket upper edges in days past due (inclusive), ascending; the last bucket is open-ended. */
  agingEdges: number[];
  /** §6 age by due date (default) or invoice date. */
  agingBasis: "dueDate" | "invoiceDate";
  /** §6 allocate unapplied cash to the oldest due items first. */
  fifoUnappliedCash: boolean;
  /** §6 allowance provision % per aging bucket (one per bucket). */
  provisionPercents: number[];
  /** §6 forward-looking multiplier on loss rates. */
  forwardLookingMultiplier: number;
  /** §6 collections ladder: upper edges in days past due (inclusive) and one action per level (one more than edges). */
  collectionEdges: number[];
  collectionActions: string[];
  /** §6 overdue amount above which the ladder moves one level earlier. */
  largeAmountThreshold: number;
  /** §6 late-payment interest, annual %, simple interest on 365 days. */
  lateInterestPercent: number;
  /** §6 dunning fee per demand. */
  dunningFee: number;
  /** §6 order-to-cash rating: overdue-ratio upper edges in % (inclusive). */
  otcEdges: number[];
  /** §7 early-warning thresholds. */
  warnings: {
    utilisationWarnPercent: number;
    utilisationCriticalPercent: number;
    overdueWarnDays: number;
    overdueCriticalDays: number;
    overdueSharePercent: number;
    daysLateIncrease: number;
    currentRatioMin: number;
    debtRatioMaxPercent: number;
    revenueDropPercent: number;
    keyAccountReviewMonths: number;
    otherReviewMonths: number;
    financialsMaxAgeMonths: number;
    disputedAmountThreshold: number;
  };
  /** §8 order check: an item beyond this many days past due puts an order on hold. */
  orderHoldDays: number;
  /** §8 excess over the limit (% of limit) up to which the credit manager may approve. */
  creditManagerExcessPercent: number;
  /** §8 the approval chain's thresholds per step (seed 004). */
  approvalChain: ApprovalChainPolicy;
  /** §5 derive paymentRecord from behaviour when the workbook has payment history. */
  derivePaymentRecord: boolean;
  /**
   * Language of the output sheets (names, headers, warnings, reasons), so a committee's workbook
   * is in one language whoever runs the review (issue 16). Default en-US.
   */
  outputLanguage: OutputLanguage;
  /** §10 default model (issue 17): loss given default, % of the exposure, for expected loss = PD × LGD × exposure. */
  lgdPercent: number;
  /** §10 default model: an item more than this many days past due within the 12 months after the observation date is a default. */
  defaultDaysPastDue: number;
  /** §10 default model: fewer defaults than this in the ledger's history and no model is fitted. */
  modelMinDefaults: number;
}
