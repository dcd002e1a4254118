/** Orders table rows → OpenOrders (credit-method.md §1, §8): order id, known customer, numeric amount. */
import type { DateSystem } from "../engine/dates/dayNumber";
import type { OpenOrder } from "../engine/portfolio/types";
import { columnsOf, forEachRow } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

export function readOrders(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string>, problems: Problem[]): OpenOrder[] {
  const out: OpenOrder[] = [];
  const c = columnsOf(table, ["orderId", "customerId", "amount"]);
  forEachRow(table, dateSystem, problems, (r) => {
    const orderId = r.requiredText(c.orderId);
    const customerId = r.requiredText(c.customerId);
    const amount = r.requiredNumber(c.amount);
    if (customerId !== undefined && !customerIds.has(customerId)) {
      r.report(c.customerId, `${c.customerId.header} row ${r.excelRow}: customer "${customerId}" is not in the Customers table`, "error",
        "problem.orders.unknownCustomer", { customer: customerId });
      return;
    }
    if (orderId === undefined || customerId === undefined || amount === undefined) return;
    out.push({ orderId, customerId, amount });
  });
  return out;
}
