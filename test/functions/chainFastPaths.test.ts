/**
 * The what-if chain's fast paths (issue 14): CREDIT.LIMIT reads plain cells (a finite number, a
 * grade A–D, a blank) straight and any other cell through its full reader, its columns in one
 * pass (lazy spread). The property: a call whose cells are plain gives the same spill, value for
 * value and error for error, as the same call with each plain cell written the way only the full
 * reader reads it (a number as its text, a grade in lower case with spaces), refused cells mixed
 * in. CREDIT.WARNINGS (read row by row by the full readers) is held to the same property.
 */
import fc from "fast-check";
import "../support/errorsInEnglish";
import { CustomFunctionsError } from "../support/customFunctionsStub";
import { clearFunctionCaches } from "../../src/functions/functionCaches";
import { limit, warnings } from "../../src/functions/functions";

/** A spill with each error as its code and message, so two spills compare with toEqual. */
const plainOf = (spill: unknown[][]): unknown[][] => spill.map((row) => row.map((cell) => (cell instanceof CustomFunctionsError ? { code: cell.code, message: cell.message } : cell)));

/** A cell written so that only the full reader reads it: a number as text, a grade in lower case with spaces. */
const slowly = (cell: unknown): unknown => (typeof cell === "number" ? String(cell) : typeof cell === "string" && /^[A-D]$/.test(cell) ? ` ${cell.toLowerCase()} ` : cell);

const column = (cells: unknown[]): unknown[][] => cells.map((c) => [c]);

/** Figures: mostly plain numbers and blanks, sometimes a refused or out-of-range cell. */
const figure = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 1e7, noNaN: true }).map((x) => Math.round(x * 100) / 100) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, "", "  ", 0) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>("x", true, -5, "12%", 1e308) },
);
const margin = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -20, max: 80 }).map((x) => x / 100) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, "", 25, "n/a") },
);
const gradeCell = fc.oneof({ weight: 8, arbitrary: fc.constantFrom<unknown>("A", "B", "C", "D") }, { weight: 1, arbitrary: fc.constantFrom<unknown>("R", "", "E", 3, " b") });

describe("CREDIT.LIMIT's plain rows", () => {
  const row = fc.tuple(gradeCell, figure, margin, figure, figure, figure, figure, figure, figure, fc.oneof(figure, fc.integer({ min: 0, max: 120 })));
  it("give what the full readers give, refusals included", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 30 }), (rows) => {
        const columns = (write: (c: unknown) => unknown): unknown[][][] => Array.from({ length: 10 }, (_, c) => column(rows.map((r) => write(r[c]))));
        const fast = limit(...(columns((c) => c) as Parameters<typeof limit>));
        const full = limit(...(columns(slowly) as Parameters<typeof limit>));
        expect(plainOf(fast)).toEqual(plainOf(full));
      }),
      { numRuns: 200 },
    );
  });
});

describe("CREDIT.LIMIT's columns read in one pass", () => {
  const g = column(["A", "B", "C", "A"]);
  const f = column([1000, 2000, 3000, 4000]);
  const m = column([0.2, 0.2, 0.2, 0.2]);
  /** A column whose third row holds two cells. */
  const wide = (): unknown[][] => [[1000], [2000], [3000, 5], [4000]];
  const messages = (spill: unknown[][]): unknown[][] => plainOf(spill).map((row) => row.map((c) => (typeof c === "object" && c !== null && "message" in c ? c.message : c)));
  it.each([
    ["a row of two cells", [g, f, m, f, f, f, f, wide(), f, f], "netWorth: must be a single row or column, got 4×2"],
    ["a row of two cells before a column of another length", [g, f, m, f, f, wide(), f, f, column([1, 2]), f], "currentLiabilities: must be a single row or column, got 4×2"],
    ["a row of two cells with detail", [g, f, m, f, f, f, f, wide(), f, f, true], "netWorth: must be a single row or column, got 4×2"],
    ["a column of another length", [g, f, m, f, f, f, f, f, column([1, 2]), f], "collateral: has 2 cells but grade has 4: give one cell or 4"],
    ["a row of two cells before a column whose first row has two", [g, f, m, wide(), f, f, f, f, [[1, 2], [3], [4], [5]], f], "currentAssets: must be a single row or column, got 4×2"],
    ["a row of two cells in a row whose grade is refused", [column(["A", "B", "E", "A"]), f, m, f, f, f, f, wide(), f, f], "netWorth: must be a single row or column, got 4×2"],
  ])("refuses %s as the upfront check did", (_what, args, message) => {
    expect(messages(limit(...(args as Parameters<typeof limit>)))).toEqual([[message]]);
  });
  it("reads a row given as a bare cell as that cell", () => {
    const bare = [[1000], [2000], 3000, [4000]];
    expect(limit(g, f, m, f, f, f, f, bare as unknown[][], f, f)).toEqual(limit(g, f, m, f, f, f, f, f, f, f));
  });
});

