import fc from "fast-check";
import { ageLedger, type LedgerAging } from "../../../src/engine/receivables/ageLedger";
import { ageReceivables, type AgingOptions } from "../../../src/engine/receivables/ageReceivables";
import { ledgerOf, type Ledger } from "../../../src/engine/receivables/Ledger";
import { openItemsAt } from "../../../src/engine/receivables/openItemsAt";
import { openRowsAt, unappliedCentsOf } from "../../../src/engine/receivables/openRowsAt";
import { behaviourOf, paymentBehaviour, paymentBehaviourTallies } from "../../../src/engine/receivables/paymentBehaviour";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";
import { day } from "./fixtures";

/** Customer number c's buckets, as a plain array. */
const rowOf = (aging: LedgerAging, c: number): number[] => Array.from(aging.bucketCents.subarray(c * aging.width, (c + 1) * aging.width));

/** Customer id → buckets, for every customer ageLedger lists. */
function byCustomerId(ledger: Ledger, aging: LedgerAging): Map<string, number[]> {
  return new Map(aging.customers.map((c) => [ledger.customerIds[c], rowOf(aging, c)]));
}

const at = 1000;

/**
 * Ledger rows around `at`: customers A..E; invoice ids "" and "PAY-1" (unapplied cash when
 * negative), "CN-…" (credit notes when negative) and invoices; part payments, open amounts
 * (some closing the row, some negative), settled before or after the as-of dates drawn below.
 */
const row: fc.Arbitrary<ReceivableItem> = fc
  .record({
    invoiceId: fc.constantFrom("", "PAY-1", "CN-1", "CN-2", "INV-1", "INV-2", "INV-3", "PAYNE-INV-7"),
    customerId: fc.constantFrom("A", "B", "C", "D", "E"),
    invoiceDate: fc.integer({ min: at - 400, max: at + 60 }),
    terms: fc.constantFrom(0, 14, 30, 60, 90),
    amountCents: fc.oneof(fc.integer({ min: -200_000, max: 1_000_000 }), fc.constantFrom(0, 1, -1, 10_000, -10_000)),
    paidCents: fc.option(fc.integer({ min: -10_000, max: 1_000_000 }), { nil: undefined, freq: 3 }),
    openCents: fc.option(fc.oneof(fc.integer({ min: -100_000, max: 1_000_000 }), fc.constant(0)), { nil: undefined, freq: 2 }),
    settledAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined, freq: 2 }),
    isDisputed: fc.boolean(),
  })
  .map((r): ReceivableItem => {
    const out: ReceivableItem = { invoiceId: r.invoiceId, customerId: r.customerId, invoiceDate: r.invoiceDate, dueDate: r.invoiceDate + r.terms, amount: r.amountCents / 100 };
    if (r.paidCents !== undefined) out.paidAmount = r.paidCents / 100;
    if (r.openCents !== undefined) out.openAmount = r.openCents / 100;
    if (r.settledAfter !== undefined) out.settledDate = r.invoiceDate + r.settledAfter;
    if (r.isDisputed) out.isDisputed = true;
    return out;
  });

const rows = fc.array(row, { maxLength: 60, size: "max" });
const asOfArb = fc.integer({ min: at - 420, max: at + 120 });
const edgesArb = fc.oneof(
  fc.constant([0, 30, 60, 90, 180, 365]),
  fc.uniqueArray(fc.integer({ min: -60, max: 400 }), { minLength: 1, maxLength: 7 }).map((e) => [...e].sort((a, b) => a - b)),
);
const basisArb = fc.constantFrom<AgingOptions["basis"]>("dueDate", "invoiceDate");

