import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import type { Portfolio } from "../../src/engine/portfolio/types";
import { reviewPortfolio } from "../../src/engine/review";
import { ledgerOf } from "../../src/engine/receivables/Ledger";
import { OUTPUT_SHEETS, buildOutputSheets, creditReviewRow, OUTPUT_TABLE_ROW } from "../../src/app";

const asOf = dayFromCivil(2025, 6, 30);
const portfolio: Portfolio = {
  customers: [{ customerId: "C1", name: "@Acme", scores: { paymentRecord: 9, bankCredit: 8 }, annualCreditSales: 100_000 }],
  financials: [],
  receivables: ledgerOf([{ invoiceId: "I1", customerId: "C1", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 500 }]),
  orders: [],
};
const stamp = { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "9.9.9", policyFingerprint: "abc123", policyVersion: "v1" };

describe("buildOutputSheets", () => {
  const r = reviewPortfolio(portfolio, DEFAULT_POLICY, { asOf, periodDays: 90 });
  if (!r.ok) throw new Error("review failed");
  const sheets = buildOutputSheets(r.value, stamp);

  it("builds the four output sheets in tab order, Summary first", () => {
    expect(sheets.map((s) => s.name)).toEqual([...OUTPUT_SHEETS]);
    expect(OUTPUT_SHEETS[0]).toBe("Summary");
  });

  it.each([
    ["Credit Review", 2],
    ["Aging", 2],
    ["Collections", 3],
  ])("%s freezes its header rows and its first %i columns (ID, Name), and repeats them on every printed page", (name, columns) => {
    const sheet = sheets.find((s) => s.name === name)!;
    expect(sheet.freezeRows).toBe(OUTPUT_TABLE_ROW + 1);
    expect(sheet.freezeColumns).toBe(columns);
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, titleRows: [OUTPUT_TABLE_ROW, OUTPUT_TABLE_ROW], titleColumns: [0, columns - 1] });
    expect(sheet.print?.fitToPagesTall).toBeUndefined();
  });

  it("prints every sheet with the sheet name, as-of date, policy fingerprint and page x of y", () => {
    for (const sheet of sheets) {
      expect(sheet.print?.header).toEqual({ left: "&A", right: "As of 2025-06-30" });
      expect(sheet.print?.footer).toEqual({ left: "Policy fingerprint abc123", right: "Page &P of &N" });
    }
    expect(sheets[0].print).toMatchObject({ orientation: "landscape", fitToPagesWide: 1, fitToPagesTall: 1 });
  });

  it("aligns number columns right and rank columns centred, and gives every column a width", () => {
    for (const sheet of sheets) {
      for (const t of sheet.tables) {
        for (const c of t.columns) {
          expect(c.width).toBeGreaterThan(0);
          if (/rank/i.test(c.header)) expect(c.align).toBe("center");
          else expect(c.align).toBe(c.kind === "text" || c.kind === "boolean" ? "left" : "right");
        }
      }
    }
  });

  it("puts tables below the title and audit stamp", () => {
    for (const sheet of sheets) {
      expect(sheet.title).toBeTruthy();
      expect(sheet.info?.[0].lines.map(([label]) => label)).toEqual(["As-of date", "Generated", "Add-in version", "Policy fingerprint", "Policy version"]);
      for (const t of sheet.tables) expect(t.headerRow).toBeGreaterThanOrEqual(OUTPUT_TABLE_ROW);
    }
    expect(creditReviewRow(0)).toBe(OUTPUT_TABLE_ROW + 1);
  });

  it("refers only to existing columns in conditional formats and charts, and every row fits its columns", () => {
    for (const sheet of sheets) {
      for (const t of sheet.tables) {
        const headers = t.columns.map((c) => c.header);
        expect(new Set(headers).size).toBe(headers.length);
        for (const cf of t.conditionalFormats ?? []) expect(headers).toContain(cf.column);
        for (const row of t.rows) expect(row).toHaveLength(headers.length);
        if (t.totals) expect(t.totals).toHaveLength(headers.length);
      }
      for (const chart of sheet.charts ?? []) {
        const table = sheet.tables.find((t) => t.name === chart.table);
        const headers = table?.columns.map((c) => c.header) ?? [];
        expect(headers).toContain(chart.categoryColumn);
        for (const s of chart.seriesColumns) expect(headers).toContain(s);
      }
    }
  });

  it("writes percents as fractions and never NaN or Infinity", () => {
    const review = sheets.find((s) => s.name === "Credit Review")!.tables[0];
    const col = (h: string): number => review.columns.findIndex((c) => c.header === h);
    const row = review.rows[0];
    expect(row[col("Composite %")]).toBeCloseTo((9 * 12 + 8 * 7) / 1000, 10);
    expect(row[col("Name")]).toBe("@Acme");
    for (const sheet of sheets) for (const t of sheet.tables) for (const cells of t.rows) for (const v of cells) {
      if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  });
});
