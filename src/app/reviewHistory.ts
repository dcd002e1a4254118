/**
 * The committee's side of a review (issue 15), over any WorkbookPort: reads the Approved Limits
 * register and the Review History from the snapshot, applies them to the engine's review
 * (reviewHistoryCommittee: limit in force, utilisation and warnings on it, history-based
 * warnings, change since the last review), and plans what the review writes besides its four
 * sheets:
 * - the Approved Limits register, once, when the workbook has none (ID and name of every
 *   customer, the committee's columns blank); the review never writes into it afterwards, and a
 *   customer added later gets a row only through `addMissingApprovals` (the pane's button after
 *   a review that found customers missing from it: ReviewOutcome.notInRegister);
 * - the Review History: one of the review's own sheets (marked, written in the same all-or-nothing
 *   write as Credit Review and Summary), holding every earlier row exactly as read and, at a new
 *   as-of date, this review's rows (one per customer) and its run after them: no earlier row
 *   changes value. Written with the review rather than appended afterwards with updateTableRows,
 *   the history can never be half-written, and the CLI keeps writing the workbook as a stream
 *   (an in-place table update would load the whole workbook into ExcelJS). The history holds one
 *   review per as-of date: a re-run at a date it already holds adds nothing (it would count the
 *   same date twice in the trend);
 * - the Changes output sheet, once the history holds an earlier review: grade migration against
 *   the previous review, directions, trend.
 * The Credit Review sheet is built with the committee's columns (limit bases, approved limit,
 * limit in force, change since the last review: committeeColumns, for buildOutputSheets).
 * @example const plan = planCommittee(snapshot, portfolio, review, policy, stamp); await createCommitteeSheets(port, plan); await port.writeSheets([...buildOutputSheets(plan.committee.review, stamp, { committee: committeeColumns(plan) }), ...plan.sheets])
 */
import { toDayNumber, toIsoDate, type DateSystem } from "../engine/dates/dayNumber";
import type { Grade, Policy } from "../engine/policy/Policy";
import type { Portfolio } from "../engine/portfolio/types";
import { gradeMigration, type GradeMigration } from "../engine/review/gradeMigration";
import { historyRows, previousReviewRows, reviewRun, type ReviewHistoryRow, type ReviewRun } from "../engine/review/reviewHistory";
import { reviewHistoryCommittee, type CommitteeReview } from "../engine/review/reviewHistoryCommittee";
import type { PortfolioReview } from "../engine/review/types";
import { isBlank } from "../engine/values/isBlank";
import type { CellValue, SheetSpec, SourceTable, WorkbookPort, WorkbookSnapshot } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import type { CreditReviewCommittee } from "./output/creditReviewSheet";
import {
  approvedLimitsSheet, changesSheet, historyCells, REVIEW_HISTORY_TABLE, REVIEW_RUNS_TABLE, reviewHistorySheet, runCells,
} from "./output/historySheets";
import type { AuditStamp } from "./output/sheetParts";
import { approvedColumns, readApprovedLimits } from "./readApprovedLimits";
import type { Problem } from "./types";

export interface CommitteePlan {
  committee: CommitteeReview;
  /** Collateral per customer id (the limit's last addend, §5), for the Credit Review. */
  collateral: ReadonlyMap<string, number>;
  /** The register's and the history's problems (warnings: the review still runs). */
  problems: Problem[];
  /** The previous review's as-of date (ISO) and the migration against it, when there is one. */
  previousAsOf?: string;
  migration?: GradeMigration;
  /** This review's rows and run, and every run of the history with this one last. */
  newRows: ReviewHistoryRow[];
  runs: ReviewRun[];
  /** Output sheets written with the review's: the Review History, and the Changes sheet once the history holds an earlier review. */
  sheets: SheetSpec[];
  /** Input sheets created before the review's write when the workbook has none: the register. */
  inputSheets: SheetSpec[];
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];
const tableNamed = (snapshot: WorkbookSnapshot, name: string): SourceTable | undefined =>
  snapshot.tables.find((t) => t.kind === "table" && t.name.toLowerCase() === name.toLowerCase());

