/**
 * The order credit check as a custom function (赊销订单评审, credit-method.md §8, issue 15): the
 * same engine path as the task pane's order check (checkOrder, with the method's approval chain
 * from the Policy). A thin adapter: it reads its arguments, calls src/engine/orders and maps
 * errors with toExcelError.ts. The metadata plugin reads this file's JSDoc beside functions.ts.
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../engine/errors";
import type { ApprovalStep } from "../engine/orders/approvalStep";
import { checkOrder } from "../engine/orders/checkOrder";
import type { Grade } from "../engine/policy/Policy";
import { readText } from "../engine/values";
import type { Cell } from "./args";
import { FLAG, NAME, NUMBER, POLICY, numberOr, spillOf, readerOf } from "./argSpec";

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];
/** The approval step in the words of the method's chain (seed 004). */
const STEP_WORDS: Record<ApprovalStep, string> = {
  salesperson: "salesperson",
  salesManager: "sales manager",
  creditStaff: "credit staff",
  creditManager: "credit manager",
  seniorManagement: "senior management",
};

/** A grade A–D (case-insensitive), refused as `must be A, B, C or D, got "E"`. */
function readGrade(value: Cell, field: Field): Result<Grade> {
  const text = readText(value, field);
  if (!text.ok) return text;
  const grade = GRADES.find((g) => g === text.value.toUpperCase());
  return grade === undefined ? err(invalidInput(field, detail("oneOf", { options: "A, B, C, D", got: text.value }))) : ok(grade);
}

/** CREDIT.CHECK's arguments, in the order they are checked. */
const CHECK_ARGS = {
  customerId: NAME,
  orderAmount: NUMBER,
  grade: readerOf(readGrade),
  limit: NUMBER,
  exposure: NUMBER,
  maxDaysPastDue: numberOr(0),
  isR: FLAG,
  policy: POLICY,
};

/**
 * Order credit check: whether a new credit order may ship, and who must release it. Exposure after
 * the order = the customer's exposure (open receivables less unapplied cash, plus open orders) +
 * the order; the limit is breached only when exposure is strictly greater than it. Grade D is
 * refused, an R-flagged customer referred to senior management, an item past due beyond the
 * Policy's orderHoldDays or an exposure over the limit held; the approval step follows the
 * Policy's approval chain (salesperson → sales manager → credit staff → credit manager → senior
 * management) by the order's amount, the excess over the limit and the grade. Pass the limit in
 * force: the committee's approved limit when there is one, else the recommended limit.
 * Returns one row: customer ID, decision (approve, hold, refer, refuse), approval step, exposure
 * after the order, excess over the limit.
 * @customfunction CHECK
 * @param {string} customerId The customer's ID, repeated in the result so a column of checks reads as a log.
 * @param {number} orderAmount The new order's amount, above 0.
 * @param {string} grade The customer's credit grade, A to D (CREDIT.GRADE).
 * @param {number} limit The credit limit in force: the approved limit, else the recommended one.
 * @param {number} exposure The customer's exposure before the order: open receivables less unapplied cash, plus open orders.
 * @param {number} [maxDaysPastDue] Largest days past due of the customer's open items (default 0).
 * @param {unknown} [isR] TRUE when the customer is flagged R (default FALSE).
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {any[][]} One row: customer ID, decision, approval step, exposure after, excess.
 */
export function check(customerId: string, orderAmount: number, grade: string, limit: number, exposure: number, maxDaysPastDue?: number, isR?: unknown, policy?: unknown[][]) {
  return spillOf(CHECK_ARGS, [customerId, orderAmount, grade, limit, exposure, maxDaysPastDue, isR, policy], (a) => {
    const v = a;
    const result = checkOrder(
      { grade: v.grade, isR: v.isR, limit: v.limit, openReceivables: v.exposure, unapplied: 0, openOrders: 0, newOrder: v.orderAmount, maxDaysPastDue: v.maxDaysPastDue },
      v.policy,
    );
    if (!result.ok) return result.error.kind === "outOfRange" && result.error.field === "newOrder" ? err(invalidInput("orderAmount", result.error.detail)) : result;
    const r = result.value;
    return ok([[v.customerId, r.decision, r.approvalStep === undefined ? "" : STEP_WORDS[r.approvalStep], r.exposure, r.excess]]);
  });
}
