/**
 * The machine-readable result of `credit-desk review … --json` (a workbook or data files): the
 * outcome without the sheet descriptions, plus the run's facts. One shape for both commands.
 * @example reviewJson(outcome, asOf, "book.xlsx", null) //=> '{\n  "status": "invalid", …'
 */
import type { ReviewOutcome } from "../app/types";
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import type { WrittenSheet } from "../host/WorkbookPort";
import { terminalSafeJson } from "./terminalSafe";

/** `input`: the workbook's path, or the data files by role; `output`: the file written, or null. */
export function reviewJson(outcome: ReviewOutcome, asOf: DayNumber, input: unknown, output: string | null, sheets: readonly WrittenSheet[] = []): string {
  const result = {
    status: outcome.status,
    asOf: toIsoDate(asOf),
    input,
    output,
    outputSheets: sheets,
    policyFingerprint: outcome.policyFingerprint ?? null,
    kpis: outcome.kpis ?? null,
    critical: outcome.critical ?? [],
    customers: outcome.customers ?? [],
    problems: outcome.problems,
  };
  return `${terminalSafeJson(JSON.stringify(result, null, 2))}\n`;
}
