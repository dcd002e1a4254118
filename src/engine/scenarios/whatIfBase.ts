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
import { fromCents, type Cents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { shortFingerprint } from "../policy/policyFingerprint";
import { validatePolicy } from "../policy/validatePolicy";
import type { Portfolio } from "../portfolio/types";
import { ageLedger } from "../receivables/ageLedger";
import { openRowsAt, type OpenRows } from "../receivables/openRowsAt";
import { behaviourOf, paymentBehaviourTallies, type PaymentTallies } from "../receivables/paymentBehaviour";
import { provision } from "../receivables/provision";
import { financialsByCustomer } from "../review/financialsByCustomer";
import { openOrdersCents } from "../review/openOrdersCents";
import { NO_POSITION, openPositions } from "../review/openPositions";
import { reviewCustomer, type CustomerFacts } from "../review/reviewCustomer";
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
  const financials = financialsByCustomer(portfolio.financials);
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
      financials: financials.get(customer.customerId) ?? [],
      openOrders: fromCents(ordersCents.get(customer.customerId) ?? 0),
    };
  }
  return facts;
}

