import "../../support/errorsInEnglish";
import { altmanZ, altmanZone, type AltmanModel } from "../../../src/engine/ratios/altmanZ";

const example = { x1: 0.2, x2: 0.3, x3: 0.1, x4: 1.5, x5: 1.2 };

describe("altmanZ", () => {
  describe("invalid input", () => {
    it("rejects an unknown model", () => {
      expect(altmanZ("Z3" as AltmanModel, example)).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "model" } });
    });
    it("rejects a non-finite ratio, naming it", () => {
      expect(altmanZ("Z", { ...example, x3: NaN })).toEqual({ ok: false, error: { kind: "invalidInput", field: "x3", detail: "is not a finite number" } });
    });
    it.each<AltmanModel>(["Z", "Z'"])("model %s needs X5", (model) => {
      expect(altmanZ(model, { x1: 0.2, x2: 0.3, x3: 0.1, x4: 1.5 })).toMatchObject({ ok: false, error: { kind: "notAvailable" } });
    });
  });

  describe("values", () => {
    it.each<[AltmanModel, number, string]>([
      ["Z", 3.09, "safe"],
      ["Z'", 2.5358, "grey"],
      ["Z''", 4.537, "safe"],
    ])("gives the spec example: model %s → %p (%s)", (model, z, zone) => {
      expect(altmanZ(model, example)).toEqual({ ok: true, value: { z, zone } });
    });
    it("ignores X5 for Z''", () => {
      expect(altmanZ("Z''", { ...example, x5: undefined })).toEqual({ ok: true, value: { z: 4.537, zone: "safe" } });
    });
  });
});

describe("altmanZone", () => {
  it.each<[AltmanModel, number, string]>([
    ["Z", 1.8099, "distress"],
    ["Z", 1.81, "grey"],
    ["Z", 2.99, "grey"],
    ["Z", 2.9901, "safe"],
    ["Z'", 1.2299, "distress"],
    ["Z'", 1.23, "grey"],
    ["Z'", 2.9, "grey"],
    ["Z'", 2.9001, "safe"],
    ["Z''", 1.0999, "distress"],
    ["Z''", 1.1, "grey"],
    ["Z''", 2.6, "grey"],
    ["Z''", 2.6001, "safe"],
    ["Z", -3, "distress"],
  ])("model %s, Z = %p → %s (grey includes both edges)", (model, z, zone) => {
    expect(altmanZone(model, z)).toEqual({ ok: true, value: zone });
  });
  it("puts a score that is on the edge up to float noise on the edge", () => {
    expect(altmanZone("Z''", 1.1 + 1e-15)).toEqual({ ok: true, value: "grey" });
    expect(altmanZone("Z", 2.99 + 4e-16)).toEqual({ ok: true, value: "grey" });
  });
  it("rejects a non-finite score", () => {
    expect(altmanZone("Z", Infinity)).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "z" } });
  });
});

describe("altmanZ, each check", () => {
  it.each(["x1", "x2", "x4"])("names a non-finite %s", (name) => {
    expect(altmanZ("Z''", { ...example, [name]: Infinity })).toEqual({ ok: false, error: { kind: "invalidInput", field: name, detail: "is not a finite number" } });
  });
  it("rejects a ratio that is not a number (from outside the type checker)", () => {
    expect(altmanZ("Z", { ...example, x2: "0.3" as unknown as number })).toEqual({ ok: false, error: { kind: "invalidInput", field: "x2", detail: "is not a finite number" } });
  });
  it("checks X1..X4 before X5", () => {
    expect(altmanZ("Z", { x1: NaN, x2: 0.3, x3: 0.1, x4: 1.5 })).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "x1" } });
  });
  it("says which model needs a missing X5, and rejects a non-finite one", () => {
    expect(altmanZ("Z'", { x1: 0.2, x2: 0.3, x3: 0.1, x4: 1.5 })).toEqual({
      ok: false,
      error: { kind: "notAvailable", what: "x5 (sales / total assets) is missing: model Z' needs it" },
    });
    expect(altmanZ("Z", { ...example, x5: NaN })).toEqual({ ok: false, error: { kind: "invalidInput", field: "x5", detail: "is not a finite number" } });
  });
  it("does not look at X5 for Z'', even when it is not finite", () => {
    expect(altmanZ("Z''", { ...example, x5: NaN })).toEqual({ ok: true, value: { z: 4.537, zone: "safe" } });
  });
  it("rejects a score that overflows", () => {
    expect(altmanZ("Z''", { x1: 1e308, x2: 1e308, x3: 0, x4: 0 })).toEqual({ ok: false, error: { kind: "invalidInput", field: "z", detail: "is not a finite number" } });
  });
  it("gives the zone altmanZone gives for the score", () => {
    for (const model of ["Z", "Z'", "Z''"] as AltmanModel[]) {
      const r = altmanZ(model, example);
      expect(r.ok && altmanZone(model, r.value.z)).toEqual({ ok: true, value: r.ok && r.value.zone });
    }
  });
});
