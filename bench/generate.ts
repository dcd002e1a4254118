/**
 * Deterministic synthetic portfolios for the benchmark (issue 6): customers with financials and
 * the 18 characteristic scores, and invoices over the two years before the as-of date with
 * 30/45/60-day terms, about 70 % settled with realistic lateness, part payments on some open
 * items and about 2 % credit notes. Rows are raw cell values as Excel hands them (dates are 1900
 * serials, money is numbers, yes/no is text), in the column order of the set-up sheets, so the
 * benchmark times the same path as a real workbook: recognise → read → review.
 * Same sizes and seed → the same rows, always (mulberry32 from the workflow's seededRandom).
 * @example generatePortfolio({ customers: 1000, invoices: 100_000 }).snapshot.tables[2].rows.length //=> 100000
 */
import { dayFromCivil, toExcelSerial, type DayNumber } from "../src/engine/dates/dayNumber";
import { roundMoney } from "../src/engine/money/cents";
import { CHARACTERISTIC_KEYS } from "../src/engine/policy/characteristics";
import type { CellValue, SourceTable, WorkbookSnapshot } from "../src/host/WorkbookPort";
import { TABLE_FIELDS } from "../src/app/headerAliases";
import { seededRandom, type SeededRandom } from "../src/app/seededRandom";
import type { InputTableKind } from "../src/app/types";

/** The as-of date of every benchmark portfolio. */
export const BENCH_AS_OF: DayNumber = dayFromCivil(2025, 6, 30);

export interface GenerateOptions {
  customers: number;
  invoices: number;
  seed?: number;
  asOf?: DayNumber;
}

/** What the generator actually produced (the report quotes it, so the shares are not just intents). */
export interface PortfolioStats {
  customers: number;
  financialRows: number;
  invoices: number;
  settled: number;
  partlyPaid: number;
  creditNotes: number;
  openItems: number;
}

export interface GeneratedPortfolio {
  snapshot: WorkbookSnapshot;
  asOf: DayNumber;
  stats: PortfolioStats;
}

/** Column indexes of a table kind's canonical fields in set-up order. */
function columnIndex(kind: InputTableKind): Record<string, number> {
  return Object.fromEntries(TABLE_FIELDS[kind].fields.map((spec, i) => [spec.field, i]));
}

function tableOf(kind: InputTableKind, rows: CellValue[][]): SourceTable {
  const spec = TABLE_FIELDS[kind];
  return { name: spec.tableName, sheet: spec.sheet, kind: "table", headerRow: 0, firstColumn: 0, headers: spec.fields.map((f) => f.header), rows };
}

const TERMS = [30, 45, 60] as const;
const serial = (day: DayNumber): number => toExcelSerial(day);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** A customer's habits: how late it pays, how often it never pays, how big its invoices are. */
interface Profile {
  quality: number;
  terms: number;
  lateMean: number;
  lateSpread: number;
  unpaidChance: number;
  invoiceSize: number;
}

function profileOf(rng: SeededRandom): Profile {
  // quality in 0..1: good payers are common, bad ones rare (skewed towards 1).
  const quality = 1 - rng.next() ** 2;
  return {
    quality,
    terms: rng.pick(TERMS),
    lateMean: Math.round((1 - quality) * 70) - 3,
    lateSpread: 4 + Math.round((1 - quality) * 30),
    unpaidChance: 0.05 + (1 - quality) * 0.3,
    invoiceSize: Math.round(500 + rng.next() ** 3 * 60_000),
  };
}

