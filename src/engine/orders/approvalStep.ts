/**
 * The step of the approval chain that must release an order (赊销订单评审, credit-method.md §8;
 * the method's chain, seed 004): salesperson first check (销售人员初审) → sales manager (销售经理批准)
 * → credit staff review (信用人员审核) → credit manager (信用经理审批) → senior management (主管领导审批).
 *
 * The order goes to the first step whose thresholds it stays within: the new order's amount, the
 * excess of the exposure over the limit as a % of the limit, and the grade (policy
 * `approvalChain.<step>`, the credit manager's excess being `creditManagerExcessPercent`). A
 * threshold is exceeded only when the figure is strictly greater than it, as §8 says of the limit:
 * an order of exactly a step's maximum stays with that step. Senior management has no threshold.
 * `atLeast` raises the floor (an R-flagged customer goes to senior management, an order held for
 * an item past due to the credit manager, who is the escalation point of the collections ladder
 * at 61–90 days, §6). Amounts are compared in cents, the excess share as 100 × excess > p × limit,
 * so no rounded percent decides a boundary; on a zero limit any excess exceeds every percent.
 *
 * The reasons say why each step below the one chosen could not release it (messages
 * `approval.reason.<id>`, the step's words `approval.step.<step>`).
 * @example approvalStep({ grade: "B", newOrder: 250_000, exposureCents: 10_000_000, limitCents: 20_000_000 }, DEFAULT_POLICY)
 *   //=> { step: "creditStaff", reasons: [{ id: "orderAbove", params: { amount: 250000, max: 200000, stepId: "approval.step.salesManager" } }] }
 */
import { fromCents, toCents } from "../money/cents";
import type { Grade, Policy } from "../policy/Policy";
import type { ReviewMessage } from "../review/ReviewMessage";

export const APPROVAL_STEPS = ["salesperson", "salesManager", "creditStaff", "creditManager", "seniorManagement"] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

/** Why a step could not release the order; the catalogue id is `approval.reason.<id>`. */
export const APPROVAL_REASON_IDS = ["orderAbove", "excessAbove", "gradeBelow", "flaggedR", "itemPastDue"] as const;
export type ApprovalReasonId = (typeof APPROVAL_REASON_IDS)[number];

export type ApprovalPolicy = Pick<Policy, "approvalChain" | "creditManagerExcessPercent">;

export interface ApprovalFigures {
  grade: Grade;
  /** The new order (currency units). */
  newOrder: number;
  /** Exposure with the new order, and the limit in force, in cents. */
  exposureCents: number;
  limitCents: number;
  /** The lowest step allowed to release it (default the salesperson). */
  atLeast?: ApprovalStep;
  /** Why the floor was raised (one reason, listed first). */
  floorReason?: ReviewMessage<ApprovalReasonId>;
}

export interface ApprovalStepResult {
  step: ApprovalStep;
  reasons: ReviewMessage<ApprovalReasonId>[];
}

const GRADE_ORDER: readonly Grade[] = ["A", "B", "C", "D"];
/** The steps that have thresholds, in the chain's order (senior management, the last, has none). */
const STEPS_WITH_THRESHOLDS = ["salesperson", "salesManager", "creditStaff", "creditManager"] as const;
type StepWithThresholds = (typeof STEPS_WITH_THRESHOLDS)[number];

/** The message id of a step's words. */
export function approvalStepId(step: ApprovalStep): string {
  return `approval.step.${step}`;
}

/** The thresholds of the four steps below senior management, from the policy. */
function thresholdsOf(policy: ApprovalPolicy, step: StepWithThresholds): { maxOrder: number; maxExcessPercent: number; lowestGrade: Grade } {
  if (step === "creditManager") return { ...policy.approvalChain.creditManager, maxExcessPercent: policy.creditManagerExcessPercent };
  return policy.approvalChain[step];
}

/** Every threshold of the step that the order exceeds (empty: the step may release it). */
function exceeded(figures: ApprovalFigures, policy: ApprovalPolicy, step: StepWithThresholds): ReviewMessage<ApprovalReasonId>[] {
  const t = thresholdsOf(policy, step);
  const stepId = approvalStepId(step);
  const out: ReviewMessage<ApprovalReasonId>[] = [];
  if (toCents(figures.newOrder) > toCents(t.maxOrder)) out.push({ id: "orderAbove", params: { amount: figures.newOrder, max: t.maxOrder, stepId } });
  const excessCents = Math.max(0, figures.exposureCents - figures.limitCents);
  if (excessCents * 100 > t.maxExcessPercent * figures.limitCents) {
    out.push({ id: "excessAbove", params: { excess: fromCents(excessCents), max: t.maxExcessPercent, stepId } });
  }
  if (GRADE_ORDER.indexOf(figures.grade) > GRADE_ORDER.indexOf(t.lowestGrade)) out.push({ id: "gradeBelow", params: { grade: figures.grade, lowest: t.lowestGrade, stepId } });
  return out;
}

export function approvalStep(figures: ApprovalFigures, policy: ApprovalPolicy): ApprovalStepResult {
  const floor = APPROVAL_STEPS.indexOf(figures.atLeast ?? "salesperson");
  let why: ReviewMessage<ApprovalReasonId>[] = [];
  for (const step of STEPS_WITH_THRESHOLDS.slice(floor)) {
    const broken = exceeded(figures, policy, step);
    if (broken.length === 0) return { step, reasons: withFloor(figures, why) };
    why = broken;
  }
  return { step: "seniorManagement", reasons: withFloor(figures, why) };
}

function withFloor(figures: ApprovalFigures, why: ReviewMessage<ApprovalReasonId>[]): ReviewMessage<ApprovalReasonId>[] {
  return figures.floorReason === undefined ? why : [figures.floorReason, ...why];
}
