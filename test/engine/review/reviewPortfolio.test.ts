import "../../support/errorsInEnglish";
import { reasonsText } from "../../../src/app/reviewText";
import { createTranslator } from "../../../src/i18n/translator";
import fc from "fast-check";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../../../src/engine/policy/characteristics";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Portfolio, ReceivableItem } from "../../../src/engine/portfolio/types";
import { toCents } from "../../../src/engine/money/cents";
import { reviewPortfolio } from "../../../src/engine/review";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";

const all = (score: number): Partial<Record<CharacteristicKey, number>> => Object.fromEntries(CHARACTERISTIC_KEYS.map((k) => [k, score]));
const asOf = 1000;

const portfolio: Portfolio = {
  customers: [
    { customerId: "C1", name: "Acme", scores: all(8), annualCreditSales: 365_000, grossMargin: 0.2, accountOwner: "Li Wei", lastReviewDate: 900 },
    { customerId: "C2", name: "Beta", scores: all(3), annualCreditSales: 10_000, lastReviewDate: 900 },
  ],
  financials: [],
  receivables: ledgerOf([
    { invoiceId: "I1", customerId: "C1", invoiceDate: 870, dueDate: 900, amount: 1000, settledDate: 910 },
    { invoiceId: "I2", customerId: "C1", invoiceDate: 950, dueDate: 980, amount: 10_000 },
    { invoiceId: "I3", customerId: "C1", invoiceDate: 990, dueDate: 1050, amount: 5000 },
    { invoiceId: "I4", customerId: "C2", invoiceDate: 400, dueDate: 500, amount: 4000 },
    { invoiceId: "POA-1", customerId: "C2", invoiceDate: 990, dueDate: 990, amount: -1000 },
  ]),
  orders: [{ orderId: "O1", customerId: "C1", amount: 2000 }],
};

