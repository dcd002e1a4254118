import "../../support/errorsInEnglish";
import { messageText } from "../../../src/app/reviewText";
import { createTranslator } from "../../../src/i18n/translator";
import fc from "fast-check";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import {
  riskLabelOf,
  workingAssetsBasis,
  workingAssetsBasisAlone,
  type WorkingAssetsInput,
} from "../../../src/engine/limits/workingAssetsBasis";

const first: WorkingAssetsInput = { currentAssets: 5000, inventory: 2000, currentLiabilities: 2500, totalLiabilities: 4000, netWorth: 6000 };
const second: WorkingAssetsInput = { currentAssets: 3000, inventory: 1500, currentLiabilities: 3000, totalLiabilities: 7000, netWorth: 2000 };

/**
 * Inputs whose evaluation value is `e`: no inventory and CA = 2 × CL make A = B = 2; no total
 * liabilities make D = 0; net worth CL / (4 − e) makes C = 4 − e, so (A + B) − (C + D) = e.
 */
function withEvaluation(e: number): WorkingAssetsInput {
  return { currentAssets: 2000, inventory: 0, currentLiabilities: 1000, totalLiabilities: 0, netWorth: 1000 / (1 - e + 3) };
}

describe("workingAssetsBasis", () => {
  describe("invalid input and errors", () => {
    it("rejects a non-finite figure, naming it", () => {
      expect(workingAssetsBasis({ ...first, inventory: NaN }, DEFAULT_POLICY)).toEqual({
        ok: false,
        error: { kind: "invalidInput", field: "inventory", detail: "is not a finite number" },
      });
    });
    it("rejects negative assets or liabilities", () => {
      expect(workingAssetsBasis({ ...first, currentAssets: -1 }, DEFAULT_POLICY)).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "currentAssets" } });
    });
    it("rejects an extra own key that is not a finite number, and ignores inherited keys", () => {
      expect(workingAssetsBasis({ ...first, extra: "x" } as WorkingAssetsInput, DEFAULT_POLICY)).toEqual({
        ok: false,
        error: { kind: "invalidInput", field: "extra", detail: "is not a finite number" },
      });
      const inheriting = Object.assign(Object.create({ extra: "x" }) as WorkingAssetsInput, first);
      expect(workingAssetsBasis(inheriting, DEFAULT_POLICY)).toEqual(workingAssetsBasis(first, DEFAULT_POLICY));
    });
    it("names the first bad field in the input's key order", () => {
      const input = { netWorth: NaN, currentAssets: NaN, inventory: 0, currentLiabilities: 1, totalLiabilities: 0 };
      expect(workingAssetsBasis(input, DEFAULT_POLICY)).toMatchObject({ ok: false, error: { field: "netWorth" } });
    });
    it.each([
      ["currentLiabilities", { currentLiabilities: 0 }],
      ["netWorth", { netWorth: 0 }],
    ])("gives divideByZero when %s is 0", (field, change) => {
      expect(workingAssetsBasis({ ...first, ...change }, DEFAULT_POLICY)).toEqual({ ok: false, error: { kind: "divideByZero", field } });
    });
  });

  describe("spec examples", () => {
    it("CA 5,000, inventory 2,000, CL 2,500, TL 4,000, NW 6,000 → 4,250 × 25 % = 1,062.50", () => {
      const r = workingAssetsBasis(first, DEFAULT_POLICY);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.workingCapital).toBe(2500);
      expect(r.value.workingAssets).toBe(4250);
      expect(r.value.ratios.currentRatio).toBe(2);
      expect(r.value.ratios.quickRatio).toBe(1.2);
      expect(r.value.ratios.currentLiabilitiesToNetWorth).toBeCloseTo(0.4167, 4);
      expect(r.value.ratios.totalLiabilitiesToNetWorth).toBeCloseTo(0.6667, 4);
      expect(r.value.evaluation).toBeCloseTo(2.1167, 4);
      expect(r.value.percent).toBe(25);
      expect(r.value.basis).toBe(1062.5);
      expect(r.value.riskLabel).toEqual({ en: "lower risk", zh: "风险较低" });
      expect(r.value.zeroReason).toBeUndefined();
    });
    it("CA 3,000, inventory 1,500, CL 3,000, TL 7,000, NW 2,000 → evaluation −3.5 → 5 % of 1,000 = 50", () => {
      const r = workingAssetsBasis(second, DEFAULT_POLICY);
      expect(r.ok && r.value.workingAssets).toBe(1000);
      expect(r.ok && r.value.evaluation).toBe(-3.5);
      expect(r.ok && r.value.percent).toBe(5);
      expect(r.ok && r.value.basis).toBe(50);
      expect(r.ok && r.value.riskLabel.en).toBe("higher risk");
    });
  });

  describe("band edges", () => {
    it.each([
      [-5, 0],
      [-4.6, 0],
      [-4.59, 2.5],
      [-3.9, 2.5],
      [-3.89, 5],
      [-3.2, 5],
      [-3.19, 7.5],
      [-2.5, 7.5],
      [-2.49, 10],
      [-1.8, 10],
      [-1.79, 12.5],
      [-1.1, 12.5],
      [-1.09, 15],
      [-0.4, 15],
      [-0.39, 17.5],
      [0.3, 17.5],
      [0.31, 20],
      [0.99, 20],
      [1.0, 25],
      [3, 25],
    ])("evaluation value %p → %p %% of working assets", (e, percent) => {
      const r = workingAssetsBasis(withEvaluation(e), DEFAULT_POLICY);
      expect(r.ok && r.value.evaluation).toBe(e);
      expect(r.ok && r.value.percent).toBe(percent);
    });

    it.each([
      [-1.8, "higher risk", "风险较高"],
      [-1.79, "limited risk", "风险有限"],
      [0.99, "limited risk", "风险有限"],
      [1.0, "lower risk", "风险较低"],
    ])("risk label of %p is %s", (e, en, zh) => {
      expect(riskLabelOf(e)).toEqual({ en, zh });
    });
  });

  describe("basis alone (creditLimit's path)", () => {
    it("workingAssetsBasisAlone agrees with workingAssetsBasis", () => {
      const figure = fc.oneof(fc.integer({ min: 0, max: 20_000_000 }), fc.double({ min: 0, max: 1e9, noNaN: true }));
      const inputArb = fc.record({
        currentAssets: figure,
        inventory: figure,
        currentLiabilities: figure.filter((x) => x !== 0),
        totalLiabilities: figure,
        netWorth: fc.oneof(figure, fc.integer({ min: -5_000_000, max: -1 })).filter((x) => x !== 0),
      });
      fc.assert(
        fc.property(inputArb, (input) => {
          const r = workingAssetsBasis(input, DEFAULT_POLICY);
          if (!r.ok) {
            // Only an overflow (a ratio over a liability near 5e-324) may refuse what the checks accept.
            expect(r.error).toMatchObject({ kind: "outOfRange", detail: expect.stringContaining("overflow") });
            return;
          }
          const alone = workingAssetsBasisAlone(input, DEFAULT_POLICY);
          expect(alone.basis).toBe(r.value.basis);
          expect(alone.zeroReason).toEqual(r.value.zeroReason);
        }),
      );
    });
  });

  describe("zero basis", () => {
    it("gives 0 for negative net worth, with the reason", () => {
      const r = workingAssetsBasis({ ...first, netWorth: -100 }, DEFAULT_POLICY);
      expect(r.ok && r.value.basis).toBe(0);
      expect(r.ok && r.value.zeroReason).toEqual({ id: "netWorthNegative", params: { netWorth: -100 } });
      expect(r.ok && messageText(createTranslator("en-US"), "limitZero.", r.value.zeroReason!)).toBe("net worth -100 is negative");
    });
    it("gives 0 for negative working assets, with the reason", () => {
      const r = workingAssetsBasis({ currentAssets: 1000, inventory: 0, currentLiabilities: 5000, totalLiabilities: 6000, netWorth: 1000 }, DEFAULT_POLICY);
      expect(r.ok && r.value.workingAssets).toBe(-1500);
      expect(r.ok && r.value.basis).toBe(0);
      expect(r.ok && r.value.zeroReason).toEqual({ id: "workingAssetsNegative", params: { workingAssets: -1500 } });
      expect(r.ok && messageText(createTranslator("zh-CN"), "limitZero.", r.value.zeroReason!)).toBe("营运资产 -1500 为负");
    });
  });
});
