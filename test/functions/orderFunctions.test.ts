import { check } from "../../src/functions/orderFunctions";
import { checkOrder } from "../../src/engine/orders/checkOrder";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { policyToRows } from "../../src/engine/policy/policyToRows";

describe("CREDIT.CHECK: the order check's engine path as a function", () => {
  it.each([
    // limit 100,000, exposure 70,000: the order decides (strictly greater breaches).
    [30_000, "approve", "salesperson", 100_000, 0],
    [30_000.01, "hold", "credit manager", 100_000.01, 0.01],
    [40_000, "hold", "credit manager", 110_000, 10_000],
    [40_000.01, "hold", "senior management", 110_000.01, 10_000.01],
  ])("order %d → %s by %s", (order, decision, step, after, excess) => {
    expect(check("C001", order, "B", 100_000, 70_000)).toEqual([["C001", decision, step, after, excess]]);
  });

  it("gives the same decision and step as checkOrder", () => {
    const r = checkOrder({ grade: "C", isR: false, limit: 50_000, openReceivables: 10_000, unapplied: 0, openOrders: 0, newOrder: 60_000, maxDaysPastDue: 0 }, DEFAULT_POLICY);
    // 20,000 over a 50,000 limit is 40 %, above the credit manager's 10 %.
    expect(r.ok && r.value.approvalStep).toBe("seniorManagement");
    expect(check("C9", 60_000, "c", 50_000, 10_000)).toEqual([["C9", "hold", "senior management", 70_000, 20_000]]);
  });

  it("refuses grade D without a step, refers R to senior management, holds an item past due", () => {
    expect(check("D1", 1, "D", 100, 0)[0]!.slice(1, 3)).toEqual(["refuse", ""]);
    expect(check("R1", 1, "A", 100, 0, 0, true)[0]!.slice(1, 3)).toEqual(["refer", "senior management"]);
    expect(check("P1", 1, "A", 100, 0, 61)[0]!.slice(1, 3)).toEqual(["hold", "credit manager"]);
  });

  it("reads the approval chain from a Policy range", () => {
    const rows = policyToRows({ ...DEFAULT_POLICY, approvalChain: { ...DEFAULT_POLICY.approvalChain, salesperson: { ...DEFAULT_POLICY.approvalChain.salesperson, maxOrder: 1_000 } } });
    expect(check("C1", 1_000.01, "A", 1e6, 0, 0, false, rows)[0]![2]).toBe("sales manager");
    expect(check("C1", 1_000, "A", 1e6, 0, 0, false, rows)[0]![2]).toBe("salesperson");
  });

  it.each([
    [["", 1, "A", 100, 0], "customerId"],
    [["C1", 0, "A", 100, 0], "orderAmount"],
    [["C1", 1, "E", 100, 0], "grade"],
    [["C1", 1, "A", "lots", 0], "limit"],
  ])("%j is #VALUE! naming %s", (args, field) => {
    const out = (check as (...a: unknown[]) => unknown[][])(...args)[0]![0] as { code?: string; message?: string };
    expect(out.code).toBe("#VALUE!");
    expect(out.message).toMatch(field);
  });
});
