/**
 * Done when 1 of issue 14: a sheet of ONLY `CREDIT.*` formulas over the input tables reproduces
 * the Credit Review cell for cell. Two workbooks: the sample (36 customers, set up by the add-in)
 * and one built from the IBM accounts-receivable ledger (../shared/data/ibm-ar-late-payment:
 * 100 customers, 2,466 invoices, no scores or financials). Each is reviewed by runReview over the
 * memory adapter, and its tables are loaded into HyperFormula beside a What-if sheet of CREDIT
 * formulas chained by references (PAYMENTRECORD → SCORE → GRADE → LIMIT → UTILISATION → RFLAG →
 * DECISION, POSITION, WARNINGS, …). Every customer is compared on composite, coverage, payment
 * record, average days late, grade, R flag, decision, recommended limit, exposure, utilisation,
 * open balance, overdue and warnings (count and text); the expected count of mismatches is 0.
 *
 * The same sheet over a CREDIT.LEDGER handle (the ledger functions given the handle cell and no
 * ledger range) gives 0 mismatches on both workbooks too, and follows a ledger edit: the handle
 * changes and the sheet equals the review of the edited ledger; undoing the edit gives the first
 * handle back.
 *
 * Why a formula sheet used to disagree (23/36 composites, 28/36 limits on the sample): CREDIT.SCORE
 * scored the payment record as typed, while the review derives it from payment behaviour (the
 * policy's derivePaymentRecord); the limit then followed the grade, and took no days-late factor
 * because no function gave the average days late. The last test shows the first cause on the sample.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import type { CellValue } from "../../src/host/WorkbookPort";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import { runReview, setUpWorkbook } from "../../src/app";
import { decisionText, warningsCell } from "../../src/app/reviewText";
import { createTranslator } from "../../src/i18n/translator";
import type { CustomerReview } from "../../src/engine/review/types";
import { CHARACTERISTICS } from "../../src/engine/policy/characteristics";
import * as functions from "../../src/functions/functions";
import { loadCreditFormulaKit, type CreditFormulaKit } from "../support/hyperformulaCredit";

let kit: CreditFormulaKit;
beforeAll(async () => {
  kit = await loadCreditFormulaKit(functions);
}, 60_000);
afterAll(() => kit.dispose());

const t = createTranslator("en-US");

interface Table {
  headers: string[];
  rows: CellValue[][];
}

/** A workbook's input tables, each on a sheet of its own name with the header in row 1. */
type Tables = Record<string, Table>;

function tablesOf(wb: MemoryWorkbook, names: readonly string[]): Tables {
  const out: Tables = {};
  for (const name of names) {
    const table = wb.getTable(name);
    if (table) out[name] = { headers: [...table.headers], rows: table.rows.map((r) => [...r]) };
  }
  return out;
}

const letter = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letter(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));

/** A1 range of a table's column (data rows only), or of several adjacent columns. */
function column(tables: Tables, table: string, header: string, lastHeader = header): string {
  const t0 = tables[table];
  const first = t0.headers.indexOf(header);
  const last = t0.headers.indexOf(lastHeader);
  if (first < 0 || last < 0) throw new Error(`${table} has no column ${header}`);
  return `${table}!$${letter(first)}$2:$${letter(last)}$${t0.rows.length + 1}`;
}

/** The whole table with its header row. */
function whole(tables: Tables, table: string): string {
  const t0 = tables[table];
  return `${table}!$A$1:$${letter(t0.headers.length - 1)}$${t0.rows.length + 1}`;
}

/** Where the handle variant puts its CREDIT.LEDGER call. */
const HANDLE_CELL = "Params!$D$1";

/** CREDIT.LEDGER over the Receivables table (the optional columns the table has). */
function ledgerFormula(tables: Tables): string {
  const r = (h: string): string => column(tables, "Receivables", h);
  const rOpt = (h: string): string => (tables.Receivables.headers.includes(h) ? r(h) : "");
  return `=CREDIT.LEDGER(${r("InvoiceId")}, ${r("CustomerId")}, ${r("InvoiceDate")}, ${r("DueDate")}, ${r("Amount")}, ${r("SettledDate")}, ${rOpt("PaidAmount")}, ${rOpt("OpenAmount")}, ${rOpt("Disputed")})`;
}

/**
 * The What-if sheet's formulas, column by column (each spills one row per customer from row 1).
 * `viaHandle`: the ledger functions take CREDIT.LEDGER's handle (HANDLE_CELL) in their first
 * ledger argument and no ledger range.
 */
