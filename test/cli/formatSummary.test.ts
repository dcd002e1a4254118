import { formatProblem, formatSummary, problemLocation, TOP_CRITICAL } from "../../src/cli/formatSummary";
import type { Problem, ReviewOutcome } from "../../src/app/types";

const problem = (p: Partial<Problem>): Problem => ({ severity: "error", table: "Customers", sheet: "Customers", row: 6, column: 1, field: "CustomerId", message: "duplicate customer id C001", ...p });

describe("problemLocation / formatProblem", () => {
  it.each([
    [problem({}), "Customers!B7"],
    [problem({ sheet: "Credit Review", row: 0, column: 27 }), "'Credit Review'!AB1"],
    [problem({ sheet: "Bob's", row: 1, column: 0 }), "'Bob''s'!A2"],
    [problem({ row: -1, column: -1 }), "Customers"],
    [problem({ sheet: "", table: "Receivables", row: -1, column: -1 }), "Receivables"],
  ])("locates %j as %s", (p, where) => {
    expect(problemLocation(p)).toBe(where);
  });

  it("prints severity, place, field and message on one line", () => {
    expect(formatProblem(problem({}))).toBe("error  Customers!B7  CustomerId  duplicate customer id C001");
    expect(formatProblem(problem({ severity: "warning", field: "" }))).toBe("warning  Customers!B7  -  duplicate customer id C001");
  });
});

describe("formatSummary", () => {
  const critical = Array.from({ length: TOP_CRITICAL + 2 }, (_, i) => ({ customerId: `C00${i}`, name: `Name ${i}`, message: `over limit ${i}`, reviewRow: 8 + i }));
  const outcome: ReviewOutcome = {
    status: "written",
    problems: [],
    kpis: {
      customers: 4,
      gradeCounts: { B: 1, A: 2, D: 1, R: 0 },
      totalRecommendedLimit: 1234000,
      openBalance: 98765.4,
      overdue: 1200.5,
      bucketLabels: ["Not due", "1-30"],
      bucketTotals: [97564.9, 1200.5],
      allowance: 10,
      criticalWarnings: critical.length,
      warnings: 1,
    },
    critical,
    policyFingerprint: "abc123",
  };

  it("prints customers by grade, limit, balance by bucket, warnings, output and fingerprint", () => {
    const text = formatSummary(outcome, { asOf: "2025-06-30", output: "out.xlsx" });
    const lines = text.trimEnd().split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "Credit Desk review as of 2025-06-30",
      "Customers: 4 (A 2, B 1, D 1, R 0)",
      "Total recommended limit: 1,234,000",
      "Open balance: 98,765.40 (overdue 1,200.50)",
      "  Not due  97,564.90",
      "  1-30      1,200.50",
      `Warnings: ${critical.length} critical, 1 warning`,
    ]);
    expect(lines.filter((l) => l.startsWith("  ! "))).toHaveLength(TOP_CRITICAL);
    expect(lines).toContain("  ! C000 Name 0: over limit 0");
    expect(lines).toContain("  … and 2 more critical (see the Credit Review sheet)");
    expect(lines.slice(-2)).toEqual(["Written: out.xlsx", "Policy fingerprint: abc123"]);
  });
});
