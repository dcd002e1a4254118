import { dayFromCivil, toExcelSerial } from "../../src/engine/dates/dayNumber";
import { toCents } from "../../src/engine/money/cents";
import { CHARACTERISTICS } from "../../src/engine/policy/characteristics";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { shortFingerprint } from "../../src/engine/policy/policyFingerprint";
import type { CellValue } from "../../src/host/WorkbookPort";
import { MemoryWorkbook } from "../../src/host/memory/MemoryWorkbook";
import {
  FORMULA_LIKE_NAME,
  OUTPUT_SHEETS,
  OUTPUT_TABLE_ROW,
  runReview,
  samplePortfolio,
  setUpWorkbook,
  type ReviewOptions,
  type SampleRecord,
} from "../../src/app";

const asOf = dayFromCivil(2025, 6, 30);
const serialAsOf = toExcelSerial(asOf);
const options: ReviewOptions = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0-test" };
const sample = samplePortfolio(asOf);
const INPUT_TABLES = ["Customers", "Financials", "Receivables", "Orders", "Policy"];
const EDGES = [0, 30, 60, 90, 180, 365];

async function sampleWorkbook(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const set = await setUpWorkbook(wb, { withSample: true, asOf });
  expect(set.status).toBe("written");
  return wb;
}

/** Table rows as records keyed by header. */
function records(wb: MemoryWorkbook, table: string): Record<string, CellValue>[] {
  const t = wb.getTable(table);
  if (!t) throw new Error(`no table ${table}`);
  return t.rows.map((row) => Object.fromEntries(t.headers.map((h, i) => [h, row[i]])));
}

const num = (v: CellValue | undefined): number => (typeof v === "number" ? v : 0);

/** Open cents of a sample receivable at asOf, by the rules of §6 written plainly. */
function openCentsOf(r: SampleRecord): number {
  if (num(r.invoiceDate) > serialAsOf) return 0;
  if (r.settledDate !== null && num(r.settledDate) <= serialAsOf) return 0;
  return toCents(num(r.amount)) - toCents(num(r.paidAmount));
}
const isPayment = (r: SampleRecord): boolean => String(r.invoiceId).startsWith("POA");
function bucketOf(daysPastDue: number): number {
  const i = EDGES.findIndex((edge) => daysPastDue <= edge);
  return i < 0 ? EDGES.length : i;
}

/** Composite % by the formula of §2 with the default weights. */
function composite(c: SampleRecord): number {
  let points = 0;
  let max = 0;
  for (const ch of CHARACTERISTICS) {
    points += num(c[ch.key]) * ch.weight;
    max += 10 * ch.weight;
  }
  return (points * 100) / max;
}
const gradeOfPercent = (p: number): string => (p >= 80 ? "A" : p >= 60 ? "B" : p >= 40 ? "C" : "D");

