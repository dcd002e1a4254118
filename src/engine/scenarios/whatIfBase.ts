/**
 * What a what-if scenario reuses from the portfolio already read (issue 14 §2): each customer's
 * facts at the as-of date (open position, unapplied cash, payment behaviour, financials, open
 * orders), the open rows and payment tallies they came from, the aging totals, and each
 * customer's review under the current policy. A scenario then only re-runs each customer's
 * scoring, limit and warnings under the draft policy (`runScenario`): the ledger is passed over
 * again only when the draft changes how it is opened or aged (fifoUnappliedCash, agingEdges,
 * agingBasis).
 * @example whatIfBase(portfolio, DEFAULT_POLICY, dayFromCivil(2025, 6, 30)) //=> ok({ reviews: [...36 CustomerReviews], allowance: 12345.67, … })
 */
import type { DayNumber } from "../dates/dayNumber";
import { err, invalidInput, ok, type Result } from "../errors";
import { fromCents, toCents, type Cents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { shortFingerprint } from "../policy/policyFingerprint";
import { validatePolicy } from "../policy/validatePolicy";
import type { FinancialPeriod, OpenOrder, Portfolio } from "../portfolio/types";
import { ageLedger } from "../receivables/ageLedger";
import type { Ledger } from "../receivables/Ledger";
import { openRowsAt, type OpenRows } from "../receivables/openRowsAt";
import { behaviourOf, paymentBehaviourTallies, type PaymentTallies } from "../receivables/paymentBehaviour";
import { provision } from "../receivables/provision";
import { reviewCustomer, type CustomerFacts, type OpenPosition } from "../review/reviewCustomer";
import type { CustomerReview } from "../review/types";

export interface WhatIfBase {
  portfolio: Portfolio;
  policy: Policy;
  fingerprint: string;
  asOf: DayNumber;
  /** Each customer's facts, in portfolio order (under the policy's fifoUnappliedCash). */
  facts: CustomerFacts[];
  /** Each customer's review under the policy, in portfolio order (reviewPortfolio's customers). */
  reviews: CustomerReview[];
  open: OpenRows;
  tallies: PaymentTallies;
  /** Σ open cents per aging bucket under the policy's edges and basis. */
  agingTotalCents: Cents[];
  allowance: number;
}

const NO_POSITION: OpenPosition = { openCents: 0, overdueCents: 0, disputedCents: 0, overdueItems: 0, maxDaysPastDue: 0 };

export function whatIfBase(portfolio: Portfolio, policy: Policy, asOf: DayNumber): Result<WhatIfBase> {
  if (!Number.isInteger(asOf)) return err(invalidInput("asOf", "must be a whole day number"));
  const problems = validatePolicy(policy);
  if (problems.length > 0) return err(problems[0]);
  const ledger = portfolio.receivables;
  const open = openRowsAt(ledger, asOf, { fifoUnappliedCash: policy.fifoUnappliedCash });
  const tallies = paymentBehaviourTallies(ledger, asOf);
  const facts = customerFactsOf(portfolio, open, tallies, asOf);
  const reviews = reviewAll(facts, policy, asOf);
  if (!reviews.ok) return reviews;
  const agingTotalCents = ageLedger(ledger, open, asOf, { edges: policy.agingEdges, basis: policy.agingBasis }).totalCents;
  return ok({
    portfolio,
    policy,
    fingerprint: shortFingerprint(policy),
    asOf,
    facts,
    reviews: reviews.value,
    open,
    tallies,
    agingTotalCents,
    allowance: provision(agingTotalCents, policy.provisionPercents, policy.forwardLookingMultiplier).total,
  });
}

/** Each customer's review under a policy, in the order of the facts; the first error stops it. */
export function reviewAll(facts: readonly CustomerFacts[], policy: Policy, asOf: DayNumber): Result<CustomerReview[]> {
  const reviews: CustomerReview[] = new Array<CustomerReview>(facts.length);
  for (let k = 0; k < facts.length; k++) {
    const reviewed = reviewCustomer(facts[k], policy, asOf);
    if (!reviewed.ok) return reviewed;
    reviews[k] = reviewed.value;
  }
  return ok(reviews);
}

/**
 * Each portfolio customer's facts at the as-of date from the open rows and tallies, as
 * reviewPortfolio gathers them (its reviewCustomers): the same position, unapplied cash,
 * behaviour, financials and open orders, so an empty draft gives the review's own figures.
 */
export function customerFactsOf(portfolio: Portfolio, open: OpenRows, tallies: PaymentTallies, asOf: DayNumber): CustomerFacts[] {
  const ledger = portfolio.receivables;
  const positionOf = openPositions(ledger, open, asOf);
  const financialsByCustomer = financialsOf(portfolio.financials);
  const ordersCents = openOrdersCents(portfolio.orders);
  const facts: CustomerFacts[] = new Array<CustomerFacts>(portfolio.customers.length);
  for (let k = 0; k < portfolio.customers.length; k++) {
    const customer = portfolio.customers[k];
    const c = ledger.customerNumber.get(customer.customerId) ?? -1;
    facts[k] = {
      customer,
      position: c < 0 ? NO_POSITION : positionOf(c),
      unappliedCents: c < 0 ? 0 : open.unappliedCents[c],
      behaviour: c < 0 ? undefined : behaviourOf(tallies, c),
      financials: financialsByCustomer.get(customer.customerId) ?? [],
      openOrders: fromCents(ordersCents.get(customer.customerId) ?? 0),
    };
  }
  return facts;
}

/** Each customer's open position from one pass over the open rows (reviewPortfolio's rule). */
function openPositions(ledger: Ledger, open: OpenRows, asOf: DayNumber): (c: number) => OpenPosition {
  const numbers = ledger.customerIds.length;
  const openCents = new Float64Array(numbers);
  const overdueCents = new Float64Array(numbers);
  const disputedCents = new Float64Array(numbers);
  const overdueItems = new Float64Array(numbers);
  const maxDaysPastDue = new Float64Array(numbers);
  const worst = new Int32Array(numbers).fill(-1);
  for (let k = 0; k < open.rows.length; k++) {
    const i = open.rows[k];
    const c = ledger.customer[i];
    const cents = open.openCents[k];
    const daysPastDue = asOf - ledger.dueDate[i];
    openCents[c] += cents;
    if (cents > 0 && ledger.disputed[i] === 1) disputedCents[c] += cents;
    if (daysPastDue > 0) {
      overdueCents[c] += cents;
      if (cents > 0) {
        overdueItems[c]++;
        if (daysPastDue > maxDaysPastDue[c]) {
          maxDaysPastDue[c] = daysPastDue;
          worst[c] = k;
        }
      }
    }
  }
  return (c) => {
    const k = worst[c];
    return {
      openCents: openCents[c],
      overdueCents: overdueCents[c],
      disputedCents: disputedCents[c],
      overdueItems: overdueItems[c],
      maxDaysPastDue: maxDaysPastDue[c],
      worst: k >= 0 ? { daysPastDue: maxDaysPastDue[c], openCents: open.openCents[k], isDisputed: ledger.disputed[open.rows[k]] === 1 } : undefined,
    };
  };
}

function financialsOf(financials: readonly FinancialPeriod[]): Map<string, FinancialPeriod[]> {
  const byCustomer = new Map<string, FinancialPeriod[]>();
  for (const f of financials) {
    const list = byCustomer.get(f.customerId);
    if (list) list.push(f);
    else byCustomer.set(f.customerId, [f]);
  }
  return byCustomer;
}

function openOrdersCents(orders: readonly OpenOrder[]): Map<string, Cents> {
  const byCustomer = new Map<string, Cents>();
  for (const order of orders) byCustomer.set(order.customerId, (byCustomer.get(order.customerId) ?? 0) + toCents(order.amount));
  return byCustomer;
}
