/**
 * Acceptance on a real ledger: IBM's accounts-receivable late-payment sample (2,466 invoices,
 * 100 customers, 2012–2013, 30-day terms, all settled). See /work/shared/data/ibm-ar-late-payment/README.md.
 * Every expected figure is computed here by a plain loop — float amounts rounded once at the end,
 * dates through Date.UTC — not through the engine's code path.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parseDateText } from "../../src/engine/dates/dayNumber";
import type { ReceivableItem } from "../../src/engine/portfolio/types";
import { openbalance } from "../../src/functions/functions";
import { ageReceivables, openItemsAt, paretoShares, paymentBehaviour, validateReceivables } from "../../src/engine/receivables";

const FILE = join(__dirname, "../../../shared/data/ibm-ar-late-payment/WA_Fn-UseC_-Accounts-Receivable.csv");
const EDGES = [0, 30, 60, 90, 180, 365];

interface Row {
  customerID: string;
  invoiceNumber: string;
  InvoiceDate: string;
  DueDate: string;
  InvoiceAmount: string;
  Disputed: string;
  SettledDate: string;
  DaysLate: string;
}

/** A tiny CSV reader: this file has no quoted fields (checked below). */
function readCsv(text: string): Row[] {
  // The README says LF, but the file has CRLF line endings: accept both.
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(",");
  return lines.slice(1).map((line) => {
    const cells = line.split(",");
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i]])) as unknown as Row;
  });
}

/** Days since 1970-01-01 of a M/D/YYYY date, via Date.UTC (independent of the engine's civil-date code). */
function utcDay(us: string): number {
  const [m, d, y] = us.split("/").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}
const isoDay = (iso: string): number => {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
};

/** Plain aging: float sums per bucket by an if/else chain, rounded to cents at the end. */
function plainAging(rows: Row[], asOf: number): { buckets: number[]; open: number; count: number } {
  const sums = [0, 0, 0, 0, 0, 0, 0];
  let count = 0;
  for (const r of rows) {
    if (utcDay(r.InvoiceDate) > asOf) continue;
    if (utcDay(r.SettledDate) <= asOf) continue;
    const late = asOf - utcDay(r.DueDate);
    let b: number;
    if (late <= 0) b = 0;
    else if (late <= 30) b = 1;
    else if (late <= 60) b = 2;
    else if (late <= 90) b = 3;
    else if (late <= 180) b = 4;
    else if (late <= 365) b = 5;
    else b = 6;
    sums[b] += Number(r.InvoiceAmount);
    count++;
  }
  const buckets = sums.map((s) => Math.round(s * 100) / 100);
  return { buckets, open: Math.round(sums.reduce((a, b) => a + b, 0) * 100) / 100, count };
}

const text = readFileSync(FILE, "utf8");
const rows = readCsv(text);

function toItem(r: Row): ReceivableItem {
  const day = (s: string, field: string): number => {
    const d = parseDateText(s, field);
    if (!d.ok) throw new Error(`${field} ${s}`);
    return d.value;
  };
  return {
    invoiceId: r.invoiceNumber,
    customerId: r.customerID,
    invoiceDate: day(r.InvoiceDate, "InvoiceDate"),
    dueDate: day(r.DueDate, "DueDate"),
    amount: Number(r.InvoiceAmount),
    settledDate: day(r.SettledDate, "SettledDate"),
    isDisputed: r.Disputed === "Yes",
  };
}
const items = rows.map(toItem);
const report: string[] = [];

