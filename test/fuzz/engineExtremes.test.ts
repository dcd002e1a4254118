/**
 * The engine's promise "no NaN or Infinity leaves the engine" (architecture.md, issue 13), over
 * extreme magnitudes: for each public numeric function, fast-check's doubles (±1.7e308, 5e-324,
 * -0 and everything between; no NaN or ±Infinity, which the readers refuse before the engine)
 * give a Result that is ok with finite numbers everywhere, or an error value; never a throw.
 */
import fc from "fast-check";
import { centsOf } from "../../src/engine/money/cents";
import {
  averageDaysDelinquent,
  bestPossibleDso,
  bucketIndex,
  cei,
  countbackDso,
  dso,
  lateInterestOf,
  overdueRatio,
  provisionOf,
  rollRateLossRates,
} from "../../src/engine/receivables";
import { characteristicScore, gradeOf, letterRating } from "../../src/engine/scoring";
import { altmanZ, altmanZone, RATIO_NAMES, ratioOf, type AltmanModel } from "../../src/engine/ratios";
import { creditLimit, workingAssetsBasis } from "../../src/engine/limits";
import { DEFAULT_POLICY } from "../../src/engine/policy";

/** Every double that is a number a cell can hold: extremes weighted in. */
const extreme = fc.oneof(
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 5e-324, -5e-324, 1e-300, 1.7976931348623157e308, -1.7976931348623157e308, 1e306, -1e306, 1e308, 90071992547409.91, 1, 30, 100) },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 1000 }) },
);

/** Every number anywhere inside a value (object fields, arrays, Maps, getters included) is finite. */
function finiteEverywhere(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (value === null || typeof value !== "object" || seen.has(value)) return true;
  seen.add(value);
  if (value instanceof Map) return [...value.values()].every((v) => finiteEverywhere(v, seen));
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).every(Number.isFinite);
  const keys = new Set<string>(Object.keys(value));
  // Getters on the prototype (characteristicScore's contributions) are part of the result too.
  for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(Object.getPrototypeOf(value) ?? {}))) if (d.get) keys.add(k);
  for (const k of keys) if (!finiteEverywhere((value as Record<string, unknown>)[k], seen)) return false;
  return true;
}

/** A Result that is an error value, or ok with finite numbers everywhere. */
function isSafeResult(result: unknown): boolean {
  const r = result as { ok?: boolean; value?: unknown; error?: { kind?: string } };
  if (r.ok === false) return typeof r.error?.kind === "string";
  return finiteEverywhere(r.ok === true ? r.value : r);
}

const RUNS = { numRuns: 2000, seed: 13 };

