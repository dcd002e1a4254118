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
import { detail, err, invalidInput, ok, type Result } from "../errors";
import type { Cents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { shortFingerprint } from "../policy/policyFingerprint";
import { validatePolicy } from "../policy/validatePolicy";
import type { Portfolio } from "../portfolio/types";
import { ageLedger } from "../receivables/ageLedger";
import { openRowsAt, type OpenRows } from "../receivables/openRowsAt";
import { paymentBehaviourTallies, type PaymentTallies } from "../receivables/paymentBehaviour";
import { provision } from "../receivables/provision";
import { customerFactsOf, reviewAll } from "../review/customerFacts";
import type { CustomerFacts } from "../review/reviewCustomer";
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
  if (!Number.isInteger(asOf)) return err(invalidInput("asOf", detail("dayNumber")));
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
