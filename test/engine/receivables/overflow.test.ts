/**
 * The receivables metrics at the edge of the doubles (issue 13): the largest finite answer is
 * kept, the next step that overflows is an outOfRange error naming the argument, never ±Infinity
 * or NaN (ADD was Infinity − Infinity = NaN).
 */
import "../../support/errorsInEnglish";
import { averageDaysDelinquent, bestPossibleDso, cei, dso, overdueRatio } from "../../../src/engine/receivables";

const MAX = Number.MAX_VALUE;

describe("dso / bestPossibleDso / averageDaysDelinquent at the largest double", () => {
  it.each([
    ["largest finite result", { receivables: MAX, creditSales: 1, days: 1 }, { ok: true, value: MAX }],
    ["smallest sales, equal receivables", { receivables: 5e-324, creditSales: 5e-324, days: 90 }, { ok: true, value: 90 }],
    ["sales so small the ratio overflows", { receivables: 1, creditSales: 5e-324, days: 1 }, { ok: false, error: { kind: "outOfRange", field: "creditSales" } }],
    ["days that overflow the finite ratio", { receivables: MAX, creditSales: 1, days: 2 }, { ok: false, error: { kind: "outOfRange", field: "days" } }],
  ])("dso: %s", (_name, input, expected) => {
    expect(dso(input)).toMatchObject(expected);
  });

  it("bestPossibleDso names the same argument", () => {
    expect(bestPossibleDso({ currentReceivables: 1, creditSales: 5e-324, days: 1 })).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "creditSales" } });
  });

  it("ADD: finite DSOs whose difference overflows name the receivables; the largest difference is kept", () => {
    expect(averageDaysDelinquent({ receivables: MAX, currentReceivables: -MAX, creditSales: 1, days: 1 })).toMatchObject({
      ok: false,
      error: { kind: "outOfRange", field: "receivables" },
    });
    expect(averageDaysDelinquent({ receivables: MAX, currentReceivables: 0, creditSales: 1, days: 1 })).toEqual({ ok: true, value: MAX });
  });

  it("ADD over a period whose sales overflow both DSOs is an error, not NaN", () => {
    const r = averageDaysDelinquent({ receivables: 6340, currentReceivables: 3590, creditSales: 1e-305, days: 90 });
    expect(r).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "creditSales" } });
  });
});

describe("cei and overdueRatio at the largest double", () => {
  it.each([
    ["sums that overflow", { openingReceivables: MAX, creditSales: MAX, closingReceivables: 0, closingCurrentReceivables: 0 }, "openingReceivables + creditSales"],
    ["an index that overflows", { openingReceivables: 0, creditSales: 0, closingReceivables: -1e308, closingCurrentReceivables: -1e-10 }, "closingCurrentReceivables"],
  ])("cei: %s", (_name, input, field) => {
    expect(cei(input)).toMatchObject({ ok: false, error: { kind: "outOfRange", field } });
  });

  it("cei keeps the method's figure on ordinary input", () => {
    const r = cei({ openingReceivables: 6200, creditSales: 10890, closingReceivables: 6340, closingCurrentReceivables: 3590 });
    expect(r.ok && r.value).toBeCloseTo(79.63, 2);
  });

  it("overdueRatio: a total so small the ratio overflows is an error; the largest finite ratio is kept", () => {
    expect(overdueRatio(1, 5e-324)).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "totalReceivables" } });
    expect(overdueRatio(MAX, 1)).toEqual({ ok: true, value: MAX });
  });
});
