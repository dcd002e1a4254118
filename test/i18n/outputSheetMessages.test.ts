/**
 * The catalogues carry every word the output sheets write today (sheet names, titles, audit and
 * Summary labels, table headers, chart titles), so that switching src/app/buildOutputSheets.ts to
 * the catalogue is a change of source, not of wording. The sheets are built from a real review.
 */
import { dayFromCivil } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { reviewPortfolio } from "../../src/engine/review";
import { ledgerOf } from "../../src/engine/receivables/Ledger";
import { buildOutputSheets, OUTPUT_SHEETS } from "../../src/app";
import { MESSAGE_IDS, messagesFor } from "../../src/i18n/messages";

const asOf = dayFromCivil(2025, 6, 30);
const review = reviewPortfolio(
  {
    customers: [{ customerId: "C1", name: "Acme", scores: { paymentRecord: 9, bankCredit: 8 }, annualCreditSales: 100_000 }],
    financials: [],
    receivables: ledgerOf([{ invoiceId: "I1", customerId: "C1", invoiceDate: asOf - 40, dueDate: asOf - 10, amount: 500 }]),
    orders: [],
  },
  DEFAULT_POLICY,
  { asOf, periodDays: 90 },
);
if (!review.ok) throw new Error("review failed");
const sheets = buildOutputSheets(review.value, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "9.9.9", policyFingerprint: "abc123", policyVersion: "v1" });
const en = messagesFor("en-US");

/** The en-US texts of the messages under a prefix ("column.aging."). */
const textsUnder = (prefix: string) => new Set(MESSAGE_IDS.filter((id) => id.startsWith(prefix)).map((id) => en[id]));
/** The words of a sheet that have no message under the prefix. */
const missing = (words: readonly string[], prefix: string | readonly string[]) =>
  words.filter((w) => !(typeof prefix === "string" ? [prefix] : prefix).some((p) => textsUnder(p).has(w)));

const SHEET_IDS: Record<string, string> = { "Credit Review": "creditReview", Aging: "aging", Collections: "collections", Summary: "summary" };
const TABLE_PREFIXES: Record<string, string | readonly string[]> = {
  // The committee's columns (limit bases, approved limit, change since the last review) are issue 15's.
  CreditReview: ["column.creditReview.", "approved.review."],
  AgingByCustomer: "column.aging.",
  Collections: "column.collections.",
  GradeDistribution: "column.gradeDistribution.",
  TopExposures: "column.topExposures.",
  PortfolioAging: "layout.column.",
  CriticalWarnings: "layout.column.",
};

describe("output sheet words in the catalogues", () => {
  it("name every output sheet and its title (without today's Chinese gloss)", () => {
    expect(sheets.map((s) => s.name)).toEqual([...OUTPUT_SHEETS]);
    for (const sheet of sheets) {
      const id = SHEET_IDS[sheet.name]!;
      expect(en[`sheet.${id}` as keyof typeof en]).toBe(sheet.name);
      expect(en[`sheet.${id}.title` as keyof typeof en]).toBe(sheet.title!.replace(/\s*\([^)]*\)$/, ""));
    }
  });

  it("hold every table header (the aging buckets come from the policy's edges)", () => {
    const buckets = new Set(review.value.aging.labels);
    for (const sheet of sheets) {
      for (const table of sheet.tables) {
        const prefix = TABLE_PREFIXES[table.name];
        expect([table.name, prefix !== undefined]).toEqual([table.name, true]);
        const headers = table.columns.map((c) => c.header).filter((h) => !buckets.has(h));
        expect([table.name, missing(headers, prefix!)]).toEqual([table.name, []]);
      }
    }
  });

  it("hold the audit stamp's and the Summary's labels, the totals row and the chart titles", () => {
    for (const sheet of sheets) {
      const [audit, ...rest] = sheet.info ?? [];
      expect(missing(audit!.lines.map(([label]) => label), "audit.")).toEqual([]);
      // The key figures' labels, and the Summary's section headings (issue 15).
      for (const block of rest) expect(missing(missing(block.lines.map(([label]) => label), "summary.kpi."), "layout.summary.")).toEqual([]);
      for (const chart of sheet.charts ?? []) expect(missing([chart.title!], "chart.")).toEqual([]);
      for (const table of sheet.tables) if (table.totals) expect(missing([String(table.totals[0])], "row.")).toEqual([]);
    }
  });
});
