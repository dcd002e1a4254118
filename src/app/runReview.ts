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
import { errorText } from "./errorText";
import { shortFingerprint } from "../engine/policy/policyFingerprint";
import { reviewPortfolio } from "../engine/review/reviewPortfolio";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { CustomerReview, PortfolioReview } from "../engine/review/types";
import { createTranslator } from "../i18n/translator";
import type { CellValue, SheetSpec, TableSpec, WorkbookPort, WorkbookSnapshot, WrittenSheet } from "../host/WorkbookPort";
import type { DayNumber } from "../engine/dates/dayNumber";
import type { Ledger } from "../engine/receivables/Ledger";
import type { MessageId } from "../i18n/messages";
import type { Translator } from "../i18n/translator";
import { buildOutputSheets, creditReviewRow, fitColumnWidths, outputSheetName, type AuditStamp } from "./buildOutputSheets";
import { committeeColumns, committeeJson, missingFromRegister, planCommittee } from "./reviewHistory";
import { readPortfolio } from "./readPortfolio";
import { modelScoresOf, withModelFigures } from "./readModelSheet";
import { GRADE_TABLE, TOP_EXPOSURES_TABLE } from "./output/sheetParts";
import { recogniseTables } from "./recogniseTables";
import { mergeMappings, savedMapping } from "./savedMapping";
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

/**
 * The compute part of a review (recognise → validate → review → build the sheets), everything
 * between the read and the write: snapshot in, the outcome and the sheets to write out. It reads
 * no port, so it can run off the page's thread (src/taskpane/worker: a Web Worker where the host
 * has one); progress goes to options.onProgress, and options.signal is checked by runReview after it.
 */
export type ReviewCompute = (snapshot: WorkbookSnapshot, options: ReviewOptions) => ReviewComputation | Promise<ReviewComputation>;

/** What a review computed: refused (problems with an error: nothing to write), or the outcome and the sheets to write. */
export type ReviewComputation =
  | { status: "invalid"; problems: Problem[] }
  | { status: "reviewed"; outcome: ComputedOutcome; inputSheets: SheetSpec[] };

/** The outcome of a review before its write (no written sheets, no redirects yet). */
export type ComputedOutcome = Omit<ReviewOutcome, "status" | "written" | "redirected"> & { sheets: SheetSpec[] };

/**
 * The workflow: read (port) → compute (in-process by default, or the `compute` given: a worker)
 * → write (port), unless the signal was aborted meanwhile.
 */
export async function runReview(port: WorkbookPort, options: ReviewOptions, compute: ReviewCompute = computeReview): Promise<ReviewOutcome> {
  const progress = options.onProgress ?? ((): void => undefined);
  const cancelled = (problems: Problem[]): ReviewOutcome => ({ status: "cancelled", problems });
  if (options.signal?.aborted) return cancelled([]);

  progress("reading", 0);
  const snapshot = await port.readWorkbook();
  const computed = await compute(snapshot, options);
  if (computed.status === "invalid") return { status: "invalid", problems: computed.problems };
  const { outcome, inputSheets } = computed;
  const { sheets } = outcome;
  if (options.signal?.aborted) return { status: "cancelled", ...outcome };

  progress("writing", 0.7);
  if (inputSheets.length > 0) await port.writeSheets(inputSheets);
  // The workbook opens on the Summary, the committee's one-page brief (issue 15).
  const summary = sheets.find((sheet) => sheet.outputId === "Summary");
  const result = await port.writeSheets(sheets, { onProgress: (f) => progress("writing", 0.7 + 0.3 * f), ...(summary ? { activate: summary.name } : {}) });
  progress("done", 1);
  return { status: "written", ...outcome, written: result.sheets, redirected: redirectedOutputs(snapshot, result.sheets) };
}

