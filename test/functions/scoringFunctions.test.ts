import "../support/errorsInEnglish";
import { CustomFunctionsError, ErrorCode } from "../support/customFunctionsStub";
import { coverage, grade, limit, policyid, quadrant, ratio, score, terms, workingassets, zone, zscore } from "../../src/functions/functions";
import { DEFAULT_POLICY, policyToRows, shortFingerprint } from "../../src/engine/policy";

const W18 = [[...Object.values(DEFAULT_POLICY.weights)]];
const allTens = new Array(18).fill(10);
const errorOf = (cell: unknown): { code: string; message: string } => {
  expect(cell).toBeInstanceOf(CustomFunctionsError);
  const e = cell as CustomFunctionsError;
  return { code: e.code, message: e.message };
};

describe("CREDIT.SCORE and CREDIT.COVERAGE", () => {
  it("gives the spec example 8, 6, blank, 10 with weights 3, 2, 1, 2 → 70 % (coverage 87.5 %)", () => {
    expect(score([[8, 6, "", 10]], [[3, 2, 1, 2]])).toEqual([[70]]);
    expect(coverage([[8, 6, null, 10]], [[3, 2, 1, 2]])).toEqual([[87.5]]);
  });
  it("uses the policy's 18 weights when weights are omitted (null) and accepts text numbers", () => {
    expect(score([allTens], null as unknown as undefined)).toEqual([[100]]);
    expect(score([["10", ...allTens.slice(1)]])).toEqual([[100]]);
    expect(score([allTens], W18)).toEqual([[100]]);
  });
  it("spills one result per customer row; a bad row gives an error in that row only", () => {
    const block = [allTens, new Array(18).fill(""), ["x", ...allTens.slice(1)], [11, ...allTens.slice(1)]];
    const out = score(block);
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual([100]);
    expect(out[1]).toEqual([0]);
    expect(errorOf(out[2][0])).toEqual({ code: ErrorCode.invalidValue, message: 'scores row 3 item 1: "x" is not a number' });
    // #VALUE!, not #NUM!: Excel drops a #NUM!'s message, and this one names the score (issue 18).
    expect(errorOf(out[3][0])).toEqual({ code: ErrorCode.invalidValue, message: "scores.appearance out of range: must be 0–10 (0 = no information), got 11" });
  });
  it("reads one customer's 18 scores typed down a column", () => {
    expect(score(allTens.map((s) => [s]))).toEqual([[100]]);
  });
  it("rejects a row whose width does not match the weights", () => {
    expect(errorOf(score([[1, 2, 3]])[0][0])).toEqual({ code: ErrorCode.invalidValue, message: "scores: each row needs 18 scores (one per weight), got 3" });
    expect(errorOf(score([[1, 2, 3]], [[1, 2]])[0][0]).message).toBe("scores: each row needs 2 scores (one per weight), got 3");
  });
  it("rejects weights given as a block, and a text weight", () => {
    expect(errorOf(score([[1, 2]], [[1, 2], [3, 4]])[0][0]).message).toBe("weights: must be a single row or column, got 2×2");
    expect(errorOf(score([[1, 2]], [[1, "heavy"]])[0][0]).message).toBe('weights item 2: "heavy" is not a number');
  });
  it("gives an error cell for an error value inside the range", () => {
    const e = new CustomFunctionsError(ErrorCode.notAvailable, "");
    expect(errorOf(score([[e, 1]], [[1, 1]])[0][0])).toEqual({ code: ErrorCode.invalidValue, message: "scores row 1 item 1: is not a number" });
  });
});

describe("CREDIT.GRADE", () => {
  it("spills a column of grades, edges inclusive (79.999 → B, 80 → A)", () => {
    expect(grade([[80], [79.999], ["60"], [39.9]])).toEqual([["A"], ["B"], ["B"], ["D"]]);
  });
  it("uses the letter scale on request", () => {
    expect(grade([[90], [69.99]], "AAA")).toEqual([["AAA"], ["BBB"]]);
  });
  it("gives an error cell for a blank or out-of-range score only in its row", () => {
    const out = grade([[85], [""], [120]]);
    expect(out[0]).toEqual(["A"]);
    expect(errorOf(out[1][0])).toEqual({ code: ErrorCode.invalidValue, message: "compositeScore row 2: is blank" });
    expect(errorOf(out[2][0])).toEqual({ code: ErrorCode.invalidValue, message: "compositeScore row 3 out of range: must be 0–100, got 120" });
  });
  it("rejects an unknown scale", () => {
    expect(errorOf(grade([[50]], "XYZ")[0][0])).toEqual({ code: ErrorCode.invalidValue, message: 'scale: must be one of AD, AAA, got XYZ' });
  });
  it("follows a policy range, and names an unknown key of it in #VALUE!", () => {
    expect(grade([[75]], null as unknown as undefined, [["Key", "Value"], ["gradeBands.A", 75]])).toEqual([["A"]]);
    expect(errorOf(grade([[75]], null as unknown as undefined, [["Key", "Value"], ["gradeBand.A", 75]])[0][0])).toEqual({
      code: ErrorCode.invalidValue,
      message: "policy gradeBand.A row 2: unknown policy key",
    });
  });
});

