/**
 * CREDIT.POSITION's rows: each customer's open position at the as-of date as the review computes
 * it (openRowsAt + openPositions over the ledger, open orders by openOrdersCents), in cents until
 * the cell. CREDIT.EXPOSURE is its last column; WARNINGS and RFLAG read its columns by name.
 * @example POSITION_COLUMNS[7] //=> "exposure"
 */
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import { fromCents } from "../engine/money/cents";
import type { Ledger } from "../engine/receivables/Ledger";
import type { OpenRows } from "../engine/receivables/openRowsAt";
import { openOrdersCents } from "../engine/review/openOrdersCents";
import { NO_POSITION, type OpenPosition } from "../engine/review/openPositions";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import type { Cell } from "./args";
import { customerNumbers } from "./ledgerArgs";
import { readRowCell } from "./receivablesAdapters";

/** The columns of CREDIT.POSITION, in order. */
export const POSITION_COLUMNS = ["openBalance", "unapplied", "overdue", "overdueItems", "maxDaysPastDue", "disputed", "openOrders", "exposure"] as const;

/** The index of each POSITION column. */
export const AT = Object.fromEntries(POSITION_COLUMNS.map((name, i) => [name, i])) as Record<(typeof POSITION_COLUMNS)[number], number>;

/** Each customer's position row (POSITION_COLUMNS). */
export function positionRows(ledger: Ledger, open: OpenRows, positionOf: (c: number) => OpenPosition, customerIds: Cell[], orders: Map<string, number>): number[][] {
  const { ids, numbers } = customerNumbers(customerIds, ledger);
  const rows: number[][] = new Array(ids.length);
  for (let k = 0; k < ids.length; k++) {
    const c = numbers[k];
    const p = c < 0 ? NO_POSITION : positionOf(c);
    const unapplied = c < 0 ? 0 : open.unappliedCents[c];
    const orderCents = orders.get(ids[k]) ?? 0;
    // exposureOf's sum, in cents: open receivables + unapplied cash (≤ 0) + open orders.
    rows[k] = [
      fromCents(p.openCents + unapplied), fromCents(unapplied), fromCents(p.overdueCents), p.overdueItems, p.maxDaysPastDue,
      fromCents(p.disputedCents), fromCents(orderCents), fromCents(p.openCents + unapplied + orderCents),
    ];
  }
  return rows;
}

/** Σ of each customer's open orders in cents, from the Orders table's CustomerId and Amount columns. */
export function readOrders(customers: Cell[] | undefined, amounts: Cell[] | undefined): Result<Map<string, number>> {
  if (customers === undefined && amounts === undefined) return ok(new Map());
  if (customers === undefined || amounts === undefined) return err(invalidInput(customers === undefined ? "orderCustomers" : "orderAmounts", detail("neededWith", { other: customers === undefined ? "orderAmounts" : "orderCustomers" })));
  if (customers.length !== amounts.length) return err(invalidInput("orderAmounts", detail("rowsMismatch", { count: amounts.length, other: "orderCustomers", otherCount: customers.length })));
  const orders: { customerId: string; amount: number }[] = [];
  for (let i = 0; i < customers.length; i++) {
    if (isBlank(customers[i]) && isBlank(amounts[i])) continue;
    const id = readRowCell(readText, customers[i], "orderCustomers", i);
    if (!id.ok) return id;
    const amount = readRowCell(readNumber, amounts[i], "orderAmounts", i);
    if (!amount.ok) return amount;
    orders.push({ customerId: id.value, amount: amount.value });
  }
  return ok(openOrdersCents(orders));
}
