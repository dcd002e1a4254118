/**
 * Section 5: throughput of CREDIT.GRADE and CREDIT.LIMIT as Excel calls them, over a 100k-row
 * range in one spilled call, and as 100k single-cell calls (one formula per row, filled down).
 * Inputs are the generated customers' cells: composite scores from CREDIT.SCORE, grades, annual
 * sales, margins and the latest financial period's figures. Arguments are built outside the timing
 * because Excel hands them over ready-made.
 */
import "../../test/support/customFunctionsStub";
import { grade, limit, score } from "../../src/functions/functions";
import { CHARACTERISTIC_KEYS } from "../../src/engine/policy/characteristics";
import { TABLE_FIELDS } from "../../src/app/headerAliases";
import type { CellValue } from "../../src/host/WorkbookPort";
import { generatePortfolio } from "../generate";
import { timeRuns, type Timing } from "../lib/measure";

export interface CustomFunctionsArgs {
  rows: number;
  runs: number;
}

export interface FunctionFigure {
  spilled: Timing;
  /** Rows per second of the spilled call (median). */
  spilledRowsPerSecond: number;
  singleCells: Timing;
  singleCellCallsPerSecond: number;
  /** Error results among the outputs (should be 0 on this data, or explained). */
  errorCells: number;
}

export interface CustomFunctionsResult {
  rows: number;
  score: { spilled: Timing; spilledRowsPerSecond: number };
  grade: FunctionFigure;
  limit: FunctionFigure;
}

type Column = CellValue[][];

const isErrorCell = (v: unknown): boolean => v instanceof Error;
const perSecond = (rows: number, ms: number): number => Math.round((rows / ms) * 1000);

function countErrors(out: unknown): number {
  if (!Array.isArray(out)) return 1;
  let n = 0;
  for (const row of out) if (Array.isArray(row) && row.some(isErrorCell)) n++;
  return n;
}

export async function customFunctions(args: CustomFunctionsArgs): Promise<CustomFunctionsResult> {
  const { snapshot } = generatePortfolio({ customers: args.rows, invoices: 0 });
  const table = (name: string): CellValue[][] => snapshot.tables.find((t) => t.name === name)?.rows ?? [];
  const col = (kind: "customers" | "financials", field: string): number => TABLE_FIELDS[kind].fields.findIndex((f) => f.field === field);
  const customers = table("Customers");
  // Latest period of each customer (the second row written when there are two).
  const latest = new Map<string, CellValue[]>();
  for (const row of table("Financials")) latest.set(String(row[col("financials", "customerId")]), row);

  const scores = customers.map((row) => CHARACTERISTIC_KEYS.map((key) => row[col("customers", key)]));
  const scoreRun = await timeRuns(() => score(scores), args.runs, 1);
  const composite: Column = scoreRun.last.map((row) => [typeof row[0] === "number" ? row[0] : null]);

  const grades = await timeRuns(() => grade(composite), args.runs, 1);
  const gradeColumn: Column = grades.last.map((row) => [typeof row[0] === "string" ? row[0] : null]);
  const singleGrades = await timeRuns(() => {
    let last: unknown;
    for (const cell of composite) last = grade([cell]);
    return last;
  }, args.runs);

  const customerColumn = (field: string): Column => customers.map((row) => [row[col("customers", field)]]);
  const financialColumn = (field: string): Column =>
    customers.map((row) => [latest.get(String(row[col("customers", "customerId")]))?.[col("financials", field)] ?? null]);
  const limitArgs = {
    grade: gradeColumn,
    annualSales: customerColumn("annualCreditSales"),
    grossMargin: customerColumn("grossMargin"),
    currentAssets: financialColumn("currentAssets"),
    inventory: financialColumn("inventory"),
    currentLiabilities: financialColumn("currentLiabilities"),
    totalLiabilities: financialColumn("totalLiabilities"),
    netWorth: financialColumn("equity"),
    collateral: customerColumn("collateral"),
  };
  const callLimit = (i?: number): unknown => {
    const pick = (c: Column): Column => (i === undefined ? c : [c[i]]);
    const a = limitArgs;
    return limit(pick(a.grade), pick(a.annualSales), pick(a.grossMargin), pick(a.currentAssets), pick(a.inventory),
      pick(a.currentLiabilities), pick(a.totalLiabilities), pick(a.netWorth), pick(a.collateral));
  };
  const limits = await timeRuns(() => callLimit(), args.runs, 1);
  const singleLimits = await timeRuns(() => {
    let last: unknown;
    for (let i = 0; i < args.rows; i++) last = callLimit(i);
    return last;
  }, args.runs);

  return {
    rows: args.rows,
    score: { spilled: scoreRun.timing, spilledRowsPerSecond: perSecond(args.rows, scoreRun.timing.medianMs) },
    grade: {
      spilled: grades.timing,
      spilledRowsPerSecond: perSecond(args.rows, grades.timing.medianMs),
      singleCells: singleGrades.timing,
      singleCellCallsPerSecond: perSecond(args.rows, singleGrades.timing.medianMs),
      errorCells: countErrors(grades.last),
    },
    limit: {
      spilled: limits.timing,
      spilledRowsPerSecond: perSecond(args.rows, limits.timing.medianMs),
      singleCells: singleLimits.timing,
      singleCellCallsPerSecond: perSecond(args.rows, singleLimits.timing.medianMs),
      errorCells: countErrors(limits.last),
    },
  };
}