/** The review's compute in this thread (runReview's default). */
export function computeReview(snapshot: WorkbookSnapshot, options: ReviewOptions): ReviewComputation {
  const progress = options.onProgress ?? ((): void => undefined);
  progress("recognising", 0.2);
  // The mapping saved in the workbook, with the one given now (the pane's dialog, the CLI's --map) over it.
  const mapping = mergeMappings(savedMapping(snapshot), options.mapping);
  const recognition = recogniseTables(snapshot, mapping);
  options.onRecognised?.(recognition, snapshot);
  progress("validating", 0.3);
  // A portfolio read elsewhere (the CLI's file review: a ledger read from Parquet/CSV) replaces the snapshot's.
  const reading = options.portfolioReading ?? readPortfolio(snapshot, recognition);
  const problems = reading.problems;
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", problems };

  progress("reviewing", 0.5);
  const periodDays = options.periodDays ?? DEFAULT_PERIOD_DAYS;
  const reviewed = reviewPortfolio(reading.portfolio, reading.policy, { asOf: options.asOf, periodDays });
  if (!reviewed.ok) {
    const problem: Problem = { severity: "error", table: "", sheet: "", row: -1, column: -1, field: "", message: `Review failed: ${errorText(createTranslator("en-US"), reviewed.error)}` };
    return { status: "invalid", problems: [...problems, problem] };
  }
  const isLedgerOnly = reading.derived !== undefined;
  // A receivables-only review: the figures that need sales the ledger cannot give are left out, with why.
  const baseReview = isLedgerOnly ? withoutUnknownSales(reviewed.value, reading.portfolio.receivables, options.asOf, periodDays, problems) : reviewed.value;
  const policyFingerprint = shortFingerprint(reading.policy);
  const outputLanguage = options.outputLanguage !== undefined && !namesOutputLanguage(recognition.tables.policy) ? options.outputLanguage : reading.policy.outputLanguage;
  const stamp: AuditStamp = {
    asOf: options.asOf,
    generatedAt: options.generatedAt,
    addinVersion: options.addinVersion,
    policyFingerprint,
    policyVersion: reading.policySource === "default" ? createTranslator(outputLanguage).t("audit.policyDefaults", { version: reading.policy.version }) : reading.policy.version,
    dateSystem: snapshot.dateSystem,
    outputLanguage,
  };
  // Issue 15: the Approved Limits register and the Review History applied to the review;
  // the review from here on is the committee's (utilisation and warnings on the limit in force).
  const committee = planCommittee(snapshot, reading.portfolio, baseReview, reading.policy, stamp);
  const review = committee.committee.review;
  const committeeById = committeeJson(committee);
  // Issue 17: with a Model sheet, PD, score points and expected loss per customer (readModelSheet).
  const modelScores = modelScoresOf(snapshot, reading.portfolio.receivables, options.asOf, review.customers, reading.policy.lgdPercent, problems);
  const built = buildOutputSheets(review, stamp, { collectionsRowLimit: options.collectionsRowLimit, committee: committeeColumns(committee), fitColumns: false });
  const decorated = withModelFigures([...built, ...committee.sheets], createTranslator(outputLanguage), modelScores);
  if (isLedgerOnly) markNeedsScores(decorated, createTranslator(outputLanguage), hasSettlements(reading.portfolio.receivables));
  // Fitted last, over the columns the committee and the model added (issue 15: no `###`, nothing cut).
  const sheets = decorated.map((sheet) => fitColumnWidths(sheet));
  const outcome = {
    ...(isLedgerOnly ? { isLedgerOnly } : {}),
    problems: [...problems, ...committee.problems],
    // Without scores every customer would count as grade D: no grade counts are given instead.
    kpis: isLedgerOnly ? { ...reviewKpis(review), gradeCounts: {} } : reviewKpis(review),
    critical: criticalWarnings(review, outputLanguage),
    sheets,
    customers: review.customers.map((c) => ({ ...customerJson(c), committee: committeeById.get(c.customerId) })),
    notInRegister: missingFromRegister(snapshot, review.customers).map((c) => ({ customerId: c.customerId, name: c.name })),
    policyFingerprint,
  };
  // The register created before the review's write (createCommitteeSheets), so that write stays the last one.
  return { status: "reviewed", outcome, inputSheets: committee.inputSheets };
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

/** Whether any invoice of the ledger is settled or partly paid: only then are its credit sales known. */
function hasSettlements(ledger: Ledger): boolean {
  for (let i = 0; i < ledger.length; i++) {
    if (!Number.isNaN(ledger.settledDate[i]) || ledger.paidAmount[i] > 0) return true;
  }
  return false;
}

function noteProblem(id: MessageId, params: Record<string, string | number>): Problem {
  return { severity: "warning", table: "", sheet: "", row: -1, column: -1, field: "", message: createTranslator("en-US").t(id, params), id, params };
}

/**
 * The review of a ledger without customers' data, without the DSO family where the ledger cannot
 * give the period's credit sales: an open-items list (nothing settled or paid) holds only the
 * invoices still open, so the sales it shows are not the sales made, and a DSO from them would
 * look precise and be wrong. Each figure left out gets a note saying why (never a silent zero).
 */
export function withoutUnknownSales(review: PortfolioReview, ledger: Ledger, asOf: DayNumber, periodDays: number, problems: Problem[]): PortfolioReview {
  const k = review.kpis;
  if (!hasSettlements(ledger)) {
    problems.push(noteProblem("ledger.salesNotDerivable", {}));
    return { ...review, kpis: { ...k, dso: undefined, bestPossibleDso: undefined, add: undefined, cei: undefined } };
  }
  if (k.dso === undefined) problems.push(noteProblem("ledger.noSalesInPeriod", { days: periodDays }));
  if (k.cei === undefined) problems.push(noteProblem("ledger.noCeiHistory", { days: periodDays, asOf: toIsoDate(asOf) }));
  return review;
}

/** Credit Review columns a grade decides (shown as "needs scores") and columns a limit decides ("needs scores / financials"). */
const GRADE_COLUMNS = ["compositePercent", "coveragePercent", "grade", "letter", "decision", "quadrant", "termsDays", "reasons"] as const;
const LIMIT_COLUMNS = ["recommendedLimit", "bindingBasis", "gradeFactor", "limitChange", "utilisationPercent"] as const;

/**
 * In a receivables-only review the customers have no scores and no financials: their grades and
 * limits would be the model's answer to "no information", so the Credit Review sheet says what
 * they need instead (ledger.needsScores, ledger.needsScoresFinancials) and the R flag is blank.
 */
export function markNeedsScores(sheets: readonly SheetSpec[], t: Translator, salesKnown = true): void {
  const sheet = sheets.find((s) => (s.outputId ?? s.name) === "Credit Review");
  const table = sheet?.tables[0];
  if (!table) return;
  const indexOf = (key: string): number => table.columns.findIndex((c) => c.header === t.t(`column.creditReview.${key}` as MessageId));
  const fills: [number, CellValue][] = [
    ...GRADE_COLUMNS.map((key): [number, CellValue] => [indexOf(key), t.t("ledger.needsScores")]),
    ...LIMIT_COLUMNS.map((key): [number, CellValue] => [indexOf(key), t.t("ledger.needsScoresFinancials")]),
    [indexOf("rFlag"), ""],
  ];
  fillColumns(table, fills);
  markSummary(sheets, t, salesKnown);
}

function fillColumns(table: TableSpec, fills: readonly [number, CellValue][]): void {
  for (const row of table.rows) for (const [index, value] of fills) if (index >= 0) row[index] = value;
  for (const [index] of fills) if (index >= 0 && table.columns[index].kind !== "text") table.columns[index] = { ...table.columns[index], kind: "text", numberFormat: "@" };
}

/**
 * The Summary of a receivables-only review: the total recommended limit, and the grade and
 * limit columns of its grade-distribution and top-exposure tables, say what they need; the DSO
 * family left out for want of sales says so instead of a blank.
 */
function markSummary(sheets: readonly SheetSpec[], t: Translator, salesKnown: boolean): void {
  const sheet = sheets.find((s) => (s.outputId ?? s.name) === "Summary");
  if (!sheet) return;
  const needs = t.t("ledger.needsScoresFinancials");
  const kpi = (key: string): string => t.t(`summary.kpi.${key}` as MessageId);
  const noSales = new Set(["dso", "bestPossibleDso", "averageDaysDelinquent", "cei"].map(kpi));
  // An open-items list's "credit sales" are only the invoices still open: not the period's sales.
  if (!salesKnown) noSales.add(kpi("creditSales"));
  for (const block of sheet.info ?? []) {
    for (const line of block.lines) {
      if (line[0] === kpi("recommendedLimit")) line[1] = needs;
      else if (noSales.has(line[0]) && (line[1] === null || !salesKnown)) line[1] = t.t("ledger.needsSales");
    }
  }
  for (const table of sheet.tables) {
    const at = (header: string): number => table.columns.findIndex((c) => c.header === header);
    if (table.name === GRADE_TABLE) fillColumns(table, [[at(t.t("column.gradeDistribution.recommendedLimit")), needs]]);
    if (table.name === TOP_EXPOSURES_TABLE) {
      fillColumns(table, [
        [at(t.t("column.topExposures.grade")), t.t("ledger.needsScores")],
        [at(t.t("column.topExposures.limit")), needs],
        [at(t.t("column.topExposures.utilisationPercent")), needs],
      ]);
    }
  }
}

/** Whether the Policy table has an outputLanguage row (then its value decides the output language). */
function namesOutputLanguage(policy: RecognisedTable | undefined): boolean {
  const key = policy?.columns.key;
  if (policy === undefined || key === undefined) return false;
  return policy.source.rows.some((row) => typeof row[key] === "string" && row[key].trim().toLowerCase() === "outputlanguage");
}
