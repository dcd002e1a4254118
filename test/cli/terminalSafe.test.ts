/* eslint-disable no-control-regex -- the tests look for control characters */
import fc from "fast-check";
import { terminalSafe, terminalSafeJson } from "../../src/cli/terminalSafe";

describe("terminalSafe", () => {
  it.each([
    ["colour escape", "ACME\x1b[31m Red\x1b[0m", "ACME Red"],
    ["bell", "Beta\x07 Ltd", "Beta Ltd"],
    ["8-bit CSI", "Gamma\u009b2J Co", "Gamma Co"],
    ["carriage return that would overwrite the line", "Delta\rOK: limit 0", "Delta OK: limit 0"],
    ["line feed that would fake a line", "Eps\nerror  Customers!A1", "Eps error  Customers!A1"],
    ["clear screen and cursor home", "\x1b[2J\x1b[HZeta", "Zeta"],
    ["window title (OSC to BEL)", "\x1b]0;pwned\x07Eta", "Eta"],
    ["OSC 8 hyperlink (to ST)", "\x1b]8;;http://x\x1b\\Theta\x1b]8;;\x1b\\", "Theta"],
    ["8-bit OSC to ST", "\u009d0;t\u009cIota", "Iota"],
    ["two-character escape (reset)", "Kappa\x1bc", "Kappa"],
    ["NUL, DEL and other C0/C1", "La\x00m\x7fb\x85da", "Lambda"],
    ["bidi override", "Mu\u202egnp.exe", "Mugnp.exe"],
    ["Chinese name kept", "华为技术有限公司（深圳）", "华为技术有限公司（深圳）"],
    ["punctuation and accents kept", "Müller & Söhne, S.A. — \"Nord\" (#1) 50% 'x'", "Müller & Söhne, S.A. — \"Nord\" (#1) 50% 'x'"],
    ["emoji kept", "Café ☕ 😀", "Café ☕ 😀"],
  ])("%s", (_, input, expected) => {
    expect(terminalSafe(input)).toBe(expected);
  });

  it("never leaves a control character, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (text) => {
        expect(terminalSafe(text)).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      }),
    );
  });

  it("keeps text without controls unchanged", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }).filter((t) => !/[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(t)), (text) => {
        expect(terminalSafe(text)).toBe(text);
      }),
    );
  });
});

describe("terminalSafeJson", () => {
  it("escapes the C1 controls JSON.stringify leaves raw, and the result parses back to the same value", () => {
    const value = { name: "Omega\u009b31m\x1b[0m\u202e" };
    const json = terminalSafeJson(JSON.stringify(value));
    expect(json).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
