import "../support/errorsInEnglish";
import fc from "fast-check";
import { at } from "../../src/engine/errors";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { readVector } from "../../src/functions/args";
import { readNumber } from "../../src/engine/values/readNumber";
import { agingOfColumnRanges, agingOfColumns, isBlankRange, readLedgerColumns, readRowCell } from "../../src/functions/receivablesAdapters";

const asOf = dayFromCivil(2024, 8, 1);
const serial = (y: number, m: number, d: number): number => toExcelSerial(dayFromCivil(y, m, d));
const EDGES = [0, 30];

function columns(amounts: unknown[][], dueDates: unknown[][], customers: unknown[][] | null = null) {
  const cols = readLedgerColumns({ amounts, dueDates, customers });
  if (!cols.ok) throw new Error("columns refused");
  return cols.value;
}

describe("readVector (ledger columns)", () => {
  it("refuses a block, naming its shape", () => {
    expect(readVector([[1, 2], [3, 4]], "amounts")).toEqual({ ok: false, error: { kind: "invalidInput", field: "amounts", detail: "must be a single row or column, got 2×2" } });
  });
  it.each([
    ["a column", [[1], [2], [""]], [1, 2, ""]],
    ["a row", [[1, 2, 3]], [1, 2, 3]],
    ["a scalar", 7, [7]],
    ["an empty range", [], []],
    ["rows given as values", [1, [2], 3], [1, 2, 3]],
  ])("reads %s", (_, value, cells) => {
    expect(readVector(value, "x")).toEqual({ ok: true, value: cells });
  });
});

describe("readRowCell", () => {
  it("names the argument and the 1-based row in an error", () => {
    expect(readRowCell(readNumber, "abc", "amounts", 11)).toEqual(readNumber("abc", at("amounts", { row: 12 })));
  });
  it("reads a good cell", () => {
    expect(readRowCell(readNumber, "1,234.50", "amounts", 0)).toEqual({ ok: true, value: 1234.5 });
  });
});

describe("isBlankRange", () => {
  it.each([
    [null, true],
    ["  ", true],
    [[["", null], [" "]], true],
    [["", ""], true],
    [[["", "A"]], false],
    [["", 0], false],
    ["A", false],
  ])("%p → %p", (value, blank) => {
    expect(isBlankRange(value)).toBe(blank);
  });
});

describe("agingOfColumns", () => {
  it("names the argument and row of the first bad cell, in the order amounts, dueDates, customers", () => {
    const cols = columns([[10], ["x"], [5]], [[serial(2024, 7, 1)], ["bad"], [serial(2024, 7, 1)]], [["A"], ["B"], [true]]);
    const r = agingOfColumns(cols, asOf, EDGES, true);
    expect(r).toMatchObject({ ok: false, error: { field: "amounts", at: { row: 2 } } });
    const due = agingOfColumns(columns([[10], [3]], [[serial(2024, 7, 1)], ["bad"]]), asOf, EDGES, false);
    expect(due).toMatchObject({ ok: false, error: { field: "dueDates", at: { row: 2 } } });
  });

  it("refuses a blank amount in a row that is not blank", () => {
    expect(agingOfColumns(columns([[""]], [[serial(2024, 7, 1)]]), asOf, EDGES, false)).toMatchObject({ ok: false, error: { field: "amounts", at: { row: 1 } } });
  });

  it("skips blank rows, leaves zero amounts out, and keeps credit notes and cents exact", () => {
    const cols = columns(
      [[100.1], [""], [0], [-0.3], [0.2]],
      [[serial(2024, 7, 1)], [""], [serial(2024, 8, 1)], [serial(2024, 7, 20)], [serial(2024, 7, 20)]],
      [["A"], [""], ["Z"], ["B"], ["A"]],
    );
    const r = agingOfColumns(cols, asOf, EDGES, true);
    if (!r.ok) throw new Error("refused");
    expect(r.value.totalCents).toEqual([0, -10, 10010]);
    expect([...r.value.byCustomer.keys()]).toEqual(["A", "B"]);
    expect(r.value.byCustomer.get("A")).toEqual([0, 20, 10010]);
    expect(r.value.byCustomer.get("B")).toEqual([0, -30, 0]);
    expect(r.value.openCents).toBe(10000);
  });
});

describe("agingOfColumnRanges (CREDIT.AGING's hot path)", () => {
  const cell = fc.oneof(
    fc.integer({ min: -50_000, max: 500_000 }).map((c) => c / 100),
    fc.constantFrom<unknown>("", null, "1,234.50", "x"),
  );
  const dueCell = fc.oneof(fc.integer({ min: 44_000, max: 46_000 }), fc.constantFrom<unknown>("", "2024-03-01", "not a date", 60));
  const customerCell = fc.constantFrom<unknown>("A", "B", "C", "");

  it("gives exactly what the general path gives (values and errors), for any column ledger", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, dueCell, customerCell), { minLength: 2, maxLength: 40 }), fc.boolean(), (rows, byCustomer) => {
        const amounts = rows.map((r) => [r[0]]);
        const dueDates = rows.map((r) => [r[1]]);
        const customers = byCustomer ? rows.map((r) => [r[2]]) : null;
        const fast = agingOfColumnRanges(amounts, dueDates, customers, 20_000, [0, 30, 60, 90]);
        const cols = readLedgerColumns({ amounts, dueDates, customers });
        const general = cols.ok ? agingOfColumns(cols.value, 20_000, [0, 30, 60, 90], byCustomer) : cols;
        expect(fast).toEqual(general);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves other shapes to the general path", () => {
    expect(agingOfColumnRanges([[1, 2, 3]], [[45000, 45001, 45002]], null, 20_000, [0, 30])).toBeUndefined();
    expect(agingOfColumnRanges([[1], [2]], [[45000]], null, 20_000, [0, 30])).toBeUndefined();
    expect(agingOfColumnRanges([[1], [2]], [[45000], [45001]], [["A"]], 20_000, [0, 30])).toBeUndefined();
  });
});
