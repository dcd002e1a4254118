/**
 * wrappedLines and rowHeightOf (issue 15): the lines a wrapped cell takes in its column, which the
 * .xlsx writers store as the row's height because LibreOffice does not grow a row to fit.
 */
import fc from "fast-check";
import { LINE_HEIGHT_PT, MAX_ROW_HEIGHT_PT, rowHeightOf, wrappedLines } from "../../../src/host/xlsx/wrappedLines";

describe("wrappedLines", () => {
  it.each([
    ["", 10, 1],
    ["short", 10, 1],
    ["Payment record below 60 and overdue items", 15, 3],
    ["Payment record below 60 and overdue items", 18, 2],
    ["two\nparagraphs", 40, 2],
    ["a\n\nblank line between", 40, 3],
    // Digits are the width unit: ten digits fill ten characters, the eleventh starts a line.
    ["0123456789", 10, 1],
    ["01234567890", 10, 2],
    // A word wider than the line is broken across lines.
    ["0123456789012345678901234", 10, 3],
    // Chinese has no spaces and counts double: 9 characters are 18 wide.
    ["客户逾期超过九十天", 10, 2],
    ["客户逾期超过九十天", 18, 1],
    ["客户逾期超过九十天", 17, 2],
    // Capitals are wider than lower case.
    ["WWWWWWWWWW", 10, 2],
    ["iiiiiiiiiiiiiiiiiiii", 10, 1],
  ])("%j in %d characters takes %d line(s)", (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it("a width below one character still answers a whole number of lines", () => {
    expect(wrappedLines("abc", 0)).toBe(3);
    expect(wrappedLines("abc", -5)).toBe(3);
  });

  it("never takes fewer lines in a narrower column, and at least one line", () => {
    const text = fc.array(fc.oneof(fc.constantFrom(" ", "\n", "客", "W", "i"), fc.string({ minLength: 1, maxLength: 8 })), { maxLength: 30 }).map((parts) => parts.join(""));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 40 }), (t, width, more) => {
        const narrow = wrappedLines(t, width);
        expect(narrow).toBeGreaterThanOrEqual(1);
        expect(narrow).toBeGreaterThanOrEqual(wrappedLines(t, width + more));
      }),
    );
  });

  it("takes at least as many lines as a plain one-column-per-character count gives for digits and Chinese", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("0", "9", "客", "户"), { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 30 }), (chars, width) => {
        const columns = chars.reduce((w, ch) => w + (ch === "客" || ch === "户" ? 2 : 1), 0);
        expect(wrappedLines(chars.join(""), width)).toBeGreaterThanOrEqual(Math.ceil(columns / width));
      }),
    );
  });
});

describe("rowHeightOf", () => {
  it.each([
    [0, LINE_HEIGHT_PT],
    [1, 15],
    [3, 45],
    [27, 405],
    [28, MAX_ROW_HEIGHT_PT],
    [1000, 409],
  ])("%d line(s) are %d pt", (lines, height) => {
    expect(rowHeightOf(lines)).toBe(height);
  });
});
