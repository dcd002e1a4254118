import fc from "fast-check";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fluentThemeOf, luminanceOf, paneThemeOf } from "../../src/taskpane/paneTheme";
import { agingColours } from "../../src/taskpane/agingColours";

describe("paneThemeOf: Office's theme → the pane's", () => {
  it.each([
    // Office's themes as Office.context.officeTheme reports their task-pane body background.
    ["White", "#FFFFFF", "light"],
    ["Colorful", "#F3F2F1", "light"],
    ["Light Grey", "#E6E6E6", "light"],
    ["Dark Grey", "#666666", "dark"],
    ["Black", "#262626", "dark"],
    ["Black (pure)", "#000000", "dark"],
    ["short form", "#222", "dark"],
    ["no #", "1f1f1f", "dark"],
    ["not a colour", "dark", "light"],
  ] as const)("%s (%s) → %s", (_name, colour, expected) => {
    expect(paneThemeOf({ bodyBackgroundColor: colour })).toBe(expected);
  });

  it("is light outside Office (no theme)", () => {
    expect(paneThemeOf(undefined)).toBe("light");
    expect(paneThemeOf({})).toBe("light");
  });

  it("maps to Fluent's web themes", () => {
    expect(fluentThemeOf("light")).toBe(webLightTheme);
    expect(fluentThemeOf("dark")).toBe(webDarkTheme);
  });

  it("luminance is within 0..1 for every colour, 0 for black and 1 for white", () => {
    expect(luminanceOf("#000000")).toBe(0);
    expect(luminanceOf("#ffffff")).toBeCloseTo(1, 10);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffff }), (n) => {
      const l = luminanceOf(`#${n.toString(16).padStart(6, "0")}`)!;
      return l >= 0 && l <= 1 + 1e-12;
    }));
  });
});

describe("agingColours", () => {
  it("is green for not due and dark red for the oldest, whatever the number of buckets", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 20 }), (n) => {
      const colours = agingColours(n);
      return colours.length === n && colours[0] === "#2E7D32" && colours[n - 1] === "#7F1D1D";
    }));
  });

  it("gives the default six buckets six different colours, the same every time", () => {
    const six = agingColours(6);
    expect(new Set(six).size).toBe(6);
    expect(agingColours(6)).toEqual(six);
  });

  it("never goes back towards green: each colour is at or after the previous one on the ramp", () => {
    const ramp = agingColours(7);
    fc.assert(fc.property(fc.integer({ min: 2, max: 20 }), (n) => {
      const order = agingColours(n).map((c) => ramp.indexOf(c));
      return order.every((i, k) => i >= 0 && (k === 0 || i >= order[k - 1]!));
    }));
  });

  it("is empty for no buckets and green for one", () => {
    expect(agingColours(0)).toEqual([]);
    expect(agingColours(1)).toEqual(["#2E7D32"]);
  });
});
