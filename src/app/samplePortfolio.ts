/**
 * A deterministic, realistic sample portfolio for the set-up flow, the demo and the tests:
 * 36 customers (Chinese and English names, one whose name begins with "=" to exercise text
 * safety) with invoices over the 14 months before the as-of date spanning every aging bucket,
 * customers in every grade, an R customer (key account with grade C), D customers, a disputed
 * invoice, a credit note, a payment on account (unapplied cash), customers without financials,
 * new customers without payment history, and open orders. Dates are Excel serials (1900 system).
 * Same asOf and seed → the same rows, always (seeded PRNG, no Math.random).
 * @example samplePortfolio(dayFromCivil(2025, 6, 30)).customers.length //=> 36
 */
import { civilFromDay, dayFromCivil, toExcelSerial, type DateSystem, type DayNumber } from "../engine/dates/dayNumber";
import { roundMoney } from "../engine/money/cents";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../engine/policy/characteristics";
import type { CellValue } from "../host/WorkbookPort";
import { seededRandom, type SeededRandom } from "./seededRandom";

/** One input row keyed by canonical field (see headerAliases.ts). */
export type SampleRecord = Record<string, CellValue>;

export interface SampleWorkbook {
  customers: SampleRecord[];
  financials: SampleRecord[];
  receivables: SampleRecord[];
  orders: SampleRecord[];
}

type Tier = "A" | "B" | "C" | "D";

/** The text-safety customer's name: it must reach the sheet as text, never as a formula. */
export const FORMULA_LIKE_NAME = '=HYPERLINK("https://example.com","Click me")';

const NAMES = [
  "Northwind Traders Ltd", "上海华东机电有限公司", "Contoso Manufacturing", "北京恒信科技有限公司",
  "Fabrikam Components", "广州南方贸易有限公司", "Adventure Works GmbH", "深圳鹏达电子有限公司",
  "Tailspin Logistics", "杭州西湖纺织有限公司", "Litware Electronics", "成都天府食品有限公司",
  "Proseware Industrial", "武汉长江物流有限公司", "Woodgrove Retail", "南京金陵化工有限公司",
  FORMULA_LIKE_NAME, "天津港城建材有限公司", "Alpine Ski House", "苏州园区精密制造有限公司",
  "Coho Vineyard", "重庆山城汽配有限公司", "Wingtip Toys", "青岛海韵家电有限公司",
  "Lucerne Publishing", "厦门鹭岛进出口有限公司", "Trey Research", "西安古城医药有限公司",
  "Blue Yonder Airlines", "宁波甬江塑料制品有限公司", "Wide World Importers", "长沙湘江机械有限公司",
  "Southridge Video", "郑州中原农资有限公司", "Margie's Travel", "@Home Furnishings",
] as const;

/** Grade each sample customer is built to land in (before payment-record derivation). */
const TIERS: readonly Tier[] = [
  "A", "B", "C", "B", "A", "B", "B", "B", "D", "B", "C", "A",
  "B", "D", "C", "B", "C", "A", "B", "A", "C", "B", "D", "A",
  "B", "C", "A", "B", "C", "D", "B", "C", "D", "A", "B", "D",
];

const OWNERS = ["Li Wei", "王芳", "John Smith", "Zhang Min", "Maria Garcia"];

const id = (i: number): string => `C${String(i + 1).padStart(3, "0")}`;

/** Special roles, by customer index. */
const KEY_ACCOUNTS = new Set([0, 2, 5]); // C001 healthy key account; C003 key account graded C (R); C006 key account > 30 days overdue (R)
const NEW_CUSTOMERS = new Set([9, 19, 29]); // no settled history: entered payment record is used
const NO_FINANCIALS = new Set([11, 24, 32]);
const OLD_FINANCIALS = 14;
const NEGATIVE_EQUITY = 13;
const LOW_COVERAGE = 11;
const DISPUTED_CUSTOMER = 7;
const CREDIT_NOTE_CUSTOMER = 1;
const PAYMENT_ON_ACCOUNT_CUSTOMER = 3;
const GRADE_DOWN = new Set([4, 8]);

