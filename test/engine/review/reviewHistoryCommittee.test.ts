import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../../../src/engine/policy/characteristics";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Portfolio } from "../../../src/engine/portfolio/types";
import { reviewPortfolio } from "../../../src/engine/review";
import { historyRows, previousReviewRows, reviewRun, type ReviewHistoryRow } from "../../../src/engine/review/reviewHistory";
import { reviewHistoryCommittee, type ApprovalEntry } from "../../../src/engine/review/reviewHistoryCommittee";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";

const all = (score: number): Partial<Record<CharacteristicKey, number>> => Object.fromEntries(CHARACTERISTIC_KEYS.map((k) => [k, score]));
const asOf = 1000;
const portfolio: Portfolio = {
  customers: [
    { customerId: "C1", name: "Acme", scores: all(8), annualCreditSales: 365_000, grossMargin: 0.2, lastReviewDate: 900, previousGrade: "A" },
    { customerId: "C2", name: "Beta", scores: all(5), annualCreditSales: 100_000, grossMargin: 0.3, lastReviewDate: 900, previousGrade: "A" },
  ],
  financials: [],
  receivables: ledgerOf([
    { invoiceId: "I1", customerId: "C1", invoiceDate: 870, dueDate: 900, amount: 1000, settledDate: 930 },
    { invoiceId: "I2", customerId: "C1", invoiceDate: 950, dueDate: 980, amount: 10_000 },
    { invoiceId: "I3", customerId: "C2", invoiceDate: 960, dueDate: 990, amount: 4_000 },
  ]),
  orders: [],
};
const reviewed = reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf, periodDays: 90 });
if (!reviewed.ok) throw new Error("review failed");
const review = reviewed.value;
const [c1, c2] = review.customers;

const approval = (patch: Partial<ApprovalEntry>): ApprovalEntry => ({ customerId: "C1", approvedLimit: 10_000, ...patch });
const lineOf = (a: ApprovalEntry) => reviewHistoryCommittee(review, { approvals: [a] }, DEFAULT_POLICY).lines[0]!;

describe("reviewHistoryCommittee: the approved limit in force", () => {
  it("the fixture has a recommended limit and an exposure", () => {
    expect(c1!.limit.recommended).toBeGreaterThan(10_000);
    expect(c1!.exposure).toBe(10_000);
  });

  it.each([
    [{}, "approved"],
    [{ validUntil: asOf }, "approved"],
    [{ validUntil: asOf - 1 }, "recommended"],
    [{ approvedOn: asOf }, "approved"],
    [{ approvedOn: asOf + 1 }, "recommended"],
    [{ approvedLimit: undefined }, "recommended"],
  ] as const)("%j → %s", (patch, basis) => expect(lineOf(approval(patch)).limitBasis).toBe(basis));

  it("an expired approval is a warning naming the limit and the date", () => {
    expect(lineOf(approval({ validUntil: asOf - 1 })).added).toEqual([
      { messageId: "approved.warning.expired", severity: "warning", params: { limit: 10_000, validUntil: "1972-09-26" } },
    ]);
  });

  it("utilisation and its warnings follow the approved limit: 10,000 on 10,000 is 100 % (warning), on 9,999.99 critical", () => {
    const at = (approvedLimit: number) => reviewHistoryCommittee(review, { approvals: [approval({ approvedLimit })] }, DEFAULT_POLICY);
    const exact = at(10_000);
    expect(exact.review.customers[0]!.utilisationPercent).toBe(100);
    expect(exact.review.customers[0]!.warnings.filter((w) => w.rule === "utilisation").map((w) => w.id)).toEqual(["utilisationNearLimit"]);
    expect(at(9_999.99).review.customers[0]!.warnings.filter((w) => w.rule === "utilisation").map((w) => w.id)).toEqual(["utilisationOverLimit"]);
    expect(at(0).review.customers[0]!.warnings.filter((w) => w.rule === "utilisation").map((w) => w.id)).toEqual(["exposureOnZeroLimit"]);
    // The KPIs count the warnings as the customers now have them.
    const counted = exact.review.customers.flatMap((c) => c.warnings).filter((w) => w.severity === "warning").length;
    expect(exact.review.kpis.warnings).toBe(counted);
  });

  it("without an approval the engine's review is kept as it is", () => {
    const r = reviewHistoryCommittee(review, { approvals: [] }, DEFAULT_POLICY);
    expect(r.review.customers).toEqual(review.customers);
    expect(r.lines.map((l) => [l.limitBasis, l.limitInForce])).toEqual(review.customers.map((c) => ["recommended", c.limit.recommended]));
  });
});

