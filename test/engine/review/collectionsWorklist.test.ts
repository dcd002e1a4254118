import fc from "fast-check";
import { collectionsWorklist } from "../../../src/engine/review/collectionsWorklist";
import { collectionAction } from "../../../src/engine/receivables/collectionAction";
import { lateInterest } from "../../../src/engine/receivables/lateInterest";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { openRowsAt } from "../../../src/engine/receivables/openRowsAt";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";

const asOf = 2000;
const worklist = (items: ReceivableItem[], customers: Map<string, { name: string; accountOwner?: string }>) => {
  const ledger = ledgerOf(items);
  return collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, customers, DEFAULT_POLICY).toArray();
};

describe("collectionsWorklist", () => {
  it("is empty when nothing is overdue", () => {
    const items: ReceivableItem[] = [{ invoiceId: "I1", customerId: "C", invoiceDate: asOf - 10, dueDate: asOf + 20, amount: 100 }];
    expect(worklist(items, new Map())).toEqual([]);
  });

  it("breaks ties of priority by days past due, then invoice id, then ledger order", () => {
    const items: ReceivableItem[] = [
      { invoiceId: "B", customerId: "C", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 20 },
      { invoiceId: "A", customerId: "C", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 20 },
      { invoiceId: "Z", customerId: "C", invoiceDate: asOf - 50, dueDate: asOf - 20, amount: 10 },
      { invoiceId: "A", customerId: "D", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 20 },
    ];
    const rows = worklist(items, new Map([["D", { name: "Dee", accountOwner: "Ann" }]]));
    expect(rows.map((r) => `${r.invoiceId}/${r.customerId}`)).toEqual(["Z/C", "A/C", "A/D", "B/C"]);
    expect(rows[2]).toMatchObject({ name: "Dee", accountOwner: "Ann", priority: 200 });
    expect(rows[0].accountOwner).toBeUndefined();
  });

  it("sorts by priority and gives each row the ladder's action (property)", () => {
    const item = fc.record({
      id: fc.constantFrom("I1", "I2", "I3"),
      days: fc.integer({ min: -5, max: 400 }),
      cents: fc.integer({ min: -10_000, max: 50_000_000 }),
      isDisputed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 200 }), (rows) => {
        const items = rows.map((r): ReceivableItem => ({ invoiceId: r.id, customerId: "C", invoiceDate: asOf - Math.max(r.days, 0) - 30, dueDate: asOf - r.days, amount: r.cents / 100, isDisputed: r.isDisputed }));
        const out = worklist(items, new Map());
        expect(out.length).toBe(rows.filter((r) => r.cents > 0 && r.days > 0).length);
        for (let i = 1; i < out.length; i++) {
          const [a, b] = [out[i - 1], out[i]];
          expect(a.priority > b.priority || (a.priority === b.priority && (a.daysPastDue > b.daysPastDue || (a.daysPastDue === b.daysPastDue && a.invoiceId <= b.invoiceId)))).toBe(true);
        }
        for (const row of out) {
          expect(row.action).toBe(collectionAction({ daysPastDue: row.daysPastDue, overdueAmount: row.openAmount, isDisputed: row.isDisputed }, DEFAULT_POLICY).action);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("holds its rows as columns: item(rank), iteration and JSON give the same rows, with interest and amount demanded of each", () => {
    const items: ReceivableItem[] = Array.from({ length: 150 }, (_, n): ReceivableItem => ({
      invoiceId: `I${n % 37}`,
      customerId: `C${n % 7}`,
      invoiceDate: asOf - 200,
      dueDate: asOf - ((n * 13) % 180) + 5,
      amount: ((n * 7919) % 50_000) / 100 - 20,
      isDisputed: n % 11 === 0,
    }));
    const ledger = ledgerOf(items);
    const list = collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, new Map([["C3", { name: "Three", accountOwner: "Ann" }]]), DEFAULT_POLICY);
    const rows = list.toArray();
    expect(rows.length).toBe(list.length);
    expect(list.length).toBe(items.filter((i) => i.amount > 0 && asOf - i.dueDate > 0).length);
    expect([...list]).toEqual(rows);
    expect(JSON.parse(JSON.stringify({ list }))).toEqual({ list: rows });
    for (let r = 0; r < rows.length; r++) {
      const row = list.item(r);
      expect(row).toEqual(rows[r]);
      const charged = lateInterest({ amount: row.openAmount, daysPastDue: row.daysPastDue, annualRatePercent: DEFAULT_POLICY.lateInterestPercent, fee: DEFAULT_POLICY.dunningFee });
      expect([row.interest, row.amountDemanded]).toEqual([charged.interest, charged.demanded]);
      expect(row.name).toBe(row.customerId === "C3" ? "Three" : row.customerId);
      expect(row.accountOwner).toBe(row.customerId === "C3" ? "Ann" : undefined);
    }
  });

  it.each([-1, 0.5, Number.NaN])("refuses a rank that is not a row (%p): a programmer bug", (rank) => {
    const ledger = ledgerOf([{ invoiceId: "I1", customerId: "C", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 20 }]);
    const list = collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, new Map(), DEFAULT_POLICY);
    expect(list.item(0).invoiceId).toBe("I1");
    expect(() => list.item(rank)).toThrow(RangeError);
    expect(() => list.item(list.length)).toThrow(RangeError);
  });
});
