/**
 * A what-if scenario (issue 14 §2): the current policy plus a draft of changes, and optionally one
 * customer's scores, figures or financials, compared with the review as it stands. Money is in
 * currency units (summed in cents), counts are whole numbers; what the user reads leaves as
 * message ids (reasons, decisions), never sentences.
 */
import type { DecisionId, ReasonId, ReviewMessage, RFlagId } from "../review/ReviewMessage";
import type { CharacteristicKey } from "../policy/characteristics";
import type { Grade, Policy } from "../policy/Policy";
import type { Customer, FinancialPeriod } from "../portfolio/types";

/** A grade with the R flag over it: an R customer counts as R whatever its grade. */
export type GradeClass = Grade | "R";
export const GRADE_CLASSES: readonly GradeClass[] = ["A", "B", "C", "D", "R"];

/** One policy value to change, by its Policy-sheet key (`gradeBands.A`, `weights.paymentRecord`, …). */
export interface PolicyChange {
  key: string;
  value: string | number | boolean;
}

/** Customer figures a scenario may change (§5 inputs). */
export type CustomerFigures = Partial<Pick<Customer, "annualCreditSales" | "grossMargin" | "collateral" | "potential" | "currentLimit">>;
/** Financial-statement figures a scenario may change (they replace those of the latest period). */
export type FinancialFigures = Partial<Omit<FinancialPeriod, "customerId" | "periodEnd">>;

/** One customer's scores, figures or financials as the scenario supposes them. */
export interface CustomerOverride {
  customerId: string;
  scores?: Partial<Record<CharacteristicKey, number>>;
  figures?: CustomerFigures;
  /** Replace these figures of the latest period at or before the as-of date (a period at the as-of date when there is none). */
  financials?: FinancialFigures;
}

export interface ScenarioDraft {
  changes: readonly PolicyChange[];
  customer?: CustomerOverride;
}

/** A policy value the draft changes, both sides as the Policy sheet writes them. */
export interface ChangedValue {
  key: string;
  before: string;
  after: string;
}

/** Customers and exposure moving from one grade class to another. */
export interface MigrationCell {
  customers: number;
  exposure: number;
}

export interface BeforeAfter {
  before: number;
  after: number;
  change: number;
}

/** One side of a customer that moves: what the review says before or after the draft. */
export interface MoverSide {
  grade: GradeClass;
  decision: DecisionId;
  /** Recommended limit; undefined when no basis applies. */
  limit?: number;
  compositePercent: number;
  reasons: ReviewMessage<ReasonId>[];
  rReasons: ReviewMessage<RFlagId>[];
}

export interface Mover {
  customerId: string;
  name: string;
  before: MoverSide;
  after: MoverSide;
  /** After − before, a missing limit counting as 0. */
  limitChange: number;
}

export interface ScenarioComparison {
  basePolicy: Policy;
  draftPolicy: Policy;
  baseFingerprint: string;
  draftFingerprint: string;
  /** The policy values that differ, in the Policy sheet's order. */
  changedValues: ChangedValue[];
  /** The customer whose data the draft supposes, when it does. */
  customerOverride?: string;
  customers: number;
  /** [from][to] over GRADE_CLASSES (A, B, C, D, R). */
  migration: MigrationCell[][];
  /** Recommended limits of the customers in each grade class, before (by the class before) and after (by the class after). */
  limitsByGrade: (BeforeAfter & { grade: GradeClass })[];
  totalLimit: BeforeAfter;
  /** Customers whose class, decision or limit changes. */
  changedCustomers: number;
  /** The customers whose limit (then decision) changes most, at most MAX_MOVERS, largest first. */
  movers: Mover[];
  warnings: { critical: BeforeAfter; other: BeforeAfter };
  allowance: BeforeAfter & { dependsOnDraft: boolean };
}
