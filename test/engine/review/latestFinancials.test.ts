import fc from "fast-check";
import { latestFinancials } from "../../../src/engine/review/latestFinancials";
import type { FinancialPeriod } from "../../../src/engine/portfolio/types";

const period = (periodEnd: number, revenue = 0): FinancialPeriod => ({ customerId: "C", periodEnd, revenue });

describe("latestFinancials", () => {
  it.each<[string, FinancialPeriod[], number, number | undefined, number | undefined]>([
    ["none", [], 400, undefined, undefined],
    ["only later periods", [period(465)], 400, undefined, undefined],
    ["one usable", [period(100), period(465)], 400, 100, undefined],
    ["the latest two, in any order", [period(0), period(365), period(-365), period(730)], 400, 365, 0],
    ["a period ending on the as-of date", [period(400), period(35)], 400, 400, 35],
  ])("%s", (_what, periods, asOf, latest, prior) => {
    const found = latestFinancials(periods, asOf);
    expect(found.latest?.periodEnd).toBe(latest);
    expect(found.prior?.periodEnd).toBe(prior);
  });

  it("is the first two usable periods, latest first, ties in list order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 12 }), fc.integer({ min: -6, max: 6 }), (ends, asOf) => {
        const periods = ends.map((end, i) => period(end, i));
        const sorted = periods.filter((p) => p.periodEnd <= asOf).sort((a, b) => b.periodEnd - a.periodEnd);
        const found = latestFinancials(periods, asOf);
        expect(found.latest).toBe(sorted[0]);
        expect(found.prior).toBe(sorted[1]);
      }),
      { numRuns: 1000 },
    );
  });
});
