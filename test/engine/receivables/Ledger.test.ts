import fc from "fast-check";
import { ledgerBuilder, ledgerItem, ledgerItems, ledgerOf } from "../../../src/engine/receivables/Ledger";
import { openAmountCents } from "../../../src/engine/receivables/openAmountCents";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";
import { invoice } from "./fixtures";

/** Amounts in currency units: whole cents mostly, some arbitrary finite doubles (fractions of a cent, −0, huge). */
const money = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -10_000_000, max: 100_000_000 }).map((c) => c / 100) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -0, 0.005, -0.005, 1.005, 99.99, 100) },
);
const dayNumber = fc.integer({ min: -1000, max: 60_000 });

/**
 * A ReceivableItem with each optional field either present or absent (absent keys are left out,
 * not set to undefined). isDisputed is only ever true when present: the ledger keeps a flag, and
 * `false` comes back as absent (see the "normalises" test below).
 */
const item: fc.Arbitrary<ReceivableItem> = fc.record(
  {
    invoiceId: fc.oneof(fc.constantFrom("", "PAY-1", "CN-1", "INV-1", "INV-2"), fc.string({ maxLength: 6 })),
    customerId: fc.oneof(fc.constantFrom("A", "B", "C", "D", "E", ""), fc.string({ maxLength: 4 })),
    invoiceDate: dayNumber,
    dueDate: dayNumber,
    amount: money,
    paidAmount: money,
    openAmount: money,
    settledDate: dayNumber,
    currency: fc.constantFrom("EUR", "USD", "CNY", "GBP", "CHF"),
    isDisputed: fc.constant(true as const),
  },
  { requiredKeys: ["invoiceId", "customerId", "invoiceDate", "dueDate", "amount"] },
);

describe("ledgerOf / ledgerItems", () => {
  it("round-trips any list of receivable items (property)", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60, size: "max" }), (items) => {
        const ledger = ledgerOf(items);
        expect(ledger.length).toBe(items.length);
        expect(ledgerItems(ledger)).toEqual(items);
        expect(items.map((_, i) => ledgerItem(ledger, i))).toEqual(items);
      }),
      { numRuns: 400 },
    );
  });

  it("gives an empty ledger for no items", () => {
    const ledger = ledgerOf([]);
    expect(ledger.length).toBe(0);
    expect(ledger.customerIds).toEqual([]);
    expect(ledger.currencies).toEqual([""]);
    expect(ledger.customer).toHaveLength(0);
    expect(ledger.openCents).toHaveLength(0);
    expect(ledgerItems(ledger)).toEqual([]);
  });

  it("keeps every column of a row, blanks as NaN", () => {
    const ledger = ledgerOf([
      { invoiceId: "I1", customerId: "C", invoiceDate: 10, dueDate: 40, amount: 100, paidAmount: 30, openAmount: 70, settledDate: 50, currency: "EUR", isDisputed: true },
      { invoiceId: "I2", customerId: "C", invoiceDate: 11, dueDate: 41, amount: 12.34 },
    ]);
    expect(Array.from(ledger.invoiceDate)).toEqual([10, 11]);
    expect(Array.from(ledger.dueDate)).toEqual([40, 41]);
    expect(Array.from(ledger.settledDate)).toEqual([50, Number.NaN]);
    expect(Array.from(ledger.amount)).toEqual([100, 12.34]);
    expect(Array.from(ledger.paidAmount)).toEqual([30, Number.NaN]);
    expect(Array.from(ledger.openAmount)).toEqual([70, Number.NaN]);
    expect(Array.from(ledger.amountCents)).toEqual([10000, 1234]);
    expect(Array.from(ledger.openCents)).toEqual([7000, 1234]);
    expect(Array.from(ledger.disputed)).toEqual([1, 0]);
    expect(Array.from(ledger.currency)).toEqual([1, 0]);
    expect(ledger.invoiceId).toEqual(["I1", "I2"]);
  });

  it("normalises blanks that mean 'none': isDisputed false and currency \"\" come back absent", () => {
    const [a, b] = ledgerItems(ledgerOf([
      { invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 1, isDisputed: false },
      { invoiceId: "I2", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 2, currency: "" },
    ]));
    expect(a).toStrictEqual({ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 1 });
    expect(b).toStrictEqual({ invoiceId: "I2", customerId: "C", invoiceDate: 0, dueDate: 30, amount: 2 });
  });
});

