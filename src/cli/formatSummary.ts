/**
 * The text the CLI prints after a review: customers and grade counts, total recommended limit,
 * open balance by aging bucket, early-warning counts with the first few critical ones, the
 * output file and the policy fingerprint (credit-method.md §11).
 * @example formatSummary(outcome, { asOf: "2025-06-30", output: "book-reviewed.xlsx" })
 *   //=> "Credit Desk review as of 2025-06-30\nCustomers: 36 (A 9, B 12, C 7, D 6; R 2)\n…"
 */
import { formatAmount } from "../engine/review/formatAmount";
import type { Problem, ReviewOutcome } from "../app/types";
import { cellAddress as a1 } from "../host/address";
import { withDetail } from "../app/errorText";
import { terminalSafe } from "./terminalSafe";
import { createTranslator, type Translator } from "../i18n/translator";

/** Critical warnings listed by name in the summary; the rest are counted. */
export const TOP_CRITICAL = 5;

/** "Customers!B7" for a cell, the sheet (or table) alone for a whole-table problem (safe for a terminal). */
export function problemLocation(problem: Problem): string {
  const where = terminalSafe(problem.sheet || problem.table);
  if (problem.row < 0 || problem.column < 0) return where;
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(where) ? where : `'${where.replace(/'/g, "''")}'`;
  return `${sheet}!${a1(problem.row, problem.column)}`;
}

/** One line per problem: "error  Customers!B7  CustomerId  duplicate customer id" (workbook text made terminal-safe). */
export function formatProblem(problem: Problem, t?: Translator): string {
  // A problem with a message id is printed in the --lang language; the others in English.
  const message = t !== undefined && problem.id !== undefined ? t.t(problem.id, problem.params && withDetail(t.t, problem.params)) : problem.message;
  return [problem.severity, problemLocation(problem), terminalSafe(problem.field || "-"), terminalSafe(message)].join("  ");
}

function gradeLine(counts: Record<string, number>): string {
  const order = ["A", "B", "C", "D", "R"];
  const keys = [...order.filter((g) => g in counts), ...Object.keys(counts).filter((g) => !order.includes(g)).sort()];
  return keys.map((g) => `${terminalSafe(g)} ${counts[g]}`).join(", ");
}

export function formatSummary(outcome: ReviewOutcome, context: { asOf: string; output: string }, t: Translator = createTranslator("en-US")): string {
  const lines: string[] = [`Credit Desk review as of ${context.asOf}`];
  const k = outcome.kpis;
  if (k && outcome.isLedgerOnly) {
    // No scores, no financials: the grades and limits the model would give mean nothing yet.
    lines.push(`Customers: ${k.customers}`);
    lines.push(t.t("ledger.summaryGrades"));
  } else if (k) {
    lines.push(`Customers: ${k.customers}${Object.keys(k.gradeCounts).length > 0 ? ` (${gradeLine(k.gradeCounts)})` : ""}`);
    lines.push(`Total recommended limit: ${formatAmount(k.totalRecommendedLimit)}`);
  }
  if (k) {
    lines.push(`Open balance: ${formatAmount(k.openBalance)} (overdue ${formatAmount(k.overdue)})`);
    const labels = k.bucketLabels.map(terminalSafe);
    const labelWidth = Math.max(0, ...labels.map((l) => l.length));
    const amounts = k.bucketTotals.map(formatAmount);
    const amountWidth = Math.max(0, ...amounts.map((a) => a.length));
    labels.forEach((label, i) => lines.push(`  ${label.padEnd(labelWidth)}  ${(amounts[i] ?? "").padStart(amountWidth)}`));
    lines.push(`Warnings: ${k.criticalWarnings} critical, ${k.warnings} warning${k.warnings === 1 ? "" : "s"}`);
  }
  const critical = outcome.critical ?? [];
  for (const w of critical.slice(0, TOP_CRITICAL)) lines.push(`  ! ${terminalSafe(w.customerId)} ${terminalSafe(w.name)}: ${terminalSafe(w.message)}`);
  if (critical.length > TOP_CRITICAL) lines.push(`  … and ${critical.length - TOP_CRITICAL} more critical (see the Credit Review sheet)`);
  lines.push(`Written: ${terminalSafe(context.output)}`);
  if (outcome.policyFingerprint) lines.push(`Policy fingerprint: ${terminalSafe(outcome.policyFingerprint)}`);
  return `${lines.join("\n")}\n`;
}
