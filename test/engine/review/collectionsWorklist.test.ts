import fc from "fast-check";
import { collectionsWorklist } from "../../../src/engine/review/collectionsWorklist";
import { collectionAction } from "../../../src/engine/receivables/collectionAction";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { openRowsAt } from "../../../src/engine/receivables/openRowsAt";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";

const asOf = 2000;
const worklist = (items: ReceivableItem[], customers: Map<string, { name: string; accountOwner?: string }>) => {
  const ledger = ledgerOf(items);
  return collectionsWorklist(ledger, openRowsAt(ledger, asOf), asOf, customers, DEFAULT_POLICY);
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
    expect(rows[0]).not.toHaveProperty("accountOwner");
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
});