const num = (v: CellValue | undefined): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: CellValue | undefined): string => (v === undefined || v === null ? "" : String(v).trim());

/** The Review History table's rows as history rows (columns in HISTORY_FIELDS order); unreadable rows are left out. */
export function readHistoryRows(table: SourceTable | undefined, system: DateSystem): ReviewHistoryRow[] {
  if (table === undefined) return [];
  const out: ReviewHistoryRow[] = [];
  for (const r of table.rows) {
    const asOf = isBlank(r[0]) ? undefined : toDayNumber(r[0], system);
    const grade = str(r[5]);
    if (asOf === undefined || !asOf.ok || str(r[3]) === "" || !GRADES.some((g) => g === grade)) continue;
    out.push({
      asOf: asOf.value, generatedAt: str(r[1]), fingerprint: str(r[2]), customerId: str(r[3]), name: str(r[4]), grade: grade as Grade,
      compositePercent: (num(r[6]) ?? 0) * 100, recommendedLimit: num(r[7]), approvedLimit: num(r[8]), exposure: num(r[9]) ?? 0,
      openBalance: num(r[10]) ?? 0, overdue: num(r[11]) ?? 0, averageDaysLate: num(r[12]), dsoContribution: num(r[13]), warnings: num(r[14]) ?? 0,
    });
  }
  return out;
}

/** The Review runs table's rows as runs (columns in RUN_FIELDS order). */
export function readRuns(table: SourceTable | undefined, system: DateSystem): ReviewRun[] {
  if (table === undefined) return [];
  const out: ReviewRun[] = [];
  for (const r of table.rows) {
    const asOf = isBlank(r[0]) ? undefined : toDayNumber(r[0], system);
    if (asOf === undefined || !asOf.ok) continue;
    const ratio = num(r[5]);
    out.push({ asOf: asOf.value, generatedAt: str(r[1]), fingerprint: str(r[2]), customers: num(r[3]) ?? 0, openBalance: num(r[4]) ?? 0, overdueRatioPercent: ratio === undefined ? undefined : ratio * 100, dso: num(r[6]), cei: num(r[7]) });
  }
  return out;
}

/** A table's rows exactly as read, each as wide as the table (blank cells as null). */
const asRead = (table: SourceTable): CellValue[][] => table.rows.map((r) => table.headers.map((_, i) => r[i] ?? null));

export function planCommittee(snapshot: WorkbookSnapshot, portfolio: Portfolio, review: PortfolioReview, policy: Policy, stamp: AuditStamp): CommitteePlan {
  const system = stamp.dateSystem ?? snapshot.dateSystem;
  const t = createTranslator(stamp.outputLanguage ?? "en-US");
  const approvals = readApprovedLimits(snapshot);
  const historyTable = tableNamed(snapshot, REVIEW_HISTORY_TABLE);
  const runsTable = tableNamed(snapshot, REVIEW_RUNS_TABLE);
  const history = readHistoryRows(historyTable, system);
  const previous = previousReviewRows(history, review.asOf);
  const committee = reviewHistoryCommittee(review, { approvals: approvals.entries, previous }, policy);

  const approvedInForce = new Map<string, number>();
  const warningCounts = new Map<string, number>();
  committee.review.customers.forEach((c, i) => {
    const line = committee.lines[i]!;
    if (line.limitBasis === "approved" && line.limitInForce !== undefined) approvedInForce.set(c.customerId, line.limitInForce);
    warningCounts.set(c.customerId, [...c.warnings, ...line.added].filter((w) => w.severity !== "info").length);
  });
  const newRows = historyRows(committee.review, { generatedAt: stamp.generatedAt, fingerprint: stamp.policyFingerprint, approved: approvedInForce, warningCounts });
  const run = reviewRun(committee.review, { generatedAt: stamp.generatedAt, fingerprint: stamp.policyFingerprint });
  const isNewDate = !history.some((r) => r.asOf === review.asOf);
  const runs = isNewDate ? [...readRuns(runsTable, system), run] : readRuns(runsTable, system);
  const migration = previous === undefined ? undefined : gradeMigration(previous.rows, committee.review.customers);
  const previousAsOf = previous === undefined ? undefined : toIsoDate(previous.asOf);

  const inputSheets: SheetSpec[] = [];
  const taken = new Set(snapshot.sheets.map((s) => s.toLowerCase()));
  if (approvals.table === undefined && !taken.has(t.t("approved.sheet").toLowerCase())) inputSheets.push(approvedLimitsSheet(t, review.customers));
  const cells = newRows.map((r) => historyCells(r, system));
  const earlierRows = historyTable === undefined ? [] : asRead(historyTable);
  const earlierRuns = runsTable === undefined ? [] : asRead(runsTable);
  const historySheet = reviewHistorySheet(t, isNewDate ? [...earlierRows, ...cells] : earlierRows, isNewDate ? [...earlierRuns, runCells(run, system)] : earlierRuns);
  // The Changes sheet from the first review that has an earlier one to compare with.
  const sheets = [historySheet, ...(migration === undefined ? [] : [changesSheet(t, { migration, previousAsOf, runs, dateSystem: system }, stamp)])];
  const collateral = new Map<string, number>();
  for (const c of portfolio.customers) if (c.collateral !== undefined) collateral.set(c.customerId, c.collateral);
  return { committee, collateral, problems: approvals.problems, previousAsOf, migration, newRows, runs, sheets, inputSheets };
}

