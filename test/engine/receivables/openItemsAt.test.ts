import { openItemsAt } from "../../../src/engine/receivables/openItemsAt";
import { isPaymentMarker, isUnappliedCash } from "../../../src/engine/receivables/isUnappliedCash";
import { openAmountCents } from "../../../src/engine/receivables/openAmountCents";
import { day, invoice } from "./fixtures";

const asOf = day("2024-03-31");

describe("openItemsAt", () => {
  it("throws on a non-finite amount rather than giving a wrong total", () => {
    expect(() => openItemsAt([invoice({ amount: Number.NaN })], asOf)).toThrow(RangeError);
  });

  describe("what is open", () => {
    it.each([
      ["invoiced on the as-of date", { invoiceDate: asOf, dueDate: asOf + 30 }, 1],
      ["invoiced the day after (future: ignored)", { invoiceDate: asOf + 1, dueDate: asOf + 31 }, 0],
      ["settled on the as-of date", { settledDate: asOf }, 0],
      ["settled the day after", { settledDate: asOf + 1 }, 1],
      ["settled long ago", { settledDate: day("2024-02-01") }, 0],
    ])("%s", (_name, fields, count) => {
      const ledger = openItemsAt([invoice({ amount: 100, invoiceDate: day("2024-01-01"), dueDate: day("2024-01-31"), ...fields })], asOf);
      expect(ledger.items).toHaveLength(count);
    });

    it("counts future-dated rows in ignoredFuture (ERPNext: items after the report date are left out)", () => {
      const ledger = openItemsAt([invoice({ amount: 5, invoiceDate: asOf + 1 }), invoice({ amount: 5, invoiceDate: asOf + 40 }), invoice({ amount: 5 })], asOf);
      expect(ledger.ignoredFuture).toBe(2);
      expect(ledger.items).toHaveLength(1);
    });

    it("keeps a 0.01 residual open and closes an exact zero (ERPNext residual behaviour)", () => {
      const ledger = openItemsAt(
        [invoice({ invoiceId: "R", amount: 100, paidAmount: 99.99 }), invoice({ invoiceId: "Z", amount: 100, paidAmount: 100 }), invoice({ invoiceId: "O", amount: 50, openAmount: 0 })],
        asOf,
      );
      expect(ledger.items.map((o) => [o.item.invoiceId, o.openCents])).toEqual([["R", 1]]);
    });
  });

  describe("open amount", () => {
    it.each([
      [{ amount: 100, openAmount: 40, paidAmount: 10 }, 4000],
      [{ amount: 100, paidAmount: 30.5 }, 6950],
      [{ amount: 100.1 }, 10010],
      [{ amount: 0.1 + 0.2, paidAmount: 0.1 }, 20],
    ])("%j → %d cents", (fields, cents) => {
      expect(openAmountCents(fields)).toBe(cents);
    });
  });

  describe("credit notes and unapplied cash", () => {
    it.each([
      ["", true],
      ["  ", true],
      ["PAY-0042", true],
      ["payment 17", true],
      ["PMT001", true],
      ["RCPT 9", true],
      ["POA", true],
      ["On Account", true],
      ["收款-3", true],
      ["CN-12", false],
      ["INV-7", false],
      ["PAYNE-INV-7", false],
    ])("invoice id %j is a payment marker: %s", (id, expected) => {
      expect(isPaymentMarker(id)).toBe(expected);
    });

    it("treats only negative rows as unapplied cash", () => {
      expect(isUnappliedCash(-1, "")).toBe(true);
      expect(isUnappliedCash(1, "")).toBe(false);
      expect(isUnappliedCash(-1, "CN-1")).toBe(false);
    });

    it("keeps a credit note as an item and moves a payment on account to unapplied", () => {
      const ledger = openItemsAt(
        [
          invoice({ invoiceId: "I1", customerId: "A", amount: 1000 }),
          invoice({ invoiceId: "CN-1", customerId: "A", amount: -200 }),
          invoice({ invoiceId: "", customerId: "A", amount: -300 }),
          invoice({ invoiceId: "PAY-1", customerId: "B", amount: -50 }),
        ],
        asOf,
      );
      expect(ledger.items.map((o) => [o.item.invoiceId, o.openCents, o.isCreditNote])).toEqual([
        ["I1", 100000, false],
        ["CN-1", -20000, true],
      ]);
      expect([...ledger.unappliedByCustomer]).toEqual([["A", -30000], ["B", -5000]]);
    });

    it("computes days past due from the due date", () => {
      const [open] = openItemsAt([invoice({ amount: 1, dueDate: day("2024-03-01") })], asOf).items;
      expect(open.daysPastDue).toBe(30);
    });
  });

  describe("FIFO allocation of unapplied cash", () => {
    const items = [
      invoice({ invoiceId: "NEW", customerId: "A", amount: 500, invoiceDate: day("2024-03-01"), dueDate: day("2024-04-30") }),
      invoice({ invoiceId: "OLD", customerId: "A", amount: 300, invoiceDate: day("2024-01-01"), dueDate: day("2024-01-31") }),
      invoice({ invoiceId: "MID", customerId: "A", amount: 400, invoiceDate: day("2024-02-01"), dueDate: day("2024-03-01") }),
      invoice({ invoiceId: "CN", customerId: "A", amount: -100, invoiceDate: day("2024-01-15"), dueDate: day("2024-01-15") }),
      invoice({ invoiceId: "PAY-1", customerId: "A", amount: -450 }),
      invoice({ invoiceId: "B1", customerId: "B", amount: 100 }),
      invoice({ invoiceId: "", customerId: "B", amount: -250 }),
    ];

    it("applies cash to the oldest due items first, leaving credit notes alone", () => {
      const ledger = openItemsAt(items, asOf, { fifoUnappliedCash: true });
      expect(ledger.items.map((o) => [o.item.invoiceId, o.openCents])).toEqual([
        ["NEW", 50000],
        ["MID", 25000],
        ["CN", -10000],
      ]);
      expect([...ledger.unappliedByCustomer]).toEqual([["B", -15000]]);
    });

    it("leaves the balance unchanged", () => {
      const sum = (l: ReturnType<typeof openItemsAt>) =>
        l.items.reduce((s, o) => s + o.openCents, 0) + [...l.unappliedByCustomer.values()].reduce((s, c) => s + c, 0);
      expect(sum(openItemsAt(items, asOf, { fifoUnappliedCash: true }))).toBe(sum(openItemsAt(items, asOf)));
    });

    it("does nothing without the option", () => {
      expect(openItemsAt(items, asOf).items).toHaveLength(5);
    });
  });
});

describe("openItemsAt: items settled after the as-of date", () => {
  it("counts an item fully paid later at its full amount while it was open", () => {
    const item = { invoiceId: "I9", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 250.5, paidAmount: 250.5, settledDate: 60 };
    expect(openItemsAt([item], 40).items.map((i) => i.openCents)).toEqual([25050]);
    expect(openItemsAt([item], 60).items).toEqual([]);
  });
});
