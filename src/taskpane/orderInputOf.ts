/**
 * The order check's input for one customer, taken from the last review's per-customer results
 * (ReviewOutcome.customers, the engine's CustomerReview): grade, R flag, limit, balances, days
 * past due. The limit is the committee's approved limit when the Approved Limits register holds
 * one in force (the review's `committee.limitInForce` with basis "approved"), else the review's
 * recommended limit, else the customer's current limit; `limitSource` says which.
 * CustomerReview.openBalance is already net of unapplied cash (≤ 0), so the gross open items are
 * openBalance − unapplied and checkOrder nets the unapplied cash once.
 */
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import type { OrderCheckInput } from "../engine/orders/checkOrder";
import type { Grade } from "../engine/policy/Policy";

export interface OrderCustomer {
  customerId: string;
  name: string;
  /** The check's input without the new order. */
  input: Omit<OrderCheckInput, "newOrder">;
  limitSource: "approved" | "recommended" | "current" | "none";
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

function isGrade(value: unknown): value is Grade {
  return GRADES.some((g) => g === value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function numberAt(record: Record<string, unknown>, key: string): number | undefined {
  const v = record[key];
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

export function orderInputOf(record: Record<string, unknown>): Result<OrderCustomer> {
  const customerId = record.customerId;
  if (typeof customerId !== "string" || customerId === "") return err(invalidInput("customerId", detail("notInReview")));
  const grade = record.grade;
  if (!isGrade(grade)) return err(invalidInput("grade", detail("gradeNotInReview", { customer: customerId })));
  const committee = isRecord(record.committee) ? record.committee : undefined;
  const approved = committee !== undefined && committee.limitBasis === "approved" ? numberAt(committee, "limitInForce") : undefined;
  const limit = approved ?? (isRecord(record.limit) ? numberAt(record.limit, "recommended") : undefined);
  const current = numberAt(record, "currentLimit");
  const openBalance = numberAt(record, "openBalance") ?? 0;
  const unapplied = numberAt(record, "unapplied") ?? 0;
  return ok({
    customerId,
    name: typeof record.name === "string" ? record.name : "",
    input: {
      grade,
      isR: record.isR === true,
      limit: limit ?? current ?? 0,
      openReceivables: openBalance - unapplied,
      unapplied,
      openOrders: numberAt(record, "openOrders") ?? 0,
      maxDaysPastDue: numberAt(record, "maxDaysPastDue") ?? 0,
    },
    limitSource: approved !== undefined ? "approved" : limit !== undefined ? "recommended" : current !== undefined ? "current" : "none",
  });
}

/** The picker's text of a customer: "ID Name". */
export function customerLabel(c: Pick<OrderCustomer, "customerId" | "name">): string {
  return `${c.customerId} ${c.name}`;
}

/**
 * The customers the searchable picker offers for what the user typed: those whose ID or name
 * contains the text (case-insensitive), all of them for blank text.
 * @example filterCustomers([{ customerId: "C001", name: "Acme" }, { customerId: "C002", name: "Beta" }], "acm") //=> [{ customerId: "C001", … }]
 */
export function filterCustomers<C extends Pick<OrderCustomer, "customerId" | "name">>(customers: readonly C[], text: string | undefined): C[] {
  const needle = (text ?? "").trim().toLowerCase();
  return needle === "" ? [...customers] : customers.filter((c) => customerLabel(c).toLowerCase().includes(needle));
}
