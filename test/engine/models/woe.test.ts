import { fieldInWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { ivStrength, woeTable } from "../../../src/engine/models/woe";

describe("woeTable (credit-method.md §10)", () => {
  it.each([
    ["no bin", [], "bins"],
    ["negative goods", [{ goods: -1, bads: 2 }], "bins.goods item 1"],
    ["NaN bads", [{ goods: 1, bads: 2 }, { goods: 1, bads: NaN }], "bins.bads item 2"],
  ])("rejects %s naming the field", (_, counts, field) => {
    const r = woeTable(counts);
    expect(r.ok).toBe(false);
    if (!r.ok && "field" in r.error) expect(fieldInWords(r.error)).toBe(field);
  });

  it("names the bin without goods or without bads (its WOE would be infinite)", () => {
    const r = woeTable([{ goods: 10, bads: 0 }, { goods: 5, bads: 5 }]);
    expect(r).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field: "bins", at: { item: 1 } }) });
    const s = woeTable([{ goods: 10, bads: 3 }, { goods: 0, bads: 5 }]);
    expect(s).toEqual({ ok: false, error: expect.objectContaining({ kind: "outOfRange", field: "bins", at: { item: 2 } }) });
  });

  it("smooths empty counts when asked, keeping the raw counts in the result", () => {
    const r = woeTable([{ goods: 10, bads: 0 }, { goods: 5, bads: 5 }], 0.5);
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.bins[0].woe).toBeCloseTo(Math.log((10.5 / 16) / (0.5 / 6)), 12);
    expect(r.value.goods).toBe(15);
    expect(r.value.bads).toBe(5);
  });

  it("reproduces the spec's example: 900 goods and 200 bads in (600, 100) and (300, 100)", () => {
    const r = woeTable([{ goods: 600, bads: 100 }, { goods: 300, bads: 100 }]);
    if (!r.ok) throw new Error("expected ok");
    expect(r.value.bins[0].woe.toFixed(4)).toBe("0.2877");
    expect(r.value.bins[1].woe.toFixed(4)).toBe("-0.4055");
    expect(r.value.iv.toFixed(4)).toBe("0.1155");
    expect(ivStrength(r.value.iv)).toBe("medium");
    // By hand: ln((2/3)/(1/2)) = ln(4/3), ln((1/3)/(1/2)) = ln(2/3); IV = (1/6)·ln(4/3) + (1/6)·ln(3/2).
    expect(r.value.bins[0].woe).toBeCloseTo(Math.log(4 / 3), 14);
    expect(r.value.bins[1].woe).toBeCloseTo(Math.log(2 / 3), 14);
    expect(r.value.iv).toBeCloseTo((Math.log(4 / 3) + Math.log(3 / 2)) / 6, 14);
  });

  it.each([
    [0, "useless"], [0.0199, "useless"], [0.02, "weak"], [0.0999, "weak"], [0.1, "medium"], [0.2999, "medium"],
    [0.3, "strong"], [0.5, "strong"], [0.5001, "suspicious"],
  ])("ivStrength(%p) is %s", (iv, strength) => {
    expect(ivStrength(iv)).toBe(strength);
  });

  it("property: IV ≥ 0, each bin's part ≥ 0, shares sum to 1", () => {
    const bin = fc.record({ goods: fc.integer({ min: 1, max: 1000 }), bads: fc.integer({ min: 1, max: 1000 }) });
    fc.assert(
      fc.property(fc.array(bin, { minLength: 1, maxLength: 12 }), (bins) => {
        const r = woeTable(bins);
        if (!r.ok) return false;
        const goodShares = r.value.bins.reduce((s, b) => s + b.goodShare, 0);
        const badShares = r.value.bins.reduce((s, b) => s + b.badShare, 0);
        return r.value.iv >= 0 && r.value.bins.every((b) => b.iv >= 0) && Math.abs(goodShares - 1) < 1e-12 && Math.abs(badShares - 1) < 1e-12;
      }),
    );
  });
});
