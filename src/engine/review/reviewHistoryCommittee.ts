/**
 * The review as the credit committee works from it (credit-method.md §5, §7, §8): the committee's
 * approved limits and the review history applied to the engine's review.
 *
 * - Limit in force: the approved limit when the register holds one that is in force at the as-of
 *   date (approved on or before it, valid until on or after it, or without a date), else the
 *   recommended limit; its basis is said ("approved" / "recommended" / "none"). An approval
 *   whose Valid until is before the as-of date is a warning (`approved.warning.expired`) and the
 *   recommended limit applies; one approved after the as-of date is not yet in force
 *   (`approved.warning.notYetValid`).
 * - Utilisation and its warnings (§7: ≥ 90 % warning, > 100 % critical, any exposure on a zero
 *   limit critical) are computed on the limit in force, by the engine's own rule.
 * - Where the history holds the customer in the previous review: the grade-down warning compares
 *   with that review's grade (`history.warning.gradeDown`, instead of the typed PreviousGrade), and
 *   average days late up by more than `warnings.daysLateIncrease` days since that review is a
 *   warning (`history.warning.daysLateUp`, instead of the 90-day trend of the ledger).
 * - Change since the last review: grade direction, limit in force and exposure against the
 *   previous review's (approved limit there when it had one, else recommended).
 * - The KPIs' warning counts and the top exposures' limits follow.
 * The engine's warnings keep their ids; the added ones carry their full message id and parameters.
 * @example reviewHistoryCommittee(review, { approvals: [{ customerId: "C1", approvedLimit: 50_000 }] }, DEFAULT_POLICY).lines[0]
 *   //=> { customerId: "C1", limitInForce: 50000, limitBasis: "approved", … }
 */
import { toIsoDate, type DayNumber } from "../dates/dayNumber";
import { fromCents, toCents } from "../money/cents";
import type { Grade, Policy } from "../policy/Policy";
import { customerWarnings } from "./customerWarnings";
import type { MessageParams } from "./ReviewMessage";
import type { ReviewHistoryRow } from "./reviewHistory";
import type { CustomerReview, PortfolioReview, ReviewWarning, WarningSeverity } from "./types";

/** One row of the Approved Limits register, as read. */
export interface ApprovalEntry {
  customerId: string;
  decision?: string;
  approvedLimit?: number;
  approvedBy?: string;
  approvedOn?: DayNumber;
  validUntil?: DayNumber;
  comment?: string;
}

export type LimitBasisInForce = "approved" | "recommended" | "none";
export type GradeChange = "up" | "down" | "same" | "new";

export const COMMITTEE_WARNING_IDS = ["approved.warning.expired", "approved.warning.notYetValid", "history.warning.gradeDown", "history.warning.daysLateUp"] as const;
export type CommitteeWarningId = (typeof COMMITTEE_WARNING_IDS)[number];

/** A warning the committee view adds; `messageId` is the catalogue id. */
export interface CommitteeWarning {
  messageId: CommitteeWarningId;
  severity: WarningSeverity;
  params: MessageParams;
}

export interface CommitteeLine {
  customerId: string;
  approval?: ApprovalEntry;
  limitInForce?: number;
  limitBasis: LimitBasisInForce;
  /** The customer's row in the previous review, when the history has one. */
  previous?: ReviewHistoryRow;
  /** Undefined when the history holds no earlier review at all. */
  gradeChange?: GradeChange;
  limitChange?: number;
  exposureChange?: number;
  added: CommitteeWarning[];
}

export interface CommitteeInput {
  approvals: readonly ApprovalEntry[];
  /** The previous review's rows (reviewHistory.previousReviewRows), when there is one. */
  previous?: { asOf: DayNumber; rows: readonly ReviewHistoryRow[] };
}

export interface CommitteeReview {
  /** The review with utilisation, warnings, KPIs' warning counts and top exposures on the limit in force. */
  review: PortfolioReview;
  /** One line per customer, in the review's order. */
  lines: CommitteeLine[];
}

const GRADE_ORDER: readonly Grade[] = ["A", "B", "C", "D"];

/** Whether an approval is in force at the as-of date, or why not. */
function approvalState(a: ApprovalEntry | undefined, asOf: DayNumber): "none" | "inForce" | "expired" | "notYetValid" {
  if (a?.approvedLimit === undefined) return "none";
  if (a.approvedOn !== undefined && a.approvedOn > asOf) return "notYetValid";
  if (a.validUntil !== undefined && a.validUntil < asOf) return "expired";
  return "inForce";
}

/** The engine's utilisation rule (§7) on another limit: the utilisation warnings of customerWarnings. */
function utilisationWarnings(c: CustomerReview, limit: number | undefined, utilisationPercent: number | undefined, asOf: DayNumber, policy: Policy): ReviewWarning[] {
  return customerWarnings(
    {
      asOf, utilisationPercent, limit, exposure: c.exposure, maxDaysPastDue: 0, overdue: 0, openBalance: 0, grade: c.grade,
      isKeyAccount: c.isKeyAccount, lastReviewDate: asOf, coveragePercent: 100, financialsPeriodEnd: asOf, disputed: 0,
    },
    policy,
  ).filter((w) => w.rule === "utilisation");
}

