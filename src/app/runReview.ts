/**
 * The review workflow over any WorkbookPort (task pane, CLI, tests): read the workbook →
 * recognise the input tables → validate and read the portfolio (any error: status "invalid",
 * nothing written) → review (pure engine) → stop here if the signal was aborted ("cancelled",
 * nothing written) → write the four output sheets in one call → outcome with KPIs, critical
 * warnings (each with its Credit Review row) and per-customer JSON rows.
 * @example await runReview(port, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0" })
 *   //=> { status: "written", problems: [], kpis: { customers: 36, … }, critical: [...], … }
 */
import { toIsoDate } from "../engine/dates/dayNumber";
import { describeError } from "../engine/errors";
import { shortFingerprint } from "../engine/policy/policyFingerprint";
import { reviewPortfolio } from "../engine/review/reviewPortfolio";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { CustomerReview, PortfolioReview } from "../engine/review/types";
import { createTranslator } from "../i18n/translator";
import type { WorkbookPort, WorkbookSnapshot, WrittenSheet } from "../host/WorkbookPort";
import { buildOutputSheets, creditReviewRow, outputSheetName } from "./buildOutputSheets";
import { readPortfolio } from "./readPortfolio";
import { modelScoresOf, withModelFigures } from "./readModelSheet";
import { recogniseTables } from "./recogniseTables";
import { warningText } from "./reviewText";
import type { CriticalWarning, Problem, RecognisedTable, ReviewKpis, ReviewOptions, ReviewOutcome } from "./types";

/** Default KPI period (days) when the options give none. */
export const DEFAULT_PERIOD_DAYS = 90;

/** KPIs of a review in the shape the task pane and the CLI show. */
export function reviewKpis(review: PortfolioReview): ReviewKpis {
  const k = review.kpis;
  const gradeCounts: Record<string, number> = {};
  for (const line of review.gradeDistribution) gradeCounts[line.grade] = line.customers;
  gradeCounts.R = review.customers.filter((c) => c.isR).length;
  return {
    customers: k.customers,
    gradeCounts,
    totalRecommendedLimit: k.totalRecommendedLimit,
    openBalance: k.openBalance,
    overdue: k.overdue,
    bucketLabels: [...review.aging.labels],
    bucketTotals: [...review.aging.totals.buckets],
    ...(k.dso !== undefined ? { dso: k.dso } : {}),
    ...(k.bestPossibleDso !== undefined ? { bestPossibleDso: k.bestPossibleDso } : {}),
    ...(k.add !== undefined ? { add: k.add } : {}),
    ...(k.cei !== undefined ? { cei: k.cei } : {}),
    ...(k.overdueRatioPercent !== undefined ? { overdueRatioPercent: k.overdueRatioPercent } : {}),
    ...(k.otcRating !== undefined ? { otcRating: k.otcRating } : {}),
    allowance: k.allowance,
    criticalWarnings: k.criticalWarnings,
    warnings: k.warnings,
  };
}

/** Every critical warning, its text in the language given (default en-US), with the Credit Review row of its customer (for select()). */
export function criticalWarnings(review: PortfolioReview, language: OutputLanguage = "en-US"): CriticalWarning[] {
  const t = createTranslator(language);
  const reviewSheet = outputSheetName("Credit Review", language);
  return review.customers.flatMap((c, index) =>
    c.warnings
      .filter((w) => w.severity === "critical")
      .map((w) => ({ customerId: c.customerId, name: c.name, message: warningText(t, w), reviewRow: creditReviewRow(index), reviewSheet })),
  );
}

/** A customer's review as plain JSON (dates as YYYY-MM-DD). */
export function customerJson(c: CustomerReview): Record<string, unknown> {
  const { financials, ...rest } = c;
  return {
    ...rest,
    ...(financials
      ? { financials: { periodEnd: toIsoDate(financials.periodEnd), ...(financials.priorPeriodEnd !== undefined ? { priorPeriodEnd: toIsoDate(financials.priorPeriodEnd) } : {}) } }
      : {}),
  };
}

