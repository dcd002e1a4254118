/**
 * The kept ledger of the review functions (ledgerCache): taken again only while every column's
 * cells are equal (===) to those it was built from, whatever arrays carry them (Excel hands new
 * ones at every call); any changed cell, length or set of columns builds a new one, and the kept
 * ledger's figures are always those of a ledger read afresh (property).
 */
import fc from "fast-check";
import { ok } from "../../src/engine/errors";
import { errorInEnglish } from "../support/errorInEnglish";
import { cachedLedger, clearLedgerCache } from "../../src/functions/ledgerCache";
import { checkedCells, ledgerOfCells, type LedgerCells } from "../../src/functions/ledgerArgs";
import { columnCells, flatColumn, type ColumnCells } from "../../src/functions/columnCells";
import type { Ledger } from "../../src/engine/receivables/Ledger";

beforeEach(() => clearLedgerCache());

type Cells = Record<"ledgerCustomers" | "dueDates" | "amounts" | "settledDates" | "invoiceIds" | "disputed", unknown[]>;

const BASE: Cells = {
  ledgerCustomers: ["C1", "C1", "C2", "C3"],
  dueDates: [45000, 45010, 45020.5, 45030],
  amounts: [100.25, -20, 300, 7],
  settledDates: [null, 45015, "", null],
  invoiceIds: ["I1", "PAY-1", "I2", "I3"],
  disputed: [null, "No", "Yes", true],
};

/** The cells as Excel hands them: new arrays, n×1 (or flat, a list). */
function handed(cells: Partial<Cells>, nested = true): LedgerCells {
  const out: Partial<Record<keyof Cells, ColumnCells>> = {};
  for (const [name, list] of Object.entries(cells) as [keyof Cells, unknown[]][]) {
    const column = nested ? columnCells(list.map((x) => [x]), name) : ok(flatColumn([...list], name));
    if (!column.ok) throw new Error(`bad column ${name}`);
    out[name] = column.value;
  }
  return out as LedgerCells;
}

const ledgerOf = (cells: Partial<Cells>, exact = false, nested = true): Ledger => {
  const r = cachedLedger(handed(cells, nested), exact);
  if (!r.ok) throw new Error(errorInEnglish(r.error));
  return r.value.ledger;
};

/** The ledger's columns as plain arrays, to compare a kept ledger with one read afresh. */
const figures = (l: Ledger): unknown => ({
  ids: l.customerIds, customer: [...l.customer], invoice: l.invoiceId, due: [...l.dueDate], settled: [...l.settledDate].map(String),
  cents: [...l.amountCents], open: [...l.openCents], disputed: [...l.disputed],
});