describe("no NaN or Infinity leaves the engine, over extreme doubles", () => {
  it.each<[string, fc.Arbitrary<unknown[]>, (...args: never[]) => unknown]>([
    ["centsOf", fc.tuple(extreme), (a: number) => centsOf(a, "amount")],
    ["dso", fc.tuple(extreme, extreme, extreme), (receivables: number, creditSales: number, days: number) => dso({ receivables, creditSales, days })],
    ["bestPossibleDso", fc.tuple(extreme, extreme, extreme), (currentReceivables: number, creditSales: number, days: number) => bestPossibleDso({ currentReceivables, creditSales, days })],
    [
      "averageDaysDelinquent",
      fc.tuple(extreme, extreme, extreme, extreme),
      (receivables: number, currentReceivables: number, creditSales: number, days: number) => averageDaysDelinquent({ receivables, currentReceivables, creditSales, days }),
    ],
    [
      "cei",
      fc.tuple(extreme, extreme, extreme, extreme),
      (openingReceivables: number, creditSales: number, closingReceivables: number, closingCurrentReceivables: number) =>
        cei({ openingReceivables, creditSales, closingReceivables, closingCurrentReceivables }),
    ],
    [
      "countbackDso",
      fc.tuple(extreme, fc.array(extreme, { minLength: 1, maxLength: 4 })),
      (receivables: number, sales: number[]) => countbackDso({ receivables, monthlySales: sales, monthDays: sales.map(() => 30) }),
    ],
    ["overdueRatio", fc.tuple(extreme, extreme), (overdue: number, total: number) => overdueRatio(overdue, total)],
    [
      "lateInterestOf",
      fc.tuple(extreme, extreme, extreme, extreme),
      (amount: number, daysPastDue: number, annualRatePercent: number, fee: number) => lateInterestOf({ amount, daysPastDue, annualRatePercent, fee }),
    ],
    ["provisionOf", fc.tuple(fc.array(extreme, { minLength: 7, maxLength: 7 }), extreme), (cents: number[], multiplier: number) => provisionOf(cents.map(Math.round), DEFAULT_POLICY.provisionPercents, multiplier)],
    ["rollRateLossRates", fc.tuple(fc.array(fc.array(extreme, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 4 })), (rows: number[][]) => rollRateLossRates(rows)],
    ["characteristicScore", fc.tuple(fc.array(extreme, { minLength: 4, maxLength: 4 }), fc.array(extreme, { minLength: 4, maxLength: 4 })), (s: number[], w: number[]) => characteristicScore(s, w)],
    ["gradeOf", fc.tuple(extreme), (x: number) => gradeOf(x, DEFAULT_POLICY)],
    ["letterRating", fc.tuple(extreme), (x: number) => letterRating(x, DEFAULT_POLICY)],
    ["bucketIndex", fc.tuple(extreme), (x: number) => ({ ok: true, value: bucketIndex(x, DEFAULT_POLICY.agingEdges) })],
    [
      "altmanZ",
      fc.tuple(fc.constantFrom<AltmanModel>("Z", "Z'", "Z''"), extreme, extreme, extreme, extreme, extreme),
      (model: AltmanModel, x1: number, x2: number, x3: number, x4: number, x5: number) => altmanZ(model, { x1, x2, x3, x4, x5 }),
    ],
    ["altmanZone", fc.tuple(fc.constantFrom<AltmanModel>("Z", "Z'", "Z''"), extreme), (model: AltmanModel, z: number) => altmanZone(model, z)],
    [
      "ratioOf",
      fc.tuple(fc.constantFrom(...RATIO_NAMES), fc.array(extreme, { minLength: 22, maxLength: 22 })),
      (name: (typeof RATIO_NAMES)[number], v: number[]) => {
        const period = (o: number) => ({
          customerId: "c",
          periodEnd: 0,
          revenue: v[o],
          costOfSales: v[o + 1],
          netProfit: v[o + 2],
          currentAssets: v[o + 3],
          inventory: v[o + 4],
          receivables: v[o + 5],
          fixedAssets: v[o + 6],
          totalAssets: v[o + 7],
          currentLiabilities: v[o + 8],
          totalLiabilities: v[o + 9],
          equity: v[o + 10],
        });
        return ratioOf(name, period(0), period(11));
      },
    ],
  ])("%s: ok with finite numbers, or an error value; never a throw", (_name, args, fn) => {
    fc.assert(
      fc.property(args, (a) => isSafeResult((fn as (...xs: unknown[]) => unknown)(...a))),
      RUNS,
    );
  });
});

/**
 * The limits: net worth or sales near 1.8e308 overflow a basis or a product although every input
 * is finite; workingAssetsBasis and creditLimit name the figure (firstNonFinite) instead.
 */
describe("limits at extreme magnitudes", () => {
  it.each<[string, fc.Arbitrary<unknown[]>, (...args: never[]) => unknown]>([
    [
      "workingAssetsBasis",
      fc.tuple(extreme, extreme, extreme, extreme, extreme),
      (currentAssets: number, inventory: number, currentLiabilities: number, totalLiabilities: number, netWorth: number) =>
        workingAssetsBasis({ currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth }, DEFAULT_POLICY),
    ],
    [
      "creditLimit",
      fc.tuple(fc.constantFrom("A", "B", "C", "D" as const), fc.array(extreme, { minLength: 9, maxLength: 9 })),
      (grade: "A" | "B" | "C" | "D", v: number[]) =>
        creditLimit(
          {
            grade,
            annualCreditSales: v[0],
            grossMargin: v[1],
            collateral: v[2],
            averageDaysLate: v[3],
            financials: { currentAssets: v[4], inventory: v[5], currentLiabilities: v[6], totalLiabilities: v[7], equity: v[8] },
          },
          DEFAULT_POLICY,
        ),
    ],
  ])("%s: ok with finite numbers, or an error value; never a throw", (_name, args, fn) => {
    fc.assert(
      fc.property(args, (a) => isSafeResult((fn as (...xs: unknown[]) => unknown)(...a))),
      RUNS,
    );
  });

  it.each([
    ["workingAssets", () => workingAssetsBasis({ currentAssets: 1e308, inventory: 0, currentLiabilities: 1, totalLiabilities: 0, netWorth: 1.7e308 }, DEFAULT_POLICY)],
    ["need", () => creditLimit({ grade: "A", annualCreditSales: 1.7e308, grossMargin: 1, averageDaysLate: 0 }, DEFAULT_POLICY)],
    ["netWorthCap", () => creditLimit({ grade: "A", averageDaysLate: 0, financials: { equity: 1.7e308 } }, { ...DEFAULT_POLICY, netWorthCapPercent: 200 })],
  ])("names the figure that overflows (%s)", (field, run) => {
    const r = run();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ kind: "outOfRange", field });
  });
});