describe("ageLedger", () => {
  it("matches ageReceivables(openItemsAt(…)) per customer, in total and in its customers (property)", () => {
    let withUnapplied = 0;
    fc.assert(
      fc.property(rows, asOfArb, edgesArb, basisArb, fc.boolean(), (items, asOf, edges, basis, fifoUnappliedCash) => {
        const options = { edges, basis };
        const ledger = ledgerOf(items);
        const open = openRowsAt(ledger, asOf, { fifoUnappliedCash });
        const columns = ageLedger(ledger, open, asOf, options);
        const objects = ageReceivables(openItemsAt(items, asOf, { fifoUnappliedCash }), asOf, options);
        if (objects.unappliedCents.size > 0) withUnapplied++;

        expect(columns.width).toBe(edges.length + 1);
        expect(columns.bucketCents).toHaveLength(ledger.customerIds.length * columns.width);
        expect(columns.totalCents).toEqual(objects.totalCents);
        const mine = byCustomerId(ledger, columns);
        expect(new Set(mine.keys())).toEqual(new Set(objects.byCustomer.keys()));
        expect([...mine.keys()]).toEqual([...objects.byCustomer.keys()]); // and in the same order
        for (const [id, buckets] of objects.byCustomer) expect(mine.get(id)).toEqual(buckets);
        // Customers not listed have no open row: their buckets are all 0.
        for (let c = 0; c < ledger.customerIds.length; c++) {
          if (!columns.customers.includes(c)) expect(rowOf(columns, c).every((x) => x === 0)).toBe(true);
        }
        // The customers' rows add up to the totals, and totals + unapplied to the open balance.
        const summed = new Array<number>(columns.width).fill(0);
        for (const c of columns.customers) rowOf(columns, c).forEach((x, b) => (summed[b] += x));
        expect(summed).toEqual(columns.totalCents);
        const unapplied = unappliedCentsOf(open, open.unappliedOrder);
        expect(unapplied).toBe([...objects.unappliedCents.values()].reduce((s, x) => s + x, 0));
        expect(unappliedCentsOf(open, [])).toBe(0);
        expect(columns.totalCents.reduce((s, x) => s + x, 0) + unapplied).toBe(objects.openCents);
      }),
      { numRuns: 500 },
    );
    expect(withUnapplied).toBeGreaterThan(25); // the generator does produce unapplied cash
  });

  it("payment behaviour from the tallies equals paymentBehaviour per customer (property)", () => {
    let withBehaviour = 0;
    fc.assert(
      fc.property(rows, asOfArb, (items, asOf) => {
        const ledger = ledgerOf(items);
        const tallies = paymentBehaviourTallies(ledger, asOf);
        const expected = paymentBehaviour(items, asOf);
        const ids: string[] = [];
        for (let c = 0; c < ledger.customerIds.length; c++) {
          const id = ledger.customerIds[c];
          const behaviour = behaviourOf(tallies, c);
          expect(behaviour).toEqual(expected.get(id));
          if (behaviour) {
            ids.push(id);
            withBehaviour++;
          }
        }
        expect(ids).toEqual([...expected.keys()]);
      }),
      { numRuns: 500 },
    );
    expect(withBehaviour).toBeGreaterThan(50);
  });
});

describe("ageLedger, hand-computed", () => {
  const asOf = 150;
  const edges = [0, 30, 60];
  const items: ReceivableItem[] = [
    { invoiceId: "INV-A1", customerId: "A", invoiceDate: 70, dueDate: 100, amount: 1000 }, // 50 days past due, 80 days old
    { invoiceId: "CN-1", customerId: "A", invoiceDate: 120, dueDate: 120, amount: -200 }, // a credit note: 30 / 30
    { invoiceId: "PAY-1", customerId: "A", invoiceDate: 140, dueDate: 140, amount: -300 }, // unapplied cash
    { invoiceId: "INV-A2", customerId: "A", invoiceDate: 100, dueDate: 130, amount: 400, paidAmount: 400, settledDate: 140 }, // settled before
    { invoiceId: "INV-A3", customerId: "A", invoiceDate: 151, dueDate: 181, amount: 999 }, // after the as-of date
    { invoiceId: "INV-B1", customerId: "B", invoiceDate: 130, dueDate: 160, amount: 500, paidAmount: 100 }, // 400 open, not due, 20 days old
    { invoiceId: "INV-B2", customerId: "B", invoiceDate: 110, dueDate: 140, amount: 250, paidAmount: 250, settledDate: 155 }, // settled after: 250 open, 10 / 40
    { invoiceId: "", customerId: "C", invoiceDate: 100, dueDate: 100, amount: -50 }, // unapplied cash only
    { invoiceId: "INV-D1", customerId: "D", invoiceDate: 100, dueDate: 130, amount: 80, paidAmount: 80 }, // paid, no settled date: closed
  ];
  const ledger = ledgerOf(items);

  it.each([
    ["dueDate", false, { A: [0, -20000, 100000, 0], B: [40000, 25000, 0, 0], C: [0, 0, 0, 0] }, [40000, 5000, 100000, 0], { A: -30000, C: -5000 }],
    ["dueDate", true, { A: [0, -20000, 70000, 0], B: [40000, 25000, 0, 0], C: [0, 0, 0, 0] }, [40000, 5000, 70000, 0], { C: -5000 }],
    ["invoiceDate", false, { A: [0, -20000, 0, 100000], B: [0, 40000, 25000, 0], C: [0, 0, 0, 0] }, [0, 20000, 25000, 100000], { A: -30000, C: -5000 }],
    ["invoiceDate", true, { A: [0, -20000, 0, 70000], B: [0, 40000, 25000, 0], C: [0, 0, 0, 0] }, [0, 20000, 25000, 70000], { C: -5000 }],
  ] as const)("basis %s, FIFO %p", (basis, fifoUnappliedCash, byCustomer, totalCents, unapplied) => {
    const open = openRowsAt(ledger, asOf, { fifoUnappliedCash });
    expect(open.ignoredFuture).toBe(1);
    const aging = ageLedger(ledger, open, asOf, { edges, basis });
    expect(aging.width).toBe(4);
    expect(aging.customers.map((c) => ledger.customerIds[c])).toEqual(["A", "B", "C"]);
    expect(Object.fromEntries(byCustomerId(ledger, aging))).toEqual(byCustomer);
    expect(rowOf(aging, ledger.customerIds.indexOf("D"))).toEqual([0, 0, 0, 0]);
    expect(aging.totalCents).toEqual(totalCents);
    expect(Object.fromEntries(open.unappliedOrder.map((c) => [ledger.customerIds[c], open.unappliedCents[c]]))).toEqual(unapplied);

    const objects = ageReceivables(openItemsAt(items, asOf, { fifoUnappliedCash }), asOf, { edges, basis });
    expect(Object.fromEntries(objects.byCustomer)).toEqual(byCustomer);
    expect(objects.totalCents).toEqual(totalCents);
  });

  it("FIFO applies unapplied cash to the oldest due item first and drops items reduced to 0", () => {
    const fifoItems: ReceivableItem[] = [
      { invoiceId: "INV-E1", customerId: "E", invoiceDate: 90, dueDate: 120, amount: 100 }, // 30 days past due
      { invoiceId: "INV-E2", customerId: "E", invoiceDate: 60, dueDate: 90, amount: 100 }, // 60 days past due, older
      { invoiceId: "PAY-1", customerId: "E", invoiceDate: 140, dueDate: 140, amount: -150 },
    ];
    const fifoLedger = ledgerOf(fifoItems);
    const open = openRowsAt(fifoLedger, asOf, { fifoUnappliedCash: true });
    expect(Array.from(open.rows)).toEqual([0]);
    expect(Array.from(open.openCents)).toEqual([5000]);
    expect(open.unappliedOrder).toEqual([]);
    const aging = ageLedger(fifoLedger, open, asOf, { edges, basis: "dueDate" });
    expect(aging.totalCents).toEqual([0, 5000, 0, 0]);
    expect(aging.customers).toEqual([0]);

    const plain = ageLedger(fifoLedger, openRowsAt(fifoLedger, asOf), asOf, { edges, basis: "dueDate" });
    expect(plain.totalCents).toEqual([0, 10000, 10000, 0]);
  });
});