describe("cachedLedger", () => {
  it("takes the kept ledger for equal cells in new arrays, nested or flat", () => {
    const first = ledgerOf(BASE);
    expect(ledgerOf({ ...BASE })).toBe(first);
    expect(ledgerOf(BASE, false, false)).toBe(first);
  });

  it.each([
    ["ledgerCustomers", 2, "C9"],
    ["dueDates", 1, 45011],
    ["amounts", 0, 100.26],
    ["amounts", 3, "7"],
    ["settledDates", 0, 45001],
    ["settledDates", 2, null],
    ["invoiceIds", 1, "I9"],
    ["disputed", 2, "No"],
  ] as const)("reads the ledger again when one cell of %s (row %i) changes to %p", (name, row, value) => {
    const first = ledgerOf(BASE);
    const changed: Cells = { ...BASE, [name]: BASE[name].map((x, i) => (i === row ? value : x)) };
    const second = ledgerOf(changed);
    expect(second).not.toBe(first);
    const fresh = ledgerOfCells(handed(changed));
    expect(fresh.ok && figures(second)).toEqual(fresh.ok && figures(fresh.value));
  });

  it("reads the ledger again when the columns are longer or shorter", () => {
    const first = ledgerOf(BASE);
    const longer = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, [...v, v[0]]])) as Cells;
    const shorter = Object.fromEntries(Object.entries(BASE).map(([k, v]) => [k, v.slice(0, 3)])) as Cells;
    expect(ledgerOf(longer)).not.toBe(first);
    expect(ledgerOf(longer).length).toBe(5);
    expect(ledgerOf(shorter).length).toBe(3);
  });

  it("serves the payment functions' four columns from a ledger of more, but the position functions only from the same columns", () => {
    const { invoiceIds, disputed, ...four } = BASE;
    const all = ledgerOf(BASE, true);
    expect(ledgerOf(four, false)).toBe(all);
    expect(ledgerOf(four, true)).not.toBe(all);
    expect(ledgerOf({ ...four, invoiceIds, disputed }, true)).toBe(all);
    expect(ledgerOf({ ...four, invoiceIds }, true)).not.toBe(all);
  });

  it("keeps copies of the cells: an argument array changed in place after the call is read again", () => {
    const cells = handed(BASE);
    const first = cachedLedger(cells, true);
    (cells.amounts.data[0] as unknown[])[0] = 999;
    const second = cachedLedger(cells, true);
    expect(first.ok && second.ok && second.value.ledger !== first.value.ledger).toBe(true);
    expect(second.ok && second.value.ledger.amount[0]).toBe(999);
  });

  it("checks every row's shape: a row of two cells in a column is readVector's error, naming the argument", () => {
    ledgerOf(BASE);
    const cells = handed(BASE);
    const rows = BASE.amounts.map((x) => [x]);
    rows[2] = [300, 1];
    const bad = columnCells(rows, "amounts");
    expect(bad.ok).toBe(true);
    const r = cachedLedger({ ...cells, amounts: bad.ok ? bad.value : cells.amounts }, true);
    expect(r.ok).toBe(false);
    expect(!r.ok && errorInEnglish(r.error)).toBe("amounts: must be a single row or column, got 4×2");
  });

  it("reads a row that is a bare cell as readVector does (a flat list), not as the kept column", () => {
    const first = ledgerOf(BASE);
    const cells = handed(BASE);
    const rows: unknown[] = BASE.amounts.map((x) => [x]);
    rows[1] = -20;
    const mixed = columnCells(rows, "amounts");
    const r = cachedLedger({ ...cells, amounts: mixed.ok ? mixed.value : cells.amounts }, true);
    expect(r.ok && r.value.ledger).not.toBe(first);
    expect(r.ok && figures(r.value.ledger)).toEqual(figures(first));
  });

  it("gives the figures of a ledger read afresh, kept or not, for any sequence of edits (property)", () => {
    const cell = fc.oneof(fc.constant(null), fc.constant(""), fc.integer({ min: 45000, max: 45100 }), fc.double({ min: 1, max: 1e6, noNaN: true }), fc.constantFrom("C1", "C2", "x"));
    const edit = fc.record({ column: fc.constantFrom(...(Object.keys(BASE) as (keyof Cells)[])), row: fc.nat(3), value: cell });
    fc.assert(
      fc.property(fc.array(fc.option(edit, { nil: undefined }), { minLength: 1, maxLength: 8 }), (edits) => {
        clearLedgerCache();
        let cells: Cells = BASE;
        for (const e of edits) {
          if (e !== undefined) cells = { ...cells, [e.column]: cells[e.column].map((x, i) => (i === e.row ? e.value : x)) };
          const kept = cachedLedger(handed(cells), true);
          const fresh = checkedCells(handed(cells));
          const read = fresh.ok ? ledgerOfCells(fresh.value) : fresh;
          expect(kept.ok).toBe(read.ok);
          if (kept.ok && read.ok) expect(figures(kept.value.ledger)).toEqual(figures(read.value));
          if (!kept.ok && !read.ok) expect(kept.error).toEqual(read.error);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the positions kept with a ledger", () => {
  it("are computed once per as-of date and FIFO choice, and agree with a ledger read afresh", () => {
    const r = cachedLedger(handed(BASE), true);
    if (!r.ok) throw new Error(errorInEnglish(r.error));
    const at = r.value.positions(45020, false);
    expect(r.value.positions(45020, false)).toBe(at);
    expect(r.value.positions(45040, false)).not.toBe(at);
    expect(r.value.positions(45020, true)).not.toBe(at);
    clearLedgerCache();
    const again = cachedLedger(handed(BASE), true);
    if (!again.ok) throw new Error(errorInEnglish(again.error));
    for (let c = 0; c < 3; c++) expect(again.value.positions(45020, false)(c)).toEqual(at(c));
  });
});
