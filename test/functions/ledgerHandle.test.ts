/**
 * CREDIT.LEDGER and the ledger functions given its handle (issue 14): the handle's text in both
 * languages, a new handle for a changed ledger and the same for the same content, the handle's
 * answers equal to the ranges' answers (property, over random ledgers), the #N/A asking to
 * recalculate for a handle the runtime does not hold, at most HELD ledgers held, and the refusals
 * (other ledger arguments given with a handle, one cell that is not a handle).
 */
import fc from "fast-check";
import { ErrorCode } from "../support/customFunctionsStub";
import { col, excel, expectError, only } from "../support/excelCall";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { ledgerOf } from "../../src/engine/receivables/Ledger";
import { clearFunctionCaches } from "../../src/functions/functionCaches";
import { setFunctionLanguage } from "../../src/functions/functionLanguage";
import { dayslate, exposure, ledger, paymentrecord, position } from "../../src/functions/functions";
import { HELD, clearHeldLedgers, ledgerTag, tagOfHandle } from "../../src/functions/ledgerHandles";

const asOf = dayFromCivil(2025, 6, 30);
const serial = (daysBefore: number): number => toExcelSerial(asOf - daysBefore);
const AS_OF = serial(0);

beforeEach(() => clearFunctionCaches());
afterEach(() => setFunctionLanguage(undefined));

// C1: an open invoice 1,000 due 10 days ago, a credit note −100, a payment on account −200, a
// disputed invoice 50 not yet due; C2: an invoice settled 5 days late.
const L = {
  invoiceIds: col("I1", "CN-1", "PAY-1", "I2", "I3"),
  customers: col("C1", "C1", "C1", "C1", "C2"),
  invoiced: col(serial(40), serial(40), serial(5), serial(5), serial(90)),
  due: col(serial(10), serial(10), serial(5), serial(-25), serial(60)),
  amounts: col(1000, -100, -200, 50, 400),
  settled: col("", "", "", "", serial(55)),
  disputed: col("No", "No", "No", "Yes", "No"),
};
const ledgerArgs = (amounts = L.amounts): unknown[] => [L.invoiceIds, L.customers, L.invoiced, L.due, amounts, L.settled, null, null, L.disputed];
const ids = col("C1", "C2", "C9");
const handleOf = (amounts = L.amounts): unknown[][] => [[excel(ledger, ...ledgerArgs(amounts))]];

