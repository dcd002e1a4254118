/**
 * Financials table rows → FinancialPeriods (credit-method.md §1, §4). Rows of unknown
 * customers are ignored with a warning; a second row for the same customer and period end is
 * ignored with a warning.
 */
import type { DateSystem } from "../engine/dates/dayNumber";
import type { FinancialPeriod } from "../engine/portfolio/types";
import { columnOf, columnsOf, forEachRow } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

const AMOUNT_FIELDS = [
  "revenue", "costOfSales", "netProfit", "ebit", "currentAssets", "inventory", "receivables", "fixedAssets",
  "totalAssets", "currentLiabilities", "totalLiabilities", "equity", "retainedEarnings", "registeredCapital",
] as const satisfies readonly (keyof FinancialPeriod)[];

export function readFinancials(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string>, problems: Problem[]): FinancialPeriod[] {
  const out: FinancialPeriod[] = [];
  const seen = new Set<string>();
  const c = columnsOf(table, ["customerId", "periodEnd"]);
  const amounts = AMOUNT_FIELDS.map((field) => columnOf(table, field));
  forEachRow(table, dateSystem, problems, (r) => {
    const customerId = r.requiredText(c.customerId);
    const periodEnd = r.requiredDate(c.periodEnd);
    const period: FinancialPeriod = { customerId: customerId ?? "", periodEnd: periodEnd ?? 0 };
    for (let k = 0; k < AMOUNT_FIELDS.length; k++) {
      const value = r.number(amounts[k]);
      if (value !== undefined) period[AMOUNT_FIELDS[k]] = value;
    }
    if (customerId === undefined || periodEnd === undefined) return;
    if (!customerIds.has(customerId)) {
      r.report(c.customerId, `${c.customerId.header} row ${r.excelRow}: customer "${customerId}" is not in the Customers table; row ignored`, "warning",
        "problem.financials.unknownCustomer", { customer: customerId });
      return;
    }
    const key = `${customerId}\u0000${periodEnd}`;
    if (seen.has(key)) {
      r.report(c.periodEnd, `${c.periodEnd.header} row ${r.excelRow}: a second row for customer "${customerId}" and this period end; ignored`, "warning",
        "problem.financials.duplicatePeriod", { customer: customerId });
      return;
    }
    seen.add(key);
    out.push(period);
  });
  return out;
}
