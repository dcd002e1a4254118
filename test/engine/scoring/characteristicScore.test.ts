import { fieldInWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { characteristicScore } from "../../../src/engine/scoring/characteristicScore";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { CHARACTERISTIC_KEYS } from "../../../src/engine/policy/characteristics";

const W = DEFAULT_POLICY.weights;
const scoreArb = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 18, maxLength: 18 });

describe("characteristicScore", () => {
  describe("invalid input", () => {
    it.each<[number[], number[], string]>([
      [[1, 2], [1, 2, 3], "weights"],
      [[11, 2], [1, 1], "scores.item1"],
      [[-1, 2], [1, 1], "scores.item1"],
      [[5, 2], [1, -1], "weights.item2"],
      [[5, NaN], [1, 1], "scores.item2"],
      [[5, 5], [0, 0], "weights"],
      [[], [], "scores"],
    ])("rejects scores %j with weights %j, naming %s", (scores, weights, field) => {
      const r = characteristicScore(scores, weights);
      expect(r.ok).toBe(false);
      expect(!r.ok && fieldInWords(r.error)).toBe(field);
    });

    it("accepts arrays of another length than 18 only when both are arrays", () => {
      expect(characteristicScore([8, 6, 0, 10], W)).toMatchObject({ ok: false, error: { field: "scores" } });
      expect(characteristicScore({}, [3, 2, 1, 2])).toMatchObject({ ok: false, error: { field: "weights" } });
    });

    it("reports a missing weight before any invalid score", () => {
      const { capital, ...weights } = W;
      void capital;
      expect(characteristicScore({ appearance: 11 }, weights as typeof W)).toEqual({
        ok: false,
        error: { kind: "invalidInput", field: "weights.capital", detail: "is missing" },
      });
    });

    it("reports an out-of-range score as outOfRange", () => {
      expect(characteristicScore({ paymentRecord: 12 }, W)).toEqual({
        ok: false,
        error: { kind: "outOfRange", field: "scores.paymentRecord", detail: "must be 0–10 (0 = no information), got 12" },
      });
    });
  });

  describe("values", () => {
    it("gives the spec example: 8, 6, 0 (unknown), 10 with weights 3, 2, 1, 2 → 56 / 80 = 70 %", () => {
      const r = characteristicScore([8, 6, 0, 10], [3, 2, 1, 2]);
      expect(r.ok && r.value.compositePercent).toBe(70);
      expect(r.ok && r.value.coveragePercent).toBe(87.5);
      expect(r.ok && r.value.contributions.map((c) => [c.key, c.points, c.maxPoints])).toEqual([
        ["item1", 24, 30],
        ["item2", 12, 20],
        ["item3", 0, 10],
        ["item4", 20, 20],
      ]);
    });

    it("keys a record by characteristic; a missing score is 0 (no information)", () => {
      const r = characteristicScore({ paymentRecord: 10, bankCredit: 5 }, W);
      const expected = ((10 * 12 + 5 * 7) * 100) / (10 * 100);
      expect(r.ok && r.value.compositePercent).toBeCloseTo(expected, 10);
      expect(r.ok && r.value.coveragePercent).toBe(19);
      expect(r.ok && r.value.contributions.map((c) => c.key)).toEqual(CHARACTERISTIC_KEYS);
    });

    it("gives the same result for an 18-long array in characteristic order", () => {
      const scores = CHARACTERISTIC_KEYS.map((_, i) => i % 11);
      const record = Object.fromEntries(CHARACTERISTIC_KEYS.map((k, i) => [k, i % 11]));
      expect(characteristicScore(scores, W)).toEqual(characteristicScore(record, W));
      expect(characteristicScore(scores, CHARACTERISTIC_KEYS.map((k) => W[k]))).toEqual(characteristicScore(record, W));
    });

    it("builds the contributions from the scores and weights as they were at the call", () => {
      const scores = [8, 6, 0, 10];
      const weights = [3, 2, 1, 2];
      const r = characteristicScore(scores, weights);
      scores[0] = 0;
      weights[0] = 100;
      expect(r.ok && r.value.contributions[0]).toEqual({ key: "item1", score: 8, weight: 3, points: 24, maxPoints: 30 });
    });

    it("is 100 % for all tens and 0 % with no information", () => {
      expect(characteristicScore(new Array(18).fill(10), W)).toMatchObject({ ok: true, value: { compositePercent: 100, coveragePercent: 100 } });
      expect(characteristicScore({}, W)).toMatchObject({ ok: true, value: { compositePercent: 0, coveragePercent: 0 } });
    });
  });

  describe("properties", () => {
    it("keeps the composite within 0..100 and coverage within 0..100", () => {
      fc.assert(
        fc.property(scoreArb, fc.array(fc.double({ min: 0, max: 50, noNaN: true }), { minLength: 18, maxLength: 18 }), (scores, weights) => {
          fc.pre(weights.some((w) => w > 0));
          const r = characteristicScore(scores, weights);
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.value.compositePercent).toBeGreaterThanOrEqual(0);
          expect(r.value.compositePercent).toBeLessThanOrEqual(100);
          expect(r.value.coveragePercent).toBeGreaterThanOrEqual(0);
          expect(r.value.coveragePercent).toBeLessThanOrEqual(100);
        }),
      );
    });

    it("never lowers the composite when a score rises", () => {
      fc.assert(
        fc.property(scoreArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (scores, i, step) => {
          const raised = scores.slice();
          raised[i] = Math.min(10, raised[i] + step);
          const before = characteristicScore(scores, W);
          const after = characteristicScore(raised, W);
          expect(before.ok && after.ok).toBe(true);
          if (before.ok && after.ok) expect(after.value.compositePercent).toBeGreaterThanOrEqual(before.value.compositePercent);
        }),
      );
    });
  });
});
