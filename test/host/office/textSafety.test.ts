import { needsTextPrefix, toExcelInput } from "../../../src/host/office/textSafety";

describe("needsTextPrefix", () => {
  it.each(["=SUM(A1)", "+1", "-x", "@name", "'quoted", "00123", "1/2/2026", "12:30", "#N/A", "$5", "(5)", ".5", "TRUE", " false "])(
    "marks %p",
    (text) => {
      expect(needsTextPrefix(text)).toBe(true);
    },
  );

  it.each(["", "Acme Ltd", "A", "B+", "Grade E", "x=1", "EUR"])("leaves %p alone", (text) => {
    expect(needsTextPrefix(text)).toBe(false);
  });
});

describe("toExcelInput", () => {
  it.each([
    ["=SUM(A1)", "'=SUM(A1)"],
    ["@name", "'@name"],
    ["Acme", "Acme"],
    [42, 42],
    [-3.5, -3.5],
    [true, true],
    [null, null],
  ])("%p becomes %p", (value, input) => {
    expect(toExcelInput(value)).toBe(input);
  });
});