export async function runReview(port: WorkbookPort, options: ReviewOptions): Promise<ReviewOutcome> {
  const progress = options.onProgress ?? ((): void => undefined);
  const cancelled = (problems: Problem[]): ReviewOutcome => ({ status: "cancelled", problems });
  if (options.signal?.aborted) return cancelled([]);

  progress("reading", 0);
  const snapshot = await port.readWorkbook();
  progress("recognising", 0.2);
  const recognition = recogniseTables(snapshot, options.mapping);
  progress("validating", 0.3);
  const reading = readPortfolio(snapshot, recognition);
  const problems = reading.problems;
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", problems };

  progress("reviewing", 0.5);
  const periodDays = options.periodDays ?? DEFAULT_PERIOD_DAYS;
  const reviewed = reviewPortfolio(reading.portfolio, reading.policy, { asOf: options.asOf, periodDays });
  if (!reviewed.ok) {
    const problem: Problem = { severity: "error", table: "", sheet: "", row: -1, column: -1, field: "", message: `Review failed: ${describeError(reviewed.error)}` };
    return { status: "invalid", problems: [...problems, problem] };
  }
  const review = reviewed.value;
  const policyFingerprint = shortFingerprint(reading.policy);
  const outputLanguage = options.outputLanguage !== undefined && !namesOutputLanguage(recognition.tables.policy) ? options.outputLanguage : reading.policy.outputLanguage;
  // Issue 17: with a Model sheet, PD, score points and expected loss per customer (readModelSheet).
  const modelScores = modelScoresOf(snapshot, reading.portfolio.receivables, options.asOf, review.customers, reading.policy.lgdPercent, problems);
  const sheets = withModelFigures(buildOutputSheets(review, {
    asOf: options.asOf,
    generatedAt: options.generatedAt,
    addinVersion: options.addinVersion,
    policyFingerprint,
    policyVersion: reading.policySource === "default" ? createTranslator(outputLanguage).t("audit.policyDefaults", { version: reading.policy.version }) : reading.policy.version,
    dateSystem: snapshot.dateSystem,
    outputLanguage,
  }), createTranslator(outputLanguage), modelScores);
  const outcome = {
    problems,
    kpis: reviewKpis(review),
    critical: criticalWarnings(review, outputLanguage),
    sheets,
    customers: review.customers.map(customerJson),
    policyFingerprint,
  };
  if (options.signal?.aborted) return { status: "cancelled", ...outcome };

  progress("writing", 0.7);
  const result = await port.writeSheets(sheets, { onProgress: (f) => progress("writing", 0.7 + 0.3 * f) });
  progress("done", 1);
  return { status: "written", ...outcome, written: result.sheets, redirected: redirectedOutputs(snapshot, result.sheets) };
}

/**
 * The outputs written under another name because a sheet of the user's held the requested name
 * (a sheet that is not marked as one of the add-in's outputs): that sheet was left untouched.
 * An output the user renamed (its marker followed it) is not a redirect.
 * @example redirectedOutputs({ sheets: ["Summary"], outputSheets: [], … }, [{ requested: "Summary", written: "Summary (2)" }])
 *   //=> [{ requested: "Summary", written: "Summary (2)" }]
 */
export function redirectedOutputs(snapshot: WorkbookSnapshot, written: readonly WrittenSheet[]): WrittenSheet[] {
  const ours = new Set(snapshot.outputSheets.map((o) => o.sheet.toLowerCase()));
  const existing = new Set(snapshot.sheets.map((s) => s.toLowerCase()));
  return written.filter((w) => {
    const requested = w.requested.toLowerCase();
    return w.written.toLowerCase() !== requested && existing.has(requested) && !ours.has(requested);
  });
}

/** Whether the Policy table has an outputLanguage row (then its value decides the output language). */
function namesOutputLanguage(policy: RecognisedTable | undefined): boolean {
  const key = policy?.columns.key;
  if (policy === undefined || key === undefined) return false;
  return policy.source.rows.some((row) => typeof row[key] === "string" && row[key].trim().toLowerCase() === "outputlanguage");
}
