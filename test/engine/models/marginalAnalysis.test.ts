import fc from "fast-check";
import { marginalAnalysis, type MarginalAnalysisInput } from "../../../src/engine/models/marginalAnalysis";

/** Net 30 to net 45 with a 1 % discount half the customers take; figures worked by hand below. */
const EXAMPLE: MarginalAnalysisInput = {
  current: { sales: 3_650_000, dso: 30, lossRate: 0.01, discountTakeUp: 0, discountRate: 0 },
  proposed: { sales: 4_380_000, dso: 45, lossRate: 0.015, discountTakeUp: 0.5, discountRate: 0.01 },
  variableCostRatio: 0.7,
  costOfCapital: 0.1,
};

describe("marginalAnalysis (边际分析法, credit-method.md §9)", () => {
  it.each([
    [{ ...EXAMPLE, current: { ...EXAMPLE.current, sales: -1 } }, "current.sales"],
    [{ ...EXAMPLE, proposed: { ...EXAMPLE.proposed, dso: NaN } }, "proposed.dso"],
    [{ ...EXAMPLE, proposed: { ...EXAMPLE.proposed, lossRate: 1.2 } }, "proposed.lossRate"],
    [{ ...EXAMPLE, current: { ...EXAMPLE.current, discountTakeUp: -0.1 } }, "current.discountTakeUp"],
    [{ ...EXAMPLE, proposed: { ...EXAMPLE.proposed, discountRate: 2 } }, "proposed.discountRate"],
    [{ ...EXAMPLE, variableCostRatio: 1.1 }, "variableCostRatio"],
    [{ ...EXAMPLE, costOfCapital: -0.05 }, "costOfCapital"],
  ])("rejects a bad input naming %s", (input, field) => {
    expect(marginalAnalysis(input as MarginalAnalysisInput)).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field }) });
  });

  it("reproduces a worked example by hand", () => {
    // AR₀ = 3,650,000 / 365 × 30 = 300,000; AR₁ = 4,380,000 / 365 × 45 = 540,000.
    // Δ contribution = 730,000 × (1 − 0.7) = 219,000.
    // Δ carrying = (540,000 − 300,000) × 0.7 × 0.1 = 16,800.
    // Δ bad debt = 4,380,000 × 1.5 % − 3,650,000 × 1 % = 65,700 − 36,500 = 29,200.
    // Δ discount = 4,380,000 × 50 % × 1 % − 0 = 21,900.
    // Net = 219,000 − 16,800 − 29,200 − 21,900 = 151,100 > 0: change.
    const r = marginalAnalysis(EXAMPLE);
    if (!r.ok) throw new Error("expected ok");
    const v = r.value;
    expect(v.averageReceivablesCurrent).toBeCloseTo(300_000, 6);
    expect(v.averageReceivablesProposed).toBeCloseTo(540_000, 6);
    expect(v.deltaContribution).toBeCloseTo(219_000, 6);
    expect(v.deltaCarryingCost).toBeCloseTo(16_800, 6);
    expect(v.deltaBadDebt).toBeCloseTo(29_200, 6);
    expect(v.deltaDiscountCost).toBeCloseTo(21_900, 6);
    expect(v.net).toBeCloseTo(151_100, 6);
    expect(v.decision).toBe("change");
  });

  it("keeps the terms when the net is zero or negative", () => {
    const same = marginalAnalysis({ ...EXAMPLE, proposed: EXAMPLE.current });
    expect(same.ok && same.value.net).toBe(0);
    expect(same.ok && same.value.decision).toBe("keep");
    // Higher sales bought with a 60 % loss rate lose money.
    const costly = marginalAnalysis({ ...EXAMPLE, proposed: { ...EXAMPLE.proposed, lossRate: 0.6 } });
    expect(costly.ok && costly.value.decision).toBe("keep");
  });

  it("property: the net is the sum of its parts and swapping the policies negates it", () => {
    const scenario = fc.record({
      sales: fc.integer({ min: 0, max: 10_000_000 }),
      dso: fc.integer({ min: 0, max: 180 }),
      lossRate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      discountTakeUp: fc.double({ min: 0, max: 1, noNaN: true }),
      discountRate: fc.double({ min: 0, max: 0.05, noNaN: true }),
    });
    fc.assert(fc.property(scenario, scenario, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.3, noNaN: true }), (a, b, vcr, coc) => {
      const r = marginalAnalysis({ current: a, proposed: b, variableCostRatio: vcr, costOfCapital: coc });
      const s = marginalAnalysis({ current: b, proposed: a, variableCostRatio: vcr, costOfCapital: coc });
      if (!r.ok || !s.ok) return false;
      const v = r.value;
      const parts = v.deltaContribution - v.deltaCarryingCost - v.deltaBadDebt - v.deltaDiscountCost;
      return Math.abs(v.net - parts) <= 1e-6 && Math.abs(v.net + s.value.net) <= 1e-6 * (1 + Math.abs(v.net));
    }));
  });
});
