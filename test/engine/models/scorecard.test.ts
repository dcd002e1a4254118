import { binPoints, scoreOfOdds, scoreOfPd, scorecardScaling } from "../../../src/engine/models/scorecard";

const SPEC = { pdo: 20, baseScore: 600, baseOdds: 50 };

describe("scorecardScaling (credit-method.md §10)", () => {
  it.each([
    [{ ...SPEC, pdo: 0 }, "pdo"],
    [{ ...SPEC, pdo: -20 }, "pdo"],
    [{ ...SPEC, baseScore: NaN }, "baseScore"],
    [{ ...SPEC, baseOdds: 0 }, "baseOdds"],
  ])("rejects %p naming %s", (input, field) => {
    expect(scorecardScaling(input)).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field }) });
  });

  it("reproduces the spec's example: PDO 20, 600 at 50:1 → factor 28.8539, offset 487.1229; 100:1 → 620, 25:1 → 580", () => {
    const s = scorecardScaling(SPEC);
    if (!s.ok) throw new Error("expected ok");
    expect(s.value.factor.toFixed(4)).toBe("28.8539");
    expect(s.value.offset.toFixed(4)).toBe("487.1229");
    const at = (odds: number): number => {
      const r = scoreOfOdds(s.value, odds);
      if (!r.ok) throw new Error("expected ok");
      return r.value;
    };
    expect(at(50)).toBeCloseTo(600, 10);
    expect(at(100)).toBeCloseTo(620, 10);
    expect(at(25)).toBeCloseTo(580, 10);
    expect(Math.round(at(100))).toBe(620);
    expect(Math.round(at(25))).toBe(580);
  });

  it("scores a PD through its odds of good, and rejects PDs of 0 and 1", () => {
    const s = scorecardScaling(SPEC);
    if (!s.ok) throw new Error("expected ok");
    const r = scoreOfPd(s.value, 1 / 101);
    expect(r.ok && r.value).toBeCloseTo(620, 10);
    expect(scoreOfPd(s.value, 0)).toEqual({ ok: false, error: expect.objectContaining({ field: "pd" }) });
    expect(scoreOfPd(s.value, 1)).toEqual({ ok: false, error: expect.objectContaining({ field: "pd" }) });
    expect(scoreOfOdds(s.value, -1)).toEqual({ ok: false, error: expect.objectContaining({ field: "odds" }) });
  });

  it("splits a score into points per characteristic that add up to the score of the PD", () => {
    const s = scorecardScaling(SPEC);
    if (!s.ok) throw new Error("expected ok");
    const intercept = -1.2;
    const betas = [-0.8, -1.1, -0.4];
    const woes = [0.5, -0.3, 1.2];
    const points = betas.map((b, j) => binPoints(s.value, b, woes[j], intercept, 3));
    const z = intercept + betas.reduce((sum, b, j) => sum + b * woes[j], 0);
    const pd = 1 / (1 + Math.exp(-z));
    const total = points.reduce((a, b) => a + b, 0);
    const expected = scoreOfPd(s.value, pd);
    expect(expected.ok && total - expected.value).toBeCloseTo(0, 9);
    // The doc example, by hand: −(−0.8 × 0.5 − 0.4) × 28.8539 + 487.1229 / 3 = 23.0831 + 162.3743.
    expect(binPoints(s.value, -0.8, 0.5, -1.2, 3)).toBeCloseTo(0.8 * (20 / Math.LN2) + s.value.offset / 3, 10);
  });
});