describe("reviewPortfolio", () => {
  it("rejects a non-positive period and an invalid policy", () => {
    expect(reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf, periodDays: 0 }).ok).toBe(false);
    const bad = reviewPortfolio(portfolio, { ...DEFAULT_POLICY, roundingUnit: 0 }, { asOf, periodDays: 90 });
    expect(bad.ok || bad.error).toMatchObject({ field: "roundingUnit" });
  });

  it("rejects a score outside 0..10, naming the customer", () => {
    const broken = { ...portfolio, customers: [{ customerId: "X", scores: { appearance: 11 } }] };
    const r = reviewPortfolio(broken, DEFAULT_POLICY, { asOf, periodDays: 90 });
    expect(r.ok || r.error).toMatchObject({ kind: "outOfRange", field: "X scores.appearance" });
  });

  const result = reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf, periodDays: 90 });
  if (!result.ok) throw new Error("review failed");
  const review = result.value;
  const [c1, c2] = review.customers;

  it("derives the payment record from behaviour and grades the customer", () => {
    // I1 was paid 10 days late → average 10 → score 8, the same as typed: composite stays 80 → A.
    expect(c1.paymentRecord).toEqual({ source: "derived", score: 8 });
    expect(c1.compositePercent).toBe(80);
    expect(c1.grade).toBe("A");
    expect(c2.paymentRecord).toEqual({ source: "entered", score: 3 });
    expect(c2.grade).toBe("D");
  });

  it("sets the limit from the lowest basis with grade and payment factors", () => {
    const need = (365_000 * (60 + 15)) / 365;
    const profit = 365_000 * 0.2;
    const lowest = Math.min(need, profit);
    expect(c1.limit.bindingBasis).toBe("profit");
    expect(c1.limit.paymentFactor).toBe(0.9);
    expect(c1.limit.recommended).toBe(Math.floor((lowest * 0.9 * 1.0) / 1000) * 1000);
    expect(c2.limit.recommended).toBe(0);
  });

  it("computes exposure, utilisation, overdue position and the next action", () => {
    expect(c1.exposure).toBe(10_000 + 5000 + 2000);
    expect(c1.utilisationPercent).toBeCloseTo((17_000 * 100) / (c1.limit.recommended ?? 1), 10);
    expect(c1).toMatchObject({ openBalance: 15_000, overdue: 10_000, overdueItems: 1, maxDaysPastDue: 20 });
    expect(c1.nextAction).toBe(DEFAULT_POLICY.collectionActions[2]);
    expect(c2).toMatchObject({ openBalance: 3000, unapplied: -1000, exposure: 3000, maxDaysPastDue: 500 });
    expect(c2.warnings.filter((w) => w.severity === "critical").map((w) => w.rule).sort()).toEqual(["daysPastDue", "utilisation"]);
    expect(reasonsText(createTranslator("en-US"), c1)).toBe("A (80 %, coverage 100 %, payment record 8 from behaviour); limit 65,000 set by profit (×1 grade, ×0.9 payment); 1 item overdue, max 20 days");
  });

  it("ages the ledger by customer with totals that tie", () => {
    expect(review.aging.labels).toEqual(["Not due", "1–30", "31–60", "61–90", "91–180", "181–365", ">365"]);
    expect(review.aging.rows).toEqual([
      { customerId: "C1", name: "Acme", buckets: [5000, 10_000, 0, 0, 0, 0, 0], unapplied: 0, total: 15_000 },
      { customerId: "C2", name: "Beta", buckets: [0, 0, 0, 0, 0, 0, 4000], unapplied: -1000, total: 3000 },
    ]);
    expect(review.aging.totals).toEqual({ buckets: [5000, 10_000, 0, 0, 0, 0, 4000], unapplied: -1000, total: 18_000 });
    expect(review.kpis.allowance).toBe(5000 * 0.005 + 10_000 * 0.02 + 4000 * 1.0);
  });

  it("lists overdue items by amount × days past due with the owner and action", () => {
    expect(review.collections.toArray().map((c) => [c.invoiceId, c.priority, c.accountOwner ?? null])).toEqual([
      ["I4", 4000 * 500, null],
      ["I2", 10_000 * 20, "Li Wei"],
    ]);
    expect(review.collections.item(0).action).toBe(DEFAULT_POLICY.collectionActions[6]);
  });

  it("computes DSO, best possible DSO, ADD, CEI and the overdue ratio over the period", () => {
    const receivables = 18_000;
    const sales = 10_000 + 5000; // invoices dated in (910, 1000]
    const current = 5000;
    const opening = 4000; // I4 was open at 910; I1 was settled on 910
    const k = review.kpis;
    expect(k.creditSales).toBe(sales);
    expect(k.dso).toBeCloseTo((receivables / sales) * 90, 10);
    expect(k.bestPossibleDso).toBeCloseTo((current / sales) * 90, 10);
    expect(k.add).toBeCloseTo(((receivables - current) / sales) * 90, 10);
    expect(k.cei).toBeCloseTo(((opening + sales - receivables) / (opening + sales - current)) * 100, 10);
    expect(k.overdueRatioPercent).toBeCloseTo((14_000 / receivables) * 100, 10);
    expect(k.otcRating).toBe("Near collapse");
  });

  it("summarises grades and the largest exposures", () => {
    expect(review.gradeDistribution.map((g) => [g.grade, g.customers])).toEqual([["A", 1], ["B", 0], ["C", 0], ["D", 1]]);
    expect(review.topExposures.map((t) => t.customerId)).toEqual(["C1", "C2"]);
  });

  it("keeps aging totals tied to the ledger to the cent for any ledger (property)", () => {
    const item = fc.record({
      customer: fc.constantFrom("C1", "C2"),
      invoiceDate: fc.integer({ min: 0, max: 1100 }),
      terms: fc.integer({ min: 0, max: 120 }),
      cents: fc.integer({ min: -500_000, max: 5_000_000 }).filter((c) => c !== 0),
      settledAfter: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }),
      payment: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), (rows) => {
        const receivables: ReceivableItem[] = rows.map((r, i) => ({
          invoiceId: r.payment ? `PAY-${i}` : `I${i}`,
          customerId: r.customer,
          invoiceDate: r.invoiceDate,
          dueDate: r.invoiceDate + r.terms,
          amount: r.cents / 100,
          ...(r.settledAfter !== undefined ? { settledDate: r.invoiceDate + r.settledAfter } : {}),
        }));
        const res = reviewPortfolio({ ...portfolio, receivables: ledgerOf(receivables) }, DEFAULT_POLICY, { asOf, periodDays: 90 });
        if (!res.ok) return false;
        const open = receivables
          .filter((r) => r.invoiceDate <= asOf && (r.settledDate === undefined || r.settledDate > asOf))
          .reduce((s, r) => s + toCents(r.amount), 0);
        const { totals, rows: agingRows } = res.value.aging;
        const bucketCents = totals.buckets.reduce((s, b) => s + toCents(b), 0);
        return (
          toCents(totals.total) === open &&
          bucketCents + toCents(totals.unapplied) === open &&
          agingRows.reduce((s, r) => s + toCents(r.total), 0) === open &&
          res.value.customers.every((c) => toCents(c.exposure) - toCents(c.openBalance) === (c.customerId === "C1" ? 200_000 : 0))
        );
      }),
      { numRuns: 150 },
    );
  });
});