describe("IBM accounts-receivable ledger", () => {
  afterAll(() => {
    console.log(report.join("\n"));
  });

  it("reads the file as its README describes it", () => {
    expect(text.includes('"')).toBe(false);
    expect(rows).toHaveLength(2466);
    expect(new Set(rows.map((r) => r.customerID)).size).toBe(100);
    expect(new Set(rows.map((r) => r.invoiceNumber)).size).toBe(2466);
    expect(Math.round(rows.reduce((s, r) => s + Number(r.InvoiceAmount), 0) * 100) / 100).toBe(147703.18);
    expect(rows.filter((r) => r.Disputed === "Yes")).toHaveLength(561);
    expect(rows[0].invoiceNumber).toBe("0000611365");
    expect(validateReceivables(items).ok).toBe(true);
  });

  it("maps dates to the same day numbers as a Date.UTC reading", () => {
    rows.forEach((r, i) => {
      expect(items[i].invoiceDate).toBe(utcDay(r.InvoiceDate));
      expect(items[i].dueDate).toBe(utcDay(r.DueDate));
      expect(items[i].settledDate).toBe(utcDay(r.SettledDate));
    });
  });

  it.each(["2012-06-30", "2013-01-31", "2013-06-30", "2013-12-31"])("open balance and aging at %s tie to a plain loop, to the cent", (iso) => {
    const asOf = isoDay(iso);
    const expected = plainAging(rows, asOf);
    const ledger = openItemsAt(items, asOf);
    const aging = ageReceivables(ledger, asOf, { edges: EDGES, basis: "dueDate" });
    expect(ledger.items).toHaveLength(expected.count);
    expect(ledger.ignoredFuture).toBe(rows.filter((r) => utcDay(r.InvoiceDate) > asOf).length);
    expect(aging.totalCents.map((c) => c / 100)).toEqual(expected.buckets);
    expect(aging.openCents / 100).toBe(expected.open);
    expect(aging.unappliedCents.size).toBe(0);
    expect(expected.count).toBeGreaterThan(0);
    const byCustomer = new Array<number>(7).fill(0);
    for (const row of aging.byCustomer.values()) row.forEach((c, i) => (byCustomer[i] += c));
    expect(byCustomer).toEqual(aging.totalCents);
    report.push(
      `${iso}: open ${expected.open.toFixed(2)} in ${expected.count} items; ` +
        aging.labels.map((l, i) => `${l} ${(aging.totalCents[i] / 100).toFixed(2)}`).join(", "),
    );
  });

  it("CREDIT.OPENBALANCE over the raw columns (text dates as in the file) gives the same balances", () => {
    const column = (pick: (r: Row) => unknown): unknown[][] => rows.map((r) => [pick(r)]);
    const amounts = column((r) => Number(r.InvoiceAmount));
    const invoiced = column((r) => r.InvoiceDate);
    const settled = column((r) => r.SettledDate);
    for (const iso of ["2012-06-30", "2013-01-31", "2013-06-30", "2013-12-31"]) {
      expect(openbalance(amounts, invoiced, settled, iso)).toBe(plainAging(rows, isoDay(iso)).open);
    }
  });

  it("payment behaviour per customer matches the file's DaysLate column", () => {
    const asOf = Math.max(...rows.map((r) => utcDay(r.SettledDate)));
    const behaviour = paymentBehaviour(items, asOf);
    const plain = new Map<string, { n: number; sum: number; late: number; max: number }>();
    for (const r of rows) {
      const t = plain.get(r.customerID) ?? { n: 0, sum: 0, late: 0, max: 0 };
      const days = Number(r.DaysLate);
      t.n++;
      t.sum += days;
      if (days > 0) t.late++;
      t.max = Math.max(t.max, days);
      plain.set(r.customerID, t);
    }
    expect(behaviour.size).toBe(plain.size);
    let settled = 0;
    let late = 0;
    let max = 0;
    for (const [customer, t] of plain) {
      const b = behaviour.get(customer);
      expect(b).toBeDefined();
      if (!b) continue;
      expect(b.settledCount).toBe(t.n);
      expect(b.averageDaysLate).toBeCloseTo(t.sum / t.n, 10);
      expect(b.maxDaysLate).toBe(t.max);
      expect(Math.round(b.shareLate * b.settledCount)).toBe(t.late);
      settled += b.settledCount;
      late += Math.round(b.shareLate * b.settledCount);
      max = Math.max(max, b.maxDaysLate);
    }
    expect(settled).toBe(2466);
    expect(late).toBe(877);
    expect(max).toBe(45);
    const averages = [...behaviour.values()].map((b) => b.averageDaysLate);
    report.push(
      `payment behaviour to ${new Date(asOf * 86_400_000).toISOString().slice(0, 10)}: ${settled} settled, ${late} late, max ${max} days; ` +
        `customer average days late from ${Math.min(...averages).toFixed(2)} to ${Math.max(...averages).toFixed(2)}`,
    );
  });

  it("Pareto share of sales: the top 20 % of customers", () => {
    const sales = new Map<string, number>();
    for (const r of rows) sales.set(r.customerID, (sales.get(r.customerID) ?? 0) + Number(r.InvoiceAmount));
    const sorted = [...sales.values()].sort((a, b) => b - a);
    const total = sorted.reduce((s, x) => s + x, 0);
    const expected = sorted.slice(0, 20).reduce((s, x) => s + x, 0) / total;
    const share = paretoShares(sales);
    expect(share.ok).toBe(true);
    if (share.ok) expect(share.value).toBeCloseTo(expected, 12);
    report.push(`Pareto: top 20 of 100 customers bring ${(expected * 100).toFixed(2)} % of credit sales (${sorted.slice(0, 20).reduce((s, x) => s + x, 0).toFixed(2)} of ${total.toFixed(2)})`);
  });
});
