import fc from "fast-check";
import { ledgerTotals, openBalanceCentsAt } from "../../../src/engine/review/portfolioKpis";
import { ledgerOf } from "../../../src/engine/receivables/Ledger";
import { openRowsAt } from "../../../src/engine/receivables/openRowsAt";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";
import { invoice } from "../receivables/fixtures";

const at = 1000;

describe("openBalanceCentsAt", () => {
  it("refuses a non-finite amount when the ledger is built (a programmer bug: it throws)", () => {
    expect(() => openBalanceCentsAt(ledgerOf([invoice({ amount: Number.NaN, invoiceDate: at - 5 })]), at)).toThrow(RangeError);
  });

  it("is 0 for an empty ledger", () => {
    expect(openBalanceCentsAt(ledgerOf([]), at)).toBe(0);
  });

  it.each([
    ["invoiced on the date", { amount: 10, invoiceDate: at }, 1000],
    ["invoiced the day after (ignored)", { amount: 10, invoiceDate: at + 1 }, 0],
    ["settled on the date", { amount: 10, invoiceDate: at - 9, settledDate: at, paidAmount: 10 }, 0],
    ["settled the day after: its full amount", { amount: 10, invoiceDate: at - 9, settledDate: at + 1, paidAmount: 10 }, 1000],
    ["part paid and open: its open amount", { amount: 100, invoiceDate: at - 9, paidAmount: 99.99 }, 1],
    ["a credit note", { amount: -25.5, invoiceDate: at - 9 }, -2550],
  ] as const)("counts an item %s", (_, partial, cents) => {
    expect(openBalanceCentsAt(ledgerOf([invoice({ ...partial })]), at)).toBe(cents);
  });

  it("counts unapplied cash (a negative row without an invoice id)", () => {
    const items = [invoice({ amount: 300, invoiceDate: at - 9 }), invoice({ invoiceId: "", amount: -120, invoiceDate: at - 2 })];
    expect(openBalanceCentsAt(ledgerOf(items), at)).toBe(18000);
  });

  const item = fc.record({
    invoiceId: fc.constantFrom("", "I1", "I2", "I3", "I4"),
    customerId: fc.constantFrom("A", "B", "C"),
    invoiceDate: fc.integer({ min: 900, max: 1100 }),
    amountCents: fc.integer({ min: -100_000, max: 1_000_000 }),
    paidCents: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    openCents: fc.option(fc.integer({ min: -100_000, max: 1_000_000 }), { nil: undefined }),
    settledAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  }).map((r): ReceivableItem => {
    const out: ReceivableItem = { invoiceId: r.invoiceId, customerId: r.customerId, invoiceDate: r.invoiceDate, dueDate: r.invoiceDate + 30, amount: r.amountCents / 100 };
    if (r.paidCents !== undefined) out.paidAmount = r.paidCents / 100;
    if (r.openCents !== undefined) out.openAmount = r.openCents / 100;
    if (r.settledAfter !== undefined) out.settledDate = r.invoiceDate + r.settledAfter;
    return out;
  });

  it.each([false, true])("equals the open total of openRowsAt to the cent (FIFO %p) (property)", (fifoUnappliedCash) => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 40 }), fc.integer({ min: 880, max: 1120 }), (items, date) => {
        const ledger = ledgerOf(items);
        expect(openBalanceCentsAt(ledger, date)).toBe(ledgerTotals(ledger, openRowsAt(ledger, date, { fifoUnappliedCash }), date).openCents);
      }),
      { numRuns: 500 },
    );
  });
});
