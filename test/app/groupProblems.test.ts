import fc from "fast-check";
import { groupProblems, isProblemOnHiddenSheet, rowRanges, type DetailedProblem } from "../../src/app/groupProblems";

const unknownCustomer = (sheetRow: number, customer: string): DetailedProblem => ({
  severity: "error", table: "Receivables", sheet: "Receivables", row: sheetRow, column: 1, field: "customerId",
  message: `CustomerId row ${sheetRow + 1}: customer "${customer}" is not in the Customers table`,
  messageId: "problem.receivables.unknownCustomer", params: { header: "CustomerId", row: sheetRow + 1, customer },
});

describe("groupProblems", () => {
  it("gives one group for a renamed customer's twelve rows, with the count and Excel's row numbers", () => {
    const problems = Array.from({ length: 12 }, (_, i) => unknownCustomer(3 + i, "C9"));
    const groups = groupProblems(problems);
    expect(groups).toHaveLength(1);
    expect(groups[0].count).toBe(12);
    expect(groups[0].rows).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(groups[0].first).toBe(problems[0]);
    expect(rowRanges(groups[0].rows)).toBe("4–15");
  });

  it("keeps apart two customers, two columns and two severities, in the order of their first problem", () => {
    const warning: DetailedProblem = { ...unknownCustomer(9, "C1"), severity: "warning" };
    const groups = groupProblems([unknownCustomer(3, "C9"), unknownCustomer(4, "C8"), unknownCustomer(5, "C9"), warning, { ...unknownCustomer(6, "C9"), column: 2 }]);
    expect(groups.map((g) => [g.severity, g.first.params?.customer, g.count, g.rows])).toEqual([
      ["error", "C9", 2, [4, 6]],
      ["error", "C8", 1, [5]],
      ["warning", "C1", 1, [10]],
      ["error", "C9", 1, [7]],
    ]);
  });

  it("groups problems without a message id by their message with the row taken out", () => {
    const plain = (row: number): DetailedProblem => ({ severity: "error", table: "T", sheet: "S", row, column: 2, field: "amount", message: `Amount row ${row + 1}: is missing` });
    const groups = groupProblems([plain(1), plain(2), { ...plain(3), message: "Amount row 4: \"x\" is not a number" }]);
    expect(groups.map((g) => [g.count, g.rows])).toEqual([[2, [2, 3]], [1, [4]]]);
  });

  it("leaves a whole-table problem without rows and names a hidden sheet as hidden", () => {
    const table: DetailedProblem = { severity: "error", table: "Receivables", sheet: "", row: -1, column: -1, field: "", message: "No Receivables table found" };
    const hidden: DetailedProblem = { ...unknownCustomer(3, "C9"), sheet: "Old", isSheetHidden: true };
    const [t, h] = groupProblems([table, hidden]);
    expect(t.rows).toEqual([]);
    expect(t.isSheetHidden).toBe(false);
    expect(h.isSheetHidden).toBe(true);
    expect(isProblemOnHiddenSheet({ ...table, message: 'CustomerId row 2: duplicate (hidden sheet Archive)' })).toBe(true);
  });

  it("never loses a problem: the counts add up to the problems (property)", () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.constantFrom("C1", "C2", "C3"))), (rows) => {
      const groups = groupProblems(rows.map(([row, customer]) => unknownCustomer(row, customer)));
      expect(groups.reduce((sum, g) => sum + g.count, 0)).toBe(rows.length);
      for (const g of groups) expect(g.rows).toEqual([...g.rows].sort((a, b) => a - b));
    }));
  });
});

describe("rowRanges", () => {
  it.each<[number[], string]>([
    [[], ""],
    [[5], "5"],
    [[5, 6, 7, 9, 12, 13], "5–7, 9, 12–13"],
    [[1, 3, 5, 7, 9, 11, 13, 15, 17, 19], "1, 3, 5, 7, 9, 11, 13, 15, …"],
  ])("%j → %s", (rows, text) => {
    expect(rowRanges(rows)).toBe(text);
  });
});
