/**
 * The review functions of issue 14 called as Excel calls them: errors naming the argument and row,
 * the boundaries of the payment-record bands and of utilisation, the R flag and decisions in both
 * languages, the ledger kept between calls only while its cells are equal, FINANCIALS, PARETO and
 * COHORT on the method's examples. Expected figures are written out by hand from the spec.
 */
import "../support/errorsInEnglish";
import fc from "fast-check";
import { ErrorCode } from "../support/customFunctionsStub";
import { col, excel, expectError, only } from "../support/excelCall";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { clearLedgerCache } from "../../src/functions/ledgerCache";
import { clearFunctionCaches } from "../../src/functions/functionCaches";
import { setFunctionLanguage } from "../../src/functions/functionLanguage";
import { cohort, dayslate, decision, exposure, financials, pareto, paymentrecord, position, rflag, score, utilisation, warnings } from "../../src/functions/functions";

const asOf = dayFromCivil(2025, 6, 30);
const serial = (daysBefore: number): number => toExcelSerial(asOf - daysBefore);
const AS_OF = serial(0);
const NO_DERIVE: unknown[][] = [["derivePaymentRecord", "FALSE"]];

beforeEach(() => clearFunctionCaches());
afterEach(() => setFunctionLanguage(undefined));

/** One invoice per customer, settled `late` days after its due date (null: open), due 60 days before the as-of date. */
function ledgerOf(lates: (number | null)[]): { customers: unknown[][]; due: unknown[][]; amounts: unknown[][]; settled: unknown[][] } {
  return {
    customers: col(...lates.map((_, k) => `C${k + 1}`)),
    due: col(...lates.map(() => serial(60))),
    amounts: col(...lates.map(() => 100)),
    settled: col(...lates.map((late) => (late === null ? "" : serial(60 - late)))),
  };
}

describe("CREDIT.PAYMENTRECORD", () => {
  it("refuses a missing as-of date and a bad due date, naming the argument and row", () => {
    const l = ledgerOf([0]);
    expectError(only(excel(paymentrecord, col("C1"), l.customers, l.due, l.amounts, l.settled, null)), ErrorCode.invalidValue, /asOf/);
    expectError(only(excel(paymentrecord, col("C1"), col("C1", "C1"), col(serial(60), "not a date"), col(100, 100), col("", ""), AS_OF)), ErrorCode.invalidValue, /dueDates row 2/);
    expectError(only(excel(paymentrecord, col("C1"), col("C1", "C1"), col(serial(60), serial(60)), col(100, "x"), col("", ""), AS_OF)), ErrorCode.invalidValue, /amounts row 2/);
  });

  it.each([
    [0, 10],
    [5, 9],
    [6, 8],
    [15, 8],
    [16, 6],
    [30, 6],
    [31, 4],
    [60, 4],
  ])("an invoice settled %p days late scores %p (the §2 bands, upper edge included)", (late, expected) => {
    const l = ledgerOf([late]);
    expect(excel(paymentrecord, col("C1"), l.customers, l.due, l.amounts, l.settled, AS_OF)).toEqual([[expected]]);
  });

  it("uses the entered score without a settled invoice, and always when the policy does not derive", () => {
    const l = ledgerOf([0, null]);
    const ids = col("C1", "C2", "C9");
    expect(excel(paymentrecord, ids, l.customers, l.due, l.amounts, l.settled, AS_OF, col(3, 7, ""))).toEqual([[10], [7], [0]]);
    expect(excel(paymentrecord, ids, l.customers, l.due, l.amounts, l.settled, AS_OF, col(3, 7, ""), NO_DERIVE)).toEqual([[3], [7], [0]]);
  });
});

