/**
 * Each portfolio customer's facts at the as-of date (open position, unapplied cash, payment
 * behaviour, financials, open orders) and the review of each from its facts: the one way the
 * review (reviewPortfolio) and a what-if scenario (scenarios/whatIfBase) gather and review them,
 * so an empty draft gives the review's own figures. Each is a function with one loop (see the
 * note on optimised code in reviewPortfolio).
 */
import type { DayNumber } from "../dates/dayNumber";
import { ok, type Result } from "../errors";
import { fromCents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import type { Portfolio } from "../portfolio/types";
import type { OpenRows } from "../receivables/openRowsAt";
import { behaviourOf, type PaymentTallies } from "../receivables/paymentBehaviour";
import { financialFacts } from "./financialFacts";
import { financialsByCustomer } from "./financialsByCustomer";
import { openOrdersCents } from "./openOrdersCents";
import { NO_POSITION, openPositions } from "./openPositions";
import { reviewCustomer, type CustomerFacts } from "./reviewCustomer";
import type { CustomerReview } from "./types";

/**
 * Each portfolio customer's facts, in portfolio order. `ledgerNumbers` (each customer's number in
 * the ledger, -1 without rows) when the caller has them already; else they are looked up.
 */
export function customerFactsOf(portfolio: Portfolio, open: OpenRows, tallies: PaymentTallies, asOf: DayNumber, ledgerNumbers?: Int32Array): CustomerFacts[] {
  const ledger = portfolio.receivables;
  const positionOf = openPositions(ledger, open, asOf);
  const financials = financialsByCustomer(portfolio.financials);
  const ordersCents = openOrdersCents(portfolio.orders);
  const facts: CustomerFacts[] = new Array<CustomerFacts>(portfolio.customers.length);
  for (let k = 0; k < portfolio.customers.length; k++) {
    const customer = portfolio.customers[k];
    const c = ledgerNumbers !== undefined ? ledgerNumbers[k] : (ledger.customerNumber.get(customer.customerId) ?? -1);
    const periods = financials.get(customer.customerId) ?? [];
    facts[k] = {
      customer,
      position: c < 0 ? NO_POSITION : positionOf(c),
      unappliedCents: c < 0 ? 0 : open.unappliedCents[c],
      behaviour: c < 0 ? undefined : behaviourOf(tallies, c),
      financials: periods,
      openOrders: fromCents(ordersCents.get(customer.customerId) ?? 0),
      financialFacts: financialFacts(periods, asOf),
    };
  }
  return facts;
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