describe("reviewHistoryCommittee: the history's comparisons", () => {
  const stamp = { generatedAt: "t1", fingerprint: "f", approved: new Map<string, number>() };
  const earlier = (patch: (r: ReviewHistoryRow) => Partial<ReviewHistoryRow>): ReviewHistoryRow[] =>
    historyRows(review, stamp).map((r) => ({ ...r, asOf: asOf - 90, ...patch(r) }));

  it("grade down is computed against the previous review, not the typed PreviousGrade", () => {
    expect(c2!.warnings.map((w) => w.id)).toContain("gradeDown"); // typed PreviousGrade A
    const previous = { asOf: asOf - 90, rows: earlier((r) => ({ grade: r.grade })) };
    const same = reviewHistoryCommittee(review, { approvals: [], previous }, DEFAULT_POLICY);
    expect(same.review.customers[1]!.warnings.map((w) => w.id)).not.toContain("gradeDown");
    expect(same.lines[1]!.added).toEqual([]);
    expect(same.lines[1]!.gradeChange).toBe("same");
    const better = { asOf: asOf - 90, rows: earlier((r) => ({ grade: r.customerId === "C2" ? "A" : r.grade })) };
    expect(reviewHistoryCommittee(review, { approvals: [], previous: better }, DEFAULT_POLICY).lines[1]!.added[0]).toMatchObject({
      messageId: "history.warning.gradeDown", params: { from: "A", to: c2!.grade, previousAsOf: "1972-06-29" },
    });
  });

  it.each([
    [10, false],
    [10.01, true],
  ])("average days late up by %d days since the last review → warning %s (policy 10, strictly more)", (up, warns) => {
    expect(c1!.averageDaysLate).toBeDefined();
    const previous = { asOf: asOf - 90, rows: earlier((r) => ({ averageDaysLate: r.customerId === "C1" ? c1!.averageDaysLate! - up : r.averageDaysLate })) };
    const line = reviewHistoryCommittee(review, { approvals: [], previous }, DEFAULT_POLICY).lines[0]!;
    expect(line.added.some((w) => w.messageId === "history.warning.daysLateUp")).toBe(warns);
  });

  it("change since the last review: limit against the approved limit then, exposure; a customer not in it is new", () => {
    const previous = { asOf: asOf - 90, rows: earlier((r) => ({ approvedLimit: 1_000, exposure: r.exposure - 500 })).filter((r) => r.customerId === "C1") };
    const lines = reviewHistoryCommittee(review, { approvals: [], previous }, DEFAULT_POLICY).lines;
    expect(lines[0]).toMatchObject({ gradeChange: "same", limitChange: c1!.limit.recommended! - 1_000, exposureChange: 500 });
    expect(lines[1]).toMatchObject({ gradeChange: "new", limitChange: undefined, exposureChange: undefined });
  });
});

describe("reviewHistory", () => {
  it("one row per customer; DSO contributions add up to the portfolio DSO", () => {
    const rows = historyRows(review, { generatedAt: "g", fingerprint: "f", approved: new Map([["C1", 5_000]]) });
    expect(rows.map((r) => [r.customerId, r.approvedLimit])).toEqual([["C1", 5_000], ["C2", undefined]]);
    expect(rows.reduce((s, r) => s + (r.dsoContribution ?? 0), 0)).toBeCloseTo(review.kpis.dso!, 9);
    expect(reviewRun(review, { generatedAt: "g", fingerprint: "f" })).toMatchObject({ customers: 2, dso: review.kpis.dso, cei: review.kpis.cei });
  });

  it("the previous review is the latest before the as-of date; a re-run at the same date is not one", () => {
    const rows = historyRows(review, { generatedAt: "g", fingerprint: "f", approved: new Map() });
    const at = (d: number, generatedAt: string) => rows.map((r) => ({ ...r, asOf: d, generatedAt }));
    const history = [...at(800, "a"), ...at(900, "b"), ...at(900, "c"), ...at(1000, "d")];
    expect(previousReviewRows(history, 1000)).toMatchObject({ asOf: 900, generatedAt: "c" });
    expect(previousReviewRows(history, 1000)!.rows).toHaveLength(2);
    expect(previousReviewRows(history, 800)).toBeUndefined();
  });
});