/** The committee's columns of the Credit Review (buildOutputSheets' `committee`): the plan's review is the one to build the sheets from. */
export function committeeColumns(plan: CommitteePlan): CreditReviewCommittee {
  return { lines: plan.committee.lines, collateral: plan.collateral };
}

/**
 * Before the review's sheets are written: creates the Approved Limits register when the workbook
 * has none (an input sheet, never replaced afterwards), so the review's write stays the last one.
 */
export async function createCommitteeSheets(port: WorkbookPort, plan: CommitteePlan): Promise<void> {
  if (plan.inputSheets.length > 0) await port.writeSheets(plan.inputSheets);
}

/** Per-customer JSON the pane and the CLI get, with the committee's figures under `committee`. */
export function committeeJson(plan: CommitteePlan): Map<string, Record<string, unknown>> {
  return new Map(plan.committee.lines.map((l) => [l.customerId, {
    limitInForce: l.limitInForce, limitBasis: l.limitBasis, approvedLimit: l.approval?.approvedLimit, gradeChange: l.gradeChange,
    limitChange: l.limitChange, exposureChange: l.exposureChange, added: l.added,
  }]));
}

/**
 * The customers (of a review) the workbook's Approved Limits register does not list; none when
 * the workbook has no register (the review creates it with every customer).
 */
export function missingFromRegister<C extends { customerId: string }>(snapshot: WorkbookSnapshot, customers: readonly C[]): C[] {
  const table = readApprovedLimits(snapshot).table;
  if (table === undefined) return [];
  const col = approvedColumns(table.headers);
  const listed = new Set(table.rows.map((r) => str(r[col.customerId])));
  return customers.filter((c) => !listed.has(c.customerId));
}

/**
 * Adds a row (ID and name, the committee's columns blank) for every reviewed customer the
 * register does not list; the rows already there are written back as read. Returns how many
 * were added (0: nothing written). The one way the add-in writes into the register after creating it.
 */
export async function addMissingApprovals(port: WorkbookPort, snapshot: WorkbookSnapshot, customers: readonly { customerId: string; name: string }[]): Promise<number> {
  const table = readApprovedLimits(snapshot).table;
  if (table === undefined) return 0;
  const col = approvedColumns(table.headers);
  const missing = missingFromRegister(snapshot, customers);
  if (missing.length === 0) return 0;
  const blankRow = (c: { customerId: string; name: string }): CellValue[] => table.headers.map((_, i) => (i === col.customerId ? c.customerId : i === col.name ? c.name : null));
  await port.updateTableRows(table.name, [...asRead(table), ...missing.map(blankRow)]);
  return missing.length;
}