describe("ledger customers", () => {
  it("numbers customers in order of first appearance", () => {
    const ids = ["B", "A", "B", "C", "A", "A", "D", "C"];
    const ledger = ledgerOf(ids.map((customerId) => invoice({ customerId, amount: 1 })));
    expect(ledger.customerIds).toEqual(["B", "A", "C", "D"]);
    expect(Array.from(ledger.customer)).toEqual([0, 1, 0, 2, 1, 1, 3, 2]);
  });

  it("maps customer[i] back to row i's id, numbered by first appearance (property)", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80, size: "max" }), (items) => {
        const ledger = ledgerOf(items);
        const firstSeen = [...new Set(items.map((r) => r.customerId))];
        expect(ledger.customerIds).toEqual(firstSeen);
        const numbers = Array.from(ledger.customer);
        expect(numbers.map((c) => ledger.customerIds[c])).toEqual(items.map((r) => r.customerId));
        expect(numbers).toEqual(items.map((r) => firstSeen.indexOf(r.customerId)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("ledger cents", () => {
  it.each([
    ["the amount alone", { amount: 100 }, 10000],
    ["amount − paid, each in cents first", { amount: 100, paidAmount: 99.99 }, 1],
    ["the open amount over the paid amount", { amount: 100, paidAmount: 10, openAmount: 25.5 }, 2550],
    ["an open amount of 0 (closed)", { amount: 100, openAmount: 0 }, 0],
    ["a credit note", { amount: -25.5 }, -2550],
    ["half a cent rounded away from zero", { amount: 1.005 }, 101],
  ] as const)("openCents is %s", (_, partial, cents) => {
    expect(ledgerOf([invoice({ ...partial })]).openCents[0]).toBe(cents);
  });

  it("openCents follows openAmountCents and amountCents the amount, for every row (property)", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60, size: "max" }), (items) => {
        const ledger = ledgerOf(items);
        expect(Array.from(ledger.openCents)).toEqual(items.map((r) => openAmountCents(r)));
        expect(Array.from(ledger.amountCents)).toEqual(items.map((r) => openAmountCents({ amount: r.amount })));
      }),
      { numRuns: 400 },
    );
  });
});