const SCORE_LEVEL: Record<Tier, number> = { A: 8.7, B: 7.0, C: 5.0, D: 2.6 };
const SALES: Record<Tier, [number, number]> = { A: [600_000, 2_400_000], B: [300_000, 1_200_000], C: [150_000, 600_000], D: [60_000, 300_000] };
const TERMS: Record<Tier, number> = { A: 60, B: 45, C: 30, D: 30 };
/** Typical days late when paying, and the chance an invoice is never paid. */
const BEHAVIOUR: Record<Tier, { late: [number, number]; unpaid: number }> = {
  A: { late: [-5, 4], unpaid: 0 },
  B: { late: [0, 22], unpaid: 0.02 },
  C: { late: [5, 40], unpaid: 0.08 },
  D: { late: [30, 100], unpaid: 0.3 },
};
const RATIOS: Record<Tier, { current: number; debt: number; margin: number; growth: number }> = {
  A: { current: 2.1, debt: 0.4, margin: 0.09, growth: 1.12 },
  B: { current: 1.5, debt: 0.55, margin: 0.05, growth: 1.05 },
  C: { current: 1.1, debt: 0.72, margin: 0.01, growth: 0.95 },
  D: { current: 0.8, debt: 0.9, margin: -0.04, growth: 0.75 },
};

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

function scoresFor(tier: Tier, rng: SeededRandom, isLowCoverage: boolean): Record<CharacteristicKey, number> {
  const level = SCORE_LEVEL[tier];
  const scores = Object.fromEntries(
    CHARACTERISTIC_KEYS.map((key) => [key, clamp(Math.round(level + rng.between(-1.3, 1.3)), 1, 10)]),
  ) as Record<CharacteristicKey, number>;
  if (isLowCoverage) {
    // No bank or financial information: 33 of 100 weight points unscored → coverage 67 %.
    for (const key of ["bankCredit", "profitability", "balanceSheet", "solvency", "capital"] as const) scores[key] = 0;
  }
  return scores;
}

function financialRows(i: number, tier: Tier, sales: number, asOf: DayNumber, rng: SeededRandom, serial: (day: DayNumber) => number): SampleRecord[] {
  if (NO_FINANCIALS.has(i)) return [];
  const { year } = civilFromDay(asOf);
  const latestYear = i === OLD_FINANCIALS ? year - 3 : year - 1;
  const r = RATIOS[tier];
  const rows: SampleRecord[] = [];
  for (const [periodYear, scale] of [[latestYear - 1, 1 / r.growth], [latestYear, 1]] as const) {
    const revenue = roundMoney(sales * rng.between(6, 12) * scale);
    const totalAssets = roundMoney(revenue * rng.between(0.7, 1.1));
    const currentAssets = roundMoney(totalAssets * rng.between(0.45, 0.6));
    const currentLiabilities = roundMoney(currentAssets / (r.current * rng.between(0.9, 1.1)));
    const debt = i === NEGATIVE_EQUITY ? 1.08 : r.debt * rng.between(0.9, 1.1);
    const totalLiabilities = roundMoney(Math.max(totalAssets * debt, currentLiabilities));
    const equity = roundMoney(totalAssets - totalLiabilities);
    const netProfit = roundMoney(revenue * r.margin * rng.between(0.8, 1.2));
    rows.push({
      customerId: id(i),
      periodEnd: serial(dayFromCivil(periodYear, 12, 31)),
      revenue,
      costOfSales: roundMoney(revenue * rng.between(0.7, 0.82)),
      netProfit,
      ebit: roundMoney(netProfit + revenue * 0.015),
      currentAssets,
      inventory: roundMoney(currentAssets * rng.between(0.25, 0.4)),
      receivables: roundMoney(revenue / rng.between(5, 8)),
      fixedAssets: roundMoney(totalAssets * rng.between(0.25, 0.4)),
      totalAssets,
      currentLiabilities,
      totalLiabilities,
      equity,
      retainedEarnings: roundMoney(equity * rng.between(0.2, 0.5)),
      registeredCapital: roundMoney(Math.max(equity, totalAssets * 0.2) * 0.3),
    });
  }
  return rows;
}

