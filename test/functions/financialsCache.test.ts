/**
 * The kept Financials table of CREDIT.FINANCIALS and CREDIT.WARNINGS (financialsCache): taken
 * again only while every cell is equal (===), in whatever arrays; a changed cell, row count or
 * column reads it again, and what it gives always equals a table read afresh (property).
 */
import fc from "fast-check";
import { cachedFinancials, clearFinancialsCache } from "../../src/functions/financialsCache";
import { readFinancialsTable } from "../../src/functions/financialsArgs";
import { financialFacts } from "../../src/engine/review/financialFacts";
import { latestFinancials } from "../../src/engine/review/latestFinancials";
import type { Cell } from "../../src/functions/args";

beforeEach(() => clearFinancialsCache());

const TABLE: Cell[][] = [
  ["CustomerId", "PeriodEnd", "CurrentAssets", "CurrentLiabilities", "Revenue", "Equity"],
  ["C1", 45000, 500.5, 250, 1000, 300],
  ["C1", 45365, 600, 200, 800, null],
  ["C2", 45365, 10, 20, 30, -5],
];
const copy = (rows: Cell[][]): Cell[][] => rows.map((row) => [...row]);
const kept = (rows: Cell[][]) => {
  const r = cachedFinancials(rows, "financials");
  if (!r.ok) throw new Error("refused");
  return r.value;
};

describe("cachedFinancials", () => {
  it("takes the kept table for equal cells in new arrays", () => {
    const first = kept(TABLE);
    expect(kept(copy(TABLE))).toBe(first);
  });

  it.each([
    [1, 2, 500.25],
    [2, 1, 45366],
    [3, 0, "C3"],
    [2, 5, 0],
    [0, 4, "Sales"],
  ])("reads the table again when row %i column %i changes to %p", (row, column, value) => {
    const first = kept(TABLE);
    const changed = copy(TABLE);
    changed[row][column] = value;
    const second = kept(changed);
    expect(second).not.toBe(first);
    const fresh = readFinancialsTable(copy(changed), "financials");
    expect(fresh.ok && [...second.byCustomer]).toEqual(fresh.ok && [...fresh.value]);
  });

  it("reads the table again with a row more or less, or a column more", () => {
    const first = kept(TABLE);
    expect(kept(TABLE.slice(0, 3))).not.toBe(first);
    expect(kept([...copy(TABLE), ["C3", 45365, 1, 1, 1, 1]]).byCustomer.get("C3")).toHaveLength(1);
    expect(kept(TABLE.map((row, r) => [...row, r === 0 ? "Inventory" : 5])).byCustomer.get("C2")?.[0].inventory).toBe(5);
  });

  it("keeps copies of the rows: a table changed in place after the call is read again", () => {
    const rows = copy(TABLE);
    const first = kept(rows);
    rows[3][2] = 11;
    expect(kept(rows)).not.toBe(first);
    expect(kept(rows).byCustomer.get("C2")?.[0].currentAssets).toBe(11);
  });

  it("keeps no refused table, and gives its error each time", () => {
    const bad = copy(TABLE);
    bad[2][2] = "lots";
    expect(cachedFinancials(bad, "financials")).toEqual(readFinancialsTable(bad, "financials"));
    expect(cachedFinancials(copy(bad), "financials").ok).toBe(false);
  });

  it("picks the latest period and the facts once per customer and date, as the engine does", () => {
    const t = kept(TABLE);
    for (const asOf of [44999, 45000, 45364, 45365, 46000]) {
      for (const id of ["C1", "C2", "C9"]) {
        expect(t.latest(id, asOf)).toEqual(latestFinancials(t.byCustomer.get(id) ?? [], asOf));
        expect(t.facts(id, asOf)).toEqual(financialFacts(t.byCustomer.get(id) ?? [], asOf));
        expect(t.facts(id, asOf)).toBe(t.facts(id, asOf));
      }
    }
  });

  it("computes a column of values once per key, for every customer of the table", () => {
    const t = kept(TABLE);
    const asked: string[] = [];
    const valueOf = (id: string): number => {
      asked.push(id);
      return t.latest(id, 45365).latest?.currentAssets ?? -1;
    };
    const first = t.column("45365|currentAssets", valueOf);
    expect([...first]).toEqual([["C1", 600], ["C2", 10]]);
    expect(t.column("45365|currentAssets", valueOf)).toBe(first);
    expect(asked).toEqual(["C1", "C2"]);
    expect(t.column("45000|currentAssets", valueOf)).not.toBe(first);
  });

  it("gives what a table read afresh gives, for any sequence of edits (property)", () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: 44900, max: 45400 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constantFrom("C1", "C2", "x"));
    const edit = fc.record({ row: fc.integer({ min: 1, max: 3 }), column: fc.nat(5), value: cell });
    fc.assert(
      fc.property(fc.array(fc.option(edit, { nil: undefined }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 44900, max: 45400 }), (edits, asOf) => {
        clearFinancialsCache();
        let rows = copy(TABLE);
        for (const e of edits) {
          if (e !== undefined) {
            rows = copy(rows);
            rows[e.row][e.column] = e.value;
          }
          const got = cachedFinancials(copy(rows), "financials");
          const fresh = readFinancialsTable(copy(rows), "financials");
          expect(got.ok).toBe(fresh.ok);
          if (got.ok && fresh.ok) {
            expect([...got.value.byCustomer]).toEqual([...fresh.value]);
            for (const id of fresh.value.keys()) expect(got.value.facts(id, asOf)).toEqual(financialFacts(fresh.value.get(id) ?? [], asOf));
          }
          if (!got.ok && !fresh.ok) expect(got.error).toEqual(fresh.error);
        }
      }),
      { numRuns: 200 },
    );
  });
});
