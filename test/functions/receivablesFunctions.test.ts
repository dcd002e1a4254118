import "../support/errorsInEnglish";
import { ErrorCode } from "../support/customFunctionsStub";
import { col, excel, expectError, only } from "../support/excelCall";
import {
  action,
  add,
  aging,
  bpdso,
  bucket,
  cei,
  dayspastdue,
  dso,
  dsocountback,
  interest,
  openbalance,
  otc,
  provision,
  rollrates,
} from "../../src/functions/functions";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";

const round2 = (x: unknown) => (typeof x === "number" ? Math.round(x * 100) / 100 : x);


const ASOF = "2024-06-30";

describe("CREDIT.DAYSPASTDUE", () => {
  it("requires the as-of date (no clock)", () => {
    expectError(only(excel(dayspastdue, col("2024-06-01"), null)), ErrorCode.invalidValue, /asOf.*required/);
  });
  it("names the row of a bad date", () => {
    const out = excel(dayspastdue, col("2024-06-01", "soon"), ASOF);
    expect(out[0][0]).toBe(29);
    expectError(out[1][0], ErrorCode.invalidValue, /due row 2/);
  });
  it("spills the shape given, blank cells blank; accepts Excel serials", () => {
    expect(excel(dayspastdue, [["2024-06-30", ""], [45473, "2024-07-10"]], 45473)).toEqual([[0, ""], [0, -10]]);
  });
});

describe("CREDIT.BUCKET", () => {
  it("rejects edges that are not ascending", () => {
    expectError(only(excel(bucket, col(1), [[0, 60, 30]])), ErrorCode.invalidValue, /edges/);
  });
  it("labels a column with the default edges", () => {
    expect(excel(bucket, col(0, 1, 30, 31, 365, 366, ""), null)).toEqual(col("Not due", "1–30", "1–30", "31–60", "181–365", ">365", ""));
  });
  it("uses custom edges", () => {
    expect(excel(bucket, col(10, 11), [[0], [10]])).toEqual(col("1–10", ">10"));
  });
});

describe("CREDIT.AGING", () => {
  const amounts = col(100.1, 200.2, -50.05, "", 0.01);
  const dues = col("2024-06-30", "2024-05-15", "2024-05-20", "", "2023-01-01");
  const customers = col("A", "B", "A", "", "B");

  it.each([
    ["text in an amount", col(1, "ten"), col(ASOF, ASOF), /amounts row 2/],
    ["an unparseable date", col(1, 2), col(ASOF, "31/31/2024"), /dueDates row 2/],
    ["ranges of different sizes", col(1, 2, 3), col(ASOF, ASOF), /dueDates.*has 2 rows but amounts has 3/],
    ["a missing amount beside a date", col(1, ""), col(ASOF, ASOF), /amounts row 2/],
  ])("refuses %s with #VALUE! naming argument and row", (_name, a, d, message) => {
    expectError(only(excel(aging, a, d, ASOF, null, null)), ErrorCode.invalidValue, message);
  });

  it("spills a header row and a bucket row that sum to the total, skipping blank rows", () => {
    const out = excel(aging, amounts, dues, ASOF, null, null);
    expect(out[0]).toEqual(["Not due", "1–30", "31–60", "61–90", "91–180", "181–365", ">365", "Total"]);
    expect(out[1]).toEqual([100.1, 0, 150.15, 0, 0, 0, 0.01, 250.26]);
  });

  it("spills a customer × bucket table with a Total row", () => {
    const out = excel(aging, amounts, dues, ASOF, [[0, 30, 60]], customers);
    expect(out).toEqual([
      ["Customer", "Not due", "1–30", "31–60", ">60", "Total"],
      ["A", 100.1, 0, -50.05, 0, 50.05],
      ["B", 0, 0, 200.2, 0.01, 200.21],
      ["Total", 100.1, 0, 150.15, 0.01, 250.26],
    ]);
  });
});

describe("CREDIT.OPENBALANCE", () => {
  const amounts = col(100, 250.5, 80, -20, 40, "");
  const invoiced = col("2024-01-10", "2024-03-01", "2024-06-01", "2024-06-10", "2024-07-01", "");
  const settled = col("2024-02-01", "", "2024-07-05", "", "", "");

  it("refuses a bad settlement date naming the row", () => {
    expectError(openbalance(amounts, invoiced, col("x", "", "", "", "", ""), ASOF), ErrorCode.invalidValue, /settledDates row 1/);
  });

  it("sums what is open at the date: unsettled or settled later, not future-dated", () => {
    expect(openbalance(amounts, invoiced, settled, ASOF)).toBe(250.5 + 80 - 20);
  });

  it("keeps a 0.01 residual open when paid amounts are given", () => {
    expect(openbalance(col(100, 50), col("2024-01-01", "2024-01-01"), col("", ""), ASOF, col(99.99, 50))).toBe(0.01);
  });
});

