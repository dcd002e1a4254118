/**
 * Data-type cells (formatted numbers, stocks and other linked entities) as arguments. The metadata
 * is emitted with `allowCustomDataForDataTypeAny: true` (custom-functions-metadata always writes it),
 * so Excel hands an `any` parameter the data type's JSON object, not its basic value. Until the
 * readers unwrap `basicValue` (or the flag is emitted false, which makes Excel pass the basic
 * value), such a cell is refused with #VALUE! naming the argument: never read as 0 or blank.
 */
import { openbalance } from "../../src/functions/functions";

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
