import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { collectionAction, RESOLVE_DISPUTE_ACTION } from "../../../src/engine/receivables/collectionAction";
import { lateInterest } from "../../../src/engine/receivables/lateInterest";

describe("collectionAction", () => {
  it.each([
    [-10, 0],
    [0, 0],
    [1, 1],
    [15, 1],
    [16, 2],
    [30, 2],
    [31, 3],
    [60, 3],
    [61, 4],
    [90, 4],
    [91, 5],
    [180, 5],
    [181, 6],
  ])("%d days past due → level %d", (daysPastDue, level) => {
    const step = collectionAction({ daysPastDue, overdueAmount: 500, isDisputed: false }, DEFAULT_POLICY);
    expect(step).toEqual({ level, action: DEFAULT_POLICY.collectionActions[level] });
  });

  it.each([
    [0, 100_001, 0],
    [10, 100_000, 1],
    [10, 100_000.01, 2],
    [45, 250_000, 4],
    [200, 250_000, 6],
  ])("%d days with overdue amount %d → level %d (one level earlier above the threshold)", (daysPastDue, overdueAmount, level) => {
    expect(collectionAction({ daysPastDue, overdueAmount, isDisputed: false }, DEFAULT_POLICY).level).toBe(level);
  });

  it("sends a disputed item to dispute resolution, keeping its ladder level", () => {
    expect(collectionAction({ daysPastDue: 45, overdueAmount: 10, isDisputed: true }, DEFAULT_POLICY)).toEqual({ level: 3, action: RESOLVE_DISPUTE_ACTION });
    expect(collectionAction({ daysPastDue: 0, overdueAmount: 10, isDisputed: true }, DEFAULT_POLICY)).toEqual({ level: 0, action: RESOLVE_DISPUTE_ACTION });
  });

  it("names a level the policy has no action for", () => {
    const policy = { ...DEFAULT_POLICY, collectionActions: ["none"] };
    expect(collectionAction({ daysPastDue: 5, overdueAmount: 1, isDisputed: false }, policy).action).toBe("Collections level 1");
  });
});

describe("lateInterest", () => {
  it("throws on a non-finite input (programmer bug; adapters validate)", () => {
    expect(() => lateInterest({ amount: Number.NaN, daysPastDue: 1, annualRatePercent: 1 })).toThrow(RangeError);
  });

  it("reproduces the §6 example: 100 overdue 15 days at 10 % with a fee of 10 → 0.41 and 110.41", () => {
    expect(lateInterest({ amount: 100, daysPastDue: 15, annualRatePercent: 10, fee: 10 })).toEqual({ interest: 0.41, demanded: 110.41 });
  });

  it.each([
    [100, 0, 10, 10, 0, 100],
    [100, -3, 10, 10, 0, 100],
    [-50, 30, 10, 10, 0, -50],
    [100, 15, 0, 0, 0, 100],
    [1000, 365, 5, 0, 50, 1050],
    [73, 1, 2.5, 0, 0.01, 73.01], // 73 × 2.5 % / 365 = 0.005 → rounds half away from zero
    [0.1 + 0.2, 365, 100, 0.1, 0.3, 0.7],
  ])("amount %d, %d days, %d %%, fee %d → interest %d, demanded %d", (amount, daysPastDue, annualRatePercent, fee, interest, demanded) => {
    expect(lateInterest({ amount, daysPastDue, annualRatePercent, fee })).toEqual({ interest, demanded });
  });
});
