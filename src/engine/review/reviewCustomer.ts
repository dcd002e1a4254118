/**
 * The review of one customer (credit-method.md §2–§8 composed): characteristic score (with the
 * payment record derived from behaviour when the policy says so and history exists), grade,
 * letter, quadrant, R flag, latest financials and ratios, Altman Z′ (private firms, book
 * equity), credit limit with its binding basis, exposure and utilisation, overdue position,
 * early warnings, next collection action and a one-sentence summary (message ids with parameters:
 * the words are the hosts', engine/review/ReviewMessage.ts).
 * @example reviewCustomer({ customer, position, unappliedCents: 0, behaviour, financials, openOrders: 0 }, policy, asOf)
 *   //=> ok({ grade: "B", limit: { recommended: 120000, bindingBasis: "workingAssets", … }, decision: "tradeWithinLimit", reasons: [{ id: "grade", params: { … } }, …], … })
 */
import type { DayNumber } from "../dates/dayNumber";
import { err, ok, type DomainError, type Result } from "../errors";
import { LIMIT_BASIS_NAMES, creditLimit, type LimitBasis, type LimitBasisName } from "../limits/creditLimit";
import { paymentFactor } from "../limits/paymentFactor";
import { fromCents, type Cents } from "../money/cents";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../policy/characteristics";
import type { Grade, Policy } from "../policy/Policy";
import type { Customer, FinancialPeriod } from "../portfolio/types";
import { collectionAction } from "../receivables/collectionAction";
import { exposureOf } from "../receivables/exposureOf";
import type { PaymentBehaviour } from "../receivables/paymentBehaviour";
import { characteristicScore } from "../scoring/characteristicScore";
import { gradeOf } from "../scoring/gradeOf";
import { gradeTerms } from "../scoring/gradeTerms";
import { letterRating } from "../scoring/letterRating";
import { quadrantOf } from "../scoring/quadrantOf";
import { rFlag } from "../scoring/rFlag";
import { customerReasons } from "./customerReasons";
import { customerWarnings } from "./customerWarnings";
import { financialFacts, type FinancialFacts } from "./financialFacts";
import type { OpenPosition } from "./openPositions";
import { paymentRecordOf } from "./paymentRecordOf";
import { utilisationPercent } from "./utilisationPercent";
import type { DecisionId, LimitNoteId, ReviewMessage } from "./ReviewMessage";
import type { CustomerLimit, CustomerReview, LimitBasisLine } from "./types";

export type { OpenPosition } from "./openPositions";

export interface CustomerFacts {
  customer: Customer;
  position: OpenPosition;
  /** The customer's unapplied cash in cents (≤ 0). */
  unappliedCents: Cents;
  behaviour?: PaymentBehaviour;
  financials: readonly FinancialPeriod[];
  /** Σ of the customer's open orders. */
  openOrders: number;
  /**
   * financialFacts(financials, as-of date), when the facts were gathered with it (customerFactsOf):
   * a scenario reviews the same facts again under a draft policy, and these do not depend on the
   * policy (about a tenth of a scenario's time at 10,000 customers; bench whatIf).
   */
  financialFacts?: FinancialFacts;
}

/** The decision each grade (or the R flag) calls for; its words are the catalogue's `decision.<id>`. */
export const GRADE_DECISIONS: Readonly<Record<Grade | "R", DecisionId>> = {
  A: "sellOnCredit",
  B: "tradeWithinLimit",
  C: "creditWithGuarantee",
  D: "cashOnly",
  R: "referToCommittee",
};

const NO_BASIS: ReviewMessage<LimitNoteId> = Object.freeze({ id: "noBasis", params: Object.freeze({}) });

/**
 * Why there is no limit: no basis applies (notAvailable), else the limit's error as data: its
 * field, its detail's message id (`detailId`, the catalogue's `errorDetail.<id>`) and the detail's
 * parameters (src/app/reviewText.ts renders them).
 */
function limitNote(error: DomainError): ReviewMessage<LimitNoteId> {
  if (error.kind === "notAvailable") return NO_BASIS;
  if (error.kind === "divideByZero") return { id: "error", params: { field: error.field, detailId: "errorDetail.zero" } };
  return { id: "error", params: { ...error.detail.params, field: error.field, detailId: `errorDetail.${error.detail.id}` } };
}

const NO_REASONS: CustomerReview["reasons"] = [];
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** A limit basis as the review reports it: its value when it applies, and its note or why it was skipped. */
function basisLine(name: LimitBasisName, b: LimitBasis): LimitBasisLine {
  return { basis: name, value: b.applies ? b.value : undefined, skipped: b.applies ? undefined : b.skippedReason, zeroNote: b.applies ? b.note : undefined };
}

