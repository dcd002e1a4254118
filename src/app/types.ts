/**
 * Contract of the review workflow shared by the task pane and the CLI:
 * recognise input tables → validate → review → write output sheets through a WorkbookPort.
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import type { OutputLanguage } from "../engine/policy/Policy";
import type { PortfolioKpis } from "../engine/review/types";
import type { SheetSpec, SourceTable, WorkbookSnapshot, WrittenSheet } from "../host/WorkbookPort";
import type { MessageId } from "../i18n/messages";
import type { PortfolioReading } from "./readPortfolio";

export type InputTableKind = "customers" | "financials" | "receivables" | "orders" | "policy";

export interface RecognisedTable {
  kind: InputTableKind;
  source: SourceTable;
  /** Canonical field name (e.g. "customerId", "dueDate", "paymentRecord") → column index in source. */
  columns: Record<string, number>;
  /** Headers that matched no field (kept and ignored, or mapped by the user). */
  unrecognisedHeaders: string[];
  /** Required fields that are missing. */
  missingRequired: string[];
}

export interface Recognition {
  tables: Partial<Record<InputTableKind, RecognisedTable>>;
  /** Required tables that were not found. */
  missingTables: InputTableKind[];
}

/** The user's mapping of unrecognised headers: table kind → header → canonical field. */
export type ColumnMapping = Partial<Record<InputTableKind, Record<string, string>>>;

export interface Problem {
  severity: "error" | "warning";
  table: string;
  sheet: string;
  /** Sheet row and column, 0-based (for select()); -1 when the problem is the whole table. */
  row: number;
  column: number;
  field: string;
  /** The problem in English (the CLI's and the pane's fallback). */
  message: string;
  /** The message id and its parameters, where the problem has one (render it in the user's language). */
  id?: MessageId;
  params?: Record<string, string | number>;
}

export interface ReviewOptions {
  asOf: DayNumber;
  /** ISO timestamp of the run, passed in (the engine never reads the clock). */
  generatedAt: string;
  addinVersion: string;
  /** Period in days for DSO/CEI, ending at asOf (default 90). */
  periodDays?: number;
  mapping?: ColumnMapping;
  /**
   * Language of the output sheets when the Policy table does not name one (its outputLanguage
   * key): the CLI's --lang, for example. A Policy that names it always wins, so a committee's
   * workbook stays in one language whoever runs it.
   */
  outputLanguage?: OutputLanguage;
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
  /**
   * The portfolio already read and validated (issue 19 §3: a ledger past Excel, read from a file by
   * DuckDB): used instead of reading the snapshot's tables; the snapshot still gives the rest.
   */
  portfolioReading?: PortfolioReading;
  /** Called once the tables are recognised (with the saved mapping applied), before validation: the CLI prints what it recognised. */
  onRecognised?: (recognition: Recognition, snapshot: WorkbookSnapshot) => void;
  /** The most rows of the Collections table (default: all a worksheet holds below its header; tests give a small one). */
  collectionsRowLimit?: number;
}

/** The review's headline figures for the pane and the CLI: the engine's portfolio KPIs plus the grade and bucket breakdowns. */
export type ReviewKpis = Pick<
  PortfolioKpis,
  | "customers" | "totalRecommendedLimit" | "openBalance" | "overdue" | "dso" | "bestPossibleDso" | "add" | "cei"
  | "overdueRatioPercent" | "otcRating" | "allowance" | "criticalWarnings" | "warnings"
> & {
  gradeCounts: Record<string, number>;
  bucketLabels: string[];
  bucketTotals: number[];
};

export interface CriticalWarning {
  customerId: string;
  name: string;
  /** The warning's text in the review's output language (the Policy's outputLanguage). */
  message: string;
  /** Row of the customer in the Credit Review sheet (0-based sheet row), for select(). */
  reviewRow: number;
  /** The name the Credit Review sheet was written under ("资信评审" in zh-CN); absent: "Credit Review". */
  reviewSheet?: string;
}

export interface ReviewOutcome {
  status: "written" | "invalid" | "cancelled";
  /**
   * The workbook had no Customers table: the customers were derived from the ledger, and grades
   * and limits need scores / financials (the Credit Review sheet says so in those columns).
   */
  isLedgerOnly?: boolean;
  problems: Problem[];
  kpis?: ReviewKpis;
  critical?: CriticalWarning[];
  /** The sheets written (or that would have been written). */
  sheets?: SheetSpec[];
  /** Machine-readable per-customer results for --json and the pane. */
  customers?: Record<string, unknown>[];
  policyFingerprint?: string;
  /** Where each output sheet went (status "written"): requested = logical name, written = sheet. */
  written?: WrittenSheet[];
  /**
   * The outputs written under another name because a sheet of the user's (not marked as the
   * add-in's) held the name; that sheet was left as it is. E.g. { requested: "Summary",
   * written: "Summary (2)" }: "Your sheet 'Summary' was left as it is; the summary is in 'Summary (2)'".
   */
  redirected?: WrittenSheet[];
  /**
   * Reviewed customers the workbook's Approved Limits register does not list (issue 15): the
   * review never writes into the register once it exists; the pane offers to add them.
   */
  notInRegister?: { customerId: string; name: string }[];
}

/**
 * The output sheets by their language-independent id: the English name, which is also the value
 * of each sheet's output marker (SheetSpec.outputId). In another output language the sheets are
 * written under the catalogue's names (`outputSheetName`, the outcome's `sheets[i].name`).
 */
export const OUTPUT_SHEETS = ["Summary", "Credit Review", "Aging", "Collections"] as const;
export type OutputSheetId = (typeof OUTPUT_SHEETS)[number];

export interface SetUpOptions {
  /** Fill the tables with the sample portfolio (else only headers, and the Policy defaults). */
  withSample: boolean;
  /** The sample's as-of date: its invoices are dated relative to it. */
  asOf: DayNumber;
  /** Language of the Policy sheet's descriptions and its outputLanguage (default en-US). */
  outputLanguage?: OutputLanguage;
  signal?: AbortSignal;
  onProgress?: (stage: string, fraction: number) => void;
}

export interface SetUpOutcome {
  /** "refused" when an input table or sheet already exists (nothing is written then). */
  status: "written" | "refused" | "cancelled";
  problems: Problem[];
  /** The sheets written (or that would have been written). */
  sheets: SheetSpec[];
  /** Where each input sheet went (status "written"). */
  written?: WrittenSheet[];
}
