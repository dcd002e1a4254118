/**
 * A what-if scenario compared with the review as it stands (issue 14 §2), from the portfolio
 * already read (`whatIfBase`): each customer is reviewed again under the draft policy (scoring,
 * limit, R flag, warnings), from the facts the base keeps; the ledger is opened or aged again
 * only when the draft changes fifoUnappliedCash, agingEdges or agingBasis. The comparison: the
 * grade migration matrix (A/B/C/D/R → A/B/C/D/R, customers and exposure), recommended limits
 * before/after by grade class and in total, the customers whose limit (then decision) changes
 * most, with their reasons before and after, the change in critical and other warnings, and in
 * the expected allowance where the draft changes it. An empty draft gives an identity migration
 * and no change.
 * @example runScenario(base, { changes: [{ key: "gradeBands.A", value: 70 }] })
 *   //=> ok({ migration: [[…], [{ customers: 3, … }, …], …], totalLimit: { before: 4078000, after: 4190000, change: 112000 }, movers: [...], … })
 */
import { ok, type Result } from "../errors";
import { fromCents, toCents } from "../money/cents";
import type { Policy } from "../policy/Policy";
import { shortFingerprint } from "../policy/policyFingerprint";
import { ageLedger } from "../receivables/ageLedger";
import { openRowsAt } from "../receivables/openRowsAt";
import { provision } from "../receivables/provision";
import type { CustomerFacts } from "../review/reviewCustomer";
import type { CustomerReview } from "../review/types";
import { customerOverride } from "./customerOverride";
import { changedValues, draftPolicy } from "./draftPolicy";
import { GRADE_CLASSES, type BeforeAfter, type GradeClass, type MigrationCell, type Mover, type MoverSide, type ScenarioComparison, type ScenarioDraft } from "./types";
import { customerFactsOf, reviewAll } from "../review/customerFacts";
import type { WhatIfBase } from "./whatIfBase";

/** The most movers a comparison lists. */
export const MAX_MOVERS = 20;

const classOf = (c: CustomerReview): GradeClass => (c.isR ? "R" : c.grade);
const classIndex = (c: CustomerReview): number => GRADE_CLASSES.indexOf(classOf(c));
const beforeAfter = (beforeCents: number, afterCents: number): BeforeAfter => ({ before: fromCents(beforeCents), after: fromCents(afterCents), change: fromCents(afterCents - beforeCents) });
const counts = (before: number, after: number): BeforeAfter => ({ before, after, change: after - before });