describe("runReview on the sample workbook (memory adapter)", () => {
  let wb: MemoryWorkbook;
  let outcome: Awaited<ReturnType<typeof runReview>>;
  beforeAll(async () => {
    wb = await sampleWorkbook();
    outcome = await runReview(wb, options);
  });

  it("writes the four output sheets with no problems", () => {
    expect(outcome.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(outcome.status).toBe("written");
    for (const sheet of OUTPUT_SHEETS) expect(wb.sheetNames()).toContain(sheet);
  });

  it.each([...OUTPUT_SHEETS])("sheet %s has its title in A1 and the audit stamp below it", (sheet) => {
    expect(typeof wb.getCell(sheet, 0, 0)).toBe("string");
    expect(wb.isBold(sheet, 0, 0)).toBe(true);
    const stamp = Object.fromEntries([1, 2, 3, 4, 5].map((r) => [wb.getCell(sheet, r, 0), wb.getCell(sheet, r, 1)]));
    expect(stamp).toEqual({
      "As-of date": serialAsOf,
      Generated: options.generatedAt,
      "Add-in version": options.addinVersion,
      "Policy fingerprint": shortFingerprint(DEFAULT_POLICY),
      "Policy version": DEFAULT_POLICY.version,
    });
    expect(wb.getNumberFormat(sheet, 1, 1)).toBe("yyyy-mm-dd");
  });

  it.each(["C010", "C020", "C030"])("Credit Review row of new customer %s matches the test's own arithmetic", (id) => {
    const customer = sample.customers.find((c) => c.customerId === id);
    if (!customer) throw new Error("sample customer missing");
    const expected = composite(customer);
    const rows = records(wb, "CreditReview");
    const index = rows.findIndex((r) => r["Customer ID"] === id);
    const row = rows[index];
    // The row sits at the sheet row the contract promises.
    expect(wb.getCell("Credit Review", OUTPUT_TABLE_ROW + 1 + index, 0)).toBe(id);
    expect(row["Payment record source"]).toBe("entered");
    expect(row["Composite %"] as number).toBeCloseTo(expected / 100, 10);
    expect(row.Grade).toBe(gradeOfPercent(expected));
    const open = sample.receivables.filter((r) => r.customerId === id).reduce((s, r) => s + openCentsOf(r), 0);
    expect(toCents(num(row["Open balance"]))).toBe(open);
    const orders = sample.orders.filter((o) => o.customerId === id).reduce((s, o) => s + toCents(num(o.amount)), 0);
    expect(toCents(num(row.Exposure))).toBe(open + orders);
    expect(String(row.Reasons)).toContain(`${gradeOfPercent(expected)} (`);
  });

  it("covers every grade, an R customer and the special cases of the sample", () => {
    const rows = records(wb, "CreditReview");
    expect(new Set(rows.map((r) => r.Grade))).toEqual(new Set(["A", "B", "C", "D"]));
    const c003 = rows.find((r) => r["Customer ID"] === "C003");
    expect(c003?.["R flag"]).toBe("R");
    expect(rows.find((r) => r["Customer ID"] === "C004")?.Unapplied).toBe(-5000);
    expect(rows.every((r) => r.Reasons !== null && String(r.Reasons).length > 20)).toBe(true);
    const table = wb.getTable("CreditReview");
    expect(table?.conditionalFormats.map((c) => c.type).sort()).toEqual(
      ["dataBar", "greaterThan", "textEquals", "textEquals", "textEquals", "textEquals", "textEquals"],
    );
  });

  it("Aging ties to the ledger: every bucket, the unapplied cash and the total, to the cent", () => {
    const aging = wb.getTable("AgingByCustomer");
    if (!aging?.totals) throw new Error("aging totals missing");
    const buckets = new Array<number>(EDGES.length + 1).fill(0);
    let unapplied = 0;
    for (const r of sample.receivables) {
      const cents = openCentsOf(r);
      if (cents === 0) continue;
      if (cents < 0 && isPayment(r)) unapplied += cents;
      else buckets[bucketOf(serialAsOf - num(r.dueDate))] += cents;
    }
    const totals = aging.totals;
    expect(totals.slice(2, 2 + buckets.length).map((v) => toCents(num(v)))).toEqual(buckets);
    expect(toCents(num(totals[totals.length - 2]))).toBe(unapplied);
    expect(toCents(num(totals[totals.length - 1]))).toBe(buckets.reduce((s, c) => s + c, 0) + unapplied);
    expect(buckets.every((c) => c > 0)).toBe(true); // the sample spans every bucket
    // Rows sum to the totals row.
    const rowTotal = aging.rows.reduce((s, row) => s + toCents(num(row[row.length - 1])), 0);
    expect(rowTotal).toBe(toCents(num(totals[totals.length - 1])));
    const chart = wb.getCharts("Aging")[0];
    expect(chart.type).toBe("columnStacked");
    expect(chart.seriesColumns).toEqual(aging.headers.slice(2, 2 + buckets.length));
  });

  it("Collections lists every overdue item, sorted by amount × days past due", () => {
    const overdue = sample.receivables.filter((r) => openCentsOf(r) > 0 && serialAsOf - num(r.dueDate) > 0);
    const rows = records(wb, "Collections");
    expect(rows).toHaveLength(overdue.length);
    const keys = rows.map((r) => num(r["Open amount"]) * num(r["Days past due"]));
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]).toBeGreaterThanOrEqual(keys[i] - 1e-6);
    const disputed = rows.find((r) => r.Disputed === "Yes");
    expect(disputed?.Action).toBe("Resolve dispute (解决争议)");
    const worst = rows[0];
    expect(num(worst["Days past due"])).toBe(serialAsOf - num(worst["Due date"]));
  });

  it("Summary carries the KPIs, the grade distribution and the top exposures", () => {
    const summary = wb.getSheet("Summary") ?? [];
    // A key figure's value is in the cell right of its label (the key figures sit beside the tables).
    const line = (label: string): CellValue => {
      for (const r of summary) for (let c = 0; c < r.length - 1; c++) if (r[c] === label) return r[c + 1];
      return null;
    };
    const open = sample.receivables.reduce((s, r) => s + openCentsOf(r), 0);
    expect(toCents(num(line("Open balance")))).toBe(open);
    expect(line("Customers")).toBe(sample.customers.length);
    const grades = records(wb, "GradeDistribution");
    expect(grades.map((g) => g.Grade)).toEqual(["A", "B", "C", "D"]);
    expect(grades.reduce((s, g) => s + num(g.Customers), 0)).toBe(36);
    const review = records(wb, "CreditReview");
    for (const g of grades) expect(g.Customers).toBe(review.filter((r) => r.Grade === g.Grade).length);
    const top = records(wb, "TopExposures");
    expect(top).toHaveLength(10);
    const largest = Math.max(...review.map((r) => num(r.Exposure)));
    expect(top[0].Exposure).toBe(largest);
    expect(outcome.kpis?.customers).toBe(36);
    expect(toCents(outcome.kpis?.openBalance ?? 0)).toBe(open);
  });

  it("critical warnings point at their customer's Credit Review row", () => {
    expect(outcome.critical?.length).toBeGreaterThan(0);
    for (const c of outcome.critical ?? []) expect(wb.getCell("Credit Review", c.reviewRow, 0)).toBe(c.customerId);
  });

  it("keeps a formula-like customer name as text", () => {
    const rows = records(wb, "CreditReview");
    const index = rows.findIndex((r) => r.Name === FORMULA_LIKE_NAME);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(wb.isText("Credit Review", OUTPUT_TABLE_ROW + 1 + index, 1)).toBe(true);
  });

  it("a re-run replaces only the output sheets and leaves the input tables untouched", async () => {
    const before = INPUT_TABLES.map((t) => wb.getTable(t));
    const names = wb.sheetNames();
    const again = await runReview(wb, { ...options, generatedAt: "2025-07-01T10:00:00Z" });
    expect(again.status).toBe("written");
    expect(INPUT_TABLES.map((t) => wb.getTable(t))).toEqual(before);
    expect(wb.sheetNames()).toEqual(names);
    expect(wb.getCell("Summary", 2, 1)).toBe("2025-07-01T10:00:00Z");
    expect(again.kpis).toEqual(outcome.kpis);
  });
});

