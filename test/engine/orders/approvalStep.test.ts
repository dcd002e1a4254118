import fc from "fast-check";
import { APPROVAL_STEPS, approvalStep, type ApprovalFigures, type ApprovalStep } from "../../../src/engine/orders/approvalStep";
import { checkOrder } from "../../../src/engine/orders/checkOrder";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { Policy } from "../../../src/engine/policy/Policy";
import { validatePolicy } from "../../../src/engine/policy/validatePolicy";

/** A chain with round thresholds, so every boundary below is read off the policy. */
const policy: Policy = {
  ...DEFAULT_POLICY,
  creditManagerExcessPercent: 10,
  approvalChain: {
    salesperson: { maxOrder: 10_000, maxExcessPercent: 0, lowestGrade: "A" },
    salesManager: { maxOrder: 50_000, maxExcessPercent: 2, lowestGrade: "B" },
    creditStaff: { maxOrder: 100_000, maxExcessPercent: 5, lowestGrade: "B" },
    creditManager: { maxOrder: 500_000, lowestGrade: "C" },
  },
};
// limit 1,000,000.00 in cents; the exposure is the limit plus the excess.
const LIMIT_CENTS = 100_000_000;
const figures = (patch: Partial<ApprovalFigures>): ApprovalFigures => ({ grade: "A", newOrder: 1_000, exposureCents: LIMIT_CENTS, limitCents: LIMIT_CENTS, ...patch });
const stepOf = (patch: Partial<ApprovalFigures>): ApprovalStep => approvalStep(figures(patch), policy).step;
const excessOf = (excessCents: number): Partial<ApprovalFigures> => ({ exposureCents: LIMIT_CENTS + excessCents });

describe("approvalStep: the policy's thresholds, strictly greater exceeds (§8)", () => {
  it("the test policy is valid", () => expect(validatePolicy(policy)).toEqual([]));

  it.each([
    [10_000, "salesperson"],
    [10_000.01, "salesManager"],
    [50_000, "salesManager"],
    [50_000.01, "creditStaff"],
    [100_000, "creditStaff"],
    [100_000.01, "creditManager"],
    [500_000, "creditManager"],
    [500_000.01, "seniorManagement"],
  ] as const)("order amount %d → %s", (newOrder, step) => expect(stepOf({ newOrder })).toBe(step));

  // 1 % of the 1,000,000 limit is 10,000.00 = 1,000,000 cents.
  it.each([
    [0, "salesperson"],
    [1, "salesManager"],
    [2_000_000, "salesManager"],
    [2_000_001, "creditStaff"],
    [5_000_000, "creditStaff"],
    [5_000_001, "creditManager"],
    [10_000_000, "creditManager"],
    [10_000_001, "seniorManagement"],
  ] as const)("excess %d cents over a 1,000,000 limit → %s", (excessCents, step) => expect(stepOf(excessOf(excessCents))).toBe(step));

  it.each([
    ["A", "salesperson"],
    ["B", "salesManager"],
    ["C", "creditManager"],
    ["D", "seniorManagement"],
  ] as const)("grade %s → %s", (grade, step) => expect(stepOf({ grade })).toBe(step));

  it("the default policy follows §8: an excess up to 10 % of the limit to the credit manager, more to senior management", () => {
    const at = (excessCents: number) => approvalStep(figures(excessOf(excessCents)), DEFAULT_POLICY).step;
    expect(at(10_000_000)).toBe("creditManager");
    expect(at(10_000_001)).toBe("seniorManagement");
    expect(at(0)).toBe("salesperson");
  });

  it("any excess on a zero limit goes to senior management", () => {
    expect(stepOf({ limitCents: 0, exposureCents: 1 })).toBe("seniorManagement");
    expect(stepOf({ limitCents: 0, exposureCents: 0 })).toBe("salesperson");
  });

  it("a floor raises the step but never lowers it", () => {
    expect(stepOf({ atLeast: "creditManager" })).toBe("creditManager");
    expect(stepOf({ atLeast: "salesManager", newOrder: 200_000 })).toBe("creditManager");
  });
});