describe("payment behaviour over columns, hand-computed", () => {
  const asOf = day("2024-06-30"); // a year back: 2023-06-30
  const items: ReceivableItem[] = [
    { invoiceId: "I1", customerId: "C", invoiceDate: day("2024-05-01"), dueDate: day("2024-06-01"), amount: 300, settledDate: day("2024-06-11") }, // 10 late, last 90
    { invoiceId: "I2", customerId: "C", invoiceDate: day("2024-05-10"), dueDate: day("2024-06-10"), amount: 100, settledDate: day("2024-06-05") }, // early: 0, last 90
    { invoiceId: "I3", customerId: "C", invoiceDate: day("2024-01-01"), dueDate: day("2024-02-01"), amount: 200, settledDate: day("2024-02-21") }, // 20 late, 130 days ago: prior 90
    { invoiceId: "I4", customerId: "C", invoiceDate: day("2023-04-01"), dueDate: day("2023-05-01"), amount: 400, settledDate: day("2023-05-31") }, // 30 late, before the 12 months
    { invoiceId: "CN", customerId: "C", invoiceDate: day("2024-03-01"), dueDate: day("2024-03-01"), amount: -50, settledDate: day("2024-03-05") }, // a credit: not counted
    { invoiceId: "I5", customerId: "C", invoiceDate: day("2024-05-01"), dueDate: day("2024-06-01"), amount: 500, settledDate: day("2024-07-01") }, // settled after as-of
    { invoiceId: "I6", customerId: "D", invoiceDate: day("2024-05-01"), dueDate: day("2024-06-01"), amount: 500 }, // never settled
    { invoiceId: "I7", customerId: "E", invoiceDate: day("2024-04-01"), dueDate: day("2024-05-01"), amount: 10, settledDate: day("2024-05-01") }, // on time
  ];
  const ledger = ledgerOf(items);
  const tallies = paymentBehaviourTallies(ledger, asOf);

  it.each([
    ["C", { settledCount: 4, averageDaysLate: 15, weightedDaysLate: 19, shareLate: 0.75, maxDaysLate: 30, last90AverageDaysLate: 5, prior90AverageDaysLate: 20, trendDays: -15, lookback12mAverageDaysLate: 10 }],
    ["D", undefined],
    // A figure that does not exist is an undefined key (every behaviour has the same keys).
    ["E", { settledCount: 1, averageDaysLate: 0, weightedDaysLate: 0, shareLate: 0, maxDaysLate: 0, last90AverageDaysLate: 0, prior90AverageDaysLate: undefined, trendDays: undefined, lookback12mAverageDaysLate: 0 }],
  ] as const)("customer %s", (id, expected) => {
    const behaviour = behaviourOf(tallies, ledger.customerIds.indexOf(id));
    expect(behaviour).toStrictEqual(expected);
    expect(paymentBehaviour(items, asOf).get(id)).toStrictEqual(expected);
  });
});
