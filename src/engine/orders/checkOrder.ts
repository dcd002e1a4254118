/**
 * The order credit check (赊销订单评审, credit-method.md §8): whether a new credit order may ship.
 *
 * Exposure = open receivables − unapplied cash + open orders + the new order, summed in cents.
 * The limit is breached only when exposure is strictly greater than the limit (an order that
 * brings exposure exactly to the limit passes). The decision is the most severe that applies,
 * and every reason that applies is listed:
 * - grade D → refuse (credit refused, prepayment only);
 * - flagged R → refer (to the credit committee / senior management);
 * - an item more than `policy.orderHoldDays` past due → hold;
 * - exposure > limit → hold;
 * - otherwise approve.
 * Whatever the decision but a refusal, `approvalStep` names the step of the method's approval
 * chain that must release the order (approvalStep.ts: by the order's amount, the excess over the
 * limit and the grade, the Policy's `approvalChain`; at least senior management for an R flag, at
 * least the credit manager for an item past due), with the reasons it could not stay lower. With
 * the default policy an excess of at most `creditManagerExcessPercent` % of the limit goes to the
 * credit manager and a larger one to senior management, as §8 says.
 *
 * `unapplied` is the unapplied cash (payments on account, unallocated credit notes) not yet netted
 * in `openReceivables`; ledgers show it negative and reports positive, so its size is used
 * whatever its sign.
 *
 * The reasons are messages (id and parameters, catalogue id `orderReason.<id>`), not sentences:
 * the host renders them in its language.
 * @example checkOrder({ grade: "B", isR: false, limit: 100_000, openReceivables: 60_000, unapplied: 0,
 *   openOrders: 30_000, newOrder: 15_000, maxDaysPastDue: 10 }, DEFAULT_POLICY)
 *   //=> ok({ decision: "hold", approvalStep: "creditManager", approvalReasons: [...], exposure: 105_000, excess: 5_000, reasons: [...] })
 */
import { fromCents, toCents } from "../money/cents";
import { detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import type { Grade, Policy } from "../policy/Policy";
import { NO_PARAMS, type ReviewMessage } from "../review/ReviewMessage";
import { approvalStep as approvalStepOf, approvalStepId, type ApprovalReasonId, type ApprovalStep } from "./approvalStep";

/** Why an order gets its decision; the catalogue id is `orderReason.<id>`. */
export const ORDER_REASON_IDS = ["gradeD", "flaggedR", "itemPastDue", "overLimit", "withinLimit"] as const;
export type OrderReasonId = (typeof ORDER_REASON_IDS)[number];

export type OrderDecision = "approve" | "hold" | "refuse" | "refer";

export interface OrderCheckInput {
  grade: Grade;
  /** The customer is flagged R (large or strategic and risky, §3). */
  isR: boolean;
  /** Credit limit in force (currency units, ≥ 0). */
  limit: number;
  /** Open receivables at the as-of date, credit notes included (may be negative). */
  openReceivables: number;
  /** Unapplied cash; reduces exposure whatever its sign. */
  unapplied: number;
  /** Open (unshipped) orders, ≥ 0. */
  openOrders: number;
  /** The new order's amount, > 0. */
  newOrder: number;
  /** Largest days past due of the customer's open items (≤ 0 when nothing is overdue). */
  maxDaysPastDue: number;
}

export interface OrderCheck {
  decision: OrderDecision;
  /** The step of the approval chain that must release the order (undefined when it is refused). */
  approvalStep?: ApprovalStep;
  /** Why the order goes to that step and no lower one (messages `approval.reason.<id>`). */
  approvalReasons: ReviewMessage<ApprovalReasonId>[];
  exposure: number;
  /** Exposure above the limit (0 when within it). */
  excess: number;
  /** Every rule that applied, as messages; amounts are numbers in the limit's currency, `approvalLevelId` a message id. */
  reasons: ReviewMessage<OrderReasonId>[];
}

export type OrderCheckPolicy = Pick<Policy, "orderHoldDays" | "creditManagerExcessPercent" | "approvalChain">;

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];
const SEVERITY: Record<OrderDecision, number> = { approve: 0, hold: 1, refer: 2, refuse: 3 };


