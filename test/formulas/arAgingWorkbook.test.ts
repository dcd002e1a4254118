/**
 * A third-party workbook, ar-aging-report.xlsx (see ../shared/data/workbooks/README.md): its own
 * SUMIFS aging pivot recomputed in HyperFormula, then CREDIT.AGING over its Open Invoices sheet
 * must give the same buckets as the workbook's own formulas.
 *
 * The workbook's buckets are Current (DPD ≤ 0), 1-30, 31-60, 61-90, 90+ (DPD > 90): with the
 * edges [0, 30, 60, 90] and "each bucket holds its upper edge" (credit-method.md §6) they are the
 * same buckets.
 *
 * As-of date: 'Aging Report'!B2 holds serial 46219. The README calls it 2026-07-15, but serial
 * 46219 is 2026-07-16 (46218 is 07-15); only the serial enters the arithmetic (days past due =
 * AsOfDate − due date), so both sides age at the same date whatever it is called.
 * The README also says the file has no cached values; it does carry some (<v> elements), which
 * this test uses only as a cross-check of HyperFormula's recomputation.
 */
import * as path from "path";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { loadCreditFormulaKit, type CreditFormulaKit } from "../support/hyperformulaCredit";
import * as functions from "../../src/functions/functions";
import { xlsxToSheets, type XlsxAsSheets } from "./xlsxToSheets";

const FILE = path.resolve(__dirname, "../../../shared/data/workbooks/ar-aging-report.xlsx");
const INVOICES = "Open Invoices";
const REPORT = "Aging Report";

let kit: CreditFormulaKit;
let book: XlsxAsSheets;
let hf: HyperFormula;
let invoices: number;
let report: number;

beforeAll(async () => {
  kit = await loadCreditFormulaKit(functions);
  book = await xlsxToSheets(FILE);
  // The defined name, added by hand as HyperFormula does not read it from the file.
  const asOf = book.definedNames.get("AsOfDate");
  expect(asOf).toBe("'Aging Report'!$B$2");
  hf = kit.build(book.sheets, [{ name: "AsOfDate", expression: `=${asOf}` }]);
  invoices = hf.getSheetId(INVOICES) ?? -1;
  report = hf.getSheetId(REPORT) ?? -1;
});
afterAll(() => {
  hf.destroy();
  kit.dispose();
});

/** The report's rows: customer name → the five bucket values and the total (columns B..G). */
function reportRows(): { customer: string; buckets: number[]; total: number }[] {
  const values = hf.getSheetValues(report);
  const header = values.findIndex((row) => row[0] === "Customer");
  const rows = [];
  for (let r = header + 1; r < values.length; r++) {
    const [name, ...rest] = values[r];
    if (typeof name !== "string" || name.startsWith("Total")) break;
    rows.push({ customer: name, buckets: rest.slice(0, 5).map(Number), total: Number(rest[5]) });
  }
  return rows;
}

function totalsRow(): number[] {
  const values = hf.getSheetValues(report);
  const row = values.find((r) => typeof r[0] === "string" && r[0].startsWith("Total"));
  if (!row) throw new Error("no Total row in the Aging Report");
  return row.slice(1, 7).map(Number);
}

/** Open Invoices data rows (below the header, with an invoice number). */
function invoiceRows(): (string | number | boolean | null)[][] {
  return hf
    .getSheetValues(invoices)
    .slice(1)
    .filter((row) => typeof row[0] === "string" && row[0].startsWith("INV-"))
    .map((row) => row.map((v) => (v instanceof DetailedCellError ? null : v)));
}

