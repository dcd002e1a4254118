import { addMonths } from "../../../src/engine/dates/addMonths";
import { dayFromCivil, toIsoDate } from "../../../src/engine/dates/dayNumber";

describe("addMonths", () => {
  it("rejects a fractional number of months (programmer bug)", () => {
    expect(() => addMonths(0, 1.5)).toThrow(RangeError);
  });

  it.each([
    ["2013-03-31", -1, "2013-02-28"],
    ["2012-03-31", -1, "2012-02-29"],
    ["2013-12-31", -12, "2012-12-31"],
    ["2013-01-15", -1, "2012-12-15"],
    ["2012-11-30", 3, "2013-02-28"],
    ["2013-06-30", 0, "2013-06-30"],
    ["2000-02-29", 12, "2001-02-28"],
  ])("%s %+d months is %s", (from, months, expected) => {
    const [y, m, d] = from.split("-").map(Number);
    expect(toIsoDate(addMonths(dayFromCivil(y, m, d), months))).toBe(expected);
  });
});