function customerRow(i: number, p: Profile, asOf: DayNumber, rng: SeededRandom, col: Record<string, number>, width: number): CellValue[] {
  const row: CellValue[] = new Array<CellValue>(width).fill(null);
  const sales = Math.round((p.invoiceSize * rng.between(8, 24)) / 1000) * 1000;
  row[col.customerId] = `C${String(i + 1).padStart(6, "0")}`;
  row[col.name] = `Customer ${i + 1} Ltd`;
  row[col.currency] = "EUR";
  row[col.paymentTermsDays] = p.terms;
  row[col.currentLimit] = Math.round((sales * (p.terms + 15)) / 365 / 1000) * 1000;
  row[col.previousGrade] = p.quality > 0.75 ? "A" : p.quality > 0.5 ? "B" : p.quality > 0.3 ? "C" : "D";
  row[col.annualCreditSales] = sales;
  row[col.grossMargin] = Math.round(rng.between(0.08, 0.4) * 100) / 100;
  row[col.potential] = rng.int(1, 10);
  row[col.collateral] = rng.next() < 0.2 ? Math.round(rng.between(0, 50_000) / 1000) * 1000 : 0;
  row[col.lastReviewDate] = serial(asOf - rng.int(30, 600));
  row[col.keyAccount] = rng.next() < 0.05 ? "Yes" : "No";
  row[col.accountOwner] = `Owner ${1 + (i % 25)}`;
  const level = 2 + p.quality * 8;
  for (const key of CHARACTERISTIC_KEYS) {
    // About 5 % of scores unknown (0), as analysts leave gaps.
    row[col[key]] = rng.next() < 0.05 ? 0 : clamp(Math.round(level + rng.between(-1.5, 1.5)), 1, 10);
  }
  return row;
}

function financialRows(i: number, p: Profile, sales: number, asOf: DayNumber, rng: SeededRandom, col: Record<string, number>, width: number): CellValue[][] {
  const rows: CellValue[][] = [];
  const growth = 0.8 + p.quality * 0.35;
  let year = 2023;
  for (const scale of [1 / growth, 1]) {
    const revenue = roundMoney(sales * rng.between(5, 15) * scale);
    const totalAssets = roundMoney(revenue * rng.between(0.6, 1.2));
    const currentAssets = roundMoney(totalAssets * rng.between(0.4, 0.65));
    const currentLiabilities = roundMoney(currentAssets / ((0.7 + p.quality * 1.5) * rng.between(0.85, 1.15)));
    const totalLiabilities = roundMoney(Math.max(totalAssets * (1 - p.quality * 0.6) * rng.between(0.85, 1.05), currentLiabilities));
    const equity = roundMoney(totalAssets - totalLiabilities);
    const netProfit = roundMoney(revenue * (p.quality * 0.12 - 0.03) * rng.between(0.8, 1.2));
    const row: CellValue[] = new Array<CellValue>(width).fill(null);
    row[col.customerId] = `C${String(i + 1).padStart(6, "0")}`;
    row[col.periodEnd] = serial(Math.min(asOf, dayFromCivil(year, 12, 31)));
    row[col.revenue] = revenue;
    row[col.costOfSales] = roundMoney(revenue * rng.between(0.6, 0.85));
    row[col.netProfit] = netProfit;
    row[col.ebit] = roundMoney(netProfit + revenue * 0.02);
    row[col.currentAssets] = currentAssets;
    row[col.inventory] = roundMoney(currentAssets * rng.between(0.2, 0.45));
    row[col.receivables] = roundMoney(revenue / rng.between(4, 9));
    row[col.fixedAssets] = roundMoney(totalAssets * rng.between(0.2, 0.45));
    row[col.totalAssets] = totalAssets;
    row[col.currentLiabilities] = currentLiabilities;
    row[col.totalLiabilities] = totalLiabilities;
    row[col.equity] = equity;
    row[col.retainedEarnings] = roundMoney(equity * rng.between(0.1, 0.5));
    row[col.registeredCapital] = roundMoney(Math.max(totalAssets * 0.1, equity * 0.3));
    rows.push(row);
    year += 1;
  }
  return rows;
}

/**
 * A portfolio of `customers` customers (most with two financial periods) and `invoices`
 * receivable rows, spread over customers with a skew (a few large accounts hold many invoices).
 */
