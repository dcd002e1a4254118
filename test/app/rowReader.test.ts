import fc from "fast-check";
import { toDayNumber, type DateSystem } from "../../src/engine/dates/dayNumber";
import { type Result } from "../../src/engine/errors";
import { errorDetailText } from "../../src/app/errorText";
import { createTranslator } from "../../src/i18n/translator";
import { isBlank, readBoolean, readNumber, readText } from "../../src/engine/values";
import type { CellValue } from "../../src/host/WorkbookPort";
import type { DetailedProblem } from "../../src/app/groupProblems";
import { columnsOf, forEachRow, type Bounds } from "../../src/app/rowReader";
import type { Problem, RecognisedTable } from "../../src/app/types";

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
    const c = columnsOf(table, ["invoiceId", "amount"]);
    const seen: { dataIndex: number; sheetRow: number; amount: number | undefined; errors: number }[] = [];
    forEachRow(table, "1900", problems, (r) => {
      const amount = r.number(c.amount, { min: 0 });
      if (r.dataIndex === 2) r.report(c.invoiceId, "just a warning", "warning");
      seen.push({ dataIndex: r.dataIndex, sheetRow: r.sheetRow, amount, errors: r.errorCount });
    });
    expect(seen).toEqual([
      { dataIndex: 0, sheetRow: 3, amount: undefined, errors: 1 },
      { dataIndex: 2, sheetRow: 5, amount: 5, errors: 0 },
      { dataIndex: 3, sheetRow: 6, amount: undefined, errors: 1 },
    ]);
    expect(problems.map((p) => [p.severity, p.row, p.column, p.message])).toEqual([
      // Excel's row numbers: the sheet row (0-based) + 1, the row beside the cell in Excel (issue 16).
      ["error", 3, 2, 'Amount row 4: "x" is not a number'],
      ["warning", 5, 1, "just a warning"],
      ["error", 6, 2, "Amount row 7: -3 is out of range (must be at least 0)"],
    ]);
    expect(problems.map((p: DetailedProblem) => [p.messageId, p.params])).toEqual([
      ["problem.cell.invalid", { header: "Amount", row: 4, text: "x", detailId: "errorDetail.notNumberText" }],
      [undefined, undefined],
      ["problem.cell.belowMin", { header: "Amount", row: 7, value: -3, min: 0, max: "" }],
    ]);
  });
});

/**
 * The reader takes the common cells (text, finite numbers, 1900 serial dates) without the
 * engine's Result readers (issue 6). Whatever the cell, it must give what those readers give:
 * the value, or one problem with their detail; blank is nothing, or "is missing" when required.
 */
describe("RowReader against the engine's cell readers (property)", () => {
  type Method = "text" | "requiredText" | "number" | "requiredNumber" | "date" | "requiredDate" | "boolean";
  const METHODS: readonly Method[] = ["text", "requiredText", "number", "requiredNumber", "date", "requiredDate", "boolean"];
  const BOUNDS: readonly (Bounds | undefined)[] = [undefined, { min: 0 }, { max: 10 }, { min: 0, max: 10 }, { min: 0, isInteger: true }];

  const cell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
    fc.constantFrom(null, undefined, "", "  ", "\t", true, false),
    fc.string({ maxLength: 8 }),
    fc.string({ maxLength: 6 }).map((s) => ` ${s} `),
    fc.double(),
    fc.tuple(fc.integer({ min: -5, max: 70 }), fc.constantFrom(0, 0.5)).map(([whole, part]) => whole + part),
    fc.integer({ min: 40_000, max: 50_000 }),
    fc.constantFrom(-0, 0, 59, 59.99, 60, 60.5, 61, 1e7, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
    fc.constantFrom("1,234.50", "25%", "-3", "1e3", ".5", "abc", "12.", "2025-05-01", "2025-02-30", "5/31/2025", "45500", " 45500.5 ", "Yes", "否", "maybe"),
  );

  /** What the reader gave before the fast paths: has() + the engine's reader and its Result. */
  function plain(method: Method, value: CellValue | undefined, system: DateSystem, bounds: Bounds | undefined): { value: unknown; detail?: string } {
    if (isBlank(value)) return method.startsWith("required") ? { value: undefined, detail: "is missing" } : { value: undefined };
    const result: Result<unknown> =
      method === "text" || method === "requiredText" ? readText(value, "f")
        : method === "number" || method === "requiredNumber" ? readNumber(value, "f")
          : method === "boolean" ? readBoolean(value, "f")
            : toDayNumber(value, system, "f");
    if (!result.ok) {
      const e = result.error;
      return { value: undefined, detail: errorDetailText(createTranslator("en-US"), e) };
    }
    if (method !== "number" || bounds === undefined) return { value: result.value };
    const n = result.value as number;
    const { min, max, isInteger } = bounds;
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      const range = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
      return { value: undefined, detail: `${n} is out of range (must be ${range})` };
    }
    if (isInteger && !Number.isInteger(n)) return { value: undefined, detail: `${n} must be a whole number` };
    return { value: n };
  }

  it("gives the engine readers' value or problem for any cell, method, bounds and date system", () => {
    fc.assert(
      fc.property(cell, fc.constantFrom(...METHODS), fc.constantFrom(...BOUNDS), fc.constantFrom<DateSystem>("1900", "1904"), (value, method, bounds, system) => {
        // A first column that is never blank, so that the row is read whatever the cell.
        const source = { name: "T", sheet: "S", kind: "table" as const, headerRow: 4, firstColumn: 2, headers: ["Id", "Field"], rows: [["x", value as CellValue]] };
        const oneCell: RecognisedTable = { kind: "receivables", source, columns: { invoiceId: 0, amount: 1 }, unrecognisedHeaders: [], missingRequired: [] };
        const problems: Problem[] = [];
        let got: unknown = "not visited";
        const { amount } = columnsOf(oneCell, ["amount"]);
        forEachRow(oneCell, system, problems, (r) => {
          got = method === "number" ? r.number(amount, bounds) : r[method](amount);
        });
        const want = plain(method, value, system, bounds);
        expect(got).toBe(want.value);
        expect(problems.map(({ severity, table, sheet, row, column, field, message }) => ({ severity, table, sheet, row, column, field, message }))).toEqual(
          want.detail === undefined ? [] : [{ severity: "error", table: "T", sheet: "S", row: 5, column: 3, field: "amount", message: `Field row 6: ${want.detail}` }],
        );
      }),
      { numRuns: 3000 },
    );
  });

  it("reads an absent column as blank, and reports a missing required one at the table's first column", () => {
    const problems: Problem[] = [];
    const c = columnsOf(table, ["invoiceId", "dueDate"]);
    const read: unknown[] = [];
    forEachRow(table, "1900", problems, (r) => {
      if (r.dataIndex === 0) read.push(r.date(c.dueDate), r.requiredDate(c.dueDate));
    });
    expect(read).toEqual([undefined, undefined]);
    expect(c.dueDate).toEqual({ field: "dueDate", index: -1, header: "DueDate" });
    expect(problems).toEqual([{
      severity: "error", table: "Receivables", sheet: "Receivables", row: 3, column: 1, field: "dueDate", message: "DueDate row 4: is missing",
      messageId: "problem.cell.missing", params: { header: "DueDate", row: 4 },
    }]);
  });
});