function validate(input: OrderCheckInput, policy: OrderCheckPolicy): Result<void> {
  if (!GRADES.includes(input.grade)) return err(invalidInput("grade", detail("oneOf", { options: GRADES.join(", "), got: String(input.grade) })));
  if (typeof input.isR !== "boolean") return err(invalidInput("isR", detail("notBoolean")));
  const numbers: [string, number][] = [
    ["limit", input.limit], ["openReceivables", input.openReceivables], ["unapplied", input.unapplied],
    ["openOrders", input.openOrders], ["newOrder", input.newOrder], ["maxDaysPastDue", input.maxDaysPastDue],
    ["orderHoldDays", policy.orderHoldDays], ["creditManagerExcessPercent", policy.creditManagerExcessPercent],
  ];
  for (const [field, value] of numbers) {
    if (typeof value !== "number" || !Number.isFinite(value)) return err(invalidInput(field, detail("notFinite")));
  }
  if (input.limit < 0) return err(outOfRange("limit", detail("atLeast", { min: 0, got: input.limit })));
  if (input.openOrders < 0) return err(outOfRange("openOrders", detail("atLeast", { min: 0, got: input.openOrders })));
  if (input.newOrder <= 0) return err(outOfRange("newOrder", detail("above", { min: 0, got: input.newOrder })));
  if (policy.creditManagerExcessPercent < 0) {
    return err(outOfRange("creditManagerExcessPercent", detail("atLeast", { min: 0, got: policy.creditManagerExcessPercent })));
  }
  return ok(undefined);
}

export function checkOrder(input: OrderCheckInput, policy: OrderCheckPolicy): Result<OrderCheck> {
  const valid = validate(input, policy);
  if (!valid.ok) return valid;

  const exposureCents =
    toCents(input.openReceivables) - Math.abs(toCents(input.unapplied)) + toCents(input.openOrders) + toCents(input.newOrder);
  const limitCents = toCents(input.limit);
  const excessCents = Math.max(0, exposureCents - limitCents);

  let decision: OrderDecision = "approve";
  const reasons: ReviewMessage<OrderReasonId>[] = [];
  const raise = (to: OrderDecision, reason: ReviewMessage<OrderReasonId>): void => {
    if (SEVERITY[to] > SEVERITY[decision]) decision = to;
    reasons.push(reason);
  };

  if (input.grade === "D") raise("refuse", { id: "gradeD", params: NO_PARAMS });
  if (input.isR) raise("refer", { id: "flaggedR", params: NO_PARAMS });
  const isPastDue = input.maxDaysPastDue > policy.orderHoldDays;
  if (isPastDue) {
    raise("hold", { id: "itemPastDue", params: { days: input.maxDaysPastDue, threshold: policy.orderHoldDays } });
  }
  const chain = approvalStepOf(
    {
      grade: input.grade,
      newOrder: input.newOrder,
      exposureCents,
      limitCents,
      atLeast: input.isR ? "seniorManagement" : isPastDue ? "creditManager" : "salesperson",
      floorReason: input.isR
        ? { id: "flaggedR", params: { stepId: approvalStepId("seniorManagement") } }
        : isPastDue
          ? { id: "itemPastDue", params: { days: input.maxDaysPastDue, stepId: approvalStepId("creditManager") } }
          : undefined,
    },
    policy,
  );
  if (exposureCents > limitCents) {
    raise("hold", {
      id: "overLimit",
      params: { exposure: fromCents(exposureCents), limit: fromCents(limitCents), excess: fromCents(excessCents), approvalLevelId: approvalStepId(chain.step) },
    });
  }
  if (decision === "approve") {
    reasons.push({ id: "withinLimit", params: { exposure: fromCents(exposureCents), limit: fromCents(limitCents) } });
  }
  return ok({
    decision,
    // Only grade D refuses: prepayment only, no step can release credit.
    approvalStep: input.grade === "D" ? undefined : chain.step,
    approvalReasons: input.grade === "D" ? [] : chain.reasons,
    exposure: fromCents(exposureCents),
    excess: fromCents(excessCents),
    reasons,
  });
}
