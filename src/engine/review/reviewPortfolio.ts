/**
 * The whole portfolio review (credit-method.md §2–§8 composed), pure: one CustomerReview per
 * customer (in portfolio order), aging by customer with totals that tie to the open ledger to the
 * cent, the bad-debt allowance by provision matrix, the collections worklist, portfolio KPIs,
 * the grade distribution and the ten largest exposures.
 * @example reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf: dayFromCivil(2025, 6, 30), periodDays: 90 })
 *   //=> ok({ customers: [...], aging: { labels: ["Not due", "1–30", …], totals: { total: 1234567.89, … } }, kpis: { dso: 52.4, … } })
 */
import type { DayNumber } from "../dates/dayNumber";
import { err, invalidInput, outOfRange, type Result, ok } from "../errors";
import { fromCents, toCents, type Cents } from "../money/cents";
import type { Grade, Policy } from "../policy/Policy";
import { validatePolicy } from "../policy/validatePolicy";
import type { Portfolio } from "../portfolio/types";
import { ageReceivables } from "../receivables/ageReceivables";
import { openItemsAt, type OpenItem } from "../receivables/openItemsAt";
import { paymentBehaviour } from "../receivables/paymentBehaviour";
import { provision } from "../receivables/provision";
import { collectionsWorklist } from "./collectionsWorklist";
import { portfolioKpis } from "./portfolioKpis";
import { reviewCustomer } from "./reviewCustomer";
import type { AgingRow, CustomerReview, GradeLine, PortfolioReview } from "./types";

export interface ReviewPortfolioOptions {
  asOf: DayNumber;
  /** Length of the KPI period ending at asOf, in days (DSO, CEI, ADD). */
  periodDays: number;
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function reviewPortfolio(portfolio: Portfolio, policy: Policy, options: ReviewPortfolioOptions): Result<PortfolioReview> {
  const { asOf, periodDays } = options;
  if (!Number.isInteger(asOf)) return err(invalidInput("asOf", "must be a whole day number"));
  if (!Number.isInteger(periodDays) || periodDays <= 0) return err(outOfRange("periodDays", `must be a whole number of days above 0, got ${periodDays}`));
  const policyProblems = validatePolicy(policy);
  if (policyProblems.length > 0) return err(policyProblems[0]);

  const ledger = openItemsAt(portfolio.receivables, asOf, { fifoUnappliedCash: policy.fifoUnappliedCash });
  const behaviours = paymentBehaviour(portfolio.receivables, asOf);
  const openByCustomer = groupBy<OpenItem>(ledger.items, (o) => o.item.customerId);
  const financialsByCustomer = groupBy(portfolio.financials, (f) => f.customerId);
  const ordersCents = new Map<string, Cents>();
  for (const order of portfolio.orders) ordersCents.set(order.customerId, (ordersCents.get(order.customerId) ?? 0) + toCents(order.amount));

  const customers: CustomerReview[] = [];
  for (const customer of portfolio.customers) {
    const reviewed = reviewCustomer(
      {
        customer,
        openItems: openByCustomer.get(customer.customerId) ?? [],
        unappliedCents: ledger.unappliedByCustomer.get(customer.customerId) ?? 0,
        behaviour: behaviours.get(customer.customerId),
        financials: financialsByCustomer.get(customer.customerId) ?? [],
        openOrders: fromCents(ordersCents.get(customer.customerId) ?? 0),
      },
      policy,
      asOf,
    );
    if (!reviewed.ok) return reviewed;
    customers.push(reviewed.value);
  }
  const byId = new Map(customers.map((c) => [c.customerId, c]));

  // Aging: rows in portfolio order, then any customer the ledger names that the portfolio does not.
  const aging = ageReceivables(ledger, asOf, { edges: policy.agingEdges, basis: policy.agingBasis });
  const order = [...portfolio.customers.map((c) => c.customerId), ...[...aging.byCustomer.keys()].filter((id) => !byId.has(id))];
  const rows: AgingRow[] = [];
  let unappliedTotal = 0;
  for (const customerId of order) {
    const buckets = aging.byCustomer.get(customerId);
    if (!buckets) continue;
    const unapplied = aging.unappliedCents.get(customerId) ?? 0;
    unappliedTotal += unapplied;
    rows.push({
      customerId,
      name: byId.get(customerId)?.name ?? customerId,
      buckets: buckets.map(fromCents),
      unapplied: fromCents(unapplied),
      total: fromCents(buckets.reduce((s, c) => s + c, 0) + unapplied),
    });
  }
  const allowance = provision(aging.totalCents, policy.provisionPercents, policy.forwardLookingMultiplier);

  const overdueByCustomer = new Map(customers.map((c) => [c.customerId, c.overdue]));
  const ledgerKpis = portfolioKpis({ items: portfolio.receivables, ledger, asOf, periodDays, overdueByCustomer }, policy);
  const sumCents = (values: number[]): number => fromCents(values.reduce((s, v) => s + toCents(v), 0));
  const allWarnings = customers.flatMap((c) => c.warnings);

  const gradeDistribution: GradeLine[] = GRADES.map((grade) => {
    const inGrade = customers.filter((c) => c.grade === grade);
    return {
      grade,
      customers: inGrade.length,
      rFlagged: inGrade.filter((c) => c.isR).length,
      exposure: sumCents(inGrade.map((c) => c.exposure)),
      openBalance: sumCents(inGrade.map((c) => c.openBalance)),
      recommendedLimit: sumCents(inGrade.map((c) => c.limit.recommended ?? 0)),
    };
  });
  const topExposures = customers
    .filter((c) => c.exposure > 0)
    .sort((a, b) => b.exposure - a.exposure || (a.customerId < b.customerId ? -1 : 1))
    .slice(0, 10)
    .map((c) => ({
      customerId: c.customerId,
      name: c.name,
      grade: c.grade,
      exposure: c.exposure,
      ...(c.limit.recommended !== undefined ? { limit: c.limit.recommended } : {}),
      ...(c.utilisationPercent !== undefined ? { utilisationPercent: c.utilisationPercent } : {}),
    }));

  const currencies = new Set<string>();
  for (const c of portfolio.customers) if (c.currency) currencies.add(c.currency);
  for (const r of portfolio.receivables) if (r.currency) currencies.add(r.currency);

  return ok({
    asOf,
    periodDays,
    ...(currencies.size === 1 ? { currency: [...currencies][0] } : {}),
    customers,
    aging: {
      labels: aging.labels,
      rows,
      totals: { buckets: aging.totalCents.map(fromCents), unapplied: fromCents(unappliedTotal), total: fromCents(aging.openCents) },
    },
    allowanceByBucket: allowance.byBucket,
    collections: collectionsWorklist(ledger, new Map(customers.map((c) => [c.customerId, c])), policy),
    kpis: {
      ...ledgerKpis,
      customers: customers.length,
      exposure: sumCents(customers.map((c) => c.exposure)),
      totalRecommendedLimit: sumCents(customers.map((c) => c.limit.recommended ?? 0)),
      allowance: allowance.total,
      criticalWarnings: allWarnings.filter((w) => w.severity === "critical").length,
      warnings: allWarnings.filter((w) => w.severity === "warning").length,
    },
    gradeDistribution,
    topExposures,
  });
}
