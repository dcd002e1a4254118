import { paymentBehaviour } from "../../../src/engine/receivables/paymentBehaviour";
import { paymentRecordScore } from "../../../src/engine/receivables/paymentRecordScore";
import type { PaymentBehaviour } from "../../../src/engine/receivables/paymentBehaviour";
import { day, invoice } from "./fixtures";

const asOf = day("2024-06-30");

describe("paymentBehaviour", () => {
  it("ignores unsettled items, items settled after the as-of date, and credits", () => {
    const m = paymentBehaviour(
      [
        invoice({ customerId: "A", amount: 100 }),
        invoice({ customerId: "A", amount: 100, settledDate: asOf + 1 }),
        invoice({ customerId: "A", amount: -100, settledDate: asOf - 1 }),
        invoice({ customerId: "B", amount: 100, dueDate: asOf - 10, settledDate: asOf }),
      ],
      asOf,
    );
    expect(m.has("A")).toBe(false);
    expect(m.get("B")?.settledCount).toBe(1);
  });

  it("computes simple and weighted days late, share late and max", () => {
    const due = asOf - 100;
    const m = paymentBehaviour(
      [
        invoice({ customerId: "C", amount: 300, dueDate: due, settledDate: due + 10 }),
        invoice({ customerId: "C", amount: 100, dueDate: due, settledDate: due }),
        invoice({ customerId: "C", amount: 100, dueDate: due, settledDate: due - 5 }),
      ],
      asOf,
    );
    const b = m.get("C");
    expect(b).toMatchObject({ settledCount: 3, maxDaysLate: 10 });
    expect(b?.averageDaysLate).toBeCloseTo(10 / 3, 12);
    expect(b?.weightedDaysLate).toBeCloseTo(3000 / 500, 12);
    expect(b?.shareLate).toBeCloseTo(1 / 3, 12);
  });

  it.each([
    [0, "last90"],
    [89, "last90"],
    [90, "prior90"],
    [179, "prior90"],
    [180, "neither"],
  ])("a settlement %d days before the as-of date counts in %s", (ago, window) => {
    const settled = asOf - ago;
    const b = paymentBehaviour([invoice({ customerId: "A", amount: 1, dueDate: settled - 7, invoiceDate: settled - 37, settledDate: settled })], asOf).get("A");
    expect(b?.last90AverageDaysLate).toBe(window === "last90" ? 7 : undefined);
    expect(b?.prior90AverageDaysLate).toBe(window === "prior90" ? 7 : undefined);
    expect(b?.trendDays).toBeUndefined();
  });

  it("gives the trend last 90 − prior 90", () => {
    const b = paymentBehaviour(
      [
        invoice({ customerId: "A", amount: 1, dueDate: asOf - 30, settledDate: asOf - 10 }),
        invoice({ customerId: "A", amount: 1, dueDate: asOf - 130, settledDate: asOf - 125 }),
      ],
      asOf,
    ).get("A");
    expect(b?.trendDays).toBe(20 - 5);
  });

  it.each([
    ["2023-06-30", undefined],
    ["2023-07-01", 4],
    ["2024-06-30", 4],
  ])("the 12-month lookback to 2024-06-30 includes a settlement on %s: %s", (iso, expected) => {
    const settled = day(iso);
    const b = paymentBehaviour([invoice({ customerId: "A", amount: 1, invoiceDate: settled - 40, dueDate: settled - 4, settledDate: settled })], asOf).get("A");
    expect(b?.lookback12mAverageDaysLate).toBe(expected);
  });
});

describe("paymentRecordScore", () => {
  const behaviour = (averageDaysLate: number): PaymentBehaviour => ({
    settledCount: 3, averageDaysLate, weightedDaysLate: averageDaysLate, shareLate: 0.5, maxDaysLate: averageDaysLate,
  });

  it("is undefined without history (never 0, which means no information)", () => {
    expect(paymentRecordScore(undefined)).toBeUndefined();
    expect(paymentRecordScore({ ...behaviour(0), settledCount: 0 })).toBeUndefined();
  });

  it.each([
    [0, 10],
    [0.1, 9],
    [5, 9],
    [5.1, 8],
    [15, 8],
    [15.1, 6],
    [30, 6],
    [31, 4],
    [60, 4],
    [61, 2],
    [90, 2],
    [91, 1],
    [400, 1],
  ])("average %d days late → %d", (days, score) => {
    expect(paymentRecordScore(behaviour(days))).toBe(score);
  });
});