describe("CREDIT.DAYSLATE", () => {
  it("averages days late over the window, blank without a settled invoice", () => {
    // C1: 10 days late settled 50 days ago, 40 days late settled 400 days ago (outside 12 months).
    const customers = col("C1", "C1", "C2");
    const due = col(serial(60), serial(440), serial(60));
    const settled = col(serial(50), serial(400), "");
    const amounts = col(100, 100, 100);
    expect(excel(dayslate, col("C1", "C2"), customers, due, amounts, settled, AS_OF)).toEqual([[10], [""]]);
    expect(excel(dayslate, col("C1", "C2"), customers, due, amounts, settled, AS_OF, "all")).toEqual([[25], [""]]);
    expectError(only(excel(dayslate, col("C1"), customers, due, amounts, settled, AS_OF, "weekly")), ErrorCode.invalidValue, /window/);
  });
});

describe("CREDIT.POSITION and CREDIT.EXPOSURE", () => {
  // C1: an open invoice 1,000 due 10 days ago, a credit note −100 (CN-1), a payment on account
  // −200 (PAY-1), a disputed open invoice 50 not yet due, and an open order of 300.
  const ids = col("C1", "C2");
  const invoiceIds = col("I1", "CN-1", "PAY-1", "I2");
  const customers = col("C1", "C1", "C1", "C1");
  const invoiced = col(serial(40), serial(40), serial(5), serial(5));
  const due = col(serial(10), serial(10), serial(5), serial(-25));
  const amounts = col(1000, -100, -200, 50);
  const settled = col("", "", "", "");
  const disputed = col("No", "No", "No", "Yes");
  const args = [ids, invoiceIds, customers, invoiced, due, amounts, settled, AS_OF, null, null, disputed, col("C1"), col(300)];

  it("spills open balance, unapplied, overdue, overdue items, max days past due, disputed, open orders and exposure", () => {
    expect(excel(position, ...args)).toEqual([
      [750, -200, 900, 1, 10, 50, 300, 1050],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(excel(exposure, ...args)).toEqual([[1050], [0]]);
  });

  it("keeps the ledger between calls only while its cells are equal: a changed amount is read", () => {
    expect(excel(exposure, ...args)).toEqual([[1050], [0]]);
    const changed = [...args];
    changed[5] = col(1000, -100, -200, 60);
    expect(excel(exposure, ...changed)).toEqual([[1060], [0]]);
    expect(excel(exposure, ...args)).toEqual([[1050], [0]]);
  });

  it("refuses order columns of different lengths and a ledger column of another length", () => {
    const bad = [...args];
    bad[12] = col(300, 10);
    expectError(only(excel(position, ...bad)), ErrorCode.invalidValue, /orderAmounts/);
    const short = [...args];
    short[6] = col("", "");
    expectError(only(excel(position, ...short)), ErrorCode.invalidValue, /settledDates/);
  });

  it("ties exposure to open balance + open orders for any amounts (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100_000, max: 100_000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 0, max: 100_000 }), (cents, order) => {
        clearLedgerCache();
        const n = cents.length;
        const rows = [col("C1"), col(...cents.map((_, i) => `I${i}`)), col(...cents.map(() => "C1")), col(...cents.map(() => serial(30))), col(...cents.map(() => serial(i0(n)))),
          col(...cents.map((c) => c / 100)), col(...cents.map(() => "")), AS_OF, null, null, null, col("C1"), col(order / 100)];
        const [row] = excel(position, ...rows) as number[][];
        expect(Math.round(row[7] * 100)).toBe(Math.round(row[0] * 100) + order);
      }),
      { numRuns: 50 },
    );
  });
});
const i0 = (n: number): number => n % 40;

describe("CREDIT.UTILISATION", () => {
  it.each([
    [45000, 50000, 90],
    [0, 50000, 0],
    [50000, 0, ""],
    [50000, "", ""],
  ])("exposure %p on limit %p → %p", (e, l, expected) => {
    expect(excel(utilisation, col(e), col(l))).toEqual([[expected]]);
  });
});

