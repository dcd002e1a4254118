/**
 * Portfolio metrics of a review (credit-method.md §6) for the period of `periodDays` ending at
 * the as-of date: credit sales = invoices (amount > 0) dated in (asOf − N, asOf]; DSO, best
 * possible DSO and ADD over them; CEI when the ledger reaches back to the period's start (the
 * opening receivables are rebuilt from the ledger: an item settled after the opening date was
 * open then at its full amount); overdue ratio and order-to-cash rating; Pareto shares of credit
 * sales over the last 12 months and of overdue receivables.
 * @example portfolioKpis({ items, ledger, asOf, periodDays: 90, … }, policy).dso //=> 52.4
 */
import { addMonths } from "../dates/addMonths";
import type { DayNumber } from "../dates/dayNumber";
import { fromCents, toCents, type Cents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import type { ReceivableItem } from "../portfolio/types";
import { averageDaysDelinquent } from "../receivables/averageDaysDelinquent";
import { bestPossibleDso } from "../receivables/bestPossibleDso";
import { cei } from "../receivables/cei";
import { dso } from "../receivables/dso";
import type { OpenLedger } from "../receivables/openItemsAt";
import { openAmountCents } from "../receivables/openAmountCents";
import { otcRating } from "../receivables/otcRating";
import { overdueRatio } from "../receivables/overdueRatio";
import { paretoShares } from "../receivables/paretoShares";
import type { PortfolioKpis } from "./types";

export interface KpiInput {
  items: readonly ReceivableItem[];
  ledger: OpenLedger;
  asOf: DayNumber;
  periodDays: number;
  /** Per-customer overdue amounts (for the overdue Pareto share). */
  overdueByCustomer: Map<string, number>;
}

/** Open and not-yet-due totals of a ledger, in cents (unapplied cash included in the open total). */
export function ledgerTotals(ledger: OpenLedger): { openCents: Cents; notDueCents: Cents; overdueCents: Cents } {
  let openCents = 0;
  let notDueCents = 0;
  for (const open of ledger.items) {
    openCents += open.openCents;
    if (open.daysPastDue <= 0) notDueCents += open.openCents;
  }
  const itemCents = openCents;
  for (const cents of ledger.unappliedByCustomer.values()) openCents += cents;
  return { openCents, notDueCents, overdueCents: itemCents - notDueCents };
}

/** Credit sales in cents: invoices (amount > 0) dated in (from, to]. */
export function creditSalesCents(items: readonly ReceivableItem[], from: DayNumber, to: DayNumber): Cents {
  let total = 0;
  for (const item of items) if (item.amount > 0 && item.invoiceDate > from && item.invoiceDate <= to) total += toCents(item.amount);
  return total;
}

/**
 * The open balance of a ledger at a date in cents, in one pass with no object per item: the same
 * total as `ledgerTotals(openItemsAt(items, at)).openCents` (with or without FIFO allocation,
 * which moves cash between items and unapplied without changing the sum). An item counts when
 * InvoiceDate ≤ at and it is not settled at `at`: at its full Amount when settled later, else at
 * its open amount; unapplied cash (negative rows without an invoice) counts as well (credit-method.md §6, CEI).
 * @example openBalanceCentsAt([{ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 100, settledDate: 50, paidAmount: 100 }], 40) //=> 10000
 */
export function openBalanceCentsAt(items: readonly ReceivableItem[], at: DayNumber): Cents {
  let total: Cents = 0;
  for (const item of items) {
    if (item.invoiceDate > at || (item.settledDate !== undefined && item.settledDate <= at)) continue;
    const cents = item.settledDate !== undefined ? toCents(item.amount) : openAmountCents(item);
    if (!Number.isFinite(cents)) throw new RangeError(`openBalanceCentsAt: item ${item.invoiceId} of ${item.customerId} has a non-finite amount`);
    total += cents;
  }
  return total;
}

const valueOr = <T>(r: { ok: true; value: T } | { ok: false }): T | undefined => (r.ok ? r.value : undefined);

export type LedgerKpis = Omit<PortfolioKpis, "customers" | "exposure" | "totalRecommendedLimit" | "allowance" | "criticalWarnings" | "warnings">;

export function portfolioKpis(input: KpiInput, policy: Policy): LedgerKpis {
  const { items, ledger, asOf, periodDays } = input;
  const { openCents, notDueCents, overdueCents } = ledgerTotals(ledger);
  const periodStart = asOf - periodDays;
  const salesCents = creditSalesCents(items, periodStart, asOf);
  const receivables = fromCents(openCents);
  const currentReceivables = fromCents(notDueCents);
  const creditSales = fromCents(salesCents);
  const kpis: LedgerKpis = {
    openBalance: receivables,
    overdue: fromCents(overdueCents),
    notDue: currentReceivables,
    creditSales,
  };
  const d = valueOr(dso({ receivables, creditSales, days: periodDays }));
  const best = valueOr(bestPossibleDso({ currentReceivables, creditSales, days: periodDays }));
  const add = valueOr(averageDaysDelinquent({ receivables, currentReceivables, creditSales, days: periodDays }));
  if (d !== undefined) kpis.dso = d;
  if (best !== undefined) kpis.bestPossibleDso = best;
  if (add !== undefined) kpis.add = add;

  // CEI needs the opening receivables: only when the ledger reaches back to the period's start.
  if (items.some((item) => item.invoiceDate <= periodStart)) {
    const opening = openBalanceCentsAt(items, periodStart);
    const c = valueOr(cei({ openingReceivables: fromCents(opening), creditSales, closingReceivables: receivables, closingCurrentReceivables: currentReceivables }));
    if (c !== undefined) kpis.cei = c;
  }

  const ratio = valueOr(overdueRatio(fromCents(overdueCents), receivables));
  if (ratio !== undefined && receivables > 0) {
    kpis.overdueRatioPercent = ratio * 100;
    kpis.otcRating = otcRating(ratio * 100, policy).en;
  }

  const salesByCustomer = new Map<string, number>();
  const yearAgo = addMonths(asOf, -12);
  for (const item of items) {
    if (item.amount > 0 && item.invoiceDate > yearAgo && item.invoiceDate <= asOf) {
      salesByCustomer.set(item.customerId, (salesByCustomer.get(item.customerId) ?? 0) + item.amount);
    }
  }
  const salesShare = valueOr(paretoShares(salesByCustomer));
  if (salesShare !== undefined) kpis.salesTop20SharePercent = salesShare * 100;
  const overdueShare = valueOr(paretoShares(input.overdueByCustomer));
  if (overdueShare !== undefined) kpis.overdueTop20SharePercent = overdueShare * 100;
  return kpis;
}
