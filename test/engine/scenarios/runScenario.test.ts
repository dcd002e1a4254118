/**
 * What-if scenarios: the draft's policy read by its Policy-sheet keys (errors naming the key),
 * the comparison against reviewPortfolio run on the draft policy (the after side must be that
 * review's figures), the migration matrix against a plain count, an empty draft as the identity
 * (a property over generated portfolios), the customer override and the allowance.
 */
import fc from "fast-check";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../../../src/engine/policy/characteristics";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Policy } from "../../../src/engine/policy/Policy";
import type { Portfolio, ReceivableItem } from "../../../src/engine/portfolio/types";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { reviewPortfolio } from "../../../src/engine/review/reviewPortfolio";
import { reviewCustomer } from "../../../src/engine/review/reviewCustomer";
import { financialFacts } from "../../../src/engine/review/financialFacts";
import { customerOverride } from "../../../src/engine/scenarios/customerOverride";
import type { CustomerReview, PortfolioReview } from "../../../src/engine/review/types";
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import { GRADE_CLASSES, MAX_MOVERS, draftPolicy, runScenario, whatIfBase, type GradeClass, type ScenarioComparison, type ScenarioDraft, type WhatIfBase } from "../../../src/engine/scenarios";
import { MemoryWorkbook } from "../../../src/host/memory/MemoryWorkbook";
import { setUpWorkbook } from "../../../src/app/setUpWorkbook";
import { recogniseTables } from "../../../src/app/recogniseTables";
import { readPortfolio } from "../../../src/app/readPortfolio";

const asOf = dayFromCivil(2025, 6, 30);
let sample: Portfolio;
let base: WhatIfBase;

beforeAll(async () => {
  const book = new MemoryWorkbook();
  await setUpWorkbook(book, { withSample: true, asOf });
  const snapshot = await book.readWorkbook();
  sample = readPortfolio(snapshot, recogniseTables(snapshot)).portfolio;
  const b = whatIfBase(sample, DEFAULT_POLICY, asOf);
  if (!b.ok) throw new Error("no base");
  base = b.value;
});