describe("CREDIT.QUADRANT and CREDIT.TERMS", () => {
  it("spills the quadrant per row, a scalar potential applied to every grade", () => {
    expect(quadrant([["A"], ["c"], ["D"]], [[7]])).toEqual([[3], [4], [4]]);
    expect(quadrant([["B"]], [[""]], "zh")).toEqual([["基础客户"]]);
    expect(quadrant([["C"]], [[2]], "en")).toEqual([["Cash or prepayment"]]);
  });
  it("rejects columns of different lengths and a bad grade in its row", () => {
    expect(errorOf(quadrant([["A"], ["B"]], [[1], [2], [3]])[0][0]).message).toBe("grade: has 2 cells but potential has 3: give one cell or 3");
    expect(errorOf(quadrant([["R"]], [[1]])[0][0]).message).toBe("grade: R is a flag on top of a grade: give the grade A, B, C or D");
  });
  it("spills terms days, limit factor and review months per grade", () => {
    expect(terms([["A"], ["C"]])).toEqual([[60, 1, 12], [30, 0.5, 6]]);
    expect(terms([["B"]], [["gradeTerms.B.termsDays", "40"]])).toEqual([[40, 0.8, 12]]);
    const bad = terms([["E"]]);
    expect(bad[0]).toHaveLength(3);
    expect(errorOf(bad[0][0]).message).toBe('grade: "E" is not a grade (A, B, C or D)');
  });
});

describe("CREDIT.RATIO", () => {
  const table = [
    ["CustomerId", "Revenue", "Net Profit", "Current Assets", "Inventory", "Current Liabilities"],
    ["C1", 12000, 600, 5000, 2000, 2500],
    ["C2", "1,000", 50, 300, 100, 0],
  ];
  it("spills a ratio per customer row from a header-row table", () => {
    expect(ratio("currentRatio", table)).toEqual([[2], [expect.any(CustomFunctionsError)]]);
    expect(errorOf(ratio("Current ratio", table)[1][0])).toEqual({ code: ErrorCode.divisionByZero, message: "currentLiabilities is zero or missing (division by zero)" });
    expect(ratio("netMargin", table)).toEqual([[0.05], [0.05]]);
  });
  it("reads names beside values and uses the prior period for growth", () => {
    expect(ratio("revenueGrowth", [["Revenue", 1200]], [["Revenue", 1000]])[0][0]).toBeCloseTo(0.2, 12);
    expect(errorOf(ratio("roa", [["Revenue", 1200]])[0][0])).toEqual({ code: ErrorCode.notAvailable, message: "netProfit is missing" });
  });
  it("rejects an unknown ratio name and an unlabelled range", () => {
    expect(errorOf(ratio("ebitda", table)[0][0]).message).toMatch(/^name: "ebitda" is not a ratio; use one of netMargin/);
    expect(errorOf(ratio("roa", [[1, 2], [3, 4]])[0][0]).code).toBe(ErrorCode.invalidValue);
  });
});

describe("CREDIT.ZSCORE and CREDIT.ZONE", () => {
  it.each([
    ["Z", 3.09],
    ["Z'", 2.5358],
    ["Z′", 2.5358],
    ["Z''", 4.537],
  ])("gives the spec example for model %s → %p", (model, z) => {
    expect(zscore(model, [[0.2]], [[0.3]], [[0.1]], [[1.5]], [[1.2]])).toEqual([[z]]);
  });
  it("spills columns, X5 optional for Z'' and required for Z", () => {
    expect(zscore("Z''", [[0.2], [0.2]], [[0.3]], [[0.1]], [[1.5]], null as unknown as undefined)).toEqual([[4.537], [4.537]]);
    expect(errorOf(zscore("Z", [[0.2]], [[0.3]], [[0.1]], [[1.5]])[0][0])).toEqual({
      code: ErrorCode.notAvailable,
      message: "x5 (sales / total assets) is missing: model Z needs it",
    });
  });
  it("rejects an unknown model", () => {
    expect(errorOf(zscore("Q", [[1]], [[1]], [[1]], [[1]])[0][0]).message).toBe("model: must be one of Z, Z', Z'', got Q");
  });
  it("gives the zone with the edges in the grey zone", () => {
    expect(zone("Z", [[1.8099], [1.81], [2.99], [2.9901], ["x"]]).slice(0, 4)).toEqual([["distress"], ["grey"], ["grey"], ["safe"]]);
    expect(errorOf(zone("Z", [["x"]])[0][0]).message).toBe('z: "x" is not a number');
  });
});

