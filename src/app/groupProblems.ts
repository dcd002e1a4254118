/**
 * Problems grouped by cause (issue 16): one renamed customer gives one problem per invoice row,
 * twelve rows saying the same thing; the pane shows them as one group with its count and rows.
 * A cause is the problem's severity, table, sheet, column (field) and message id with its
 * parameters other than the row; a problem without a message id is keyed by its message with
 * the row numbers taken out ("Amount row 7: is missing" and "Amount row 9: is missing" are one
 * cause). Groups keep the order of their first problem; the rows of a group are Excel's row
 * numbers (sheet row + 1), ascending.
 *
 * @example groupProblems([p(row 4, 'customer "C9"'), p(row 5, 'customer "C9"')])
 *   //=> [{ count: 2, rows: [5, 6], first: p(row 4) … }]
 */
import type { Problem } from "./types";

export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * What a problem may carry besides its English message (these members are optional, so a plain
 * Problem is one): the message id (`problem.*`) and parameters the pane renders it from, and
 * whether its sheet is hidden.
 */
export interface ProblemDetail {
  messageId?: string;
  params?: ProblemParams;
  isSheetHidden?: boolean;
}

export type DetailedProblem = Problem & ProblemDetail;

export interface ProblemGroup {
  /** The group's first problem (its message, cell and parameters stand for the group). */
  first: DetailedProblem;
  severity: Problem["severity"];
  /** How many problems share the cause. */
  count: number;
  /** Excel's row numbers of the problems that have a row, ascending and distinct. */
  rows: number[];
  /** Whether the problems sit on a hidden sheet (named as hidden; no "Go to cell" there). */
  isSheetHidden: boolean;
}

const ROW_IN_MESSAGE = /\brow \d+\b/g;

function causeOf(problem: DetailedProblem): string {
  const where = `${problem.severity}\u0000${problem.table}\u0000${problem.sheet}\u0000${problem.field}\u0000${problem.column}`;
  if (problem.messageId !== undefined) {
    const params = Object.entries(problem.params ?? {})
      .filter(([key]) => key !== "row")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => `${key}=${String(value)}`)
      .join("\u0001");
    return `${where}\u0000${problem.messageId}\u0000${params}`;
  }
  return `${where}\u0000${problem.message.replace(ROW_IN_MESSAGE, "row #")}`;
}

/** Whether a problem is on a hidden sheet: said by the reader, or by the message of one that does not say it. */
export function isProblemOnHiddenSheet(problem: DetailedProblem): boolean {
  return problem.isSheetHidden ?? problem.message.includes("(hidden sheet ");
}

export function groupProblems(problems: readonly DetailedProblem[]): ProblemGroup[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const key = causeOf(problem);
    let group = groups.get(key);
    if (!group) {
      group = { first: problem, severity: problem.severity, count: 0, rows: [], isSheetHidden: isProblemOnHiddenSheet(problem) };
      groups.set(key, group);
    }
    group.count++;
    if (problem.row >= 0) group.rows.push(problem.row + 1);
  }
  const out = [...groups.values()];
  for (const group of out) group.rows = [...new Set(group.rows)].sort((a, b) => a - b);
  return out;
}

/**
 * Excel row numbers as ranges for reading: [5, 6, 7, 9, 12, 13] → "5–7, 9, 12–13", at most
 * `limit` pieces and "…" after them.
 * @example rowRanges([5, 6, 7, 9]) //=> "5–7, 9"
 */
export function rowRanges(rows: readonly number[], limit = 8): string {
  const pieces: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    if (pieces.length === limit) {
      pieces.push("…");
      break;
    }
    pieces.push(j > i ? `${rows[i]}–${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return pieces.join(", ");
}
