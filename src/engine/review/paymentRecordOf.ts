/**
 * The payment-record characteristic a review scores with (credit-method.md §2, §6): derived from
 * the customer's payment behaviour (paymentRecordScore: the simple average days late over every
 * invoice settled by the as-of date) when the policy says so (`derivePaymentRecord`) and the
 * customer has settled invoices; otherwise the score entered in the Customers table (blank: 0, no
 * information). The review (reviewCustomer) and CREDIT.PAYMENTRECORD use this one function.
 * @example paymentRecordOf({ settledCount: 4, averageDaysLate: 15, … }, 6, DEFAULT_POLICY) //=> { source: "derived", score: 8 }
 * @example paymentRecordOf(undefined, 6, DEFAULT_POLICY) //=> { source: "entered", score: 6 }
 */
import type { Policy } from "../policy/Policy";
import type { PaymentBehaviour } from "../receivables/paymentBehaviour";
import { paymentRecordScore } from "../receivables/paymentRecordScore";

export interface PaymentRecord {
  source: "derived" | "entered";
  score: number;
}

export function paymentRecordOf(behaviour: PaymentBehaviour | undefined, entered: number | undefined, policy: Pick<Policy, "derivePaymentRecord">): PaymentRecord {
  const derived = policy.derivePaymentRecord ? paymentRecordScore(behaviour) : undefined;
  return derived === undefined ? { source: "entered", score: entered ?? 0 } : { source: "derived", score: derived };
}