function run(draft: ScenarioDraft, on: WhatIfBase = base): ScenarioComparison {
  const r = runScenario(on, draft);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

function reviewUnder(portfolio: Portfolio, policy: Policy): PortfolioReview {
  const r = reviewPortfolio(portfolio, policy, { asOf, periodDays: 90 });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const classOf = (c: CustomerReview): GradeClass => (c.isR ? "R" : c.grade);
const cents = (x: number): number => Math.round(x * 100);

describe("draftPolicy", () => {
  it.each([
    ["an unknown key", [{ key: "gradeBand.A", value: 70 }], "gradeBand.A"],
    ["a text for a number", [{ key: "gradeBands.A", value: "seventy" }], "gradeBands.A"],
    ["a percent sign", [{ key: "weights.paymentRecord", value: "12%" }], "weights.paymentRecord"],
    ["a band above the one over it", [{ key: "gradeBands.B", value: 90 }], "gradeBands"],
    ["a key given twice", [{ key: "roundingUnit", value: 500 }, { key: "roundingUnit", value: 100 }], "roundingUnit"],
    ["the header word", [{ key: "Key", value: 1 }], "Key"],
  ])("refuses %s, naming the key", (_, changes, field) => {
    const r = draftPolicy(DEFAULT_POLICY, changes);
    expect(r.ok).toBe(false);
    if (!r.ok && "field" in r.error) expect(r.error.field).toContain(field);
  });

  it.each([
    ["gradeBands.A", 70, (p: Policy) => p.gradeBands.A, 70],
    ["weights.paymentRecord", "3", (p: Policy) => p.weights.paymentRecord, 3],
    ["gradeTerms.B.limitFactor", 0.6, (p: Policy) => p.gradeTerms.B.limitFactor, 0.6],
    ["netWorthCapPercent", 40, (p: Policy) => p.netWorthCapPercent, 40],
    ["warnings.utilisationCriticalPercent", 120, (p: Policy) => p.warnings.utilisationCriticalPercent, 120],
    ["GRADEBANDS.a", 75, (p: Policy) => p.gradeBands.A, 75],
  ] as const)("sets %s by its Policy-sheet key", (key, value, read, expected) => {
    const r = draftPolicy(DEFAULT_POLICY, [{ key, value }]);
    expect(r.ok && read(r.value)).toBe(expected);
  });

  it("an empty draft is the policy itself", () => {
    expect(draftPolicy(DEFAULT_POLICY, [])).toEqual({ ok: true, value: DEFAULT_POLICY });
  });
});

describe("runScenario on the sample portfolio", () => {
  it("the base's reviews are reviewPortfolio's customers", () => {
    expect(base.reviews).toEqual(reviewUnder(sample, DEFAULT_POLICY).customers);
  });

  it("an empty draft: identity migration, no change, no movers", () => {
    const c = run({ changes: [] });
    GRADE_CLASSES.forEach((_, from) => GRADE_CLASSES.forEach((__, to) => { if (from !== to) expect(c.migration[from][to].customers).toBe(0); }));
    expect(c.totalLimit.change).toBe(0);
    expect(c.movers).toEqual([]);
    expect(c.changedCustomers).toBe(0);
    expect(c.changedValues).toEqual([]);
    expect(c.draftFingerprint).toBe(c.baseFingerprint);
    expect([c.warnings.critical.change, c.warnings.other.change, c.allowance.change]).toEqual([0, 0, 0]);
  });

  it.each<[string, ScenarioDraft]>([
    ["gradeBands.A 80 → 70", { changes: [{ key: "gradeBands.A", value: 70 }] }],
    ["weights.paymentRecord 12 → 3", { changes: [{ key: "weights.paymentRecord", value: 3 }] }],
    ["limit factor of B and the net-worth cap", { changes: [{ key: "gradeTerms.B.limitFactor", value: 0.5 }, { key: "netWorthCapPercent", value: 30 }] }],
    ["warning thresholds", { changes: [{ key: "warnings.utilisationCriticalPercent", value: 150 }, { key: "warnings.overdueCriticalDays", value: 30 }] }],
    ["provision percents and aging edges", { changes: [{ key: "agingEdges", value: "0,30,60,90,180" }, { key: "provisionPercents", value: "1,3,6,12,30,100" }] }],
    ["FIFO unapplied cash", { changes: [{ key: "fifoUnappliedCash", value: true }] }],
  ])("%s: the after side is reviewPortfolio under the draft policy", (_, draft) => {
    const c = run(draft);
    const after = reviewUnder(sample, c.draftPolicy);
    const before = reviewUnder(sample, DEFAULT_POLICY);
    expect(c.totalLimit.after).toBe(after.kpis.totalRecommendedLimit);
    expect(c.totalLimit.before).toBe(before.kpis.totalRecommendedLimit);
    expect(c.totalLimit.change).toBe((cents(after.kpis.totalRecommendedLimit) - cents(before.kpis.totalRecommendedLimit)) / 100);
    expect(c.warnings.critical).toEqual({ before: before.kpis.criticalWarnings, after: after.kpis.criticalWarnings, change: after.kpis.criticalWarnings - before.kpis.criticalWarnings });
    expect(c.warnings.other.after).toBe(after.kpis.warnings);
    expect(c.allowance.after).toBe(after.kpis.allowance);
    expect(c.allowance.before).toBe(before.kpis.allowance);
    // The migration matrix is the plain count of (class before, class after) pairs.
    const plain = GRADE_CLASSES.map((f) => GRADE_CLASSES.map((t) => before.customers.filter((b, k) => classOf(b) === f && classOf(after.customers[k]) === t).length));
    expect(c.migration.map((row) => row.map((cell) => cell.customers))).toEqual(plain);
    // Limits by class after sum to the total; exposure of the matrix sums to the portfolio's.
    expect(c.limitsByGrade.reduce((s, l) => s + cents(l.after), 0)).toBe(cents(c.totalLimit.after));
    expect(c.migration.flat().reduce((s, m) => s + cents(m.exposure), 0)).toBe(cents(before.kpis.exposure));
    expect(c.movers.length).toBeLessThanOrEqual(MAX_MOVERS);
  });

  it("gradeBands.A 80 → 70 moves exactly the B customers scoring 70–80 to A, and lists the largest limit changes first", () => {
    const c = run({ changes: [{ key: "gradeBands.A", value: 70 }] });
    expect(c.changedValues).toEqual([{ key: "gradeBands.A", before: "80", after: "70" }]);
    const movedUp = base.reviews.filter((r) => r.grade === "B" && r.compositePercent >= 70);
    expect(movedUp.length).toBeGreaterThan(0);
    const fromB = GRADE_CLASSES.indexOf("B");
    const toA = GRADE_CLASSES.indexOf("A");
    expect(c.migration[fromB][toA].customers).toBe(movedUp.filter((r) => !r.isR).length);
    expect(c.migration[toA].slice(1).every((m) => m.customers === 0)).toBe(true);
    const changes = c.movers.map((m) => Math.abs(m.limitChange));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    for (const m of c.movers) expect(m.after.reasons).not.toEqual(m.before.reasons);
    expect(c.draftFingerprint).not.toBe(c.baseFingerprint);
    expect(c.allowance.dependsOnDraft).toBe(false);
  });

  it("the allowance depends on the draft only when the aging or provision changes", () => {
    expect(run({ changes: [{ key: "provisionPercents", value: "1,2,5,10,25,50,100" }] }).allowance.dependsOnDraft).toBe(true);
    expect(run({ changes: [{ key: "weights.capital", value: 1 }] }).allowance).toEqual({ before: base.allowance, after: base.allowance, change: 0, dependsOnDraft: false });
  });

  it("each customer's financial facts gathered once give the review a fresh computation gives", () => {
    expect(base.facts.some((f) => f.financials.length > 0 && f.financialFacts !== undefined)).toBe(true);
    for (const f of base.facts) {
      const { financialFacts: _kept, ...fresh } = f;
      expect(reviewCustomer(f, base.policy, asOf)).toEqual(reviewCustomer(fresh, base.policy, asOf));
    }
  });

  it("a financials override recomputes that customer's financial facts", () => {
    const k = base.facts.findIndex((f) => f.financials.length > 0);
    const o = customerOverride(base.facts, { customerId: base.facts[k].customer.customerId, financials: { equity: 5_000_000 } }, asOf);
    if (!o.ok) throw new Error("override refused");
    expect(o.value.facts.financialFacts).toEqual(financialFacts(o.value.facts.financials, asOf));
    expect(o.value.facts.financialFacts?.latest?.equity).toBe(5_000_000);
    expect(base.facts[k].financialFacts?.latest?.equity).not.toBe(5_000_000);
  });

  it("one customer's scores, figures and financials: only that customer is reviewed differently", () => {
    const target = base.reviews.find((r) => r.grade === "D" && !r.isR);
    if (!target) throw new Error("the sample has a D customer");
    const scores = Object.fromEntries(CHARACTERISTIC_KEYS.map((k) => [k, 10])) as Record<CharacteristicKey, number>;
    const c = run({ changes: [], customer: { customerId: target.customerId, scores, figures: { annualCreditSales: 2_000_000, grossMargin: 0.3 }, financials: { equity: 5_000_000 } } });
    expect(c.customerOverride).toBe(target.customerId);
    expect(c.movers.map((m) => m.customerId)).toEqual([target.customerId]);
    expect(c.movers[0].before.grade).toBe("D");
    expect(c.movers[0].after.compositePercent).toBeGreaterThan(c.movers[0].before.compositePercent);
    expect(c.changedCustomers).toBe(1);
  });

  it.each<[string, ScenarioDraft["customer"]]>([
    ["an unknown customer", { customerId: "NOPE" }],
    ["a score above 10", { customerId: "", scores: { capital: 11 } }],
    ["a gross margin as a percent", { customerId: "", figures: { grossMargin: 30 } }],
    ["a figure that is not a number", { customerId: "", financials: { equity: Number.NaN } }],
  ])("refuses %s", (_, customer) => {
    const id = customer?.customerId === "" ? base.reviews[0].customerId : customer?.customerId ?? "";
    expect(runScenario(base, { changes: [], customer: { ...customer, customerId: id } }).ok).toBe(false);
  });
});

describe("runScenario on generated portfolios (properties)", () => {
  const score = fc.integer({ min: 0, max: 10 });
  const customerArb = fc.record({
    scores: fc.array(score, { minLength: 18, maxLength: 18 }),
    sales: fc.integer({ min: 0, max: 3_000_000 }),
    items: fc.array(fc.record({ age: fc.integer({ min: -60, max: 400 }), amount: fc.integer({ min: -500, max: 50_000 }) }), { maxLength: 6 }),
  });
  const portfolioArb = fc.array(customerArb, { minLength: 1, maxLength: 12 }).map((cs): Portfolio => {
    const items: ReceivableItem[] = [];
    const customers = cs.map((c, k) => {
      c.items.forEach((it, j) => items.push({ invoiceId: `I${k}-${j}`, customerId: `C${k}`, invoiceDate: asOf - it.age - 30, dueDate: asOf - it.age, amount: it.amount }));
      return { customerId: `C${k}`, annualCreditSales: c.sales, grossMargin: 0.2, scores: Object.fromEntries(CHARACTERISTIC_KEYS.map((key, i) => [key, c.scores[i]])) };
    });
    return { customers, financials: [], receivables: ledgerOf(items), orders: [] };
  });

  it("an empty draft gives an identity migration and zero change", () => {
    fc.assert(fc.property(portfolioArb, (portfolio) => {
      const b = whatIfBase(portfolio, DEFAULT_POLICY, asOf);
      if (!b.ok) return false;
      const c = run({ changes: [] }, b.value);
      const offDiagonal = c.migration.flatMap((row, f) => row.filter((_, t) => t !== f)).reduce((s, m) => s + m.customers, 0);
      const diagonal = c.migration.reduce((s, row, f) => s + row[f].customers, 0);
      return offDiagonal === 0 && diagonal === portfolio.customers.length && c.totalLimit.change === 0 && c.movers.length === 0 &&
        c.warnings.critical.change === 0 && c.warnings.other.change === 0 && c.allowance.change === 0;
    }), { numRuns: 60 });
  });

  it("lowering the A band never moves a customer down, and the after side matches reviewPortfolio", () => {
    fc.assert(fc.property(portfolioArb, fc.integer({ min: 61, max: 79 }), (portfolio, a) => {
      const b = whatIfBase(portfolio, DEFAULT_POLICY, asOf);
      if (!b.ok) return false;
      const c = run({ changes: [{ key: "gradeBands.A", value: a }] }, b.value);
      const after = reviewUnder(portfolio, c.draftPolicy);
      const gradesDown = c.migration.reduce((s, row, f) => s + row.reduce((t, m, to) => t + (to > f && to < 4 && f < 4 ? m.customers : 0), 0), 0);
      return gradesDown === 0 && c.totalLimit.after === after.kpis.totalRecommendedLimit;
    }), { numRuns: 60 });
  });
});
