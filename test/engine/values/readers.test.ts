import { isBlank, readBoolean, readNumber, readText } from "../../../src/engine/values";

describe("cell readers", () => {
  it.each([[null, true], [undefined, true], ["  ", true], ["", true], [0, false], ["x", false]])("isBlank(%j) = %s", (v, b) => {
    expect(isBlank(v)).toBe(b);
  });

  it.each([[true], ["abc"], [null], [Number.NaN], [Infinity], ["1e999"], ["-1e400%"]])("readNumber refuses %j", (v) => {
    expect(readNumber(v, "Amount")).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "Amount" } });
  });

  it.each([[12.5, 12.5], ["1,234.50", 1234.5], [" -7 ", -7], ["25%", 0.25], ["1e3", 1000]])("readNumber(%j) = %d", (v, n) => {
    expect(readNumber(v, "x")).toEqual({ ok: true, value: n });
  });

  it.each([["是", true], ["否", false], ["Yes", true], ["n", false], [1, true], [0, false], [null, false], [true, true]])("readBoolean(%j) = %s", (v, b) => {
    expect(readBoolean(v, "k")).toEqual({ ok: true, value: b });
  });

  it("readBoolean refuses other text", () => {
    expect(readBoolean("maybe", "KeyAccount").ok).toBe(false);
  });

  it("readText trims text and converts numbers and booleans", () => {
    expect(readText("  C1 ", "id")).toEqual({ ok: true, value: "C1" });
    expect(readText(1042, "id")).toEqual({ ok: true, value: "1042" });
    expect(readText(false, "id")).toEqual({ ok: true, value: "FALSE" });
    expect(readText(null, "id").ok).toBe(false);
  });
});