describe("metrics (§6 examples)", () => {
  it("DSO 52.40, BPDSO 29.67, ADD 22.73, CEI 79.63, countback 73.71", () => {
    expect(round2(dso(6340, 10890, 90))).toBe(52.4);
    expect(round2(bpdso(3590, 10890, 90))).toBe(29.67);
    expect(round2(add(6340, 3590, 10890, 90))).toBe(22.73);
    expect(round2(cei(6200, 10890, 6340, 3590))).toBe(79.63);
    expect(round2(dsocountback(212000, [[70000, 80000, 100000]], [[30]]))).toBe(73.71);
    expect(round2(dsocountback(212000, col(70000, 80000, 100000), col(30, 30, 30)))).toBe(73.71);
  });

  it("maps zero sales to #DIV/0! naming the Excel argument", () => {
    expectError(dso(1, 0, 90), ErrorCode.divisionByZero, /sales/);
    expectError(bpdso(1, 0, 90), ErrorCode.divisionByZero, /sales/);
    expectError(cei(0, 0, 0, 0), ErrorCode.divisionByZero);
  });

  it("refuses text and mismatched months", () => {
    // Excel coerces a number parameter before the call; text that arrives all the same is refused.
    expectError(dso("lots" as unknown as number, 1, 90), ErrorCode.invalidValue, /receivables/);
    expectError(dsocountback(1, [[1, 2]], [[30, 30, 30]]), ErrorCode.invalidValue, /monthDays/);
  });
});

describe("CREDIT.OTC", () => {
  it.each([
    [0.05, "Level 1: World class (世界一流)"],
    ["5%", "Level 1: World class (世界一流)"],
    [0.15, "Level 2: Efficient but not optimal (高效但未达最优)"],
    [0.1500001, "Level 3: Serious problems, reform needed (问题严重，需要改革)"],
    ["12%", "Level 2: Efficient but not optimal (高效但未达最优)"],
    [0.3, "Level 3: Serious problems, reform needed (问题严重，需要改革)"],
    [0.31, "Level 4: Near collapse (濒临崩溃)"],
  ])("%s → %s", (ratio, label) => {
    expect(otc(ratio as number)).toBe(label);
  });
  it("refuses 12 meaning 12 % rather than guessing", () => {
    expectError(otc(12), ErrorCode.invalidValue, /must be 0–1, got 12/);
  });
});

describe("CREDIT.ACTION", () => {
  it("follows the ladder, escalates large amounts, resolves disputes", () => {
    const out = excel(action, col(0, 10, 10, 45), col(100, 100, 200000, 100), col("", "no", "", "yes"), null);
    expect(out).toEqual(col(DEFAULT_POLICY.collectionActions[0], DEFAULT_POLICY.collectionActions[1], DEFAULT_POLICY.collectionActions[2], "Resolve dispute (解决争议)"));
  });
  it("puts a row's error in its cell", () => {
    const out = excel(action, col(10, "x"), col(1, 1), null, null);
    expectError(out[1][0], ErrorCode.invalidValue, /daysPastDue row 2/);
  });
});

describe("CREDIT.INTEREST", () => {
  it("reproduces the §6 example: 110.41 demanded", () => {
    expect(excel(interest, [[100]], [[15]], [["10%"]], [[10]])).toEqual([[110.41]]);
    expect(excel(interest, [[100]], [[15]], [[0.1]], null)).toEqual([[100.41]]);
  });
  it("refuses a negative rate", () => {
    expectError(only(excel(interest, [[100]], [[15]], [[-0.1]], null)), ErrorCode.invalidValue, /rate/);
  });
});

describe("CREDIT.PROVISION", () => {
  it("applies the default matrix per bucket", () => {
    // 1000 not due (0.5 %) + 500 at 45 days (5 %) + 200 at 400 days (100 %)
    expect(excel(provision, col(1000, 500, "", 200), col(-3, 45, "", 400), null)).toBe(5 + 25 + 200);
  });
  it("takes rates as fractions, one per bucket", () => {
    expect(excel(provision, col(1000), col(10), [[0, 0.1, 0, 0, 0, 0, 1]])).toBe(100);
    expectError(excel(provision, col(1000), col(10), [[0, 0.1]]), ErrorCode.invalidValue, /needs 7 values/);
    expectError(excel(provision, col(1000), col(10), [[0, 0.1, 0, 0, 0, 0, 2]]), ErrorCode.invalidValue, /rates item 7/);
  });
});

describe("CREDIT.ROLLRATES", () => {
  it("spills the documented worked example", () => {
    const out = rollrates([[1000, 200, ""], [1100, 300, 50], ["", "", ""], [1200, 330, 90]]);
    expect(out).toHaveLength(1);
    expect(out[0].map(round2)).toEqual([0.08, 0.28, 1]);
  });
  it("refuses text naming row and column", () => {
    expectError(only(rollrates([[1, "a"], [1, 2]])), ErrorCode.invalidValue, /snapshots row 1 column 2/);
  });
});