export function samplePortfolio(asOf: DayNumber, seed = 1, dateSystem: DateSystem = "1900"): SampleWorkbook {
  // Dates as serials of the workbook's own date system (a 1904 workbook counts from 1904-01-01).
  const serial = (day: DayNumber): number => toExcelSerial(day, dateSystem);
  const rng = seededRandom(seed);
  const out: SampleWorkbook = { customers: [], financials: [], receivables: [], orders: [] };
  let invoiceNo = 1;
  const invoiceId = (): string => `INV-${String(invoiceNo++).padStart(5, "0")}`;
  const grades: Tier[] = ["A", "B", "C", "D"];

  TIERS.forEach((tier, i) => {
    const [lo, hi] = SALES[tier];
    const sales = KEY_ACCOUNTS.has(i) ? Math.round(rng.between(1_200_000, 2_500_000) / 1000) * 1000 : Math.round(rng.between(lo, hi) / 1000) * 1000;
    const terms = TERMS[tier];
    const scores = scoresFor(tier, rng, i === LOW_COVERAGE);
    const previousGrade = GRADE_DOWN.has(i) ? grades[Math.max(0, grades.indexOf(tier) - 1)] : tier;
    const customer: SampleRecord = {
      customerId: id(i),
      name: NAMES[i],
      currency: "CNY",
      paymentTermsDays: terms,
      currentLimit: Math.round((sales * (terms + 15)) / 365 / 10_000) * 10_000,
      previousGrade,
      annualCreditSales: sales,
      grossMargin: Math.round(rng.between(0.12, 0.35) * 100) / 100,
      potential: rng.int(tier === "D" ? 1 : 3, 10),
      collateral: tier === "C" || tier === "D" ? Math.round(rng.between(0, 50_000) / 1000) * 1000 : 0,
      lastReviewDate: serial(asOf - rng.int(60, 500)),
      keyAccount: KEY_ACCOUNTS.has(i) ? "Yes" : "No",
      accountOwner: OWNERS[i % OWNERS.length],
      ...scores,
    };
    out.customers.push(customer);
    out.financials.push(...financialRows(i, tier, sales, asOf, rng, serial));

    // Invoices about monthly over the last 14 months (new customers: the last 2 months only).
    const behaviour = BEHAVIOUR[tier];
    const count = NEW_CUSTOMERS.has(i) ? 2 : rng.int(10, 13);
    const span = NEW_CUSTOMERS.has(i) ? 40 : 425;
    for (let k = 0; k < count; k++) {
      const invoiceDate = asOf - Math.round((span * (count - k)) / count) + rng.int(-5, 5);
      const dueDate = invoiceDate + terms;
      const amount = roundMoney((sales / 12) * rng.between(0.5, 1.5));
      const late = Math.round(rng.between(behaviour.late[0], behaviour.late[1]));
      const isUnpaid = !NEW_CUSTOMERS.has(i) && rng.next() < behaviour.unpaid;
      const settled = dueDate + late;
      const row: SampleRecord = {
        invoiceId: invoiceId(), customerId: id(i), invoiceDate: serial(invoiceDate), dueDate: serial(dueDate), amount,
        paidAmount: null, openAmount: null, settledDate: null, currency: null, disputed: null,
      };
      if (!isUnpaid && !NEW_CUSTOMERS.has(i) && settled <= asOf) {
        row.paidAmount = amount;
        row.settledDate = serial(settled);
      } else if (tier === "C" && dueDate < asOf && rng.next() < 0.3) {
        row.paidAmount = roundMoney(amount * 0.4); // a part payment
      }
      out.receivables.push(row);
    }

    if (i === 5) {
      // A key account 45 days past due: flagged R although its grade is B.
      out.receivables.push({ invoiceId: invoiceId(), customerId: id(i), invoiceDate: serial(asOf - 90), dueDate: serial(asOf - 45), amount: 86_400, paidAmount: null, openAmount: null, settledDate: null, currency: null, disputed: "No" });
    }
    if (i === DISPUTED_CUSTOMER) {
      out.receivables.push({ invoiceId: invoiceId(), customerId: id(i), invoiceDate: serial(asOf - 95), dueDate: serial(asOf - 50), amount: 15_800, paidAmount: null, openAmount: null, settledDate: null, currency: null, disputed: "Yes" });
    }
    if (i === CREDIT_NOTE_CUSTOMER) {
      out.receivables.push({ invoiceId: "CN-00001", customerId: id(i), invoiceDate: serial(asOf - 20), dueDate: serial(asOf - 20), amount: -2_300, paidAmount: null, openAmount: null, settledDate: null, currency: null, disputed: null });
    }
    if (i === PAYMENT_ON_ACCOUNT_CUSTOMER) {
      out.receivables.push({ invoiceId: "POA-00001", customerId: id(i), invoiceDate: serial(asOf - 10), dueDate: serial(asOf - 10), amount: -5_000, paidAmount: null, openAmount: null, settledDate: null, currency: null, disputed: null });
    }
    if (tier !== "D" && !NEW_CUSTOMERS.has(i) && rng.next() < 0.6) {
      out.orders.push({ orderId: `SO-${String(out.orders.length + 1).padStart(4, "0")}`, customerId: id(i), amount: roundMoney((sales / 24) * rng.between(0.5, 1.5)) });
    }
  });
  return out;
}
