/**
 * Data-type cells (formatted numbers, stocks and other linked entities) as arguments. The build
 * emits `allowCustomDataForDataTypeAny: false` (scripts/localizeFunctions.js withBasicCellValues
 * over what custom-functions-metadata writes), so Excel passes such a cell's basic value: a
 * formatted amount is read as the amount. Should an object reach a function all the same, it is
 * refused with #VALUE! naming the argument: never read as 0 or blank.
 */
import { openbalance } from "../../src/functions/functions";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withBasicCellValues } = require("../../scripts/localizeFunctions.js") as {
  withBasicCellValues(metadata: { allowCustomDataForDataTypeAny?: boolean; functions: unknown[] }): { allowCustomDataForDataTypeAny: boolean; functions: unknown[] };
};

describe("the metadata Excel loads", () => {
  it("asks Excel for basic cell values: allowCustomDataForDataTypeAny false, the functions unchanged", () => {
    const generated = { allowCustomDataForDataTypeAny: true, functions: [{ id: "SCORE" }] };
    expect(withBasicCellValues(generated)).toEqual({ allowCustomDataForDataTypeAny: false, functions: [{ id: "SCORE" }] });
  });
});

const FORMATTED_NUMBER = { type: "FormattedNumber", basicValue: 100, numberFormat: "#,##0.00" };
const DOUBLE = { type: "Double", basicValue: 100, numberFormat: "0.00" };
const STOCK = { type: "LinkedEntity", text: "Microsoft Corp", basicValue: "Microsoft Corp", properties: {} };

describe("data-type cells as arguments", () => {
  it.each([
    ["a formatted number", FORMATTED_NUMBER],
    ["a Double with a number format", DOUBLE],
    ["a stock (linked entity)", STOCK],
  ])("refuses %s in amounts with #VALUE! naming the cell, rather than misreading it", (_what, cell) => {
    const result = openbalance([[cell]], [[45800]], [[null]], 45838) as unknown;
    expect(result).toMatchObject({ code: "#VALUE!" });
    expect(String((result as { message?: string }).message)).toMatch(/amounts/);
  });
});