export function runScenario(base: WhatIfBase, draft: ScenarioDraft): Result<ScenarioComparison> {
  const drafted = draftPolicy(base.policy, draft.changes);
  if (!drafted.ok) return drafted;
  const policy = drafted.value;
  const { asOf } = base;

  const reopens = policy.fifoUnappliedCash !== base.policy.fifoUnappliedCash;
  const open = reopens ? openRowsAt(base.portfolio.receivables, asOf, { fifoUnappliedCash: policy.fifoUnappliedCash }) : base.open;
  let facts: CustomerFacts[] = reopens ? customerFactsOf(base.portfolio, open, base.tallies, asOf) : base.facts;
  if (draft.customer !== undefined) {
    const supposed = customerOverride(facts, draft.customer, asOf);
    if (!supposed.ok) return supposed;
    facts = facts.slice();
    facts[supposed.value.index] = supposed.value.facts;
  }
  const after = facts === base.facts && policy === base.policy ? ok(base.reviews) : reviewAll(facts, policy, asOf);
  if (!after.ok) return after;

  const reages = reopens || !sameNumbers(policy.agingEdges, base.policy.agingEdges) || policy.agingBasis !== base.policy.agingBasis;
  const dependsOnDraft = reages || !sameNumbers(policy.provisionPercents, base.policy.provisionPercents) || policy.forwardLookingMultiplier !== base.policy.forwardLookingMultiplier;
  const totals = reages ? ageLedger(base.portfolio.receivables, open, asOf, { edges: policy.agingEdges, basis: policy.agingBasis }).totalCents : base.agingTotalCents;
  const allowanceAfter = dependsOnDraft ? provision(totals, policy.provisionPercents, policy.forwardLookingMultiplier).total : base.allowance;

  return ok(compare(base, policy, after.value, { ...beforeAfter(toCents(base.allowance), toCents(allowanceAfter)), dependsOnDraft }, draft.customer?.customerId));
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

// Sums in one array of cents: [critical before, after, other before, after] then per class
// [limit before, limit after], then the migration's customers and exposure per [from][to].
const WARN = 0;
const LIMITS = 4;
const MIGRATION = LIMITS + 2 * GRADE_CLASSES.length;
const CELLS = GRADE_CLASSES.length * GRADE_CLASSES.length;

function compare(base: WhatIfBase, policy: Policy, after: readonly CustomerReview[], allowance: ScenarioComparison["allowance"], overridden: string | undefined): ScenarioComparison {
  const before = base.reviews;
  const sums = new Float64Array(MIGRATION + 2 * CELLS);
  const changed = sumAll(before, after, sums);
  const migration: MigrationCell[][] = GRADE_CLASSES.map((_, from) =>
    GRADE_CLASSES.map((__, to) => ({ customers: sums[MIGRATION + from * GRADE_CLASSES.length + to], exposure: fromCents(sums[MIGRATION + CELLS + from * GRADE_CLASSES.length + to]) })),
  );
  let limitBefore = 0;
  let limitAfter = 0;
  const limitsByGrade = GRADE_CLASSES.map((grade, g) => {
    limitBefore += sums[LIMITS + 2 * g];
    limitAfter += sums[LIMITS + 2 * g + 1];
    return { grade, ...beforeAfter(sums[LIMITS + 2 * g], sums[LIMITS + 2 * g + 1]) };
  });
  return {
    basePolicy: base.policy,
    draftPolicy: policy,
    baseFingerprint: base.fingerprint,
    draftFingerprint: policy === base.policy ? base.fingerprint : shortFingerprint(policy),
    changedValues: changedValues(base.policy, policy),
    customerOverride: overridden,
    customers: before.length,
    migration,
    limitsByGrade,
    totalLimit: beforeAfter(limitBefore, limitAfter),
    changedCustomers: changed.length,
    movers: topMovers(changed, before, after),
    warnings: { critical: counts(sums[WARN], sums[WARN + 1]), other: counts(sums[WARN + 2], sums[WARN + 3]) },
    allowance,
  };
}

/** Fills the sums; answers the customers (by index) whose class, decision or limit changes. */
function sumAll(before: readonly CustomerReview[], after: readonly CustomerReview[], sums: Float64Array): number[] {
  const changed: number[] = [];
  for (let k = 0; k < before.length; k++) {
    const b = before[k];
    const a = after[k];
    countWarnings(b, sums, WARN);
    countWarnings(a, sums, WARN + 1);
    const from = classIndex(b);
    const to = classIndex(a);
    const limitB = toCents(b.limit.recommended ?? 0);
    const limitA = toCents(a.limit.recommended ?? 0);
    sums[LIMITS + 2 * from] += limitB;
    sums[LIMITS + 2 * to + 1] += limitA;
    sums[MIGRATION + from * GRADE_CLASSES.length + to]++;
    sums[MIGRATION + CELLS + from * GRADE_CLASSES.length + to] += toCents(b.exposure);
    if (from !== to || b.decision !== a.decision || b.limit.recommended !== a.limit.recommended) changed.push(k);
  }
  return changed;
}

function countWarnings(c: CustomerReview, sums: Float64Array, at: number): void {
  for (const w of c.warnings) {
    if (w.severity === "critical") sums[at]++;
    else if (w.severity === "warning") sums[at + 2]++;
  }
}

const sideOf = (c: CustomerReview): MoverSide => ({
  grade: classOf(c),
  decision: c.decision,
  limit: c.limit.recommended,
  compositePercent: c.compositePercent,
  reasons: c.reasons,
  rReasons: c.rReasons,
});

/** The changed customers ranked: largest |limit change| first, then a changed decision first, then customer id. */
function topMovers(changed: readonly number[], before: readonly CustomerReview[], after: readonly CustomerReview[]): Mover[] {
  const ranked = changed.map((k) => ({
    k,
    cents: toCents(after[k].limit.recommended ?? 0) - toCents(before[k].limit.recommended ?? 0),
    decisionChanged: before[k].decision !== after[k].decision,
  }));
  ranked.sort((x, y) =>
    Math.abs(y.cents) - Math.abs(x.cents) ||
    Number(y.decisionChanged) - Number(x.decisionChanged) ||
    (before[x.k].customerId < before[y.k].customerId ? -1 : before[x.k].customerId > before[y.k].customerId ? 1 : 0));
  return ranked.slice(0, MAX_MOVERS).map(({ k, cents }) => ({
    customerId: before[k].customerId,
    name: before[k].name,
    before: sideOf(before[k]),
    after: sideOf(after[k]),
    limitChange: fromCents(cents),
  }));
}