function whatIfFormulas(tables: Tables, viaHandle = false): [string, string][] {
  const n = tables.Customers.rows.length;
  const c = (h: string): string => column(tables, "Customers", h);
  const r = (h: string): string => column(tables, "Receivables", h);
  const has = (table: string, h: string): boolean => tables[table]?.headers.includes(h) === true;
  const rOpt = (h: string): string => (has("Receivables", h) ? r(h) : "");
  const policy = tables.Policy ? `, Policy!$A$2:$B$${tables.Policy.rows.length + 1}` : ", ";
  const ids = c("CustomerId");
  const asOf = "Params!$A$1";
  const at = (col: string): string => `$${col}$1:$${col}$${n}`;
  const scores = column(tables, "Customers", CHARACTERISTICS[0].en, CHARACTERISTICS[CHARACTERISTICS.length - 1].en);
  const behaviour = viaHandle ? `${ids}, ${HANDLE_CELL}, , , , ${asOf}` : `${ids}, ${r("CustomerId")}, ${r("DueDate")}, ${r("Amount")}, ${r("SettledDate")}, ${asOf}`;
  const ledger = (viaHandle ? `${ids}, ${HANDLE_CELL}, , , , , , ${asOf}, , , , ` : `${ids}, ${r("InvoiceId")}, ${r("CustomerId")}, ${r("InvoiceDate")}, ${r("DueDate")}, ${r("Amount")}, ${r("SettledDate")}, ${asOf}, ` +
    `${rOpt("PaidAmount")}, ${rOpt("OpenAmount")}, ${rOpt("Disputed")}, `) +
    (tables.Orders ? `${column(tables, "Orders", "CustomerId")}, ${column(tables, "Orders", "Amount")}` : ", ") + policy;
  const fin = (figure: string): string => (tables.Financials ? `=CREDIT.FINANCIALS(${ids}, ${whole(tables, "Financials")}, ${asOf}, "${figure}")` : `=CREDIT.FINANCIALS(${ids}, Params!$A$3:$B$4, ${asOf}, "${figure}")`);
  const paymentRecord = has("Customers", CHARACTERISTICS.find((ch) => ch.key === "paymentRecord")!.en) ? c(CHARACTERISTICS.find((ch) => ch.key === "paymentRecord")!.en) : "";
  return [
    ["A1", `=CREDIT.PAYMENTRECORD(${behaviour}, ${paymentRecord}${policy})`],
    ["B1", `=CREDIT.DAYSLATE(${behaviour}, "12m")`],
    ["C1", `=CREDIT.DAYSLATE(${behaviour}, "trend")`],
    ["D1", `=CREDIT.SCORE(${scores}, ${policy}, ${at("A")})`],
    ["E1", `=CREDIT.COVERAGE(${scores}, ${policy}, ${at("A")})`],
    ["F1", `=CREDIT.GRADE(${at("D")}, "AD"${policy})`],
    ["G1", fin("CurrentAssets")],
    ["H1", fin("Inventory")],
    ["I1", fin("CurrentLiabilities")],
    ["J1", fin("TotalLiabilities")],
    ["K1", fin("Equity")],
    ["L1", `=CREDIT.LIMIT(${at("F")}, ${c("AnnualCreditSales")}, ${c("GrossMargin")}, ${at("G")}, ${at("H")}, ${at("I")}, ${at("J")}, ${at("K")}, ${c("Collateral")}, ${at("B")}, ${policy})`],
    ["M1", `=CREDIT.POSITION(${ledger})`], // M open balance … T exposure
    ["U1", `=CREDIT.EXPOSURE(${ledger})`],
    ["V1", `=CREDIT.UTILISATION(${at("U")}, ${at("L")})`],
    ["W1", `=CREDIT.RFLAG(${at("F")}, ${at("U")}, ${at("L")}, ${at("Q")}, ${c("KeyAccount")}, ${c("AnnualCreditSales")}${policy}, "en-US")`], // W flag, X reasons
    ["Y1", `=CREDIT.DECISION(${at("F")}, ${at("W")}, "en-US")`],
    ["Z1", warningsCall(tables, ids, asOf, `$M$1:$T$${n}`, "count", policy)],
    ["AA1", warningsCall(tables, ids, asOf, `$M$1:$T$${n}`, "text", policy)],
  ];

  function warningsCall(tb: Tables, customerIds: string, day: string, position: string, show: string, pol: string): string {
    const financials = tb.Financials ? whole(tb, "Financials") : "";
    return `=CREDIT.WARNINGS(${customerIds}, ${day}, ${at("F")}, ${at("E")}, ${at("L")}, ${position}, ${at("C")}, ${c("PreviousGrade")}, ${c("KeyAccount")}, ${c("LastReviewDate")}, ${financials}, "${show}"${pol}, "en-US")`;
  }
}

