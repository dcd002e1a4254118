/**
 * A Financials table passed whole (header row included) to CREDIT.FINANCIALS and
 * CREDIT.WARNINGS: its rows as the engine's FinancialPeriods, grouped by customer, as the review
 * reads the table (a blank figure is missing; a second row for the same customer and period end
 * is ignored). Headers are matched as CREDIT.RATIO matches them: CustomerId, PeriodEnd and the
 * figure names (Revenue, CurrentAssets, Equity or NetWorth, …), case and spaces ignored.
 */
import { detail, err, type Field, invalidInput, ok, type Result } from "../engine/errors";
import type { FinancialPeriod } from "../engine/portfolio/types";
import { financialsByCustomer } from "../engine/review/financialsByCustomer";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import { cellField, readDate, type Cell } from "./args";
import { FIGURE_BY_LABEL, normalise, type FigureField } from "./scoringAdapters";

const CUSTOMER_LABELS = new Set(["customerid", "customer", "客户编号"]);
const PERIOD_LABELS = new Set(["periodend", "period", "statementdate", "报表日期"]);

/** The financial periods of each customer id in a Financials table range. */
export function readFinancialsTable(rows: Cell[][], field: Field): Result<Map<string, FinancialPeriod[]>> {
  const header = rows[0] ?? [];
  let customerColumn = -1;
  let periodColumn = -1;
  const figures: [number, FigureField][] = [];
  header.forEach((cell, c) => {
    if (typeof cell !== "string") return;
    const label = normalise(cell);
    if (CUSTOMER_LABELS.has(label) && customerColumn < 0) customerColumn = c;
    else if (PERIOD_LABELS.has(label) && periodColumn < 0) periodColumn = c;
    else {
      const figure = FIGURE_BY_LABEL.get(label);
      if (figure !== undefined) figures.push([c, figure]);
    }
  });
  if (customerColumn < 0 || periodColumn < 0) return err(invalidInput(field, detail("needsHeaderColumns", { columns: "CustomerId, PeriodEnd" })));
  const periods: FinancialPeriod[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every((c) => isBlank(c))) continue;
    const rowField = cellField(field, r - 1);
    const customer = readText(row[customerColumn], `${rowField} CustomerId`);
    if (!customer.ok) return customer;
    const periodEnd = readDate(row[periodColumn], `${rowField} PeriodEnd`);
    if (!periodEnd.ok) return periodEnd;
    const period: FinancialPeriod = { customerId: customer.value, periodEnd: periodEnd.value };
    for (const [c, figure] of figures) {
      if (isBlank(row[c])) continue;
      const n = readNumber(row[c], `${rowField} ${String(header[c]).trim()}`);
      if (!n.ok) return n;
      period[figure] = n.value;
    }
    const key = `${customer.value}\u0000${periodEnd.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    periods.push(period);
  }
  return ok(financialsByCustomer(periods));
}
