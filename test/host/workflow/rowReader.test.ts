import { forEachRow } from "../../../src/host/workflow/rowReader";
import type { Problem, RecognisedTable } from "../../../src/host/workflow/types";

const table: RecognisedTable = {
  kind: "receivables",
  source: { name: "Receivables", sheet: "Receivables", kind: "table", headerRow: 2, firstColumn: 1, headers: ["Invoice", "Amount"], rows: [["I1", "x"], ["", null], ["I2", 5], ["I3", -3]] },
  columns: { invoiceId: 0, amount: 1 },
  unrecognisedHeaders: [],
  missingRequired: [],
};

describe("forEachRow", () => {
  it("visits non-blank rows with their sheet row, counts each row's errors apart, and reports with positions", () => {
    const problems: Problem[] = [];
    const seen: { dataIndex: number; sheetRow: number; amount: number | undefined; errors: number }[] = [];
    forEachRow(table, "1900", problems, (r) => {
      const amount = r.number("amount", { min: 0 });
      if (r.dataIndex === 2) r.report("invoiceId", "just a warning", "warning");
      seen.push({ dataIndex: r.dataIndex, sheetRow: r.sheetRow, amount, errors: r.errorCount });
    });
    expect(seen).toEqual([
      { dataIndex: 0, sheetRow: 3, amount: undefined, errors: 1 },
      { dataIndex: 2, sheetRow: 5, amount: 5, errors: 0 },
      { dataIndex: 3, sheetRow: 6, amount: undefined, errors: 1 },
    ]);
    expect(problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      ["error", 3, 2, 'Amount row 1: "x" is not a number'],
      ["warning", 5, 1, "just a warning"],
      ["error", 6, 2, "Amount row 4: -3 is out of range (must be at least 0)"],
    ]);
  });
});
