/**
 * Formulas without a calculated value in the input tables' sheets (issue 20): a workbook written
 * by a generator that leaves the values to Excel (fullCalcOnLoad) has formula cells with no
 * cached value, which would read as blank. The snapshot names them (uncalculatedFormulas); this
 * turns each sheet that holds a recognised input table into one error naming the sheet and its
 * cells: Excel must recalculate the workbook once (open it, let it calculate, save it). Other
 * sheets are not read, so their formulas do not matter to the review.
 * @example uncalculatedFormulaProblems({ …, uncalculatedFormulas: [{ sheet: "Receivables", cells: ["E2", "E3"], count: 2 }] }, recognition)
 *   //=> [{ severity: "error", sheet: "Receivables", row: 1, column: 4, messageId: "problem.formula.uncalculated", params: { sheet: "Receivables", cells: "E2, E3", count: 2 }, … }]
 */
import type { WorkbookSnapshot } from "../host/WorkbookPort";
import type { DetailedProblem } from "./groupProblems";
import { isOnHiddenSheet } from "./recogniseTables";
import type { Recognition } from "./types";

/** Cells named in a message; the count says how many there are. */
const LISTED = 10;

/** 0-based row and column of an A1 reference ("E12" → { row: 11, column: 4 }). */
function positionOf(ref: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!match) return { row: -1, column: -1 };
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

export function uncalculatedFormulaProblems(snapshot: WorkbookSnapshot, recognition: Recognition): DetailedProblem[] {
  const inputSheets = new Map(Object.values(recognition.tables).map((t) => [t.source.sheet, t]));
  const problems: DetailedProblem[] = [];
  for (const { sheet, cells, count } of snapshot.uncalculatedFormulas ?? []) {
    const table = inputSheets.get(sheet);
    if (!table || cells.length === 0) continue;
    const listed = cells.slice(0, LISTED).join(", ") + (count > LISTED ? ", …" : "");
    const isSheetHidden = isOnHiddenSheet(table.source);
    problems.push({
      severity: "error", table: table.source.name, sheet, ...positionOf(cells[0]), field: "",
      message: `${count} formula${count === 1 ? "" : "s"} on sheet "${sheet}" ${count === 1 ? "has" : "have"} no calculated value (${listed}): Excel must recalculate once. Open the workbook in Excel, let it calculate, save it and run again.${isSheetHidden ? ` (hidden sheet ${sheet})` : ""}`,
      messageId: "problem.formula.uncalculated", params: { sheet, cells: listed, count },
      isSheetHidden: isSheetHidden ? true : undefined,
    });
  }
  return problems;
}
