/**
 * Portfolio metrics of a review (credit-method.md §6) for the period of `periodDays` ending at
 * the as-of date: credit sales = invoices (amount > 0) dated in (asOf − N, asOf]; DSO, best
 * possible DSO and ADD over them; CEI when the ledger reaches back to the period's start (the
 * opening receivables are rebuilt from the ledger: an item settled after the opening date was
 * open then at its full amount); overdue ratio and order-to-cash rating; Pareto shares of credit
 * sales over the last 12 months and of overdue receivables.
 * Works on the ledger's columns and its open rows at the as-of date (openRowsAt).
 * @example portfolioKpis({ ledger, open: openRowsAt(ledger, asOf), asOf, periodDays: 90, … }, policy).dso //=> 52.4
 */
import type { DayNumber } from "../dates/dayNumber";
import { fromCents, type Cents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { averageDaysDelinquent } from "../receivables/averageDaysDelinquent";
import { bestPossibleDso } from "../receivables/bestPossibleDso";
import { cei } from "../receivables/cei";
import { dso } from "../receivables/dso";
import type { Ledger } from "../receivables/Ledger";
import { unappliedCentsOf, type OpenRows } from "../receivables/openRowsAt";
import { otcRating } from "../receivables/otcRating";
import { overdueRatio } from "../receivables/overdueRatio";
import { paretoShares } from "../receivables/paretoShares";
import { salesOfLastYear } from "./salesOfLastYear";
import type { PortfolioKpis } from "./types";

export interface KpiInput {
  ledger: Ledger;
  /** The ledger's open rows at asOf. */
  open: OpenRows;
  asOf: DayNumber;
  periodDays: number;
  /** Per-customer overdue amounts (for the overdue Pareto share). */
  overdueByCustomer: Map<string, number>;
  /** The review's own figures, counted over the reviewed customers, that the KPIs carry too. */
  totals: ReviewTotals;
}

export type ReviewTotals = Pick<PortfolioKpis, "customers" | "exposure" | "totalRecommendedLimit" | "allowance" | "criticalWarnings" | "warnings">;

/** Open and not-yet-due totals of the open rows, in cents (unapplied cash included in the open total). */
export function ledgerTotals(ledger: Ledger, open: OpenRows, asOf: DayNumber): { openCents: Cents; notDueCents: Cents; overdueCents: Cents } {
  const itemCents = sum(open.openCents);
  const notDueCents = notDueCentsOf(ledger, open, asOf);
  return { openCents: itemCents + unappliedCentsOf(open, open.unappliedOrder), notDueCents, overdueCents: itemCents - notDueCents };
}

// The passes over the rows are functions that return a number, with no work after their loop.
// A function that runs once per review is optimised by on-stack replacement in the middle of
// its loop; code after that loop (here, the result literal) then had no type feedback, so the
// optimised code was thrown away at the loop's end, every review at a million invoices
// (issue 6, --trace-deopt: "Insufficient type feedback").

function sum(values: Float64Array): number {
  let total = 0;
  for (let k = 0; k < values.length; k++) total += values[k];
  return total;
}

/** Σ of the open cents of the open rows not yet due at asOf. */
function notDueCentsOf(ledger: Ledger, open: OpenRows, asOf: DayNumber): Cents {
  let cents = 0;
  for (let k = 0; k < open.rows.length; k++) if (asOf - ledger.dueDate[open.rows[k]] <= 0) cents += open.openCents[k];
  return cents;
}

/** Credit sales in cents: invoices (amount > 0) dated in (from, to]. */
export function creditSalesCents(ledger: Ledger, from: DayNumber, to: DayNumber): Cents {
  const { amountCents, invoiceDate } = ledger;
  let total = 0;
  for (let i = 0; i < ledger.length; i++) if (amountCents[i] > 0 && invoiceDate[i] > from && invoiceDate[i] <= to) total += amountCents[i];
  return total;
}

/**
 * The open balance of a ledger at a date in cents, in one pass: the same total as
 * `ledgerTotals(ledger, openRowsAt(ledger, at), at).openCents` (with or without FIFO allocation,
 * which moves cash between items and unapplied without changing the sum). A row counts when
 * InvoiceDate ≤ at and it is not settled at `at`: at its full Amount when settled later, else at
 * its open amount; unapplied cash (negative rows without an invoice) counts as well (credit-method.md §6, CEI).
 * @example openBalanceCentsAt(ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, settledDate: 50, paidAmount: 100 }]), 40) //=> 10000
 */
export function openBalanceCentsAt(ledger: Ledger, at: DayNumber): Cents {
  const { invoiceDate, settledDate, amountCents, openCents } = ledger;
  let total: Cents = 0;
  for (let i = 0; i < ledger.length; i++) {
    const settled = settledDate[i];
    if (invoiceDate[i] > at || settled <= at) continue;
    total += settled === settled ? amountCents[i] : openCents[i];
  }
  return total;
}

// Each pass over the ledger is a function of its own, not a loop inline in portfolioKpis, which
// runs once per review: see the note above reviewPortfolio's passes (issue 6).

/** Whether the ledger has an invoice dated on or before `day`. */
function reachesBack(ledger: Ledger, day: DayNumber): boolean {
  for (let i = 0; i < ledger.length; i++) if (ledger.invoiceDate[i] <= day) return true;
  return false;
}

const valueOr = <T>(r: { ok: true; value: T } | { ok: false }): T | undefined => (r.ok ? r.value : undefined);

export function portfolioKpis(input: KpiInput, policy: Policy): PortfolioKpis {
  const { ledger, open, asOf, periodDays, totals } = input;
  const { openCents, notDueCents, overdueCents } = ledgerTotals(ledger, open, asOf);
  const periodStart = asOf - periodDays;
  const salesCents = creditSalesCents(ledger, periodStart, asOf);
  const receivables = fromCents(openCents);
  const currentReceivables = fromCents(notDueCents);
  const creditSales = fromCents(salesCents);
  const d = valueOr(dso({ receivables, creditSales, days: periodDays }));
  const best = valueOr(bestPossibleDso({ currentReceivables, creditSales, days: periodDays }));
  const add = valueOr(averageDaysDelinquent({ receivables, currentReceivables, creditSales, days: periodDays }));

  // CEI needs the opening receivables: only when the ledger reaches back to the period's start.
  const ceiValue = reachesBack(ledger, periodStart)
    ? valueOr(cei({ openingReceivables: fromCents(openBalanceCentsAt(ledger, periodStart)), creditSales, closingReceivables: receivables, closingCurrentReceivables: currentReceivables }))
    : undefined;

  const ratio = valueOr(overdueRatio(fromCents(overdueCents), receivables));
  const hasRatio = ratio !== undefined && receivables > 0;

  const salesShare = valueOr(paretoShares(salesOfLastYear(ledger, asOf)));
  const overdueShare = valueOr(paretoShares(input.overdueByCustomer));
  // One literal with every key (undefined where a figure does not exist), not keys added one by
  // one: an object built by additions gets hidden classes that die with it, and at the next full
  // collection V8 drops the feedback and optimised code that knew them (issue 6, --trace-deopt).
  return {
    customers: totals.customers,
    openBalance: receivables,
    overdue: fromCents(overdueCents),
    notDue: currentReceivables,
    creditSales,
    exposure: totals.exposure,
    totalRecommendedLimit: totals.totalRecommendedLimit,
    dso: d,
    bestPossibleDso: best,
    add,
    cei: ceiValue,
    overdueRatioPercent: hasRatio ? ratio * 100 : undefined,
    otcRating: hasRatio ? otcRating(ratio * 100, policy).en : undefined,
    allowance: totals.allowance,
    salesTop20SharePercent: salesShare === undefined ? undefined : salesShare * 100,
    overdueTop20SharePercent: overdueShare === undefined ? undefined : overdueShare * 100,
    criticalWarnings: totals.criticalWarnings,
    warnings: totals.warnings,
  };
}