describe("CREDIT.RFLAG and CREDIT.DECISION", () => {
  it("flags a key account with grade C and says why, in English and in Chinese", () => {
    const [[flag, reason]] = excel(rflag, col("C"), col(0), col(1000), col(0), col("Yes"), col(""), null, "en-US") as string[][];
    expect(flag).toBe("R");
    expect(reason).toMatch(/key account/i);
    const [[, zh]] = excel(rflag, col("C"), col(0), col(1000), col(0), col("Yes"), col(""), null, "zh-CN") as string[][];
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it.each([
    ["B", 31, "R"],
    ["B", 30, ""],
  ])("a key account of grade %p with an item %p days past due: %p (R beyond the policy's 30 days)", (grade, days, expected) => {
    const [[flag]] = excel(rflag, col(grade), col(0), col(1000), col(days), col(true)) as string[][];
    expect(flag).toBe(expected);
  });

  it("exposure above the limit flags a large customer; equal to it does not", () => {
    expect((excel(rflag, col("A"), col(1000.01), col(1000), col(0), col(true)) as string[][])[0][0]).toBe("R");
    expect((excel(rflag, col("A"), col(1000), col(1000), col(0), col(true)) as string[][])[0][0]).toBe("");
  });

  it("gives each grade's decision and the committee for R, in the runtime's language when none is named", () => {
    const en = excel(decision, col("A", "D", "B"), col("", "", "R"), "en-US") as string[][];
    expect(en[0][0]).not.toBe(en[1][0]);
    expect(en[2][0]).toMatch(/committee/i);
    setFunctionLanguage("zh-CN");
    expect((excel(decision, col("A")) as string[][])[0][0]).toMatch(/[\u4e00-\u9fff]/);
    expectError(only(excel(decision, col("A"), null, "fr-FR")), ErrorCode.invalidValue, /language/);
    expectError((excel(decision, col("R")) as unknown[][])[0][0], ErrorCode.invalidValue, /grade/);
  });
});

describe("CREDIT.WARNINGS", () => {
  const positionRow = (overdue: number, maxDays: number, exposureValue: number): number[] => [exposureValue, 0, overdue, overdue > 0 ? 1 : 0, maxDays, 0, 0, exposureValue];

  it("lists a critical warning for an item over 90 days past due and utilisation over 100 %, severity first", () => {
    const args = [col("C1"), AS_OF, col("B"), col(100), col(1000), [positionRow(500, 95, 1200)], null, null, null, col(serial(30))];
    const [[text]] = excel(warnings, ...args, null, "text", null, "en-US") as string[][];
    expect(text).toMatch(/^\[critical\] Utilisation 120 %.*; \[critical\] An item is 95 days past due/);
    const [[count]] = excel(warnings, ...args, null, "count") as number[][];
    const [[critical]] = excel(warnings, ...args, null, "critical") as number[][];
    expect(critical).toBe(2);
    expect(count).toBeGreaterThanOrEqual(critical);
  });

  it("refuses a position range without its 8 columns and rows that do not match the customers", () => {
    expectError(only(excel(warnings, col("C1"), AS_OF, col("B"), col(100), col(1000), [[1, 2, 3]])), ErrorCode.invalidValue, /position/);
    expectError(only(excel(warnings, col("C1", "C2"), AS_OF, col("B"), col(100), col(1000), [positionRow(0, 0, 0)])), ErrorCode.invalidValue, /grade/);
  });
});

describe("CREDIT.FINANCIALS", () => {
  const table = [
    ["CustomerId", "PeriodEnd", "CurrentAssets", "CurrentLiabilities", "Revenue"],
    ["C1", serial(400), 500, 250, 1000],
    ["C1", serial(35), 600, 200, 800],
    ["C1", serial(-30), 999, 1, 1],
  ];

  it("takes the latest period at or before the as-of date, the prior one on request, and its ratios", () => {
    expect(excel(financials, col("C1", "C2"), table, AS_OF, "CurrentAssets")).toEqual([[600], [""]]);
    expect(excel(financials, col("C1"), table, AS_OF, "CurrentAssets", "prior")).toEqual([[500]]);
    expect(excel(financials, col("C1"), table, AS_OF, "Current ratio")).toEqual([[3]]);
    expect(excel(financials, col("C1"), table, AS_OF, "revenueGrowth")).toEqual([[-0.2]]);
    expect(excel(financials, col("C1"), table, AS_OF, "PeriodEnd")).toEqual([[serial(35)]]);
  });

  it("refuses an unknown figure and a table without CustomerId and PeriodEnd", () => {
    expectError(only(excel(financials, col("C1"), table, AS_OF, "Goodwill")), ErrorCode.invalidValue, /figure/);
    expectError(only(excel(financials, col("C1"), [["Revenue"], [1]], AS_OF, "Revenue")), ErrorCode.invalidValue, /CustomerId, PeriodEnd/);
  });
});

describe("CREDIT.PARETO and CREDIT.COHORT", () => {
  it("gives the top 20 % share: the method's example 50 / 100 with one customer of five on top", () => {
    expect(excel(pareto, col("a", "b", "c", "d", "e"), col(50, 20, 10, 10, 10))).toEqual([[0.5]]);
  });

  it("with an as-of date counts only invoices of the 12 months to it", () => {
    const customers = col("a", "b", "b");
    const amounts = col(50, 40, 100);
    const dates = col(serial(10), serial(10), serial(400));
    expect(excel(pareto, customers, amounts, dates, AS_OF, 0.5)).toEqual([[50 / 90]]);
    expectError(only(excel(pareto, customers, amounts, null, AS_OF)), ErrorCode.invalidValue, /invoiceDates/);
  });

  it("gives the cohort loss rates of the method's example: 2.5 %, 10 %, 50 %", () => {
    expect(excel(cohort, [[1000, 200, 50], [1000, 300, 50]], col(20, 30))).toEqual([[0.025, 0.1, 0.5]]);
    expectError(only(excel(cohort, [[1000, 200, 50]], col(20, 30))), ErrorCode.invalidValue, /writtenOff/);
  });
});

describe("CREDIT.SCORE with the policy and a payment-record column", () => {
  const row = Array.from({ length: 18 }, () => 5);

  it("replaces the payment-record column only where a score is given", () => {
    const plain = excel(score, [row, row]) as number[][];
    const replaced = excel(score, [row, row], null, null, col(10, "")) as number[][];
    expect(replaced[0][0]).toBeGreaterThan(plain[0][0]);
    expect(replaced[1][0]).toBe(plain[1][0]);
  });

  it("refuses a payment-record column of another length, naming it", () => {
    expectError(only(excel(score, [row, row], null, null, col(10))), ErrorCode.invalidValue, /paymentRecord/);
  });
});

describe("the caches behind the review functions", () => {
  const table = [
    ["CustomerId", "PeriodEnd", "CurrentAssets", "Equity"],
    ["C1", serial(400), 500, 10],
    ["C1", serial(35), 600, -1],
    ["C2", serial(10), 7, null],
  ];
  const fresh = (rows: unknown[][]): unknown[][] => rows.map((row) => [...row]);

  it("FINANCIALS over a kept table answers as over the table read afresh, at any date, figure and period (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 500 }), fc.constantFrom("CurrentAssets", "Equity", "PeriodEnd", "currentRatio", "AltmanZone"), fc.constantFrom("latest", "prior"), (days, figure, period) => {
        const args = [col("C1", "C2", "C3", ""), fresh(table), serial(days), figure, period];
        const kept = excel(financials, ...args);
        clearFunctionCaches();
        expect(excel(financials, ...args)).toEqual(kept);
      }),
      { numRuns: 100 },
    );
  });

  it("FINANCIALS reads a changed cell of the table", () => {
    expect(excel(financials, col("C1"), fresh(table), AS_OF, "CurrentAssets")).toEqual([[600]]);
    const changed = fresh(table);
    changed[2][2] = 650;
    expect(excel(financials, col("C1"), changed, AS_OF, "CurrentAssets")).toEqual([[650]]);
  });
});