function gradeChangeOf(now: Grade, before: Grade | undefined): GradeChange {
  if (before === undefined) return "new";
  const delta = GRADE_ORDER.indexOf(now) - GRADE_ORDER.indexOf(before);
  return delta < 0 ? "up" : delta > 0 ? "down" : "same";
}

const minus = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : fromCents(toCents(a) - toCents(b)));

function lineOf(c: CustomerReview, approval: ApprovalEntry | undefined, input: CommitteeInput, previousById: ReadonlyMap<string, ReviewHistoryRow>, asOf: DayNumber, policy: Policy): CommitteeLine {
  const state = approvalState(approval, asOf);
  const added: CommitteeWarning[] = [];
  if (state === "expired" && approval?.validUntil !== undefined) {
    added.push({ messageId: "approved.warning.expired", severity: "warning", params: { limit: approval.approvedLimit ?? 0, validUntil: toIsoDate(approval.validUntil) } });
  }
  if (state === "notYetValid" && approval?.approvedOn !== undefined) {
    added.push({ messageId: "approved.warning.notYetValid", severity: "warning", params: { limit: approval.approvedLimit ?? 0, approvedOn: toIsoDate(approval.approvedOn) } });
  }
  const limitInForce = state === "inForce" ? approval?.approvedLimit : c.limit.recommended;
  const limitBasis: LimitBasisInForce = state === "inForce" ? "approved" : c.limit.recommended !== undefined ? "recommended" : "none";

  const previous = previousById.get(c.customerId);
  if (previous !== undefined && input.previous !== undefined) {
    const previousAsOf = toIsoDate(input.previous.asOf);
    if (GRADE_ORDER.indexOf(c.grade) > GRADE_ORDER.indexOf(previous.grade)) {
      added.push({ messageId: "history.warning.gradeDown", severity: "warning", params: { from: previous.grade, to: c.grade, previousAsOf } });
    }
    if (c.averageDaysLate !== undefined && previous.averageDaysLate !== undefined && c.averageDaysLate - previous.averageDaysLate > policy.warnings.daysLateIncrease) {
      added.push({
        messageId: "history.warning.daysLateUp", severity: "warning",
        params: { days: c.averageDaysLate - previous.averageDaysLate, from: previous.averageDaysLate, to: c.averageDaysLate, previousAsOf },
      });
    }
  }
  return {
    customerId: c.customerId,
    approval,
    limitInForce,
    limitBasis,
    previous,
    gradeChange: input.previous === undefined ? undefined : gradeChangeOf(c.grade, previous?.grade),
    limitChange: minus(limitInForce, previous?.approvedLimit ?? previous?.recommendedLimit),
    exposureChange: minus(c.exposure, previous?.exposure),
    added,
  };
}

/** The customer's review with utilisation on the limit in force and the history's rules in place of the engine's where history exists. */
function adjusted(c: CustomerReview, line: CommitteeLine, asOf: DayNumber, policy: Policy): CustomerReview {
  const onApproved = line.limitBasis === "approved";
  const limit = line.limitInForce;
  const utilisationPercent = onApproved ? (limit !== undefined && limit > 0 ? (c.exposure * 100) / limit : undefined) : c.utilisationPercent;
  const replaced = new Set<string>();
  if (onApproved) replaced.add("utilisation");
  if (line.previous !== undefined) {
    replaced.add("gradeDown");
    if (c.averageDaysLate !== undefined && line.previous.averageDaysLate !== undefined) replaced.add("daysLateTrend");
  }
  if (replaced.size === 0) return c;
  const kept = c.warnings.filter((w) => !replaced.has(w.rule));
  const warnings = onApproved ? [...utilisationWarnings(c, limit, utilisationPercent, asOf, policy), ...kept] : kept;
  return { ...c, utilisationPercent, warnings };
}

export function reviewHistoryCommittee(review: PortfolioReview, input: CommitteeInput, policy: Policy): CommitteeReview {
  const approvals = new Map<string, ApprovalEntry>();
  for (const a of input.approvals) if (!approvals.has(a.customerId)) approvals.set(a.customerId, a);
  const previousById = new Map((input.previous?.rows ?? []).map((r) => [r.customerId, r]));
  const lines = review.customers.map((c) => lineOf(c, approvals.get(c.customerId), input, previousById, review.asOf, policy));
  const customers = review.customers.map((c, i) => adjusted(c, lines[i]!, review.asOf, policy));

  let critical = 0;
  let warnings = 0;
  customers.forEach((c, i) => {
    for (const w of [...c.warnings, ...lines[i]!.added]) {
      if (w.severity === "critical") critical++;
      else if (w.severity === "warning") warnings++;
    }
  });
  const byId = new Map(customers.map((c, i) => [c.customerId, { c, line: lines[i]! }]));
  const topExposures = review.topExposures.map((t) => {
    const found = byId.get(t.customerId);
    return found === undefined ? t : { ...t, limit: found.line.limitInForce, utilisationPercent: found.c.utilisationPercent };
  });
  return { review: { ...review, customers, topExposures, kpis: { ...review.kpis, criticalWarnings: critical, warnings } }, lines };
}