describe("CREDIT.LEDGER", () => {
  it("answers one text cell: the rows and a tag of the content, in the functions' language", () => {
    const handle = excel(ledger, ...ledgerArgs());
    expect(handle).toMatch(/^Ledger · 5 rows · #[0-9a-z]{8}$/);
    expect(excel(ledger, ...ledgerArgs(), "zh-CN")).toBe(`应收账款台账 · 5 行 · #${tagOfHandle(String(handle))}`);
    setFunctionLanguage("zh-CN");
    expect(excel(ledger, ...ledgerArgs())).toMatch(/^应收账款台账 · 5 行 · #[0-9a-z]{8}$/);
  });

  it("gives the same handle for the same content and a new one when a cell changes", () => {
    const first = excel(ledger, ...ledgerArgs());
    expect(excel(ledger, ...ledgerArgs().map((a) => (Array.isArray(a) ? a.map((row: unknown[]) => [...row]) : a)))).toBe(first);
    expect(excel(ledger, ...ledgerArgs(col(1000, -100, -200, 50, 401)))).not.toBe(first);
  });

  it("refuses a bad cell as the ledger functions do, naming the argument and row", () => {
    expectError(excel(ledger, ...ledgerArgs(col(1000, -100, "x", 50, 400))), ErrorCode.invalidValue, /amounts row 3/);
    expectError(excel(ledger, null, ...ledgerArgs().slice(1)), ErrorCode.invalidValue, /invoiceIds/);
  });
});

describe("the ledger functions given a handle", () => {
  it("answer as with the ledger's ranges: position, exposure, payment record and days late", () => {
    const h = handleOf();
    const ranges = [ids, ...ledgerArgs().slice(0, 6), AS_OF, null, null, L.disputed, col("C1"), col(300)];
    const viaHandle = [ids, h, null, null, null, null, null, AS_OF, null, null, null, col("C1"), col(300)];
    expect(excel(position, ...viaHandle)).toEqual(excel(position, ...ranges));
    expect(excel(position, ...viaHandle)).toEqual([
      [750, -200, 900, 1, 10, 50, 300, 1050],
      [0, 0, 0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0],
    ]);
    expect(excel(exposure, ...viaHandle)).toEqual([[1050], [0], [0]]);
    const behaviour = [L.customers, L.due, L.amounts, L.settled];
    expect(excel(paymentrecord, ids, h, null, null, null, AS_OF)).toEqual(excel(paymentrecord, ids, ...behaviour, AS_OF));
    expect(excel(paymentrecord, ids, h, null, null, null, AS_OF)).toEqual([[0], [9], [0]]);
    expect(excel(dayslate, ids, h, null, null, null, AS_OF, "all")).toEqual([[""], [5], [""]]);
  });

  it("give the ranges' answers for any ledger (property)", () => {
    const row = fc.record({
      customer: fc.constantFrom("C1", "C2", "C3"),
      invoiced: fc.integer({ min: 0, max: 400 }),
      term: fc.integer({ min: 0, max: 90 }),
      cents: fc.integer({ min: -50_000, max: 200_000 }),
      late: fc.option(fc.integer({ min: -10, max: 120 })),
      disputed: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 2, maxLength: 30 }), (rows) => {
        clearFunctionCaches();
        const cols = [
          col(...rows.map((r, i) => (r.cents < 0 && i % 2 === 0 ? `PAY-${i}` : `I${i}`))),
          col(...rows.map((r) => r.customer)),
          col(...rows.map((r) => serial(r.invoiced))),
          col(...rows.map((r) => serial(r.invoiced - r.term))),
          col(...rows.map((r) => r.cents / 100)),
          col(...rows.map((r) => (r.late === null ? "" : serial(r.invoiced - r.term - r.late)))),
        ];
        const disputed = col(...rows.map((r) => (r.disputed ? "Yes" : "")));
        const h = [[excel(ledger, ...cols, null, null, disputed)]];
        const customers = col("C1", "C2", "C3", "C4");
        expect(excel(position, customers, h, null, null, null, null, null, AS_OF)).toEqual(excel(position, customers, ...cols, AS_OF, null, null, disputed));
        for (const window of ["12m", "all", "trend"]) {
          expect(excel(dayslate, customers, h, null, null, null, AS_OF, window)).toEqual(excel(dayslate, customers, cols[1], cols[3], cols[4], cols[5], AS_OF, window));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("answer #N/A asking to recalculate CREDIT.LEDGER for a handle this runtime does not hold (a restart), in the functions' language", () => {
    const h = handleOf();
    clearHeldLedgers();
    expectError(only(excel(exposure, ids, h, null, null, null, null, null, AS_OF)), ErrorCode.notAvailable, /not loaded.*Recalculate CREDIT\.LEDGER.*F2/);
    setFunctionLanguage("zh-CN");
    expectError(only(excel(paymentrecord, ids, h, null, null, null, AS_OF)), ErrorCode.notAvailable, /未载入.*重新计算 CREDIT\.LEDGER/);
  });

  it(`hold the last ${HELD} ledgers: an older handle is unknown, the others still answer`, () => {
    const handles = Array.from({ length: HELD + 1 }, (_, k) => handleOf(col(1000 + k, -100, -200, 50, 400)));
    expectError(only(excel(exposure, ids, handles[0], null, null, null, null, null, AS_OF)), ErrorCode.notAvailable);
    for (let k = 1; k <= HELD; k++) expect(excel(exposure, ids, handles[k], null, null, null, null, null, AS_OF)).toEqual([[750 + k], [0], [0]]);
  });

  it("refuse other ledger arguments beside a handle, and one cell that is not a handle", () => {
    const h = handleOf();
    expectError(only(excel(position, ids, h, L.customers, null, null, null, null, AS_OF)), ErrorCode.invalidValue, /ledgerCustomers: must be empty/);
    expectError(only(excel(dayslate, ids, h, null, L.amounts, null, AS_OF)), ErrorCode.invalidValue, /amounts: must be empty/);
    expectError(only(excel(paymentrecord, ids, [["Ledger 5 rows"]], null, null, null, AS_OF)), ErrorCode.invalidValue, /ledgerCustomers: is one cell but not a CREDIT\.LEDGER handle/);
    expectError(only(excel(paymentrecord, ids, L.customers, null, L.amounts, L.settled, AS_OF)), ErrorCode.invalidValue, /dueDates: is required/);
  });
});

describe("ledgerTag", () => {
  const item = (amount: number, settledDate?: number) => ({ invoiceId: "I1", customerId: "C", invoiceDate: 0, dueDate: 30, amount, settledDate });

  it("is equal for equal content and differs when any figure differs (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 20 }), fc.nat(), fc.integer({ min: 1, max: 1000 }), (cents, at, delta) => {
        const items = cents.map((c) => item(c / 100));
        const k = at % items.length;
        const changed = items.map((x, i) => (i === k ? item(x.amount + delta / 100) : x));
        expect(ledgerTag(ledgerOf(items))).toBe(ledgerTag(ledgerOf(items.map((x) => ({ ...x })))));
        expect(ledgerTag(ledgerOf(changed))).not.toBe(ledgerTag(ledgerOf(items)));
      }),
      { numRuns: 100 },
    );
  });

  it("tells a settled date from none, and one customer from another", () => {
    expect(ledgerTag(ledgerOf([item(100, 40)]))).not.toBe(ledgerTag(ledgerOf([item(100)])));
    expect(ledgerTag(ledgerOf([{ ...item(100), customerId: "D" }]))).not.toBe(ledgerTag(ledgerOf([item(100)])));
  });
});