describe("CREDIT.WARNINGS's plain cells", () => {
  const AS_OF = 45838; // 2025-06-30
  const FINANCIALS = [
    ["CustomerId", "PeriodEnd", "Revenue", "CurrentAssets", "CurrentLiabilities", "TotalLiabilities", "Equity"],
    ["C1", 45291, 1000, 500, 600, 900, -50],
    ["C1", 44926, 1500, 500, 400, 500, 100],
    ["C2", 44500, 800, 900, 300, 400, 600],
  ];
  const grade = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>("A", "B", "C", "D") }, { weight: 1, arbitrary: fc.constantFrom<unknown>("R", "", "x", 2) });
  const maybeGrade = fc.oneof({ weight: 6, arbitrary: fc.constantFrom<unknown>("A", "B", "C", "D", "", null) }, { weight: 1, arbitrary: fc.constantFrom<unknown>("Z", 7) });
  const amount = fc.integer({ min: -5000, max: 200000 }).map((x) => x / 100);
  const num = fc.oneof({ weight: 8, arbitrary: amount }, { weight: 1, arbitrary: fc.constantFrom<unknown>("x", true, "", null) });
  const maybeNum = fc.oneof({ weight: 6, arbitrary: amount }, { weight: 2, arbitrary: fc.constantFrom<unknown>("", null) }, { weight: 1, arbitrary: fc.constantFrom<unknown>("x", true) });
  const row = fc.record({
    id: fc.constantFrom<unknown>("C1", "C2", "C3", 4, ""),
    grade, coverage: num, limit: maybeNum,
    position: fc.array(fc.oneof({ weight: 12, arbitrary: amount }, { weight: 1, arbitrary: fc.constantFrom<unknown>("x", "") }), { minLength: 8, maxLength: 8 }),
    trend: maybeNum, previous: maybeGrade,
    key: fc.constantFrom<unknown>("Yes", "No", "", true, 0, "maybe"),
    reviewed: fc.oneof(fc.integer({ min: 44000, max: 45838 }), fc.constantFrom<unknown>("", null, "2025-01-31", "never")),
  });
  type Row = typeof row extends fc.Arbitrary<infer R> ? R : never;
  const call = (rows: Row[], write: (c: unknown) => unknown, show: string, financials: boolean): unknown[][] => {
    clearFunctionCaches();
    const col = (pick: (r: Row) => unknown): unknown[][] => column(rows.map((r) => write(pick(r))));
    return plainOf(warnings(
      col((r) => r.id), AS_OF, col((r) => r.grade), col((r) => r.coverage), col((r) => r.limit), rows.map((r) => r.position.map(write)),
      col((r) => r.trend), col((r) => r.previous), col((r) => r.key), col((r) => r.reviewed), financials ? FINANCIALS : (null as unknown as unknown[][]), show,
    ));
  };
  /** Only the full readers read it: numbers as text, grades in lower case with spaces, a blank as spaces. */
  const slowlyOrBlank = (c: unknown): unknown => (c === "" ? "  " : slowly(c));
  it("give what the full readers give, for every show and with or without financials", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 25 }), fc.constantFrom("count", "critical", "text"), fc.boolean(), (rows, show, financials) => {
        expect(call(rows, (c) => c, show, financials)).toEqual(call(rows, slowlyOrBlank, show, financials));
      }),
      { numRuns: 150 },
    );
  });
  it("refuses the whole call for a POSITION row of fewer than 8 cells, before a refused Financials table", () => {
    const ids = column(["C1", "C2"]);
    const position = [[1, 0, 0, 0, 0, 0, 0, 1], [1, 0, 0]];
    const refusal = { code: "#VALUE!", message: "position: needs 8 columns" };
    expect(plainOf(warnings(ids, AS_OF, column(["A", "B"]), column([90, 90]), column([100, 100]), position))).toEqual([[refusal]]);
    expect(plainOf(warnings(ids, AS_OF, column(["A", "B"]), column([90, 90]), column([100, 100]), position, undefined, undefined, undefined, undefined, [["x"], ["y"]]))).toEqual([[refusal]]);
  });
});