/** The sheets for HyperFormula: each table (header + rows), a Params sheet with the as-of date, and an empty What-if sheet. */
function sheetsOf(tables: Tables, asOf: number): Record<string, RawCellContent[][]> {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const [name, table] of Object.entries(tables)) sheets[name] = [table.headers, ...table.rows.map((row) => row.map((v) => (v === null ? null : v)))];
  // Params: the as-of date, and an empty Financials table (header only) for a workbook without one.
  sheets.Params = [[toExcelSerial(asOf)], [null], ["CustomerId", "PeriodEnd"]];
  sheets.WhatIf = [[]];
  return sheets;
}

interface Sheet {
  hf: HyperFormula;
  whatIf: number;
}

function buildWhatIf(tables: Tables, asOf: number, viaHandle = false): Sheet {
  const hf = kit.build(sheetsOf(tables, asOf));
  const whatIf = hf.getSheetId("WhatIf")!;
  if (viaHandle) hf.setCellContents(hf.simpleCellAddressFromString(HANDLE_CELL, whatIf)!, ledgerFormula(tables));
  for (const [a1, formula] of whatIfFormulas(tables, viaHandle)) {
    const address = hf.simpleCellAddressFromString(a1, whatIf);
    if (!address) throw new Error(a1);
    hf.setCellContents(address, formula);
  }
  return { hf, whatIf };
}

type Figure = "composite" | "coverage" | "paymentRecord" | "averageDaysLate" | "grade" | "rFlag" | "decision" | "limit" | "exposure" | "utilisation" | "openBalance" | "overdue" | "warnings" | "warningsText";

const COLUMN_OF: Record<Figure, number> = {
  paymentRecord: 0, averageDaysLate: 1, composite: 3, coverage: 4, grade: 5, limit: 11, openBalance: 12, overdue: 14, exposure: 20, utilisation: 21,
  rFlag: 22, decision: 24, warnings: 25, warningsText: 26,
};

/** A cell as a comparable value: an error (the limit's #N/A for "no basis") and a blank are undefined. */
function valueOf(v: unknown): unknown {
  if (v instanceof DetailedCellError) return v.type === "NA" ? undefined : `#${v.type}: ${v.message}`;
  return v === "" || v === null ? undefined : v;
}

function expectedOf(c: CustomerReview, figure: Figure): unknown {
  switch (figure) {
    case "composite": return c.compositePercent;
    case "coverage": return c.coveragePercent;
    case "paymentRecord": return c.paymentRecord.score;
    case "averageDaysLate": return c.averageDaysLate;
    case "grade": return c.grade;
    case "rFlag": return c.isR ? "R" : undefined;
    case "decision": return decisionText(t, c.decision);
    case "limit": return c.limit.recommended;
    case "exposure": return c.exposure;
    case "utilisation": return c.utilisationPercent;
    case "openBalance": return c.openBalance;
    case "overdue": return c.overdue;
    case "warnings": return c.warnings.length;
    case "warningsText": return c.warnings.length === 0 ? undefined : warningsCell(t, c.warnings);
  }
}