describe("the workbook's own formulas in HyperFormula", () => {
  it("loads both sheets, every formula, and recomputes them without a formula error", () => {
    expect(hf.getSheetNames().sort()).toEqual([REPORT, INVOICES].sort());
    expect(book.formulaCount).toBe(179);
    const errors = [invoices, report].flatMap((sheet) =>
      hf.getSheetValues(sheet).flatMap((row) => row.filter((v) => v instanceof DetailedCellError)),
    );
    expect(errors).toEqual([]);
  });

  it("agrees with the values cached in the file, wherever there is one", () => {
    expect(book.cached.size).toBeGreaterThan(0);
    for (const [key, cachedValue] of book.cached) {
      const [sheetName, a1] = key.split("!");
      const address = hf.simpleCellAddressFromString(a1, hf.getSheetId(sheetName) ?? -1);
      if (!address) throw new Error(`bad address ${key}`);
      expect({ key, value: hf.getCellValue(address) }).toEqual({ key, value: cachedValue });
    }
  });

  it("gives the README's totals: 7,670,150 = Current 3,052,025 + 31-60 112,795 + 90+ 4,505,330", () => {
    expect(totalsRow()).toEqual([3_052_025, 0, 112_795, 0, 4_505_330, 7_670_150]);
  });

  it("ties out: the pivot's total equals the plain sum of the open amounts, and the check cell says OK", () => {
    const plainSum = invoiceRows().reduce((s, row) => s + Number(row[7]), 0);
    expect(totalsRow()[5]).toBe(plainSum);
    const tieOut = hf.getSheetValues(report).flat().find((v) => typeof v === "string" && v.startsWith("Tie-out"));
    expect(tieOut).toMatch(/^Tie-out OK/);
  });

  it("buckets each invoice the way a plain recomputation of its days past due does", () => {
    const asOf = hf.getCellValue(hf.simpleCellAddressFromString("B2", report) ?? { sheet: report, row: 1, col: 1 });
    expect(asOf).toBe(46219);
    for (const row of invoiceRows()) {
      const dpd = 46219 - Number(row[4]);
      const bucket = dpd <= 0 ? "Current" : dpd <= 30 ? "1-30" : dpd <= 60 ? "31-60" : dpd <= 90 ? "61-90" : "90+";
      expect({ invoice: row[0], dpd: row[5], bucket: row[6] }).toEqual({ invoice: row[0], dpd, bucket });
    }
  });
});

describe("CREDIT.AGING on the workbook's Open Invoices", () => {
  /** Put the formula on a new sheet, entered after the inputs as a user types it; the spilled values. */
  function creditAging(formula: string): (string | number | boolean | null)[][] {
    const name = `Check${hf.countSheets()}`;
    hf.addSheet(name);
    const sheet = hf.getSheetId(name) ?? -1;
    hf.setCellContents({ sheet, row: 0, col: 0 }, formula);
    return hf.getSheetValues(sheet).map((row) => row.map((v) => (v instanceof DetailedCellError ? `${v.value} ${v.message}` : v)));
  }

  const last = () => invoiceRows().length + 1;
  const amounts = () => `'${INVOICES}'!$H$2:$H$${last()}`;
  const dueDates = () => `'${INVOICES}'!$E$2:$E$${last()}`;
  const customers = () => `'${INVOICES}'!$B$2:$B$${last()}`;

  it("gives the workbook's own bucket totals, bucket by bucket", () => {
    const [header, amountsRow, ...rest] = creditAging(`=CREDIT.AGING(${amounts()}, ${dueDates()}, AsOfDate, {0,30,60,90})`);
    expect(rest).toEqual([]);
    // Five buckets for four edges, then the total, the same layout as the workbook's Total row.
    expect(header).toHaveLength(6);
    expect(header[5]).toBe("Total");
    expect(amountsRow).toEqual(totalsRow());
  });

  it("gives each customer's row of the workbook's pivot when grouped by customer", () => {
    const [header, ...rows] = creditAging(`=CREDIT.AGING(${amounts()}, ${dueDates()}, AsOfDate, {0,30,60,90}, ${customers()})`);
    expect(header[0]).toBe("Customer");
    const byCustomer = new Map(rows.map((row) => [String(row[0]), row.slice(1, 7)]));
    const pivot = reportRows();
    expect(byCustomer.size).toBe(pivot.length + 1);
    for (const { customer, buckets, total } of pivot) {
      expect({ customer, row: byCustomer.get(customer) }).toEqual({ customer, row: [...buckets, total] });
    }
    expect(byCustomer.get("Total")).toEqual(totalsRow());
  });

  it("re-ages when the workbook's AsOfDate cell changes, as the workbook's own pivot does", () => {
    const sheetOf = () => hf.getSheetId(`Check${hf.countSheets() - 1}`) ?? -1;
    creditAging(`=CREDIT.AGING(${amounts()}, ${dueDates()}, AsOfDate, {0,30,60,90})`);
    const check = sheetOf();
    hf.setCellContents({ sheet: report, row: 1, col: 1 }, 46219 + 45);
    expect(hf.getSheetValues(check)[1]).toEqual(totalsRow());
    expect(totalsRow()).not.toEqual([3_052_025, 0, 112_795, 0, 4_505_330, 7_670_150]);
    hf.setCellContents({ sheet: report, row: 1, col: 1 }, 46219);
  });
});

