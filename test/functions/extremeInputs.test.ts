/**
 * Issue 13 item 5 and issue 18: extreme and omitted inputs give a clear #VALUE! naming the
 * argument, never NaN, Infinity or "internal error"; messages the user needs never ride on #NUM!
 * (Excel drops them). Each case below failed before the fix.
 */
import "../support/errorsInEnglish";
import { CustomFunctionsError, ErrorCode } from "../support/customFunctionsStub";
import { add, aging, bpdso, cei, coverage, dso, interest, openbalance, provision, score, workingassets } from "../../src/functions/functions";
import { toExcelError } from "../../src/functions/toExcelError";
import { at, detail, divideByZero, invalidInput, notAvailable, outOfRange } from "../../src/engine/errors";

const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** The only cell of a result: a scalar as it is, a 1×1 spill's cell. */
function only(value: unknown): unknown {
  if (Array.isArray(value)) {
    expect(value).toHaveLength(1);
    expect(value[0]).toHaveLength(1);
    return value[0][0];
  }
  return value;
}

function expectValueError(value: unknown, message: RegExp): void {
  const cell = only(value);
  expect(cell).toBeInstanceOf(CustomFunctionsError);
  const e = cell as CustomFunctionsError;
  expect({ code: e.code, message: e.message }).toEqual({ code: ErrorCode.invalidValue, message: expect.stringMatching(message) });
  expect(e.message).not.toMatch(/internal|NaN|Infinity/);
}

describe("omitted range arguments (=CREDIT.AGING(,,45838)): null or [[null]]", () => {
  it.each([
    ["AGING amounts", () => aging(null as never, null as never, 45838), /^amounts: is required/],
    ["AGING amounts as [[null]]", () => aging([[null]], [[null]], 45838), /^amounts: is required/],
    ["AGING dueDates", () => aging(col(100, 200), null as never, 45838), /^dueDates: is required/],
    ["OPENBALANCE amounts", () => openbalance(null as never, null as never, null as never, 45838), /^amounts: is required/],
    ["OPENBALANCE amounts as [[null]]", () => openbalance([[null]], [[null]], [[null]], 45838), /^amounts: is required/],
    ["OPENBALANCE settledDates omitted", () => openbalance(col(100), col(45800), null as never, 45838), /^settledDates: is required/],
    ["PROVISION", () => provision(null as never, null as never, null as never), /^amounts: is required/],
    ["PROVISION as [[null]]", () => provision([[null]], [[null]], [[null]]), /^amounts: is required/],
    ["PROVISION daysPastDue", () => provision(col(100), [[null]]), /^daysPastDue: is required/],
  ])("%s gives #VALUE! naming the argument", (_name, call, message) => {
    expectValueError(call(), message);
  });

  it("still reads a one-cell settledDates left blank as not settled", () => {
    expect(openbalance(col(100), col(45800), [[null]], 45838)).toBe(100);
  });

  it("still ages a ledger range whose cells are all blank as empty", () => {
    expect(aging(col(null, null), col(null, null), 45838)[1].at(-1)).toBe(0);
  });
});

describe("amounts beyond exact cents (near 1e306)", () => {
  it("AGING refuses the amount naming its row, on both the column and the general path", () => {
    expectValueError(aging(col(100, 1e306), col(45800, 45800), 45838), /^amounts row 2 out of range: must be within ±90,071,992,547,409\.9/);
    expectValueError(aging([[1e306, 5]], [[45800, 45800]], 45838), /^amounts row 1 out of range/);
  });

  it("AGING refuses totals that leave exact cents, though each amount is exact", () => {
    const big = 90_000_000_000_000;
    expectValueError(aging(col(big, big), col(45800, 45800), 45838), /^amounts out of range: the total is beyond/);
  });

  it("INTEREST gives #VALUE! naming the amount or the overflowing product", () => {
    expectValueError(interest([[1e306]], [[15]], [[0.1]]), /^amount out of range/);
    expectValueError(interest([[1e13]], [[1e9]], [[1e6]]), /^lateInterest out of range: too large to compute/);
    expectValueError(interest([[100]], [[15]], [[1e306]]), /^lateInterest out of range/);
  });

  it("PROVISION gives #VALUE! naming the amount's row", () => {
    expectValueError(provision(col(100, 1e306), col(10, 10)), /^amounts row 2 out of range/);
  });

  it("OPENBALANCE gives #VALUE! naming the amount or the paid amount", () => {
    expectValueError(openbalance(col(1e306), col(45800), col(null), 45838), /^amounts row 1 out of range/);
    expectValueError(openbalance(col(100), col(45800), col(null), 45838, col(-1e306)), /^paidAmounts row 1 out of range/);
  });

  it("keeps the largest exact amount exact", () => {
    expect(only(interest([[90_071_992_547_409.91]], [[0]], [[0.1]]))).toBe(90_071_992_547_409.91);
  });
});

