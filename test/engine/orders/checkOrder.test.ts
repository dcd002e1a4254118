import { messageText } from "../../../src/app/reviewText";
import { createTranslator } from "../../../src/i18n/translator";
import fc from "fast-check";
import { checkOrder, type OrderCheckInput } from "../../../src/engine/orders/checkOrder";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";

const base: OrderCheckInput = {
  grade: "B", isR: false, limit: 100_000, openReceivables: 50_000, unapplied: 0, openOrders: 20_000, newOrder: 10_000, maxDaysPastDue: 0,
};
const run = (patch: Partial<OrderCheckInput>) => checkOrder({ ...base, ...patch }, DEFAULT_POLICY);
const value = (patch: Partial<OrderCheckInput>) => {
  const r = run(patch);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};

describe("checkOrder: invalid input", () => {
  it.each([
    [{ limit: Number.NaN }, "limit"],
    [{ openReceivables: Number.POSITIVE_INFINITY }, "openReceivables"],
    [{ newOrder: 0 }, "newOrder"],
    [{ newOrder: -5 }, "newOrder"],
    [{ limit: -1 }, "limit"],
    [{ openOrders: -1 }, "openOrders"],
    [{ grade: "R" as unknown as OrderCheckInput["grade"] }, "grade"],
  ])("%j is an error naming %s", (patch, field) => {
    const r = run(patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect("field" in r.error && r.error.field).toBe(field);
  });

  it("rejects a negative credit-manager share in the policy", () => {
    const r = checkOrder(base, { ...DEFAULT_POLICY, orderHoldDays: 60, creditManagerExcessPercent: -1 });
    expect(r.ok).toBe(false);
  });
});

describe("checkOrder: limit boundary (strictly greater breaches)", () => {
  // limit 100,000; receivables 50,000 + orders 20,000 → the new order decides.
  it.each([
    [29_999.99, "approve", "salesperson", 0],
    [30_000, "approve", "salesperson", 0],
    [30_000.01, "hold", "creditManager", 0.01],
    [40_000, "hold", "creditManager", 10_000],
    [40_000.01, "hold", "seniorManagement", 10_000.01],
    [90_000, "hold", "seniorManagement", 60_000],
  ])("new order %d → %s (%s), excess %d", (newOrder, decision, step, excess) => {
    const v = value({ newOrder });
    expect(v.decision).toBe(decision);
    expect(v.approvalStep).toBe(step);
    expect(v.excess).toBe(excess);
    expect(v.exposure).toBe(Math.round((70_000 + newOrder) * 100) / 100);
  });

  it("sums in cents: 0.1 + 0.2 style amounts reach the limit exactly", () => {
    const v = value({ limit: 0.3, openReceivables: 0.1, openOrders: 0, newOrder: 0.2 });
    expect(v.exposure).toBe(0.3);
    expect(v.decision).toBe("approve");
  });

  it("a zero limit sends any excess to senior management", () => {
    const v = value({ limit: 0, openReceivables: 0, openOrders: 0, newOrder: 1 });
    expect(v).toMatchObject({ decision: "hold", approvalStep: "seniorManagement", excess: 1 });
  });
});

describe("checkOrder: days past due boundary", () => {
  it.each([
    [-5, "approve", "salesperson"],
    [59, "approve", "salesperson"],
    [60, "approve", "salesperson"],
    [61, "hold", "creditManager"],
    [200, "hold", "creditManager"],
  ])("max %d days past due → %s, released by %s", (maxDaysPastDue, decision, step) => {
    const v = value({ maxDaysPastDue });
    expect(v.decision).toBe(decision);
    expect(v.approvalStep).toBe(step);
  });

  it("follows the policy's orderHoldDays", () => {
    const r = checkOrder({ ...base, maxDaysPastDue: 31 }, { ...DEFAULT_POLICY, orderHoldDays: 30 });
    expect(r.ok && r.value.decision).toBe("hold");
  });
});

describe("checkOrder: grade and R flag", () => {
  it.each([
    ["A", false, "approve"],
    ["C", false, "approve"],
    ["D", false, "refuse"],
    ["B", true, "refer"],
    ["D", true, "refuse"],
  ] as const)("grade %s, R %s → %s", (grade, isR, decision) => {
    expect(value({ grade, isR }).decision).toBe(decision);
  });

  it("lists every reason that applies, the most severe decision first", () => {
    const v = value({ grade: "D", isR: true, maxDaysPastDue: 90, newOrder: 50_000 });
    expect(v.decision).toBe("refuse");
    expect(v.reasons.map((r) => r.id)).toEqual(["gradeD", "flaggedR", "itemPastDue", "overLimit"]);
    expect(v.reasons[3]!.params).toEqual({ exposure: 120_000, limit: 100_000, excess: 20_000, approvalLevelId: "approval.step.seniorManagement" });
    const en = v.reasons.map((r) => messageText(createTranslator("en-US"), "orderReason.", r));
    expect(en[0]).toMatch(/Grade D/);
    expect(en[1]).toMatch(/refer/);
    expect(en[2]).toMatch(/90 days past due/);
    expect(en[3]).toBe("Exposure 120,000.00 exceeds the limit 100,000.00 by 20,000.00: approval by senior management (超额审批)");
    expect(messageText(createTranslator("zh-CN"), "orderReason.", v.reasons[3]!)).toBe(
      "信用风险敞口 120,000.00 超出信用限额 100,000.00 共 20,000.00：由公司高层领导审批（超额审批）",
    );
    expect(v.approvalStep).toBeUndefined();
    expect(v.approvalReasons).toEqual([]);
  });

  it("says why an order within the limit is approved, with the figures as numbers", () => {
    const v = value({});
    expect(v.reasons).toEqual([{ id: "withinLimit", params: { exposure: v.exposure, limit: 100_000 } }]);
    expect(messageText(createTranslator("en-US"), "orderReason.", v.reasons[0]!)).toMatch(/^Exposure [\d,]+\.\d\d is within the limit 100,000.00 \(额度内, 批准\)$/);
  });

  it("R outranks a hold", () => {
    expect(value({ isR: true, maxDaysPastDue: 90 }).decision).toBe("refer");
  });

  it("an R-flagged customer's order goes to senior management, whatever its size, and says why", () => {
    const v = value({ isR: true, newOrder: 1 });
    expect(v).toMatchObject({ decision: "refer", approvalStep: "seniorManagement" });
    expect(v.approvalReasons[0]).toEqual({ id: "flaggedR", params: { stepId: "approval.step.seniorManagement" } });
  });
});

describe("checkOrder: unapplied cash reduces exposure", () => {
  it.each([[-5_000], [5_000]])("unapplied %d", (unapplied) => {
    const v = value({ unapplied, newOrder: 35_000 });
    expect(v.exposure).toBe(100_000);
    expect(v.decision).toBe("approve");
  });

  it("credit notes in open receivables reduce exposure", () => {
    expect(value({ openReceivables: -10_000, newOrder: 90_000 }).exposure).toBe(100_000);
  });
});

describe("checkOrder: properties", () => {
  const amount = fc.integer({ min: 0, max: 10_000_000_00 }).map((c) => c / 100);
  it("exposure is the cent sum of its parts and excess is its overflow above the limit", () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, fc.integer({ min: 1, max: 1_000_000_00 }).map((c) => c / 100), (limit, rec, unapplied, orders, order) => {
        const r = checkOrder({ ...base, limit, openReceivables: rec, unapplied, openOrders: orders, newOrder: order }, DEFAULT_POLICY);
        if (!r.ok) return false;
        const cents = Math.round(rec * 100) - Math.round(unapplied * 100) + Math.round(orders * 100) + Math.round(order * 100);
        const excess = Math.max(0, cents - Math.round(limit * 100));
        return Math.round(r.value.exposure * 100) === cents && Math.round(r.value.excess * 100) === excess && (excess > 0) === (r.value.decision === "hold");
      }),
    );
  });

  it("a larger new order never turns a hold into an approval", () => {
    fc.assert(
      fc.property(amount, fc.integer({ min: 1, max: 500_000_00 }), fc.integer({ min: 0, max: 500_000_00 }), (limit, a, extra) => {
        const small = checkOrder({ ...base, limit, newOrder: a / 100 }, DEFAULT_POLICY);
        const large = checkOrder({ ...base, limit, newOrder: (a + extra) / 100 }, DEFAULT_POLICY);
        return !(small.ok && large.ok && small.value.decision === "hold" && large.value.decision === "approve");
      }),
    );
  });
});