describe("runReview stops without writing", () => {
  it("when the signal is already aborted", async () => {
    const wb = await sampleWorkbook();
    const controller = new AbortController();
    controller.abort();
    const out = await runReview(wb, { ...options, signal: controller.signal });
    expect(out.status).toBe("cancelled");
    expect(wb.sheetNames()).toEqual(INPUT_TABLES);
  });

  it("when the signal is aborted while reviewing (checked before writing)", async () => {
    const wb = await sampleWorkbook();
    const controller = new AbortController();
    const stages: string[] = [];
    const out = await runReview(wb, {
      ...options,
      signal: controller.signal,
      onProgress: (stage) => {
        stages.push(stage);
        if (stage === "reviewing") controller.abort();
      },
    });
    expect(out.status).toBe("cancelled");
    expect(stages).not.toContain("writing");
    expect(wb.sheetNames()).toEqual(INPUT_TABLES);
  });

  it("when the inputs hold errors, reporting them with sheet, row and column", async () => {
    const wb = MemoryWorkbook.fromTables([
      { sheet: "Customers", name: "Customers", headers: ["CustomerId", "Name", "Payment record"], rows: [["C1", "Acme", 7], ["C2", "Beta", 11]] },
      {
        sheet: "Receivables", name: "Receivables", headerRow: 3, firstColumn: 1,
        headers: ["InvoiceId", "CustomerId", "InvoiceDate", "DueDate", "Amount"],
        rows: [["I1", "C1", "2025-05-01", "2025-05-31", 100], ["I2", "C9", "2025-05-01", "2025-05-31", "abc"]],
      },
    ]);
    const out = await runReview(wb, options);
    expect(out.status).toBe("invalid");
    expect(out.problems.map(({ sheet, row, column, field }) => ({ sheet, row, column, field }))).toEqual([
      { sheet: "Customers", row: 2, column: 2, field: "paymentRecord" },
      { sheet: "Receivables", row: 5, column: 2, field: "customerId" },
      { sheet: "Receivables", row: 5, column: 5, field: "amount" },
    ]);
    expect(wb.sheetNames()).toEqual(["Customers", "Receivables"]);
  });
});

describe("runReview recognises Chinese headers", () => {
  it("reviews tables whose headers are all Chinese", async () => {
    const wb = MemoryWorkbook.fromTables([
      { sheet: "客户", name: "客户表", headers: ["客户编号", "客户名称", "付款记录", "银行信用", "重点客户"], rows: [["K1", "上海华东机电有限公司", 8, 7, "是"]] },
      {
        sheet: "应收账款", name: "应收表", headers: ["发票号", "客户编号", "开票日期", "到期日", "金额"],
        rows: [["F1", "K1", toExcelSerial(asOf - 60), toExcelSerial(asOf - 30), 1234.56]],
      },
    ]);
    const out = await runReview(wb, options);
    expect(out.problems).toEqual([]);
    expect(out.status).toBe("written");
    const row = records(wb, "CreditReview")[0];
    expect(row["Customer ID"]).toBe("K1");
    expect(row["Key account"]).toBe("Yes");
    expect(row["Composite %"] as number).toBeCloseTo((8 * 12 + 7 * 7) / 1000, 10);
    expect(row["Open balance"]).toBe(1234.56);
    expect(row["Max days past due"]).toBe(30);
  });
});
