import "../../support/errorsInEnglish";
import fc from "fast-check";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Grade, Policy } from "../../../src/engine/policy/Policy";
import { creditLimit, type CreditLimitInput, type LimitBasis } from "../../../src/engine/limits/creditLimit";
import { messageText } from "../../../src/app/reviewText";
import { createTranslator } from "../../../src/i18n/translator";
import { workingAssetsBasis } from "../../../src/engine/limits/workingAssetsBasis";
import { denoise } from "../../../src/engine/scoring/denoise";

const financials = { currentAssets: 5000, inventory: 2000, currentLiabilities: 2500, totalLiabilities: 4000, equity: 6000 };
const bigFinancials = { currentAssets: 500_000, inventory: 200_000, currentLiabilities: 250_000, totalLiabilities: 400_000, equity: 600_000 };
const en = createTranslator("en-US");
/** A basis as the host shows it: the skipped reason rendered in en-US. */
const shown = (b: LimitBasis | false) =>
  b && (b.skippedReason ? { ...b, skippedReason: messageText(en, "limitSkip.", b.skippedReason) } : b.note ? { ...b, note: messageText(en, "limitZero.", b.note) } : b);
const unit = (p: Policy, x: number): number => Math.floor(x / p.roundingUnit + 1e-9) * p.roundingUnit;

