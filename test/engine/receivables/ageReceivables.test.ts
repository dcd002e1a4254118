import fc from "fast-check";
import { ageReceivables, agingAccumulator } from "../../../src/engine/receivables/ageReceivables";
import { openItemsAt } from "../../../src/engine/receivables/openItemsAt";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";
import { day, invoice } from "./fixtures";

const EDGES = [0, 30, 60, 90, 180, 365];
const asOf = day("2024-06-30");

describe("ageReceivables", () => {
  it("returns all-zero buckets for an empty ledger", () => {
    const aging = ageReceivables(openItemsAt([], asOf), asOf, { edges: EDGES, basis: "dueDate" });
    expect(aging.totalCents).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(aging.openCents).toBe(0);
    expect(aging.byCustomer.size).toBe(0);
  });

  it.each([
    [0, 0],
    [1, 1],
    [30, 1],
    [31, 2],
    [60, 2],
    [61, 3],
    [90, 3],
    [91, 4],
    [180, 4],
    [181, 5],
    [365, 5],
    [366, 6],
  ])("an item %d days past due lands in bucket %d", (days, bucket) => {
    const items = [invoice({ amount: 12.34, invoiceDate: asOf - days - 30, dueDate: asOf - days })];
    const aging = ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "dueDate" });
    const expected = [0, 0, 0, 0, 0, 0, 0];
    expected[bucket] = 1234;
    expect(aging.totalCents).toEqual(expected);
  });

  it("ages by invoice date when asked", () => {
    const items = [invoice({ amount: 10, invoiceDate: asOf - 45, dueDate: asOf - 15 })];
    const byDue = ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "dueDate" });
    const byInvoice = ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "invoiceDate" });
    expect(byDue.totalCents[1]).toBe(1000);
    expect(byInvoice.totalCents[2]).toBe(1000);
    expect(byInvoice.labels[0]).toBe("≤0");
  });

  it("puts a credit note in the bucket of its own date, reducing it (ERPNext behaviour)", () => {
    const items = [
      invoice({ invoiceId: "I1", amount: 1000, invoiceDate: asOf - 70, dueDate: asOf - 40 }),
      invoice({ invoiceId: "CN1", amount: -250.5, invoiceDate: asOf - 10, dueDate: asOf - 10 }),
      invoice({ invoiceId: "I2", amount: 300, invoiceDate: asOf - 10, dueDate: asOf - 10 }),
    ];
    const aging = ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "dueDate" });
    expect(aging.totalCents).toEqual([0, 4950, 100000, 0, 0, 0, 0]);
    expect(aging.openCents).toBe(104950);
  });

  it("keeps unapplied cash out of the buckets, in its own column, and in the open balance", () => {
    const items = [
      invoice({ invoiceId: "I1", customerId: "A", amount: 1000, dueDate: asOf - 5 }),
      invoice({ invoiceId: "", customerId: "A", amount: -400 }),
      invoice({ invoiceId: "PAY-9", customerId: "B", amount: -75.25 }),
    ];
    const aging = ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "dueDate" });
    expect(aging.totalCents).toEqual([0, 100000, 0, 0, 0, 0, 0]);
    expect([...aging.unappliedCents]).toEqual([["A", -40000], ["B", -7525]]);
    expect(aging.openCents).toBe(100000 - 40000 - 7525);
    expect(aging.byCustomer.get("B")).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("labels the buckets", () => {
    const aging = ageReceivables(openItemsAt([], asOf), asOf, { edges: EDGES, basis: "dueDate" });
    expect(aging.labels).toEqual(["Not due", "1–30", "31–60", "61–90", "91–180", "181–365", ">365"]);
  });

  describe("properties", () => {
    const customers = ["A", "B", "C", "D"];
    const itemArb: fc.Arbitrary<ReceivableItem> = fc
      .record({
        customer: fc.constantFrom(...customers),
        kind: fc.constantFrom("invoice", "creditNote", "payment"),
        cents: fc.integer({ min: 1, max: 5_000_000 }),
        invoiceOffset: fc.integer({ min: -800, max: 30 }),
        terms: fc.integer({ min: 0, max: 90 }),
        paidShare: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        openGiven: fc.boolean(),
        settledOffset: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
        id: fc.integer({ min: 1, max: 1e6 }),
      })
      .map((r) => {
        const sign = r.kind === "invoice" ? 1 : -1;
        const amount = (sign * r.cents) / 100;
        const invoiceDate = asOf + r.invoiceOffset;
        const item: ReceivableItem = {
          invoiceId: r.kind === "payment" ? (r.id % 2 ? "" : `PAY-${r.id}`) : `${r.kind === "invoice" ? "INV" : "CN"}-${r.id}`,
          customerId: r.customer,
          invoiceDate,
          dueDate: invoiceDate + r.terms,
          amount,
        };
        if (r.paidShare !== undefined) {
          const paid = Math.round((r.cents * r.paidShare) / 100) * sign / 100;
          if (r.openGiven) item.openAmount = Math.round((amount - paid) * 100) / 100;
          else item.paidAmount = paid;
        }
        if (r.settledOffset !== undefined) item.settledDate = invoiceDate + r.settledOffset;
        return item;
      });

    /** Plain open balance: float amounts summed per open row, rounded once at the end. */
    function plainOpenBalance(items: ReceivableItem[]): number {
      let total = 0;
      for (const it of items) {
        if (it.invoiceDate > asOf) continue;
        if (it.settledDate !== undefined && it.settledDate <= asOf) continue;
        // Settled after the as-of date: wholly open then (the payment fields describe the later settlement).
        const open = it.settledDate !== undefined ? it.amount : it.openAmount ?? (it.paidAmount !== undefined ? it.amount - it.paidAmount : it.amount);
        total += open;
      }
      return Math.round(total * 100);
    }

    it("Σ buckets + Σ unapplied = Σ open amounts, to the cent, with and without FIFO", () => {
      fc.assert(
        fc.property(fc.array(itemArb, { maxLength: 60 }), fc.boolean(), fc.constantFrom<"dueDate" | "invoiceDate">("dueDate", "invoiceDate"), (items, fifo, basis) => {
          const aging = ageReceivables(openItemsAt(items, asOf, { fifoUnappliedCash: fifo }), asOf, { edges: EDGES, basis });
          const buckets = aging.totalCents.reduce((s, c) => s + c, 0);
          const unapplied = [...aging.unappliedCents.values()].reduce((s, c) => s + c, 0);
          expect(buckets + unapplied).toBe(aging.openCents);
          expect(aging.openCents).toBe(plainOpenBalance(items));
          expect(aging.totalCents.every(Number.isInteger)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it("aging by customer sums to the total in every bucket", () => {
      fc.assert(
        fc.property(fc.array(itemArb, { maxLength: 60 }), fc.boolean(), (items, fifo) => {
          const aging = ageReceivables(openItemsAt(items, asOf, { fifoUnappliedCash: fifo }), asOf, { edges: EDGES, basis: "dueDate" });
          const sums = new Array<number>(EDGES.length + 1).fill(0);
          for (const row of aging.byCustomer.values()) row.forEach((c, i) => (sums[i] += c));
          expect(sums).toEqual(aging.totalCents);
          for (const customer of aging.unappliedCents.keys()) expect(aging.byCustomer.has(customer)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });

    it("FIFO never changes a customer's balance", () => {
      fc.assert(
        fc.property(fc.array(itemArb, { maxLength: 40 }), (items) => {
          const balance = (fifo: boolean) => {
            const a = ageReceivables(openItemsAt(items, asOf, { fifoUnappliedCash: fifo }), asOf, { edges: EDGES, basis: "dueDate" });
            return customers.map((c) => (a.byCustomer.get(c) ?? []).reduce((s, x) => s + x, 0) + (a.unappliedCents.get(c) ?? 0));
          };
          expect(balance(true)).toEqual(balance(false));
        }),
      );
    });
  });
});

describe("agingAccumulator", () => {
  it("starts empty: all-zero buckets, no customers", () => {
    const aging = agingAccumulator(EDGES).result(new Map(), "dueDate");
    expect(aging.totalCents).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(aging.byCustomer.size).toBe(0);
    expect(aging.openCents).toBe(0);
  });

  it.each([
    [0, 0],
    [1, 1],
    [30, 1],
    [31, 2],
    [365, 5],
    [366, 6],
  ])("adds an item %d days past due to bucket %d", (days, bucket) => {
    const a = agingAccumulator(EDGES);
    a.add("C", days, 1234);
    const expected = [0, 0, 0, 0, 0, 0, 0];
    expected[bucket] = 1234;
    expect(a.result(new Map(), "dueDate").totalCents).toEqual(expected);
  });

  it("keeps customers in order of first appearance, including runs and returns, and unapplied-only customers", () => {
    const a = agingAccumulator(EDGES);
    a.add("B", 10, 100);
    a.add("B", 40, 200);
    a.add("A", 10, -50);
    a.add("B", 10, 1);
    const aging = a.result(new Map([["Z", -300]]), "dueDate");
    expect([...aging.byCustomer.keys()]).toEqual(["B", "A", "Z"]);
    expect(aging.byCustomer.get("B")).toEqual([0, 101, 200, 0, 0, 0, 0]);
    expect(aging.byCustomer.get("A")).toEqual([0, -50, 0, 0, 0, 0, 0]);
    expect(aging.byCustomer.get("Z")).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(aging.openCents).toBe(100 + 200 - 50 + 1 - 300);
  });

  it("gives the same aging as ageReceivables over the same items (property)", () => {
    const row = fc.record({ customerId: fc.constantFrom("A", "B", "C"), days: fc.integer({ min: -30, max: 500 }), cents: fc.integer({ min: -50_000, max: 500_000 }) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const items: ReceivableItem[] = rows
          .filter((r) => r.cents !== 0)
          .map((r, i) => ({ invoiceId: `I${i}`, customerId: r.customerId, invoiceDate: asOf - r.days - 30, dueDate: asOf - r.days, amount: r.cents / 100 }));
        const a = agingAccumulator(EDGES);
        for (const item of items) a.add(item.customerId, asOf - item.dueDate, Math.round(item.amount * 100));
        expect(a.result(new Map(), "dueDate")).toEqual(ageReceivables(openItemsAt(items, asOf), asOf, { edges: EDGES, basis: "dueDate" }));
      }),
    );
  });
});
