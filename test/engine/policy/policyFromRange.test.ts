import { errorInWords } from "../../support/errorsInEnglish";
import fc from "fast-check";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { policyFromRange } from "../../../src/engine/policy/policyFromRange";
import { policyToRows } from "../../../src/engine/policy/policyToRows";
import { policyFingerprint } from "../../../src/engine/policy/policyFingerprint";

describe("policyFromRange", () => {
  describe("invalid input", () => {
    it("rejects an unknown key, naming it", () => {
      const r = policyFromRange([["Key", "Value"], ["roundingUnits", 500]]);
      expect(r).toEqual({ ok: false, error: { kind: "invalidInput", field: "roundingUnits row 2", detail: "unknown policy key" } });
    });
    it("collects unknown keys instead when asked", () => {
      const r = policyFromRange([["colour", "blue"]], DEFAULT_POLICY, { allowUnknownKeys: true });
      expect(r.ok && r.value.unknownKeys).toEqual(["colour"]);
    });
    it("rejects a key given twice", () => {
      const r = policyFromRange([["graceDays", 10], ["GraceDays", 20]]);
      expect(r.ok ? null : r.error).toEqual({ kind: "invalidInput", field: "GraceDays", detail: "is given twice (rows 1 and 2)" });
    });
    it.each<[unknown, string]>([
      ["abc", '"abc" is not a number'],
      ["25%", '"25%": write percentages as plain numbers (25 for 25 %)'],
      [true, "is not a number"],
    ])("rejects %j for a number", (value, detail) => {
      const r = policyFromRange([["netWorthCapPercent", value]]);
      expect(r.ok ? null : r.error).toEqual({ kind: "invalidInput", field: "netWorthCapPercent", detail });
    });
    it("rejects a value without a key and a key without a value", () => {
      expect(policyFromRange([["", 5]])).toMatchObject({ ok: false, error: { field: "Policy", at: { row: 1 } } });
      expect(policyFromRange([["graceDays", ""]])).toMatchObject({ ok: false, error: { field: "graceDays", at: { row: 1 }, detail: { id: "noValue" } } });
    });
    it("rejects a gap in a list of texts", () => {
      const r = policyFromRange([["collectionActions.0", "a"], ["collectionActions.2", "c"]]);
      expect(r).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "collectionActions.1" } });
    });
  });

  describe("validation", () => {
    it("names the field that fails validation", () => {
      const r = policyFromRange([["gradeBands.B", 85]]);
      expect(r).toMatchObject({ ok: false, error: { kind: "invalidInput", field: "gradeBands.B" } });
    });
    it("says how many more problems there are", () => {
      const r = policyFromRange([["roundingUnit", 0], ["graceDays", -2]]);
      expect(r.ok ? "" : errorInWords(r.error).detail).toBe("must be at least 0, got -2 (and 1 more problem)");
    });
    it("rejects a list whose length no longer fits its edges", () => {
      const r = policyFromRange([["agingEdges", "0,30,60"]]);
      expect(r).toMatchObject({ ok: false, error: { field: "provisionPercents" } });
    });
  });

  describe("values", () => {
    it("gives the base policy for an empty range", () => {
      const r = policyFromRange([]);
      expect(r.ok && r.value.policy).toEqual(DEFAULT_POLICY);
    });
    it("skips the header and blank rows, ignores extra columns, accepts text numbers and any key case", () => {
      const r = policyFromRange([
        ["Key", "Value", "Description"],
        [null, null],
        ["", ""],
        ["largecustomerthreshold", "2,500,000", "large customers"],
        ["gradeTerms.A.termsDays", " 90 "],
        ["fifoUnappliedCash", "yes"],
        ["derivePaymentRecord", 0],
        ["version", 7],
      ]);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.policy.largeCustomerThreshold).toBe(2_500_000);
      expect(r.value.policy.gradeTerms.A).toEqual({ termsDays: 90, limitFactor: 1, reviewMonths: 12 });
      expect(r.value.policy.fifoUnappliedCash).toBe(true);
      expect(r.value.policy.derivePaymentRecord).toBe(false);
      expect(r.value.policy.version).toBe("7");
      expect(r.value.unknownKeys).toEqual([]);
      expect(DEFAULT_POLICY.gradeTerms.A.termsDays).toBe(60);
    });
    it("reads lists of numbers and replaces a list of texts with the entries given", () => {
      const r = policyFromRange([
        ["agingEdges", "0; 30; 60"],
        ["provisionPercents", "1,5,20,100"],
        ["collectionEdges", 30],
        ["collectionActions.0", "none"],
        ["collectionActions.1", "call"],
      ]);
      expect(r.ok && r.value.policy.agingEdges).toEqual([0, 30, 60]);
      expect(r.ok && r.value.policy.provisionPercents).toEqual([1, 5, 20, 100]);
      expect(r.ok && r.value.policy.collectionEdges).toEqual([30]);
      expect(r.ok && r.value.policy.collectionActions).toEqual(["none", "call"]);
    });
    it("reads back what policyToRows writes (round trip, fingerprint kept)", () => {
      const r = policyFromRange([["Key", "Value"], ...policyToRows(DEFAULT_POLICY)]);
      expect(r.ok && r.value.policy).toEqual(DEFAULT_POLICY);
      expect(r.ok && policyFingerprint(r.value.policy)).toBe(policyFingerprint(DEFAULT_POLICY));
    });
    it("round-trips any valid change of scalar parameters (property)", () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 100_000 }),
          fc.integer({ min: 0, max: 100 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (unit, cap, factor) => {
            const p = {
              ...DEFAULT_POLICY,
              roundingUnit: unit,
              netWorthCapPercent: cap,
              gradeTerms: { ...DEFAULT_POLICY.gradeTerms, B: { ...DEFAULT_POLICY.gradeTerms.B, limitFactor: factor } },
            };
            const r = policyFromRange(policyToRows(p));
            expect(r.ok && r.value.policy).toEqual(p);
          },
        ),
        { numRuns: 50 },
      );
    });
  });
});

describe("policyFromRange: outputLanguage", () => {
  it.each([
    [undefined, "en-US"],
    ["zh-CN", "zh-CN"],
    [" en-US ", "en-US"],
  ])("reads %p as %p", (value, language) => {
    const r = policyFromRange(value === undefined ? [["Key", "Value"]] : [["Key", "Value"], ["outputLanguage", value]]);
    expect(r.ok && r.value.policy.outputLanguage).toBe(language);
  });

  it.each([["fr-FR"], ["zh"], ["中文"], [""]])("refuses %p, naming the field", (value) => {
    const r = policyFromRange([["Key", "Value"], ["outputLanguage", value]]);
    expect(!r.ok && "field" in r.error && r.error.field).toBe("outputLanguage");
  });

  it("round-trips a zh-CN policy through its rows", () => {
    const chinese = { ...DEFAULT_POLICY, outputLanguage: "zh-CN" as const };
    const r = policyFromRange(policyToRows(chinese));
    expect(r.ok && policyFingerprint(r.value.policy)).toBe(policyFingerprint(chinese));
  });
});
