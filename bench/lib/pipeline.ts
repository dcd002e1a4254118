/**
 * The paths the benchmark times, composed from the product's own modules exactly as the task pane
 * and the CLI compose them: cells (a WorkbookSnapshot of raw values) → recognised tables →
 * Portfolio + Policy → review or aging. Any error-severity input problem aborts the benchmark
 * (a benchmark over rejected rows would time the wrong thing).
 */
import type { DayNumber } from "../../src/engine/dates/dayNumber";
import type { Policy } from "../../src/engine/policy/Policy";
import type { Portfolio } from "../../src/engine/portfolio/types";
import { ageLedger, type LedgerAging } from "../../src/engine/receivables/ageLedger";
import { openRowsAt } from "../../src/engine/receivables/openRowsAt";
import { reviewPortfolio } from "../../src/engine/review/reviewPortfolio";
import type { PortfolioReview } from "../../src/engine/review/types";
import type { WorkbookSnapshot } from "../../src/host/WorkbookPort";
import { readPortfolio } from "../../src/app/readPortfolio";
import { recogniseTables } from "../../src/app/recogniseTables";

/** KPI period of the review (the workflow's default). */
export const PERIOD_DAYS = 90;

export interface ReadResult {
  portfolio: Portfolio;
  policy: Policy;
  warnings: number;
}

/** Recognise the input tables and read them into the engine's Portfolio (the workflow's read step). */
export function readFromCells(snapshot: WorkbookSnapshot): ReadResult {
  const recognition = recogniseTables(snapshot);
  const reading = readPortfolio(snapshot, recognition);
  const errors = reading.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new Error(`benchmark portfolio rejected: ${errors.length} errors, first: ${errors[0].message}`);
  }
  return { portfolio: reading.portfolio, policy: reading.policy, warnings: reading.problems.length };
}

/** The full review of a portfolio already read. */
export function reviewOf(read: ReadResult, asOf: DayNumber): PortfolioReview {
  const result = reviewPortfolio(read.portfolio, read.policy, { asOf, periodDays: PERIOD_DAYS });
  if (!result.ok) throw new Error(`review failed: ${JSON.stringify(result.error)}`);
  return result.value;
}

/** The full review from cells: recognise + read + review. */
export function reviewFromCells(snapshot: WorkbookSnapshot, asOf: DayNumber): PortfolioReview {
  return reviewOf(readFromCells(snapshot), asOf);
}

/** Aging only (open items at the as-of date, bucketed per customer) of a portfolio already read. */
export function agingOf(read: ReadResult, asOf: DayNumber): LedgerAging {
  const ledger = read.portfolio.receivables;
  const open = openRowsAt(ledger, asOf, { fifoUnappliedCash: read.policy.fifoUnappliedCash });
  return ageLedger(ledger, open, asOf, { edges: read.policy.agingEdges, basis: read.policy.agingBasis });
}