describe("approvalStep: reasons name the step just below and every threshold it broke", () => {
  it("order and grade both above the sales manager", () => {
    const r = approvalStep(figures({ newOrder: 60_000, grade: "C" }), policy);
    expect(r.step).toBe("creditManager");
    // credit staff (the step below) may take grade B at most and 100,000: only the grade broke.
    expect(r.reasons).toEqual([{ id: "gradeBelow", params: { grade: "C", lowest: "B", stepId: "approval.step.creditStaff" } }]);
  });

  it("excess above the credit manager's share", () => {
    const r = approvalStep(figures({ ...excessOf(20_000_000), newOrder: 600_000 }), policy);
    expect(r.step).toBe("seniorManagement");
    expect(r.reasons.map((m) => m.id)).toEqual(["orderAbove", "excessAbove"]);
    expect(r.reasons[1]!.params).toEqual({ excess: 200_000, max: 10, stepId: "approval.step.creditManager" });
  });

  it("no reason when the salesperson may release it", () => expect(approvalStep(figures({}), policy).reasons).toEqual([]));
});

describe("approvalStep: properties", () => {
  const grade = fc.constantFrom("A", "B", "C", "D") as fc.Arbitrary<"A" | "B" | "C" | "D">;
  it("a larger order, a larger excess or a worse grade never goes to a lower step", () => {
    fc.assert(
      fc.property(grade, grade, fc.integer({ min: 1, max: 1_000_000_00 }), fc.integer({ min: 0, max: 1_000_000_00 }), fc.integer({ min: 0, max: 50_000_000 }), fc.integer({ min: 0, max: 50_000_000 }),
        (g1, g2, orderCents, moreCents, excess, moreExcess) => {
          const worse = ["A", "B", "C", "D"].indexOf(g1) <= ["A", "B", "C", "D"].indexOf(g2) ? [g1, g2] : [g2, g1];
          const low = stepOf({ grade: worse[0], newOrder: orderCents / 100, ...excessOf(excess) });
          const high = stepOf({ grade: worse[1], newOrder: (orderCents + moreCents) / 100, ...excessOf(excess + moreExcess) });
          return APPROVAL_STEPS.indexOf(high) >= APPROVAL_STEPS.indexOf(low);
        }),
    );
  });
});

describe("checkOrder uses the chain", () => {
  it("an order within the limit but above the salesperson's amount goes to the sales manager, and is still approved", () => {
    const r = checkOrder({ grade: "A", isR: false, limit: 1_000_000, openReceivables: 0, unapplied: 0, openOrders: 0, newOrder: 20_000, maxDaysPastDue: 0 }, policy);
    expect(r.ok && r.value).toMatchObject({ decision: "approve", approvalStep: "salesManager" });
  });
});

describe("validatePolicy: the approval chain", () => {
  it.each([
    [{ ...policy.approvalChain, salesperson: { ...policy.approvalChain.salesperson, maxOrder: -1 } }, "approvalChain.salesperson.maxOrder"],
    [{ ...policy.approvalChain, creditStaff: { ...policy.approvalChain.creditStaff, lowestGrade: "E" as "A" } }, "approvalChain.creditStaff.lowestGrade"],
    [{ ...policy.approvalChain, salesManager: { ...policy.approvalChain.salesManager, maxOrder: 5_000 } }, "approvalChain.salesManager.maxOrder"],
    [{ ...policy.approvalChain, creditManager: { ...policy.approvalChain.creditManager, lowestGrade: "A" as const } }, "approvalChain.creditManager.lowestGrade"],
  ])("%#: names %s", (approvalChain, field) => {
    expect(validatePolicy({ ...policy, approvalChain }).map((e) => ("field" in e ? e.field : ""))).toContain(field);
  });

  it("the credit manager's excess (creditManagerExcessPercent) is not below the credit staff's", () => {
    expect(validatePolicy({ ...policy, creditManagerExcessPercent: 4 }).map((e) => ("field" in e ? e.field : ""))).toContain("creditManagerExcessPercent");
  });
});
