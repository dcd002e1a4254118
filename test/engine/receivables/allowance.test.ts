import { fieldInWords } from "../../support/errorsInEnglish";
import { cohortLossRates } from "../../../src/engine/receivables/cohortLossRates";
import { provision } from "../../../src/engine/receivables/provision";
import { rollRateLossRates } from "../../../src/engine/receivables/rollRateLossRates";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";

describe("provision", () => {
  it("throws on mismatched lengths (programmer bug; adapters validate)", () => {
    expect(() => provision([1, 2], [1])).toThrow(RangeError);
  });

  it("applies the default matrix 0.5/2/5/10/25/50/100 %", () => {
    const buckets = [1_000_000, 500_000, 200_000, 100_000, 40_000, 20_000, 10_000].map((x) => x * 100);
    const r = provision(buckets, DEFAULT_POLICY.provisionPercents);
    expect(r.byBucket).toEqual([5000, 10000, 10000, 10000, 10000, 10000, 10000]);
    expect(r.total).toBe(65000);
  });

  it("rounds each bucket to the cent and totals the rounded figures", () => {
    const r = provision([333, 333, 333], [50, 50, 50]);
    expect(r.byBucket).toEqual([1.67, 1.67, 1.67]);
    expect(r.total).toBe(5.01);
  });

  it("applies the forward-looking multiplier, capped at 100 % of the balance", () => {
    expect(provision([10000, 10000], [50, 100], 1.2)).toEqual({ byBucket: [60, 100], total: 160 });
  });
});

describe("rollRateLossRates", () => {
  it.each([
    [[[1, 2]], "snapshots"],
    [[[1], [1]], "snapshots"],
    [[[1, 2], [1, 2, 3]], "snapshots month 2"],
    [[[1, -2], [1, 2]], "snapshots month 1 column 2"],
  ])("%j is #VALUE! naming %s", (snapshots, field) => {
    const r = rollRateLossRates(snapshots);
    expect(!r.ok && r.error).toMatchObject({ kind: "invalidInput", field });
  });

  it("is #N/A when a bucket never held a balance", () => {
    const r = rollRateLossRates([[100, 0, 0], [100, 10, 0]]);
    expect(!r.ok && r.error.kind).toBe("notAvailable");
  });

  it("reproduces the documented worked example", () => {
    const r = rollRateLossRates([[1000, 200, 0], [1100, 300, 50], [1200, 330, 90]]);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value[0]).toBeCloseTo(0.3 * 0.275, 12);
      expect(r.value[1]).toBeCloseTo(0.275, 12);
      expect(r.value[2]).toBe(1);
    }
  });

  it("caps a monthly roll rate at 1", () => {
    const r = rollRateLossRates([[100, 0], [100, 500]]);
    expect(r.ok && r.value).toEqual([1, 1]);
  });
});

describe("cohortLossRates", () => {
  it.each([
    [[], "cohorts"],
    [[{ reached: [], writtenOff: 0 }], "cohorts"],
    [[{ reached: [10, 5], writtenOff: 0 }, { reached: [10], writtenOff: 0 }], "cohorts row 2"],
    [[{ reached: [10, 20], writtenOff: 0 }], "cohorts row 1 bucket 2"],
    [[{ reached: [10, -1], writtenOff: 0 }], "cohorts row 1 bucket 2"],
    [[{ reached: [10, 5], writtenOff: 11 }], "writtenOff row 1"],
  ])("%j is #VALUE! naming %s", (cohorts, field) => {
    const r = cohortLossRates(cohorts);
    expect(!r.ok && r.error).toMatchObject({ kind: "invalidInput" });
    expect(!r.ok && fieldInWords(r.error)).toBe(field);
  });

  it("is #N/A when no cohort reached a bucket", () => {
    const r = cohortLossRates([{ reached: [100, 0], writtenOff: 0 }]);
    expect(!r.ok && r.error.kind).toBe("notAvailable");
  });

  it("divides all write-offs by what reached each bucket", () => {
    const r = cohortLossRates([{ reached: [1000, 200, 50], writtenOff: 20 }, { reached: [1000, 300, 50], writtenOff: 30 }]);
    expect(r.ok).toBe(true);
    if (r.ok) [0.025, 0.1, 0.5].forEach((x, i) => expect(r.value[i]).toBeCloseTo(x, 12));
  });
});
