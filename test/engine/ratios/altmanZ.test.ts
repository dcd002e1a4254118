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
