/**
 * The whole portfolio review (credit-method.md §2–§8 composed), pure: one CustomerReview per
 * customer (in portfolio order), aging by customer with totals that tie to the open ledger to the
 * cent, the bad-debt allowance by provision matrix, the collections worklist, portfolio KPIs,
 * the grade distribution and the ten largest exposures.
 * @example reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf: dayFromCivil(2025, 6, 30), periodDays: 90 })
 *   //=> ok({ customers: [...], aging: { labels: ["Not due", "1–30", …], totals: { total: 1234567.89, … } }, kpis: { dso: 52.4, … } })
 */
import type { DayNumber } from "../dates/dayNumber";
import { detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { fromCents, toCents, type Cents } from "../money/cents";
import type { Grade, Policy } from "../policy/Policy";
import { validatePolicy } from "../policy/validatePolicy";
import type { Portfolio } from "../portfolio/types";
import { ageLedger, type LedgerAging } from "../receivables/ageLedger";
import { bucketLabels } from "../receivables/bucketLabels";
import type { Ledger } from "../receivables/Ledger";
import { openRowsAt, unappliedCentsOf, type OpenRows } from "../receivables/openRowsAt";
import { paymentBehaviourTallies } from "../receivables/paymentBehaviour";
import { provision } from "../receivables/provision";
import { collectionsWorklist } from "./collectionsWorklist";
import { largest } from "./largest";
import { portfolioKpis, type ReviewTotals } from "./portfolioKpis";
import { customerFactsOf, reviewAll } from "./customerFacts";
import type { AgingRow, CustomerReview, GradeLine, PortfolioReview } from "./types";

export interface ReviewPortfolioOptions {
  asOf: DayNumber;
  /** Length of the KPI period ending at asOf, in days (DSO, CEI, ADD). */
  periodDays: number;
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];
const TOP_EXPOSURES = 10;
/**
 * Larger exposure first, then customer id. A function of the module, not an arrow made per review:
 * `largest`'s optimised code holds the comparator it inlined weakly, and one made per review died
 * with it, taking that code along (issue 6, --trace-deopt "weak objects").
 */
const byExposure = (a: CustomerReview, b: CustomerReview): number => b.exposure - a.exposure || (a.customerId < b.customerId ? -1 : 1);

export function reviewPortfolio(portfolio: Portfolio, policy: Policy, options: ReviewPortfolioOptions): Result<PortfolioReview> {
  const { asOf, periodDays } = options;
  if (!Number.isInteger(asOf)) return err(invalidInput("asOf", detail("dayNumber")));
  if (!Number.isInteger(periodDays) || periodDays <= 0) return err(outOfRange("periodDays", detail("wholeMinimumGot", { min: 1, got: periodDays })));
  const policyProblems = validatePolicy(policy);
  if (policyProblems.length > 0) return err(policyProblems[0]);

  // The open rows, aged, the payment tallies, and each customer's position from the open rows.
  const ledger = portfolio.receivables;
  const open = openRowsAt(ledger, asOf, { fifoUnappliedCash: policy.fifoUnappliedCash });
  const tallies = paymentBehaviourTallies(ledger, asOf);
  const aging = ageLedger(ledger, open, asOf, { edges: policy.agingEdges, basis: policy.agingBasis });
  const ledgerNumbers = ledgerNumbersOf(portfolio, ledger);
  const reviewed = reviewAll(customerFactsOf(portfolio, open, tallies, asOf, ledgerNumbers), policy, asOf);
  if (!reviewed.ok) return reviewed;
  const customers = reviewed.value;
  const byId = new Map(customers.map((c) => [c.customerId, c]));
  const { totalCents } = aging;
  const { rows, unappliedTotal } = agingRows(ledgerNumbers, ledger, open, aging, byId);
  let agedCents: Cents = 0;
  for (const cents of totalCents) agedCents += cents;
  const allowance = provision(totalCents, policy.provisionPercents, policy.forwardLookingMultiplier);

  const overdueByCustomer = new Map(customers.map((c) => [c.customerId, c.overdue]));
  const { totals, gradeDistribution } = summarise(customers, allowance.total);
  const topExposures = largest(customers.filter((c) => c.exposure > 0), TOP_EXPOSURES, byExposure)
    .map((c) => ({
      customerId: c.customerId,
      name: c.name,
      grade: c.grade,
      exposure: c.exposure,
      limit: c.limit.recommended,
      utilisationPercent: c.utilisationPercent,
    }));

  const currencies = new Set<string>();
  for (const c of portfolio.customers) if (c.currency) currencies.add(c.currency);
  for (const code of ledger.currencies) if (code) currencies.add(code);

  // Literals with every key (undefined where a figure does not exist), no spreads: see
  // portfolioKpis on hidden classes that die with their objects (issue 6).
  return ok({
    asOf,
    periodDays,
    currency: currencies.size === 1 ? [...currencies][0] : undefined,
    customers,
    aging: {
      labels: bucketLabels(policy.agingEdges, policy.agingBasis),
      rows,
      totals: { buckets: totalCents.map(fromCents), unapplied: fromCents(unappliedTotal), total: fromCents(agedCents + unappliedTotal) },
    },
    allowanceByBucket: allowance.byBucket,
    collections: collectionsWorklist(ledger, open, asOf, byId, policy),
    kpis: portfolioKpis({ ledger, open, asOf, periodDays, overdueByCustomer, totals }, policy),
    gradeDistribution,
    topExposures,
  });
}

// The passes below are functions of their own, not loops inside reviewPortfolio: reviewPortfolio
// runs once per review, so V8 would optimise its loops by on-stack replacement, and after a full
// collection that code kept being thrown away at the first loop not yet run in that review.
// A small function per loop is optimised on its own and keeps its code (issue 6, --trace-deopt).

/** Each portfolio customer's number in the ledger (in portfolio order), -1 for one without ledger rows. */
function ledgerNumbersOf(portfolio: Portfolio, ledger: Ledger): Int32Array {
  const numbers = new Int32Array(portfolio.customers.length);
  for (let k = 0; k < numbers.length; k++) numbers[k] = ledger.customerNumber.get(portfolio.customers[k].customerId) ?? -1;
  return numbers;
}

/**
 * The aging rows: customers in portfolio order, then any customer the ledger names that the
 * portfolio does not; and the unapplied cash of them all, in cents. Each pass is a function with
 * no work after its loop (see ledgerTotals in portfolioKpis on optimised code thrown away).
 */
function agingRows(ledgerNumbers: Int32Array, ledger: Ledger, open: OpenRows, aging: LedgerAging, byId: ReadonlyMap<string, CustomerReview>): { rows: AgingRow[]; unappliedTotal: Cents } {
  const order = agingOrder(ledgerNumbers, ledger, aging);
  return { rows: agingRowsIn(order, ledger, open, aging, byId), unappliedTotal: unappliedCentsOf(open, order) };
}

/** The ledger's customer numbers in the order of the aging rows. */
function agingOrder(ledgerNumbers: Int32Array, ledger: Ledger, aging: LedgerAging): number[] {
  const order: number[] = [];
  const hasRow = new Uint8Array(ledger.customerIds.length);
  const inPortfolio = new Uint8Array(ledger.customerIds.length);
  for (const c of aging.customers) hasRow[c] = 1;
  for (const c of ledgerNumbers) {
    if (c < 0) continue;
    inPortfolio[c] = 1;
    if (hasRow[c] === 1) order.push(c);
  }
  for (const c of aging.customers) if (inPortfolio[c] === 0) order.push(c);
  return order;
}

function agingRowsIn(order: readonly number[], ledger: Ledger, open: OpenRows, aging: LedgerAging, byId: ReadonlyMap<string, CustomerReview>): AgingRow[] {
  const { width, bucketCents } = aging;
  const rows: AgingRow[] = [];
  for (const c of order) {
    const customerId = ledger.customerIds[c];
    const unapplied = open.unappliedCents[c];
    const buckets: number[] = new Array<number>(width);
    let total = unapplied;
    for (let b = 0; b < width; b++) {
      const cents = bucketCents[c * width + b];
      buckets[b] = fromCents(cents);
      total += cents;
    }
    rows.push({ customerId, name: byId.get(customerId)?.name ?? customerId, buckets, unapplied: fromCents(unapplied), total: fromCents(total) });
  }
  return rows;
}

// summarise's figures in one array of numbers (the portfolio's, then each grade line's), summed
// by a function with no work after its loop: see ledgerTotals in portfolioKpis. Grade-line
// objects counted up field by field also changed class as their sums grew from small integers
// to fractions ("wrong map").
const [CRITICAL, WARNINGS, EXPOSURE, LIMIT, SUMS] = [0, 1, 2, 3, 4];
const [LINE_CUSTOMERS, LINE_R, LINE_EXPOSURE, LINE_OPEN, LINE_LIMIT, LINE_SUMS] = [0, 1, 2, 3, 4, 5];

/**
 * Warnings, the grade lines and the review's totals for the KPIs (the allowance given) in one
 * pass over the reviewed customers, the amounts summed in cents (not four filters and a dozen
 * maps over 10k customers: issue 6).
 */
function summarise(customers: readonly CustomerReview[], allowance: number): { totals: ReviewTotals; gradeDistribution: GradeLine[] } {
  const sums = new Float64Array(SUMS + GRADES.length * LINE_SUMS);
  sumCustomers(customers, sums);
  return {
    totals: {
      customers: customers.length,
      exposure: fromCents(sums[EXPOSURE]),
      totalRecommendedLimit: fromCents(sums[LIMIT]),
      allowance,
      criticalWarnings: sums[CRITICAL],
      warnings: sums[WARNINGS],
    },
    gradeDistribution: GRADES.map((grade, g) => {
      const at = SUMS + g * LINE_SUMS;
      return {
        grade,
        customers: sums[at + LINE_CUSTOMERS],
        rFlagged: sums[at + LINE_R],
        exposure: fromCents(sums[at + LINE_EXPOSURE]),
        openBalance: fromCents(sums[at + LINE_OPEN]),
        recommendedLimit: fromCents(sums[at + LINE_LIMIT]),
      };
    }),
  };
}

function sumCustomers(customers: readonly CustomerReview[], sums: Float64Array): void {
  for (const c of customers) {
    for (const w of c.warnings) {
      if (w.severity === "critical") sums[CRITICAL]++;
      else if (w.severity === "warning") sums[WARNINGS]++;
    }
    const exposure = toCents(c.exposure);
    const limit = toCents(c.limit.recommended ?? 0);
    sums[EXPOSURE] += exposure;
    sums[LIMIT] += limit;
    const at = SUMS + GRADES.indexOf(c.grade) * LINE_SUMS;
    sums[at + LINE_CUSTOMERS]++;
    if (c.isR) sums[at + LINE_R]++;
    sums[at + LINE_EXPOSURE] += exposure;
    sums[at + LINE_OPEN] += toCents(c.openBalance);
    sums[at + LINE_LIMIT] += limit;
  }
}