/** Equal as the review shows them: numbers to 1e-6 (HyperFormula keeps 10 decimals), average days late to the review's 0.1. */
function same(figure: Figure, got: unknown, expected: unknown): boolean {
  if (typeof got === "number" && typeof expected === "number") {
    if (figure === "averageDaysLate") return Math.round(got * 10) / 10 === expected;
    return Math.abs(got - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
  }
  return got === expected;
}

/** Figures compared that the review gives (not undefined), per figure: the test must compare real values. */
const compared = new Map<Figure, number>();

/** Every mismatch, "customer figure: got ≠ expected". */
function mismatches(sheet: Sheet, customers: readonly CustomerReview[]): string[] {
  const values = sheet.hf.getSheetValues(sheet.whatIf);
  const out: string[] = [];
  compared.clear();
  customers.forEach((c, k) => {
    for (const figure of Object.keys(COLUMN_OF) as Figure[]) {
      const got = valueOf(values[k]?.[COLUMN_OF[figure]]);
      const expected = expectedOf(c, figure);
      if (expected !== undefined) compared.set(figure, (compared.get(figure) ?? 0) + 1);
      if (!same(figure, got, expected)) out.push(`${c.customerId} ${figure}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
    }
  });
  return out;
}

const INPUTS = ["Customers", "Financials", "Receivables", "Orders", "Policy"] as const;
const reviewOptions = (asOf: number) => ({ asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.0.0-test" });

describe("a What-if sheet of CREDIT formulas over the sample workbook", () => {
  const asOf = dayFromCivil(2025, 6, 30);
  let tables: Tables;
  let customers: CustomerReview[];
  let sheet: Sheet;

  beforeAll(async () => {
    const wb = new MemoryWorkbook();
    expect((await setUpWorkbook(wb, { withSample: true, asOf })).status).toBe("written");
    tables = tablesOf(wb, INPUTS);
    const outcome = await runReview(wb, reviewOptions(asOf));
    expect(outcome.status).toBe("written");
    customers = (outcome.customers ?? []) as unknown as CustomerReview[];
    sheet = buildWhatIf(tables, asOf);
  }, 120_000);

  it("reproduces every customer's figures of the Credit Review: 0 mismatches", () => {
    expect(customers).toHaveLength(36);
    expect(mismatches(sheet, customers)).toEqual([]);
    // Every figure was compared on real values for most customers (blank only where the review has none).
    for (const figure of ["composite", "coverage", "paymentRecord", "grade", "decision", "exposure", "openBalance", "overdue", "warnings"] as const) expect(compared.get(figure)).toBe(36);
    for (const figure of ["averageDaysLate", "limit", "utilisation", "rFlag", "warningsText"] as const) expect(compared.get(figure)).toBeGreaterThan(0);
  });

  it("covers what the comparison needs: derived payment records, R flags, limits, warnings and utilisation all occur", () => {
    expect(customers.some((c) => c.paymentRecord.source === "derived")).toBe(true);
    expect(customers.some((c) => c.isR)).toBe(true);
    expect(customers.filter((c) => c.limit.recommended !== undefined).length).toBeGreaterThan(20);
    expect(customers.some((c) => c.warnings.some((w) => w.severity === "critical"))).toBe(true);
    expect(customers.some((c) => c.utilisationPercent !== undefined)).toBe(true);
  });

  it("recalculates like the review when the Policy range changes: grade band A from 80 to 70", async () => {
    const key = tables.Policy.rows.findIndex((row) => row[0] === "gradeBands.A");
    expect(key).toBeGreaterThanOrEqual(0);
    const policySheet = sheet.hf.getSheetId("Policy")!;
    sheet.hf.setCellContents({ sheet: policySheet, row: key + 1, col: 1 }, 70);
    const wb = new MemoryWorkbook();
    await setUpWorkbook(wb, { withSample: true, asOf });
    const policy = wb.getTable("Policy")!;
    const changed = MemoryWorkbook.fromTables(
      INPUTS.map((name) => {
        const table = wb.getTable(name)!;
        const rows = name === "Policy" ? policy.rows.map((row) => (row[0] === "gradeBands.A" ? [row[0], 70, ...row.slice(2)] : [...row])) : table.rows.map((r) => [...r]);
        return { sheet: name, name, headers: [...table.headers], rows };
      }),
    );
    const outcome = await runReview(changed, reviewOptions(asOf));
    expect(outcome.status).toBe("written");
    const after = (outcome.customers ?? []) as unknown as CustomerReview[];
    expect(after.filter((c) => c.grade === "A").length).toBeGreaterThan(customers.filter((c) => c.grade === "A").length);
    expect(mismatches(sheet, after)).toEqual([]);
    sheet.hf.setCellContents({ sheet: policySheet, row: key + 1, col: 1 }, 80);
    expect(mismatches(sheet, customers)).toEqual([]);
  });

  it("without the derived payment record, CREDIT.SCORE disagrees with the review (the issue's cause)", () => {
    const n = customers.length;
    const scores = column(tables, "Customers", CHARACTERISTICS[0].en, CHARACTERISTICS[CHARACTERISTICS.length - 1].en);
    const address = sheet.hf.simpleCellAddressFromString("AC1", sheet.whatIf)!;
    sheet.hf.setCellContents(address, `=CREDIT.SCORE(${scores})`);
    const typed = sheet.hf.getSheetValues(sheet.whatIf).slice(0, n).map((row) => row[28] as number);
    const differ = customers.filter((c, k) => Math.abs(typed[k] - c.compositePercent) > 1e-6);
    expect(differ.length).toBeGreaterThan(0);
    expect(differ.every((c) => c.paymentRecord.source === "derived")).toBe(true);
  });
});

/** The review of these tables (the input tables as they stand in the formula sheet). */
async function reviewOfTables(tables: Tables, asOf: number): Promise<CustomerReview[]> {
  const wb = MemoryWorkbook.fromTables(Object.entries(tables).map(([name, table]) => ({ sheet: name, name, headers: [...table.headers], rows: table.rows.map((r) => [...r]) })));
  const outcome = await runReview(wb, reviewOptions(asOf));
  expect(outcome.status).toBe("written");
  return (outcome.customers ?? []) as unknown as CustomerReview[];
}

describe("the same What-if sheet over a CREDIT.LEDGER handle (sample workbook)", () => {
  const asOf = dayFromCivil(2025, 6, 30);
  let tables: Tables;
  let customers: CustomerReview[];
  let sheet: Sheet;
  const handle = (): unknown => sheet.hf.getCellValue({ ...sheet.hf.simpleCellAddressFromString(HANDLE_CELL, sheet.whatIf)! });

  beforeAll(async () => {
    const wb = new MemoryWorkbook();
    expect((await setUpWorkbook(wb, { withSample: true, asOf })).status).toBe("written");
    tables = tablesOf(wb, INPUTS);
    customers = await reviewOfTables(tables, asOf);
    sheet = buildWhatIf(tables, asOf, true);
  }, 120_000);

  it("reads the ledger once into a handle, and no ledger function gets a ledger range", () => {
    expect(handle()).toMatch(new RegExp(`^Ledger · ${tables.Receivables.rows.length} rows · #[0-9a-z]{8}$`));
    for (const [, formula] of whatIfFormulas(tables, true)) expect(formula).not.toContain("Receivables!");
  });

  it("reproduces every customer's figures of the Credit Review: 0 mismatches", () => {
    expect(mismatches(sheet, customers)).toEqual([]);
    for (const figure of ["composite", "coverage", "paymentRecord", "grade", "decision", "exposure", "openBalance", "overdue", "warnings"] as const) expect(compared.get(figure)).toBe(36);
  });

  it("follows a ledger edit: a larger open invoice gives a new handle, and the sheet equals the review of the edited ledger", async () => {
    const before = handle();
    const h = tables.Receivables.headers;
    const [amountAt, settledAt, openAt, invoicedAt] = ["Amount", "SettledDate", "OpenAmount", "InvoiceDate"].map((name) => h.indexOf(name));
    // An invoice open at the as-of date with no OpenAmount typed: its open amount is Amount − PaidAmount.
    const row = tables.Receivables.rows.findIndex((r) => r[settledAt] === null && r[openAt] === null && typeof r[amountAt] === "number" && r[amountAt] > 0 && Number(r[invoicedAt]) <= toExcelSerial(asOf));
    expect(row).toBeGreaterThanOrEqual(0);
    const amount = tables.Receivables.rows[row][amountAt] as number;
    const receivables = sheet.hf.getSheetId("Receivables")!;
    sheet.hf.setCellContents({ sheet: receivables, row: row + 1, col: amountAt }, amount + 50_000);
    const edited: Tables = { ...tables, Receivables: { headers: h, rows: tables.Receivables.rows.map((r, i) => (i === row ? r.map((v, c) => (c === amountAt ? amount + 50_000 : v)) : r)) } };
    const after = await reviewOfTables(edited, asOf);
    expect(handle()).not.toBe(before);
    expect(handle()).toMatch(/^Ledger · \d+ rows · #[0-9a-z]{8}$/);
    // The edit moves the review (an exposure at least), and the sheet follows it exactly.
    expect(after.filter((c, k) => c.exposure !== customers[k].exposure)).toHaveLength(1);
    expect(mismatches(sheet, after)).toEqual([]);
    sheet.hf.setCellContents({ sheet: receivables, row: row + 1, col: amountAt }, amount);
    expect(handle()).toBe(before);
    expect(mismatches(sheet, customers)).toEqual([]);
  });
});

describe("a What-if sheet of CREDIT formulas over the IBM accounts-receivable ledger", () => {
  const FILE = join(__dirname, "../../../shared/data/ibm-ar-late-payment/WA_Fn-UseC_-Accounts-Receivable.csv");
  // Mid-ledger, so that invoices are open, overdue and settled in every window.
  const asOf = dayFromCivil(2013, 6, 30);
  let tables: Tables;
  let customers: CustomerReview[];
  let sheet: Sheet;
  let handleSheet: Sheet;

  /** M/D/YYYY → Excel serial, by Date.UTC (not the engine's date code). */
  const serial = (us: string): number => {
    const [m, d, y] = us.split("/").map(Number);
    return Math.round(Date.UTC(y, m - 1, d) / 86_400_000) + 25569;
  };

  beforeAll(async () => {
    const lines = readFileSync(FILE, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
    const header = lines[0].split(",");
    const at = (name: string): number => header.indexOf(name);
    const rows = lines.slice(1).map((l) => l.split(","));
    const ids = [...new Set(rows.map((r) => r[at("customerID")]))];
    const receivables: CellValue[][] = rows.map((r) => [
      r[at("invoiceNumber")], r[at("customerID")], serial(r[at("InvoiceDate")]), serial(r[at("DueDate")]), Number(r[at("InvoiceAmount")]),
      serial(r[at("SettledDate")]), r[at("Disputed")],
    ]);
    const scoreHeaders = CHARACTERISTICS.map((ch) => ch.en);
    const customerHeaders = ["CustomerId", "Name", "AnnualCreditSales", "GrossMargin", "Collateral", "KeyAccount", "PreviousGrade", "LastReviewDate", ...scoreHeaders];
    // Analyst scores: a typed payment record of 5 and scores of 3–10 (a few customers with half
    // their characteristics blank), so grades run from A to D and coverage varies.
    const customerRows: CellValue[][] = ids.map((id, k) => [
      id, `Customer ${id}`, 20_000 + 1_000 * (k % 7), 0.25, null, k % 10 === 0 ? "Yes" : "No", k % 5 === 0 ? "A" : null, null,
      ...CHARACTERISTICS.map((ch, j) => (ch.key === "paymentRecord" ? 5 : k % 13 === 0 && j % 2 === 0 ? null : 3 + ((k * 3 + j) % 8))),
    ]);
    const seeds = [
      { sheet: "Customers", name: "Customers", headers: customerHeaders, rows: customerRows },
      { sheet: "Receivables", name: "Receivables", headers: ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount", "SettledDate", "Disputed"], rows: receivables },
    ];
    const wb = MemoryWorkbook.fromTables(seeds);
    tables = tablesOf(wb, INPUTS);
    const outcome = await runReview(wb, reviewOptions(asOf));
    expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.status).toBe("written");
    customers = (outcome.customers ?? []) as unknown as CustomerReview[];
    sheet = buildWhatIf(tables, asOf);
    handleSheet = buildWhatIf(tables, asOf, true);
  }, 120_000);

  it("over a CREDIT.LEDGER handle too: 0 mismatches", () => {
    expect(handleSheet.hf.getCellValue(handleSheet.hf.simpleCellAddressFromString(HANDLE_CELL, handleSheet.whatIf)!)).toMatch(/^Ledger · 2,466 rows · #[0-9a-z]{8}$/);
    expect(mismatches(handleSheet, customers)).toEqual([]);
    expect(compared.get("exposure")).toBe(100);
  });

  it("reproduces every customer's figures of the Credit Review: 0 mismatches", () => {
    expect(customers).toHaveLength(100);
    expect(mismatches(sheet, customers)).toEqual([]);
    for (const figure of ["composite", "coverage", "paymentRecord", "grade", "decision", "exposure", "openBalance", "overdue", "warnings"] as const) expect(compared.get(figure)).toBe(100);
    for (const figure of ["averageDaysLate", "limit", "utilisation", "rFlag", "warningsText"] as const) expect(compared.get(figure)).toBeGreaterThan(0);
    expect(new Set(customers.map((c) => c.grade)).size).toBeGreaterThanOrEqual(3);
  });

  it("compares real figures: open and overdue invoices, derived payment records and days late", () => {
    expect(customers.filter((c) => c.openBalance > 0).length).toBeGreaterThan(50);
    expect(customers.filter((c) => c.overdue > 0).length).toBeGreaterThan(10);
    expect(customers.filter((c) => c.paymentRecord.source === "derived").length).toBeGreaterThan(90);
    expect(customers.filter((c) => (c.averageDaysLate ?? 0) > 0).length).toBeGreaterThan(10);
  });
});
