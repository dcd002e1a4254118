/**
 * The fuzz harness itself (scripts/fuzzCore.js): it must see every kind of failure it claims to
 * count, or its 0/0/0 figures would mean nothing. Fakes stand in for custom functions.
 */
import fc from "fast-check";

import { core } from "../support/fuzzCore";

const { api } = core.customFunctionsStub();
const excelError = (code: string, message: string) => new api.Error(code, message);

describe("inspect: what counts as a failed result", () => {
  it.each([
    [42, []],
    ["text", []],
    [true, []],
    [[[1, "a"], [2, "b"]], []],
    [excelError("#VALUE!", "amounts row 2: is blank"), []],
    [Number.NaN, ["non-finite number NaN"]],
    [[[1], [Number.NEGATIVE_INFINITY]], ["non-finite number -Infinity"]],
    [excelError("#VALUE!", "internal error: undefined is not iterable"), ["internal error: internal error: undefined is not iterable"]],
    [[[1], [2, 3]], ["ragged or non-2-D array"]],
    [[], ["empty or non-2-D array"]],
    [{ x: 1 }, ["not an Excel value: [object Object]"]],
    [undefined, ["not an Excel value: [object Undefined]"]],
  ])("%p → %p", (result, problems) => {
    expect(core.inspect(result).problems).toEqual(problems);
  });

  it("collects the error codes of the cells", () => {
    expect(core.inspect([[excelError("#VALUE!", "x"), 1], [excelError("#N/A", "y"), 2]]).codes).toEqual(["#VALUE!", "#N/A"]);
  });
});

describe("argumentsArb: arguments shaped by the metadata", () => {
  it("gives a scalar for a scalar parameter and a rectangular 2-D array (or null) for a matrix one", () => {
    const arb = core.argumentsArb({ parameters: [{ dimensionality: "scalar" }, { dimensionality: "matrix" }, { dimensionality: "matrix", optional: true }] });
    fc.assert(
      fc.property(arb, ([scalar, matrix, optional]) => {
        expect(Array.isArray(scalar)).toBe(false);
        for (const m of [matrix, optional]) {
          if (m === null || !Array.isArray(m)) continue;
          const rows = m as unknown[][];
          expect(rows.length).toBeGreaterThan(0);
          expect(rows.every((r) => Array.isArray(r) && r.length === rows[0].length)).toBe(true);
        }
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it("covers every Excel value type, omitted ranges as null and [[null]]", () => {
    const seen = new Set<string>();
    const arb = core.argumentsArb({ parameters: [{ dimensionality: "scalar" }, { dimensionality: "matrix", optional: true }] });
    for (const [scalar, matrix] of fc.sample(arb, { numRuns: 3000, seed: 2 })) {
      seen.add(scalar === null ? "null" : typeof scalar);
      if (typeof scalar === "number" && Math.abs(scalar) >= 1e306) seen.add("huge");
      if (Object.is(scalar, -0)) seen.add("-0");
      if (scalar === "=1+1") seen.add("formula text");
      if (typeof scalar === "string" && /[\u4e00-\u9fff]/.test(scalar)) seen.add("chinese");
      if (scalar === "") seen.add("empty string");
      if (matrix === null) seen.add("omitted range null");
      if (JSON.stringify(matrix) === "[[null]]") seen.add("omitted range [[null]]");
    }
    expect([...seen].sort()).toEqual(
      ["-0", "boolean", "chinese", "empty string", "formula text", "huge", "null", "number", "omitted range [[null]]", "omitted range null", "string"].sort(),
    );
  });
});

describe("fuzzFunction: counts every failure kind of a fake function", () => {
  const meta = { id: "FAKE", parameters: [{ dimensionality: "scalar" }] };

  it("passes a function that answers values and clean errors", async () => {
    const figures = await core.fuzzFunction(meta, (x) => (typeof x === "number" ? 1 : excelError("#VALUE!", "x: is not a number")), { runs: 500, seed: 3 });
    expect(figures).toMatchObject({ inputs: 500, exceptions: 0, nonFinite: 0, internal: 0, other: 0 });
    expect(figures.values + (figures.codes["#VALUE!"] ?? 0)).toBe(500);
    expect(core.passes(figures)).toBe(true);
  });

  it("counts throws, rejected promises, NaN and internal errors", async () => {
    const broken = (x: unknown) => {
      if (x === null) throw new Error("boom");
      if (typeof x === "boolean") return Promise.reject(new Error("rejected"));
      if (typeof x === "number") return x / 0 + Number.NaN;
      return excelError("#VALUE!", "internal error: oops");
    };
    const figures = await core.fuzzFunction(meta, broken, { runs: 500, seed: 4 });
    expect(figures.exceptions).toBeGreaterThan(0);
    expect(figures.nonFinite).toBeGreaterThan(0);
    expect(figures.internal).toBeGreaterThan(0);
    expect(core.passes(figures)).toBe(false);
  });
});
