/**
 * The result of a portfolio review (credit-method.md §2–§7 composed): one CustomerReview per
 * customer plus portfolio aging, collections worklist and KPIs. Money is in currency units,
 * rounded to cents; percentages are percent numbers (68.4 = 68.4 %); dates are day numbers.
 */
import type { DayNumber } from "../dates/dayNumber";
import type { Grade, GradeTerms, LetterRating } from "../policy/Policy";
import type { LimitBasisName } from "../limits/creditLimit";
import type { LimitSkipId, LimitZeroId } from "../limits/limitMessages";
import type { CollectionsWorklist } from "./collectionsWorklist";
import type { DecisionId, LimitNoteId, MessageParams, ReasonId, ReviewMessage, RFlagId, WarningId } from "./ReviewMessage";

export type WarningSeverity = "info" | "warning" | "critical";

/** One early-warning rule that fired (§7), with the figure that made it fire; `id` and `params` are its message. */
export interface ReviewWarning {
  id: WarningId;
  rule: string;
  severity: WarningSeverity;
  figure: number | string;
  params: MessageParams;
}

/** One limit basis of §5 as computed for a customer (value undefined when skipped, with the reason). */
export interface LimitBasisLine {
  basis: LimitBasisName;
  value?: number;
  /** Why the basis was skipped (`limitSkip.<id>`). */
  skipped?: ReviewMessage<LimitSkipId>;
  /** Why an applying basis is 0 (`limitZero.<id>`). */
  zeroNote?: ReviewMessage<LimitZeroId>;
}

export interface CustomerLimit {
  /** Recommended limit, rounded down to the policy's unit, collateral included; undefined when no basis applies. */
  recommended?: number;
  /** The basis that set the limit (its words: `limitBasis.<name>`). */
  bindingBasis?: LimitBasisName;
  bases: LimitBasisLine[];
  gradeFactor: number;
  paymentFactor: number;
  /** Why there is no limit (a message: `limitNote.<id>`). */
  note?: ReviewMessage<LimitNoteId>;
}

export interface CustomerReview {
  customerId: string;
  name: string;
  accountOwner?: string;
  isKeyAccount: boolean;
  /** Composite % of the characteristic model (0..100). */
  compositePercent: number;
  /** Information coverage % (0..100). */
  coveragePercent: number;
  /** The paymentRecord score used, and whether it was derived from behaviour or entered. */
  paymentRecord: { source: "derived" | "entered"; score: number };
  grade: Grade;
  letter: LetterRating;
  isR: boolean;
  /** Why the customer is flagged R (messages `rFlag.<id>`); empty when not flagged. */
  rReasons: ReviewMessage<RFlagId>[];
  /** The credit decision the grade (or R flag) calls for (its words: `decision.<id>`). */
  decision: DecisionId;
  quadrant: { quadrant: 1 | 2 | 3 | 4; en: string; zh: string };
  terms: GradeTerms;
  /** Latest financial period at or before asOf, with the prior one when there is one. */
  financials?: { periodEnd: DayNumber; priorPeriodEnd?: DayNumber };
  /** Ratios that could be computed (§4); others are left out. */
  ratios: Partial<Record<string, number>>;
  altman?: { model: "Z'"; z: number; zone: "safe" | "grey" | "distress" };
  limit: CustomerLimit;
  currentLimit?: number;
  limitChange?: number;
  /** Open receivables − unapplied cash + open orders (§8). */
  exposure: number;
  /** Exposure / recommended limit × 100; undefined without a positive limit. */
  utilisationPercent?: number;
  /** Open items less unapplied cash. */
  openBalance: number;
  /** Unapplied cash (≤ 0). */
  unapplied: number;
  overdue: number;
  overdueItems: number;
  maxDaysPastDue: number;
  /** Average days late of settled items in the last 12 months (amount-weighted). */
  averageDaysLate?: number;
  openOrders: number;
  disputed: number;
  warnings: ReviewWarning[];
  nextAction?: string;
  /** The parts of one readable sentence summing up the customer (messages `reason.<id>`, rendered in order and joined without a separator). */
  reasons: ReviewMessage<ReasonId>[];
}

export interface AgingRow {
  customerId: string;
  name: string;
  /** Open amount per aging bucket (credit notes in the bucket of their date). */
  buckets: number[];
  /** Unapplied cash (≤ 0). */
  unapplied: number;
  /** Σ buckets + unapplied = the customer's open balance. */
  total: number;
}

export interface CollectionItem {
  customerId: string;
  name: string;
  accountOwner?: string;
  invoiceId: string;
  invoiceDate: DayNumber;
  dueDate: DayNumber;
  daysPastDue: number;
  openAmount: number;
  /** Open amount × days past due: the sort key, largest first. */
  priority: number;
  action: string;
  interest: number;
  amountDemanded: number;
  isDisputed: boolean;
}

export interface PortfolioKpis {
  customers: number;
  openBalance: number;
  overdue: number;
  notDue: number;
  /** Invoices dated in the period (asOf − periodDays, asOf]. */
  creditSales: number;
  exposure: number;
  totalRecommendedLimit: number;
  dso?: number;
  bestPossibleDso?: number;
  add?: number;
  cei?: number;
  overdueRatioPercent?: number;
  otcRating?: string;
  allowance: number;
  salesTop20SharePercent?: number;
  overdueTop20SharePercent?: number;
  criticalWarnings: number;
  warnings: number;
}

export interface GradeLine {
  grade: Grade;
  customers: number;
  rFlagged: number;
  exposure: number;
  openBalance: number;
  recommendedLimit: number;
}

export interface PortfolioReview {
  asOf: DayNumber;
  periodDays: number;
  /** The one currency of the portfolio, when the inputs name it. */
  currency?: string;
  customers: CustomerReview[];
  aging: {
    labels: string[];
    rows: AgingRow[];
    totals: { buckets: number[]; unapplied: number; total: number };
  };
  allowanceByBucket: number[];
  /** The collections worklist, largest priority first (rows by `item(rank)`, or iterate). */
  collections: CollectionsWorklist;
  kpis: PortfolioKpis;
  gradeDistribution: GradeLine[];
  /** The ten largest exposures, largest first. */
  topExposures: { customerId: string; name: string; grade: Grade; exposure: number; limit?: number; utilisationPercent?: number }[];
}