describe("ledgerBuilder", () => {
  it("grows past its capacity hint and keeps every value", () => {
    const builder = ledgerBuilder(1);
    const n = 1000;
    for (let i = 0; i < n; i++) {
      builder.add(`I${i}`, `C${i % 7}`, i, i + 30, i + 0.25, i % 2 === 0 ? i / 4 : undefined, undefined, i % 3 === 0 ? i + 5 : undefined, i % 5 === 0 ? "EUR" : undefined, i % 11 === 0);
    }
    const ledger = builder.build();
    expect(ledger.length).toBe(n);
    for (const column of [ledger.customer, ledger.invoiceDate, ledger.dueDate, ledger.settledDate, ledger.amount, ledger.paidAmount, ledger.openAmount, ledger.amountCents, ledger.openCents, ledger.disputed, ledger.currency]) {
      expect(column).toHaveLength(n);
    }
    expect(ledger.customerIds).toEqual(["C0", "C1", "C2", "C3", "C4", "C5", "C6"]);
    expect(ledger.currencies).toEqual(["", "EUR"]);
    for (let i = 0; i < n; i++) {
      const expected: ReceivableItem = { invoiceId: `I${i}`, customerId: `C${i % 7}`, invoiceDate: i, dueDate: i + 30, amount: i + 0.25 };
      if (i % 2 === 0) expected.paidAmount = i / 4;
      if (i % 3 === 0) expected.settledDate = i + 5;
      if (i % 5 === 0) expected.currency = "EUR";
      if (i % 11 === 0) expected.isDisputed = true;
      expect(ledgerItem(ledger, i)).toStrictEqual(expected);
      expect(ledger.amountCents[i]).toBe(i * 100 + 25);
      expect(ledger.openCents[i]).toBe(i % 2 === 0 ? i * 100 + 25 - i * 25 : i * 100 + 25);
    }
  });

  it("adds rows by customer number (customerNumberOf, addFor) exactly as by customer id (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(item, fc.constantFrom("C1", "C2", "客户 3"), fc.integer({ min: 0, max: 3 })).map(([r, customerId, n]) => [{ ...r, customerId }, n] as const), { maxLength: 40 }), (rows) => {
        const byId = ledgerBuilder();
        const byNumber = ledgerBuilder();
        const numbers = new Map<string, number>();
        for (const [r, lookups] of rows) {
          const args = [r.invoiceDate, r.dueDate, r.amount, r.paidAmount, r.openAmount, r.settledDate, r.currency, r.isDisputed] as const;
          byId.add(r.invoiceId, r.customerId, ...args);
          // A reader looks a customer up once, or again: the number is the same.
          let n = numbers.get(r.customerId) ?? byNumber.customerNumberOf(r.customerId);
          for (let k = 0; k < lookups; k++) n = byNumber.customerNumberOf(r.customerId);
          numbers.set(r.customerId, n);
          byNumber.addFor(n, r.invoiceId, ...args);
        }
        expect(byNumber.build()).toEqual(byId.build());
      }),
      { numRuns: 100 },
    );
  });

  it.each([0, 1, 16, 17, 64])("with capacity %p keeps rows added past it", (capacity) => {
    const builder = ledgerBuilder(capacity);
    for (let i = 0; i < 200; i++) builder.add(`I${i}`, "C", i, i, i);
    const ledger = builder.build();
    expect(ledger.length).toBe(200);
    expect(Array.from(ledger.amount)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(Array.from(ledger.openCents)).toEqual(Array.from({ length: 200 }, (_, i) => i * 100));
  });

  it("gives columns of exactly the rows added (no spare capacity)", () => {
    const builder = ledgerBuilder(100);
    builder.add("I1", "C", 0, 30, 5);
    builder.add("I2", "C", 0, 30, 6);
    const ledger = builder.build();
    expect(ledger.length).toBe(2);
    expect(Array.from(ledger.amount)).toEqual([5, 6]);
    expect(ledger.settledDate).toHaveLength(2);
  });

  it.each([
    ["amount NaN", [Number.NaN, undefined, undefined]],
    ["amount +Infinity", [Number.POSITIVE_INFINITY, undefined, undefined]],
    ["amount −Infinity", [Number.NEGATIVE_INFINITY, undefined, undefined]],
    ["paidAmount NaN", [100, Number.NaN, undefined]],
    ["paidAmount Infinity", [100, Number.POSITIVE_INFINITY, undefined]],
    ["openAmount NaN", [100, 10, Number.NaN]],
    ["openAmount −Infinity", [100, undefined, Number.NEGATIVE_INFINITY]],
  ] as const)("throws a RangeError for a non-finite figure (%s)", (_, [amount, paidAmount, openAmount]) => {
    const builder = ledgerBuilder();
    expect(() => builder.add("I1", "C", 0, 30, amount, paidAmount, openAmount)).toThrow(RangeError);
    expect(() => ledgerOf([invoice({ amount, paidAmount, openAmount })])).toThrow(RangeError);
    // The refused row is not half-added.
    builder.add("I2", "C", 0, 30, 7);
    const ledger = builder.build();
    expect(ledger.length).toBe(1);
    expect(ledger.invoiceId).toEqual(["I2"]);
    expect(ledger.customerIds).toEqual(["C"]);
  });

  it("interns currencies: index 0 is none, each code once in order of first appearance", () => {
    const codes = [undefined, "USD", "EUR", "USD", undefined, "CNY", "EUR", ""];
    const ledger = ledgerOf(codes.map((currency) => invoice({ amount: 1, currency })));
    expect(ledger.currencies).toEqual(["", "USD", "EUR", "CNY"]);
    expect(Array.from(ledger.currency)).toEqual([0, 1, 2, 1, 0, 3, 2, 0]);
    expect(ledgerItems(ledger).map((r) => r.currency)).toEqual([undefined, "USD", "EUR", "USD", undefined, "CNY", "EUR", undefined]);
  });
});

describe("ledgerBuilder edge cases found in review", () => {
  it.each([20.5, Number.NaN, -3])("keeps every row with a capacity hint of %p", (capacity) => {
    const builder = ledgerBuilder(capacity);
    for (let i = 0; i < 40; i++) builder.add(`I${i}`, "C", i, i + 30, i + 0.5);
    const ledger = builder.build();
    expect(ledger.length).toBe(40);
    expect(Array.from(ledger.amount)).toEqual(Array.from({ length: 40 }, (_, i) => i + 0.5));
  });

  it("keeps more than 65,535 distinct currency codes apart", () => {
    const builder = ledgerBuilder(70_000);
    for (let i = 0; i <= 65_536; i++) builder.add(`I${i}`, "C", 0, 30, 1, undefined, undefined, undefined, `X${i}`);
    const ledger = builder.build();
    expect(ledger.currencies[ledger.currency[65_535]]).toBe("X65535");
    expect(ledger.currencies[ledger.currency[65_536]]).toBe("X65536");
  });
});