export function generatePortfolio(options: GenerateOptions): GeneratedPortfolio {
  const asOf = options.asOf ?? BENCH_AS_OF;
  const rng = seededRandom(options.seed ?? 20250630);
  const cCol = columnIndex("customers");
  const fCol = columnIndex("financials");
  const rCol = columnIndex("receivables");
  const cWidth = TABLE_FIELDS.customers.fields.length;
  const fWidth = TABLE_FIELDS.financials.fields.length;
  const rWidth = TABLE_FIELDS.receivables.fields.length;

  const profiles: Profile[] = [];
  const customerRows: CellValue[][] = [];
  const financialRowsOut: CellValue[][] = [];
  for (let i = 0; i < options.customers; i++) {
    const p = profileOf(rng);
    profiles.push(p);
    const row = customerRow(i, p, asOf, rng, cCol, cWidth);
    customerRows.push(row);
    // 90 % of customers file financials.
    if (rng.next() < 0.9) {
      for (const f of financialRows(i, p, Number(row[cCol.annualCreditSales]), asOf, rng, fCol, fWidth)) financialRowsOut.push(f);
    }
  }

  // Skewed assignment of invoices to customers: weight ~ 1/(rank^0.6), via a cumulative table.
  const weights = profiles.map((_, i) => 1 / (i + 1) ** 0.6);
  const cumulative = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => { sum += w; cumulative[i] = sum; });
  const pickCustomer = (): number => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1; else hi = mid;
    }
    return lo;
  };

  const stats: PortfolioStats = { customers: options.customers, financialRows: financialRowsOut.length, invoices: options.invoices, settled: 0, partlyPaid: 0, creditNotes: 0, openItems: 0 };
  const receivableRows: CellValue[][] = new Array<CellValue[]>(options.invoices);
  const span = 730;
  for (let k = 0; k < options.invoices; k++) {
    const c = pickCustomer();
    const p = profiles[c];
    const row: CellValue[] = new Array<CellValue>(rWidth).fill(null);
    // Invoice dates over two years, denser towards the as-of date (the ledger grows).
    const invoiceDate = asOf - Math.floor(span * rng.next() ** 1.3);
    row[rCol.customerId] = customerRows[c][cCol.customerId];
    row[rCol.invoiceDate] = serial(invoiceDate);
    if (rng.next() < 0.02) {
      // Credit note: negative, due on its own date, settled against the account.
      row[rCol.invoiceId] = `CN-${String(k + 1).padStart(7, "0")}`;
      row[rCol.dueDate] = serial(invoiceDate);
      row[rCol.amount] = -roundMoney(p.invoiceSize * rng.between(0.05, 0.5));
      stats.creditNotes++;
      stats.openItems++;
      receivableRows[k] = row;
      continue;
    }
    const dueDate = invoiceDate + p.terms;
    const amount = roundMoney(p.invoiceSize * rng.between(0.2, 2.5));
    row[rCol.invoiceId] = `INV-${String(k + 1).padStart(7, "0")}`;
    row[rCol.dueDate] = serial(dueDate);
    row[rCol.amount] = amount;
    // Days late: normal-ish around the customer's mean (sum of three uniforms).
    const late = Math.round(p.lateMean + (rng.next() + rng.next() + rng.next() - 1.5) * p.lateSpread);
    const settledDay = dueDate + late;
    const isUnpaid = rng.next() < p.unpaidChance;
    if (!isUnpaid && settledDay <= asOf && settledDay >= invoiceDate) {
      row[rCol.paidAmount] = amount;
      row[rCol.settledDate] = serial(settledDay);
      stats.settled++;
    } else {
      stats.openItems++;
      if (dueDate < asOf && rng.next() < 0.25) {
        row[rCol.paidAmount] = roundMoney(amount * rng.between(0.1, 0.9));
        stats.partlyPaid++;
      }
      if (rng.next() < 0.005) row[rCol.disputed] = "Yes";
    }
    receivableRows[k] = row;
  }

  const snapshot: WorkbookSnapshot = {
    sheets: ["Customers", "Financials", "Receivables"],
    tables: [tableOf("customers", customerRows), tableOf("financials", financialRowsOut), tableOf("receivables", receivableRows)],
    dateSystem: "1900",
    outputSheets: [],
  };
  return { snapshot, asOf, stats };
}