describe("creditLimit", () => {
  describe("invalid input", () => {
    it.each<[string, Partial<CreditLimitInput>, string, string]>([
      ["an unknown grade", { grade: "E" as Grade }, "grade", "invalidInput"],
      ["negative sales", { annualCreditSales: -1 }, "annualCreditSales", "outOfRange"],
      ["a margin typed as percent", { grossMargin: 25 }, "grossMargin", "outOfRange"],
      ["negative collateral", { collateral: -5 }, "collateral", "outOfRange"],
      ["NaN days late", { averageDaysLate: NaN }, "averageDaysLate", "invalidInput"],
      ["negative terms", { termsDays: -1 }, "termsDays", "outOfRange"],
    ])("rejects %s", (_label, change, field, kind) => {
      const r = creditLimit({ grade: "A", annualCreditSales: 100_000, ...change }, DEFAULT_POLICY);
      expect(r).toMatchObject({ ok: false, error: { kind, field } });
    });
    it("rejects negative current assets in the financials", () => {
      const r = creditLimit({ grade: "A", financials: { ...financials, currentAssets: -1 } }, DEFAULT_POLICY);
      expect(r).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "currentAssets" } });
    });
  });

  describe("errors", () => {
    it("is #N/A 'no basis for a limit' when no basis applies, whatever the grade", () => {
      for (const grade of ["A", "D"] as const) {
        expect(creditLimit({ grade, collateral: 5000 }, DEFAULT_POLICY)).toEqual({ ok: false, error: { kind: "notAvailable", what: "no basis for a limit" } });
      }
    });
  });

  describe("bases", () => {
    it("computes all four bases and names the binding one (spec working-assets example binds)", () => {
      const r = creditLimit({ grade: "A", annualCreditSales: 120_000, grossMargin: 0.25, financials }, DEFAULT_POLICY);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.bases).toEqual({
        need: { applies: true, value: 24657.53 }, // 120,000 × (60 + 15) / 365
        workingAssets: { applies: true, value: 1062.5 },
        netWorthCap: { applies: true, value: 3000 },
        profit: { applies: true, value: 30000 },
      });
      expect(r.value.bindingBasis).toBe("workingAssets");
      expect(r.value.lowestBasis).toBe(1062.5);
      expect(r.value.gradeFactor).toBe(1);
      expect(r.value.paymentFactor).toBe(1);
      expect(r.value.recommended).toBe(1000);
      expect(r.value.explanation).toContain("Binding basis: working assets 1062.5");
    });
    it("skips a basis whose inputs are missing and says why", () => {
      const r = creditLimit({ grade: "B", annualCreditSales: 73_000 }, DEFAULT_POLICY);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.bases.need).toEqual({ applies: true, value: 12000 }); // 73,000 × (45 + 15) / 365
      expect(shown(r.value.bases.workingAssets)).toEqual({
        applies: false,
        skippedReason: "financials missing: currentAssets, inventory, currentLiabilities, totalLiabilities, equity",
      });
      expect(shown(r.value.bases.netWorthCap)).toEqual({ applies: false, skippedReason: "net worth (equity) missing" });
      expect(shown(r.value.bases.profit)).toEqual({ applies: false, skippedReason: "gross margin missing" });
      expect(r.value.recommended).toBe(9000); // 12,000 × 0.8 = 9,600 → 9,000
      expect(r.value.explanation).toContain("profit skipped (gross margin missing)");
    });
    it("names every missing input of the profit basis", () => {
      const r = creditLimit({ grade: "A", financials }, DEFAULT_POLICY);
      expect(shown(r.ok && r.value.bases.profit)).toEqual({ applies: false, skippedReason: "annual credit sales and gross margin missing" });
      const s = creditLimit({ grade: "A", grossMargin: 0.2, financials }, DEFAULT_POLICY);
      expect(shown(s.ok && s.value.bases.profit)).toEqual({ applies: false, skippedReason: "annual credit sales missing" });
    });
    it("gives the skipped reasons as message ids, the missing figures as a parameter", () => {
      const r = creditLimit({ grade: "A", financials: { currentAssets: 5000, currentLiabilities: 2500, equity: 6000 } }, DEFAULT_POLICY);
      expect(r.ok && r.value.bases.workingAssets.skippedReason).toEqual({ id: "financialsMissing", params: { fields: "inventory, totalLiabilities" } });
      expect(r.ok && r.value.bases.need.skippedReason).toEqual({ id: "salesMissing", params: {} });
      expect(r.ok && messageText(createTranslator("zh-CN"), "limitSkip.", r.value.bases.profit.skippedReason!)).toBe("缺少年赊销额和毛利率");
    });
    it("names the missing financial figures only", () => {
      const r = creditLimit({ grade: "A", financials: { currentAssets: 5000, currentLiabilities: 2500, equity: 6000 } }, DEFAULT_POLICY);
      expect(shown(r.ok && r.value.bases.workingAssets)).toEqual({ applies: false, skippedReason: "financials missing: inventory, totalLiabilities" });
    });
    it("gives the working-assets basis with its note for negative working assets", () => {
      const r = creditLimit({ grade: "A", financials: { currentAssets: 1000, inventory: 0, currentLiabilities: 5000, totalLiabilities: 6000, equity: 1000 } }, DEFAULT_POLICY);
      expect(shown(r.ok && r.value.bases.workingAssets)).toEqual({ applies: true, value: 0, note: "working assets -1500 are negative" });
    });
    it("uses the given terms instead of the grade's", () => {
      const r = creditLimit({ grade: "A", annualCreditSales: 36_500, termsDays: 15 }, DEFAULT_POLICY);
      expect(r.ok && r.value.bases.need.value).toBe(3000);
    });
    it("gives 0 on the working-assets and net-worth bases for negative net worth", () => {
      const r = creditLimit({ grade: "A", annualCreditSales: 100_000, financials: { ...financials, equity: -10 } }, DEFAULT_POLICY);
      expect(shown(r.ok && r.value.bases.workingAssets)).toEqual({ applies: true, value: 0, note: "net worth -10 is not positive" });
      expect(shown(r.ok && r.value.bases.netWorthCap)).toEqual({ applies: true, value: 0, note: "net worth -10 is negative" });
      expect(r.ok && r.value.recommended).toBe(0);
    });
    it("skips working assets when current liabilities are 0", () => {
      const r = creditLimit({ grade: "A", financials: { ...financials, currentLiabilities: 0 } }, DEFAULT_POLICY);
      expect(r.ok && r.value.bases.workingAssets.applies).toBe(false);
      expect(r.ok && r.value.bindingBasis).toBe("netWorthCap");
    });
    it("takes the first basis in order on a tie", () => {
      const r = creditLimit({ grade: "A", annualCreditSales: 36_500, termsDays: 15, financials: { equity: 6000 } }, DEFAULT_POLICY);
      expect(r.ok && r.value.bases.need.value).toBe(3000);
      expect(r.ok && r.value.bases.netWorthCap.value).toBe(3000);
      expect(r.ok && r.value.bindingBasis).toBe("need");
    });
  });

  describe("grades, factors, rounding and collateral", () => {
    const input: CreditLimitInput = { grade: "A", financials: bigFinancials }; // net-worth cap 300,000; working assets 106,250 binds
    it.each<[Grade, number | undefined, number]>([
      ["A", undefined, 106_000],
      ["B", undefined, 85_000], // 106,250 × 0.8 = 85,000
      ["A", 10, 95_000], // × 0.9 = 95,625
      ["B", 20, 63_000], // × 0.75 × 0.8 = 63,750
      ["A", 45, 53_000], // × 0.5 = 53,125
      ["A", 61, 0],
      ["C", undefined, 53_000], // × 0.5 = 53,125, capped at 50 % of 106,250
      ["D", undefined, 0],
    ])("grade %s with %p days late → %p", (grade, averageDaysLate, recommended) => {
      const r = creditLimit({ ...input, grade, averageDaysLate }, DEFAULT_POLICY);
      expect(r.ok && r.value.recommended).toBe(recommended);
    });
    it("adds collateral for A, B and C but not for D", () => {
      for (const [grade, expected] of [["A", 111_000], ["B", 90_000], ["C", 58_000], ["D", 0]] as const) {
        const r = creditLimit({ ...input, grade, collateral: 5000 }, DEFAULT_POLICY);
        expect(r.ok && r.value.recommended).toBe(expected);
        expect(r.ok && r.value.collateral).toBe(5000);
      }
    });
    it("caps grade C at collateral + the policy's share of the formula limit when the factor is larger", () => {
      const policy: Policy = {
        ...DEFAULT_POLICY,
        gradeTerms: { ...DEFAULT_POLICY.gradeTerms, C: { ...DEFAULT_POLICY.gradeTerms.C, limitFactor: 0.9 } },
        gradeCLimitSharePercent: 30,
      };
      const r = creditLimit({ ...input, grade: "C", collateral: 1000 }, policy);
      expect(r.ok && r.value.formulaLimit).toBe(31_000); // min(95,625 → 95,000; 31,875 → 31,000)
      expect(r.ok && r.value.recommended).toBe(32_000);
    });
    it("rounds down to the policy's unit, never up", () => {
      const r = creditLimit({ grade: "A", annualCreditSales: 36_500, termsDays: 14.99 }, { ...DEFAULT_POLICY, roundingUnit: 500 });
      expect(r.ok && r.value.bases.need.value).toBe(2999); // 36,500 × 29.99 / 365
      expect(r.ok && r.value.recommended).toBe(2500);
    });
    it("keeps an exact multiple of the unit despite float noise", () => {
      // 3,000 × 0.9 = 2700.0000000000005 in binary floating point
      const r = creditLimit({ grade: "A", annualCreditSales: 36_500, termsDays: 15, averageDaysLate: 5 }, { ...DEFAULT_POLICY, roundingUnit: 100 });
      expect(r.ok && r.value.recommended).toBe(2700);
    });
  });

  describe("properties", () => {
    const inputArb = fc.record({
      grade: fc.constantFrom<Grade>("A", "B", "C", "D"),
      annualCreditSales: fc.option(fc.integer({ min: 0, max: 50_000_000 }), { nil: undefined }),
      grossMargin: fc.option(fc.double({ min: -0.5, max: 1, noNaN: true }), { nil: undefined }),
      collateral: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      averageDaysLate: fc.option(fc.double({ min: -10, max: 200, noNaN: true }), { nil: undefined }),
      financials: fc.option(
        fc.record({
          currentAssets: fc.integer({ min: 0, max: 10_000_000 }),
          inventory: fc.integer({ min: 0, max: 5_000_000 }),
          currentLiabilities: fc.integer({ min: 0, max: 10_000_000 }),
          totalLiabilities: fc.integer({ min: 0, max: 20_000_000 }),
          equity: fc.integer({ min: -5_000_000, max: 20_000_000 }),
        }),
        { nil: undefined },
      ),
    });

    it("never gives a negative limit", () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const r = creditLimit(input, DEFAULT_POLICY);
          if (r.ok) expect(r.value.recommended).toBeGreaterThanOrEqual(0);
          else expect(r.error).toEqual({ kind: "notAvailable", what: "no basis for a limit" });
        }),
      );
    });

    it("never goes above the net-worth cap × factors, rounded down, + collateral when that basis applies", () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const r = creditLimit(input, DEFAULT_POLICY);
          if (!r.ok || !r.value.bases.netWorthCap.applies) return;
          const cap = r.value.bases.netWorthCap.value ?? 0;
          const ceiling = unit(DEFAULT_POLICY, cap * r.value.gradeFactor * r.value.paymentFactor) + r.value.collateral;
          expect(r.value.recommended).toBeLessThanOrEqual(ceiling);
        }),
      );
    });

    it("never lowers a limit when collateral rises", () => {
      fc.assert(
        fc.property(inputArb, fc.integer({ min: 0, max: 1_000_000 }), (input, extra) => {
          const before = creditLimit(input, DEFAULT_POLICY);
          const after = creditLimit({ ...input, collateral: (input.collateral ?? 0) + extra }, DEFAULT_POLICY);
          expect(after.ok).toBe(before.ok);
          if (before.ok && after.ok) expect(after.value.recommended).toBeGreaterThanOrEqual(before.value.recommended);
        }),
      );
    });

    it("takes the working-assets basis as workingAssetsBasis gives it", () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const r = creditLimit(input, DEFAULT_POLICY);
          const f = input.financials;
          if (!r.ok || f === undefined || f.equity <= 0 || f.currentLiabilities === 0) return;
          const { equity: netWorth, ...rest } = f;
          const expected = workingAssetsBasis({ ...rest, netWorth }, DEFAULT_POLICY);
          expect(expected.ok).toBe(true);
          if (!expected.ok) return;
          const note = expected.value.zeroReason;
          expect(r.value.bases.workingAssets).toEqual(note === undefined ? { applies: true, value: expected.value.basis } : { applies: true, value: expected.value.basis, note });
        }),
      );
    });

    it("is a multiple of the rounding unit plus collateral", () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const r = creditLimit(input, DEFAULT_POLICY);
          if (!r.ok) return;
          expect(r.value.formulaLimit % DEFAULT_POLICY.roundingUnit).toBe(0);
          if (input.grade !== "D") expect(r.value.recommended).toBe(r.value.formulaLimit + r.value.collateral);
        }),
      );
    });
  });

  // roundDownTo skips its second denoise for a whole number other than 0 below 10^12 (issue 6):
  // denoise must leave such a number as it is for the two paths to agree.
  it("denoise keeps whole numbers below 10^12", () => {
    const whole = fc.double({ min: -(1e12 - 1), max: 1e12 - 1, noNaN: true }).map(Math.trunc);
    const edges = fc.constantFrom(1, 1000, 1e6, 1e11, 999_999_999_999, -999_999_999_999, 123_456_789_012);
    fc.assert(
      fc.property(fc.oneof(whole, fc.integer(), edges).filter((x) => x !== 0), (x) => {
        expect(denoise(x)).toBe(x);
      }),
      { numRuns: 2000 },
    );
  });
});
