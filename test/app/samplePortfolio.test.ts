import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { samplePortfolio, seededRandom, FORMULA_LIKE_NAME } from "../../src/app";

const asOf = dayFromCivil(2025, 6, 30);
const num = (v: unknown): number => (typeof v === "number" ? v : Number.NaN);

describe("seededRandom", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const c = seededRandom(8);
    const seqA = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it("keeps int() within its bounds", () => {
    const r = seededRandom(3);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(-2, 5);
      expect(Number.isInteger(x) && x >= -2 && x <= 5).toBe(true);
    }
  });
});

describe("samplePortfolio", () => {
  const s = samplePortfolio(asOf);

  it("is deterministic for an as-of date and seed", () => {
    expect(samplePortfolio(asOf)).toEqual(s);
    expect(samplePortfolio(asOf, 2)).not.toEqual(s);
  });

  it("has about 36 customers and 400 invoices, with unique ids", () => {
    expect(s.customers).toHaveLength(36);
    expect(s.receivables.length).toBeGreaterThanOrEqual(350);
    expect(s.receivables.length).toBeLessThanOrEqual(450);
    expect(new Set(s.customers.map((c) => c.customerId)).size).toBe(36);
    expect(new Set(s.receivables.map((r) => r.invoiceId)).size).toBe(s.receivables.length);
  });

  it("holds the special cases the review must exercise", () => {
    const names = s.customers.map((c) => String(c.name));
    expect(names).toContain(FORMULA_LIKE_NAME);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Za-z]/.test(n))).toBe(true);
    expect(s.receivables.some((r) => r.disputed === "Yes")).toBe(true);
    expect(s.receivables.some((r) => String(r.invoiceId).startsWith("CN-") && num(r.amount) < 0)).toBe(true);
    expect(s.receivables.some((r) => String(r.invoiceId).startsWith("POA-") && num(r.amount) < 0)).toBe(true);
    const withFinancials = new Set(s.financials.map((f) => f.customerId));
    expect(s.customers.some((c) => !withFinancials.has(c.customerId))).toBe(true);
    expect(s.customers.filter((c) => c.keyAccount === "Yes").length).toBeGreaterThan(0);
  });

  it("dates everything as Excel serials at or before the as-of date, due dates not before invoice dates", () => {
    const serial = toExcelSerial(asOf);
    for (const r of s.receivables) {
      expect(num(r.invoiceDate)).toBeLessThanOrEqual(serial);
      expect(num(r.dueDate)).toBeGreaterThanOrEqual(num(r.invoiceDate));
      if (r.settledDate !== null) expect(num(r.settledDate)).toBeLessThanOrEqual(serial);
    }
  });
});
