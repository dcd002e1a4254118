import "../../support/errorsInEnglish";
import { readFileSync } from "fs";
import { join } from "path";
import { altmanInputs } from "../../../src/engine/ratios/altmanInputs";
import { altmanZ } from "../../../src/engine/ratios/altmanZ";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";

const fp: FinancialPeriod = {
  customerId: "C1",
  periodEnd: 0,
  currentAssets: 300,
  currentLiabilities: 100,
  totalAssets: 1000,
  retainedEarnings: 300,
  ebit: 100,
  totalLiabilities: 400,
  equity: 600,
  revenue: 1200,
};

describe("altmanInputs", () => {
  it("names every missing figure", () => {
    const r = altmanInputs({ customerId: "C1", periodEnd: 0, currentAssets: 1, totalAssets: 10 });
    expect(r).toEqual({
      ok: false,
      error: { kind: "notAvailable", what: "Altman inputs missing: currentLiabilities, retainedEarnings, ebit, totalLiabilities, equity" },
    });
  });
  it.each([
    ["totalAssets", { totalAssets: 0 }],
    ["totalLiabilities", { totalLiabilities: 0 }],
  ])("gives divideByZero for a zero %s", (field, change) => {
    expect(altmanInputs({ ...fp, ...change })).toEqual({ ok: false, error: { kind: "divideByZero", field } });
  });
  it("rejects a non-finite market value", () => {
    expect(altmanInputs(fp, NaN)).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "marketValueOfEquity" } });
  });

  it("gives the spec example's ratios from raw figures", () => {
    const r = altmanInputs(fp);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.x1).toBeCloseTo(0.2, 12);
    expect(r.value.x2).toBeCloseTo(0.3, 12);
    expect(r.value.x3).toBeCloseTo(0.1, 12);
    expect(r.value.x4).toBeCloseTo(1.5, 12);
    expect(r.value.x5).toBeCloseTo(1.2, 12);
  });
  it("uses the market value of equity for X4 when given, and leaves X5 out without revenue", () => {
    const r = altmanInputs({ ...fp, revenue: undefined }, 800);
    expect(r.ok && r.value.x4).toBe(2);
    expect(r.ok && r.value.x5).toBeUndefined();
  });
});

describe("acceptance: Altman Z on US bankruptcy raw items (130 firm-years)", () => {
  const file = join(__dirname, "../../../../shared/data/us-bankruptcy-rawitems-subset/american_bankruptcy_first130.csv");
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const [header, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const columns = header.split(",");
  const rows = lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((c, i) => [c, cells[i]]));
  });

  it("reads all 130 rows of the file", () => {
    expect(columns[0]).toBe("company_name");
    expect(rows).toHaveLength(130);
  });

  it("matches the README formula computed plainly, for every row", () => {
    let compared = 0;
    for (const row of rows) {
      const x = (k: string): number => Number(row[k]);
      // README: Z = 1.2·(X1−X14)/X10 + 1.4·X15/X10 + 3.3·X12/X10 + 0.6·X8/X17 + 1.0·X9/X10
      const plain =
        (1.2 * (x("X1") - x("X14"))) / x("X10") +
        (1.4 * x("X15")) / x("X10") +
        (3.3 * x("X12")) / x("X10") +
        (0.6 * x("X8")) / x("X17") +
        (1.0 * x("X9")) / x("X10");
      const period: FinancialPeriod = {
        customerId: row.company_name,
        periodEnd: Number(row.year),
        currentAssets: x("X1"),
        currentLiabilities: x("X14"),
        totalAssets: x("X10"),
        retainedEarnings: x("X15"),
        ebit: x("X12"),
        totalLiabilities: x("X17"),
        revenue: x("X9"),
      };
      const inputs = altmanInputs(period, x("X8"));
      expect(inputs.ok).toBe(true);
      if (!inputs.ok) continue;
      const z = altmanZ("Z", inputs.value);
      expect(z.ok).toBe(true);
      if (!z.ok) continue;
      expect(z.value.z).toBeCloseTo(plain, 9);
      const expectedZone = plain < 1.81 ? "distress" : plain > 2.99 ? "safe" : "grey";
      expect(z.value.zone).toBe(expectedZone);
      compared++;
    }
    expect(compared).toBe(130);
  });
});

describe("altmanInputs, missing and non-finite figures", () => {
  it.each<[string, Partial<FinancialPeriod>, string]>([
    ["one missing figure", { ebit: undefined }, "ebit"],
    ["a non-finite figure", { totalAssets: Infinity }, "totalAssets"],
    ["the book equity", { equity: NaN }, "equity"],
    ["every figure", { currentAssets: undefined, currentLiabilities: undefined, totalAssets: undefined, retainedEarnings: undefined, ebit: undefined, totalLiabilities: undefined, equity: undefined },
      "currentAssets, currentLiabilities, totalAssets, retainedEarnings, ebit, totalLiabilities, equity"],
  ])("names %s", (_what, change, names) => {
    expect(altmanInputs({ ...fp, ...change })).toEqual({ ok: false, error: { kind: "notAvailable", what: `Altman inputs missing: ${names}` } });
  });
  it("does not miss the book equity when a market value is given", () => {
    expect(altmanInputs({ ...fp, equity: undefined }, 800)).toEqual({ ok: true, value: { x1: 0.2, x2: 0.3, x3: 0.1, x4: 2, x5: 1.2 } });
  });
  it("reports missing figures before a zero total assets", () => {
    expect(altmanInputs({ ...fp, totalAssets: 0, ebit: undefined })).toMatchObject({ ok: false, error: { kind: "notAvailable" } });
  });
  it("leaves X5 undefined when revenue is not finite", () => {
    const r = altmanInputs({ ...fp, revenue: NaN });
    expect(r.ok && Object.keys(r.value)).toEqual(["x1", "x2", "x3", "x4", "x5"]);
    expect(r.ok && r.value.x5).toBeUndefined();
  });
});
