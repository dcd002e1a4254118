/** Orders table rows → OpenOrders (credit-method.md §1, §8): order id, known customer, numeric amount. */
import type { DateSystem } from "../../engine/dates/dayNumber";
import type { OpenOrder } from "../../engine/portfolio/types";
import { forEachRow, headerOf } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

export function readOrders(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string>, problems: Problem[]): OpenOrder[] {
  const out: OpenOrder[] = [];
  forEachRow(table, dateSystem, problems, (r) => {
    const orderId = r.requiredText("orderId");
    const customerId = r.requiredText("customerId");
    const amount = r.requiredNumber("amount");
    if (customerId !== undefined && !customerIds.has(customerId)) {
      r.report("customerId", `${headerOf(table, "customerId")} row ${r.dataIndex + 1}: customer "${customerId}" is not in the Customers table`);
      return;
    }
    if (orderId === undefined || customerId === undefined || amount === undefined) return;
    out.push({ orderId, customerId, amount });
  });
  return out;
}
