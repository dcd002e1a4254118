import { averageDaysDelinquent } from "../../../src/engine/receivables/averageDaysDelinquent";
import { bestPossibleDso } from "../../../src/engine/receivables/bestPossibleDso";
import { cei } from "../../../src/engine/receivables/cei";
import { countbackDso } from "../../../src/engine/receivables/countbackDso";
import { dso } from "../../../src/engine/receivables/dso";
import { overdueRatio } from "../../../src/engine/receivables/overdueRatio";
import type { Result } from "../../../src/engine/errors";

const value = (r: Result<number>): number => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};
const round2 = (x: number) => Math.round(x * 100) / 100;

// §6 example: quarter of 90 days, monthly credit sales 3,390, 3,610, 3,890; opening 6,200; closing 6,340 of which current 3,590.
const quarterSales = 3390 + 3610 + 3890;

describe("DSO family", () => {
  it.each([
    ["dso with text-like NaN receivables", () => dso({ receivables: Number.NaN, creditSales: 1, days: 90 }), "invalidInput", "receivables"],
    ["dso with negative sales", () => dso({ receivables: 1, creditSales: -5, days: 90 }), "outOfRange", "creditSales"],
    ["dso with negative days", () => dso({ receivables: 1, creditSales: 5, days: -1 }), "outOfRange", "days"],
    ["dso with zero sales", () => dso({ receivables: 1, creditSales: 0, days: 90 }), "divideByZero", "creditSales"],
    ["bpdso with NaN current", () => bestPossibleDso({ currentReceivables: Number.NaN, creditSales: 1, days: 90 }), "invalidInput", "currentReceivables"],
    ["bpdso with zero sales", () => bestPossibleDso({ currentReceivables: 1, creditSales: 0, days: 90 }), "divideByZero", "creditSales"],
    ["add with zero sales", () => averageDaysDelinquent({ receivables: 1, currentReceivables: 1, creditSales: 0, days: 90 }), "divideByZero", "creditSales"],
  ])("%s is an error", (_name, run, kind, field) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind, field });
  });

  it("reproduces the §6 quarter example: DSO 52.40, best possible 29.67, ADD 22.73", () => {
    expect(round2(value(dso({ receivables: 6340, creditSales: quarterSales, days: 90 })))).toBe(52.4);
    expect(round2(value(bestPossibleDso({ currentReceivables: 3590, creditSales: quarterSales, days: 90 })))).toBe(29.67);
    expect(round2(value(averageDaysDelinquent({ receivables: 6340, currentReceivables: 3590, creditSales: quarterSales, days: 90 })))).toBe(22.73);
  });

  it("gives 0 days for no receivables", () => {
    expect(value(dso({ receivables: 0, creditSales: 100, days: 30 }))).toBe(0);
  });
});

describe("countbackDso", () => {
  it.each([
    [{ receivables: -1, monthlySales: [1], monthDays: [30] }, "outOfRange", "receivables"],
    [{ receivables: 1, monthlySales: [], monthDays: [] }, "invalidInput", "monthlySales"],
    [{ receivables: 1, monthlySales: [1, 2], monthDays: [30] }, "invalidInput", "monthDays"],
    [{ receivables: 1, monthlySales: [1, -2], monthDays: [30, 30] }, "outOfRange", "monthlySales month 2"],
    [{ receivables: 1, monthlySales: [1, 2], monthDays: [30, Number.NaN] }, "invalidInput", "monthDays month 2"],
    [{ receivables: 301, monthlySales: [100, 200], monthDays: [30, 30] }, "outOfRange", "monthlySales"],
  ])("%j is an error", (input, kind, field) => {
    const r = countbackDso(input);
    expect(!r.ok && r.error).toMatchObject({ kind, field });
  });

  it("reproduces the §6 countback example: 73.71 days", () => {
    const r = countbackDso({ receivables: 212000, monthlySales: [70000, 80000, 100000], monthDays: [30, 30, 30] });
    expect(round2(value(r))).toBe(73.71);
    expect(value(r)).toBeCloseTo(60 + (32000 / 70000) * 30, 10);
  });

  it.each([
    [0, 0],
    [100, 31],
    [50, 15.5],
    [300, 59],
    [250, 31 + 21],
  ])("receivables %d over sales [200, 100] in 28- and 31-day months → %d days", (receivables, days) => {
    expect(value(countbackDso({ receivables, monthlySales: [200, 100], monthDays: [28, 31] }))).toBeCloseTo(days, 10);
  });

  it("passes a month without sales in full", () => {
    expect(value(countbackDso({ receivables: 50, monthlySales: [100, 0], monthDays: [30, 31] }))).toBeCloseTo(31 + 15, 10);
  });
});

describe("cei", () => {
  it("is #DIV/0! when nothing was collectible", () => {
    const r = cei({ openingReceivables: 0, creditSales: 0, closingReceivables: 0, closingCurrentReceivables: 0 });
    expect(!r.ok && r.error.kind).toBe("divideByZero");
  });

  it("rejects negative sales and non-finite balances", () => {
    expect(cei({ openingReceivables: 1, creditSales: -1, closingReceivables: 0, closingCurrentReceivables: 0 }).ok).toBe(false);
    expect(cei({ openingReceivables: Number.POSITIVE_INFINITY, creditSales: 1, closingReceivables: 0, closingCurrentReceivables: 0 }).ok).toBe(false);
  });

  it("reproduces the §6 example with the whole period's sales: 79.63", () => {
    const r = cei({ openingReceivables: 6200, creditSales: quarterSales, closingReceivables: 6340, closingCurrentReceivables: 3590 });
    expect(round2(value(r))).toBe(79.63);
  });

  it("is 100 when everything overdue was collected", () => {
    expect(value(cei({ openingReceivables: 100, creditSales: 200, closingReceivables: 50, closingCurrentReceivables: 50 }))).toBe(100);
  });
});

describe("overdueRatio", () => {
  it("is #DIV/0! for a zero total", () => {
    const r = overdueRatio(0, 0);
    expect(!r.ok && r.error.kind).toBe("divideByZero");
  });
  it("is a fraction", () => {
    expect(value(overdueRatio(1200, 10000))).toBeCloseTo(0.12, 12);
  });
});
