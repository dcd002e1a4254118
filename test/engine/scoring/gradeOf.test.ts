import "../../support/errorsInEnglish";
import { DEFAULT_POLICY } from "../../../src/engine/policy/defaultPolicy";
import { gradeOf } from "../../../src/engine/scoring/gradeOf";

describe("gradeOf", () => {
  it.each([NaN, Infinity])("rejects %p as invalidInput", (x) => {
    expect(gradeOf(x, DEFAULT_POLICY)).toEqual({ ok: false, error: { kind: "invalidInput", field: "compositePercent", detail: "is not a finite number" } });
  });
  it.each([-0.01, 100.01])("rejects %p as outOfRange", (x) => {
    expect(gradeOf(x, DEFAULT_POLICY)).toMatchObject({ ok: false, error: { kind: "outOfRange", field: "compositePercent" } });
  });
  it.each([
    [100, "A"],
    [80, "A"],
    [79.999, "B"],
    [60, "B"],
    [59.999, "C"],
    [40, "C"],
    [39.999, "D"],
    [0, "D"],
  ])("grades %p as %s (lower edges inclusive)", (x, grade) => {
    expect(gradeOf(x, DEFAULT_POLICY)).toEqual({ ok: true, value: grade });
  });
  it("follows the policy's bands", () => {
    expect(gradeOf(75, { ...DEFAULT_POLICY, gradeBands: { A: 75, B: 50, C: 30 } })).toEqual({ ok: true, value: "A" });
  });
});