export function reviewCustomer(facts: CustomerFacts, policy: Policy, asOf: DayNumber): Result<CustomerReview> {
  const { customer, unappliedCents, behaviour } = facts;
  const field = (what: string): string => `${customer.customerId} ${what}`;

  // §2: the payment record comes from behaviour when the policy says so and history exists.
  const paymentRecord = paymentRecordOf(behaviour, customer.scores.paymentRecord, policy);
  let scores: Partial<Record<CharacteristicKey, number>> | number[] = customer.scores;
  if (paymentRecord.source === "derived") {
    // The scores in the characteristics' order (a missing one is 0, as in the record form), with
    // the derived payment record: an array, cheaper to build than an 18-key copy (issue 6).
    const inOrder = new Array<number>(CHARACTERISTIC_KEYS.length);
    for (let i = 0; i < CHARACTERISTIC_KEYS.length; i++) {
      const key = CHARACTERISTIC_KEYS[i];
      inOrder[i] = key === "paymentRecord" ? paymentRecord.score : (customer.scores[key] ?? 0);
    }
    scores = inOrder;
  }
  const scored = characteristicScore(scores, policy.weights);
  if (!scored.ok) return err(scored.error.kind === "notAvailable" ? scored.error : { ...scored.error, field: field(scored.error.field) });
  const { compositePercent, coveragePercent } = scored.value;
  const grade = gradeOf(compositePercent, policy);
  const letter = letterRating(compositePercent, policy);
  if (!grade.ok) return grade;
  if (!letter.ok) return letter;
  const terms = gradeTerms(grade.value, policy);

  // §1, §4: latest financials at or before the as-of date, prior for growth, ratios, Altman Z′.
  const { latest, prior, ratios, altman } = facts.financialFacts ?? financialFacts(facts.financials, asOf);

  // §6: open position.
  const { openCents, overdueCents, disputedCents, overdueItems, maxDaysPastDue, worst } = facts.position;
  const averageDaysLate = behaviour?.lookback12mAverageDaysLate;

  // §5: the limit.
  const limitResult = creditLimit(
    {
      grade: grade.value,
      annualCreditSales: customer.annualCreditSales,
      grossMargin: customer.grossMargin,
      collateral: customer.collateral,
      financials: latest,
      averageDaysLate,
    },
    policy,
  );
  const limit: CustomerLimit = limitResult.ok
    ? {
        recommended: limitResult.value.recommended,
        bindingBasis: limitResult.value.bindingBasis,
        bases: LIMIT_BASIS_NAMES.map((name) => basisLine(name, limitResult.value.bases[name])),
        gradeFactor: limitResult.value.gradeFactor,
        paymentFactor: limitResult.value.paymentFactor,
      }
    : {
        bases: [],
        gradeFactor: terms.limitFactor,
        paymentFactor: paymentFactor(averageDaysLate, policy),
        note: limitNote(limitResult.error),
      };

  // §8: exposure and utilisation.
  const exposure = exposureOf(openCents, unappliedCents, facts.openOrders);
  const recommended = limit.recommended;
  const utilisation = utilisationPercent(exposure, recommended);
  const r = rFlag(
    {
      grade: grade.value,
      isKeyAccount: customer.isKeyAccount === true,
      annualCreditSales: customer.annualCreditSales,
      maxDaysPastDue,
      exposure,
      limit: recommended,
    },
    policy,
  );
  const quadrant = quadrantOf(grade.value, customer.potential ?? Number.NaN, policy);

  const equity = latest?.equity;
  const warnings = customerWarnings(
    {
      asOf,
      utilisationPercent: utilisation,
      limit: recommended,
      exposure,
      maxDaysPastDue,
      overdue: fromCents(overdueCents),
      openBalance: fromCents(openCents + unappliedCents),
      daysLateTrend: behaviour?.trendDays,
      grade: grade.value,
      previousGrade: customer.previousGrade,
      currentRatio: ratios.currentRatio,
      debtRatio: ratios.debtRatio,
      revenueGrowth: ratios.revenueGrowth,
      equity,
      altmanZone: altman?.zone,
      isKeyAccount: customer.isKeyAccount === true,
      lastReviewDate: customer.lastReviewDate,
      coveragePercent,
      financialsPeriodEnd: latest?.periodEnd,
      disputed: fromCents(disputedCents),
    },
    policy,
  );

  const nextAction = worst
    ? collectionAction({ daysPastDue: worst.daysPastDue, overdueAmount: fromCents(worst.openCents), isDisputed: worst.isDisputed }, policy).action
    : undefined;

  // One literal with every key (undefined where a figure does not exist): object spread was the
  // largest cost of a customer's review, and keys added one by one give hidden classes that die
  // with the review, taking the optimised code that knew them at the next full collection (issue 6).
  const currentLimit = customer.currentLimit;
  const review: CustomerReview = {
    customerId: customer.customerId,
    name: customer.name ?? customer.customerId,
    accountOwner: customer.accountOwner || undefined,
    isKeyAccount: customer.isKeyAccount === true,
    compositePercent,
    coveragePercent,
    paymentRecord,
    grade: grade.value,
    letter: letter.value,
    isR: r.isR,
    rReasons: r.reasons,
    decision: GRADE_DECISIONS[r.isR ? "R" : grade.value],
    quadrant: { quadrant: quadrant.quadrant, en: quadrant.en, zh: quadrant.zh },
    terms,
    ratios,
    limit,
    exposure,
    openBalance: fromCents(openCents + unappliedCents),
    unapplied: fromCents(unappliedCents),
    overdue: fromCents(overdueCents),
    overdueItems,
    maxDaysPastDue,
    openOrders: facts.openOrders,
    disputed: fromCents(disputedCents),
    warnings,
    financials: latest ? { periodEnd: latest.periodEnd, priorPeriodEnd: prior?.periodEnd } : undefined,
    altman,
    currentLimit,
    limitChange: currentLimit !== undefined && recommended !== undefined ? fromCents(Math.round(recommended * 100) - Math.round(currentLimit * 100)) : undefined,
    utilisationPercent: utilisation,
    averageDaysLate: averageDaysLate === undefined ? undefined : round1(averageDaysLate),
    nextAction: nextAction || undefined,
    reasons: NO_REASONS,
  };
  review.reasons = customerReasons(review);
  return ok(review);
}