describe("CREDIT.WORKINGASSETS", () => {
  it("gives the two spec examples as rows", () => {
    const out = workingassets([[5000], [3000]], [[2000], [1500]], [[2500], [3000]], [[4000], [7000]], [[6000], [2000]]);
    expect(out[0][0]).toBe(4250);
    expect(out[0][1]).toBeCloseTo(2.1167, 4);
    expect(out[0].slice(2)).toEqual([25, 1062.5]);
    expect(out[1]).toEqual([1000, -3.5, 5, 50]);
  });
  it("fills the row with the error for zero current liabilities or a blank figure", () => {
    const out = workingassets([[5000], [5000]], [[2000]], [[0], [""]], [[4000]], [[6000]]);
    expect(out[0].map((c) => errorOf(c).code)).toEqual(new Array(4).fill(ErrorCode.divisionByZero));
    expect(errorOf(out[1][0]).message).toBe("currentLiabilities row 2: is blank");
  });
});

describe("CREDIT.LIMIT", () => {
  const args = (over: Partial<Record<string, unknown>> = {}): Parameters<typeof limit> => [
    (over.grade ?? [["A"]]) as unknown[][],
    (over.sales ?? [["120,000"]]) as unknown[][],
    (over.margin ?? [["25%"]]) as unknown[][],
    [[5000]],
    [[2000]],
    [[2500]],
    [[4000]],
    (over.netWorth ?? [[6000]]) as unknown[][],
    (over.collateral ?? null) as unknown[][],
    (over.daysLate ?? null) as unknown[][],
    over.detail ?? null,
    (over.policy ?? null) as unknown[][],
  ];
  it("gives the recommended limit (working-assets basis 1,062.50 binds → 1,000)", () => {
    expect(limit(...args())).toEqual([[1000]]);
    expect(limit(...args({ collateral: [[500]] }))).toEqual([[1500]]);
  });
  it("spills one limit per customer when arguments are columns", () => {
    expect(limit(...args({ grade: [["A"], ["B"], ["D"]], daysLate: [[0], [20], [0]] }))).toEqual([[1000], [0], [0]]);
  });
  it("gives the workings with detail TRUE", () => {
    const out = limit(...args({ detail: true }));
    expect(out[0]).toEqual(["Recommended limit", 1000]);
    expect(out).toContainEqual(["Basis: working assets", 1062.5]);
    expect(out).toContainEqual(["Basis: need", 24657.53]);
    expect(out).toContainEqual(["Binding basis", "working assets"]);
    expect(out).toContainEqual(["Payment factor", 1]);
    const skipped = limit(...args({ detail: "yes", sales: [[""]] }));
    expect(skipped).toContainEqual(["Basis: need", "skipped: annual credit sales missing"]);
    expect(skipped).toContainEqual(["Basis: profit", "skipped: annual credit sales missing"]);
  });
  it("refuses detail for several customers, and a margin typed as 25", () => {
    expect(errorOf(limit(...args({ grade: [["A"], ["B"]], detail: true }))[0][0]).message).toBe("detail: shows the workings of one customer only; the arguments hold 2");
    expect(errorOf(limit(...args({ margin: [[25]] }))[0][0])).toEqual({
      code: ErrorCode.invalidValue,
      message: "grossMargin out of range: must be at most 1 (a fraction: 0.25 for 25 %), got 25",
    });
  });
  it("is #N/A when no basis applies", () => {
    const blank = [[""]];
    const out = limit([["B"]], blank, blank, blank, blank, blank, blank, blank);
    expect(errorOf(out[0][0])).toEqual({ code: ErrorCode.notAvailable, message: "no basis for a limit" });
  });
  it("reads the policy range and reports an unknown key as #VALUE! naming it", () => {
    expect(limit(...args({ policy: [["roundingUnit", 500]] }))).toEqual([[1000]]);
    expect(limit(...args({ policy: [["roundingUnit", 50]] }))).toEqual([[1050]]);
    expect(errorOf(limit(...args({ policy: [["Key", "Value"], ["roundingUnits", 50]] }))[0][0])).toEqual({
      code: ErrorCode.invalidValue,
      message: "policy roundingUnits row 2: unknown policy key",
    });
  });
});

describe("CREDIT.POLICYID", () => {
  it("gives the short fingerprint of the default or given policy", () => {
    expect(policyid(null as unknown as undefined)).toBe(shortFingerprint(DEFAULT_POLICY));
    expect(policyid(policyToRows(DEFAULT_POLICY))).toBe(shortFingerprint(DEFAULT_POLICY));
    expect(policyid([["roundingUnit", 10]])).not.toBe(shortFingerprint(DEFAULT_POLICY));
  });
});