describe("ratios that overflow", () => {
  it("ADD with a period's sales near 1e-300 is #VALUE! naming sales, not NaN", () => {
    // 6340 / 1e-305 overflows: both DSOs were Infinity and ADD was Infinity − Infinity = NaN.
    expectValueError(add(6340, 3590, 1e-305, 90), /^sales out of range/);
    expectValueError(dso(6340, 1e-305, 90), /^sales out of range/);
    expectValueError(bpdso(3590, 1e-305, 90), /^sales out of range/);
    // Near 1e-300 without overflow the answer is a (huge) finite number of days, as the formula says.
    expect(add(6340, 3590, 1e-300, 90)).toBeCloseTo(2.475e305, -300);
  });

  it("ADD whose two DSOs are finite but their difference overflows names the receivables", () => {
    expectValueError(add(1.7e308, -1.7e308, 1, 1), /^receivables out of range/);
  });

  it("DSO whose days overflow the result names days", () => {
    expectValueError(dso(1e300, 1, 1e10), /^days out of range/);
  });

  it("CEI over sums that overflow is #VALUE!, never Infinity", () => {
    expectValueError(cei(1.7e308, 1.7e308, 0, 0), /out of range/);
    expectValueError(cei(1e308, 0, -1e308, 0), /^openingReceivables \+ creditSales out of range/);
    expectValueError(cei(0, 0, -1e308, -1e-10), /^closingCurrentReceivables out of range/);
  });

  it("SCORE and COVERAGE with a weight near 1e308 name the weights", () => {
    const scores = [[8, 6, 0, 10]];
    expectValueError(score(scores, [[1e308, 2, 1, 2]]), /^weights out of range: too large/);
    expectValueError(coverage(scores, [[1e308, 2, 1, 2]]), /^weights out of range: too large/);
  });

  it("SCORE with huge but summable weights is still a finite score", () => {
    expect(only(score([[10, 0]], [[1e306, 1e306]]))).toBe(50);
  });
});

describe("an overflow never reaches a cell", () => {
  it("WORKINGASSETS with net worth near 1.8e308: #VALUE! naming the figure that overflows, not Infinity", () => {
    const row = workingassets([[0]], [[0]], [[1]], [[0]], [[1.7976931348623157e308]])[0];
    for (const cell of row) {
      expect(cell).toBeInstanceOf(CustomFunctionsError);
      expect((cell as CustomFunctionsError).code).toBe(ErrorCode.invalidValue);
      expect((cell as CustomFunctionsError).message).toMatch(/^basis out of range: too large to compute/);
    }
  });
});

describe("toExcelError (issue 18): a message the user needs is never on #NUM!", () => {
  it.each([
    [invalidInput(at("amounts", { row: 2 }), detail("blank")), ErrorCode.invalidValue, "amounts row 2: is blank"],
    [outOfRange("weights", detail("overflow")), ErrorCode.invalidValue, "weights out of range: too large to compute (the figures overflow)"],
    [notAvailable(detail("noBasis")), ErrorCode.notAvailable, "no basis for a limit"],
    [divideByZero("sales"), ErrorCode.divisionByZero, "sales is zero or missing (division by zero)"],
  ])("%j → its code and message", (error, code, message) => {
    const e = toExcelError(error) as unknown as CustomFunctionsError;
    expect({ code: e.code, message: e.message }).toEqual({ code, message });
  });
});
