import "../../support/errorsInEnglish";
import { bathory, type BathoryInput } from "../../../src/engine/ratios/bathory";

const input: BathoryInput = {
  profitBeforeTax: 100,
  depreciation: 20,
  amortisation: 5,
  interest: 15,
  currentAssets: 600,
  currentLiabilities: 400,
  equity: 800,
  intangibleAssets: 100,
  totalLiabilities: 700,
  totalAssets: 1500,
};

describe("bathory", () => {
  it("rejects a non-finite figure, naming it", () => {
    expect(bathory({ ...input, equity: NaN })).toEqual({ ok: false, error: { kind: "invalidInput", field: "equity", detail: "is not a finite number" } });
  });
  it.each<[string, Partial<BathoryInput>]>([
    ["currentLiabilities", { currentLiabilities: 0 }],
    ["workingCapital", { currentAssets: 400 }],
    ["totalLiabilities", { totalLiabilities: 0 }],
    ["totalAssets", { totalAssets: 0 }],
  ])("gives divideByZero for a zero %s", (field, change) => {
    expect(bathory({ ...input, ...change })).toEqual({ ok: false, error: { kind: "divideByZero", field } });
  });
  it("computes the five components and their sum", () => {
    const r = bathory(input);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.x1).toBeCloseTo((100 + 20 + 5 + 15) / 400, 12);
    expect(r.value.x2).toBeCloseTo(100 / 200, 12);
    expect(r.value.x3).toBeCloseTo(800 / 400, 12);
    expect(r.value.x4).toBeCloseTo((800 - 100) / 700, 12);
    expect(r.value.x5).toBeCloseTo(200 / 1500, 12);
    expect(r.value.sum).toBeCloseTo(0.35 + 0.5 + 2 + 1 + 200 / 1500, 12);
  });
  it("defaults amortisation, interest and intangible assets to 0", () => {
    const r = bathory({ ...input, amortisation: undefined, interest: undefined, intangibleAssets: undefined });
    expect(r.ok && r.value.x1).toBeCloseTo(120 / 400, 12);
    expect(r.ok && r.value.x4).toBeCloseTo(800 / 700, 12);
  });
});
