/**
 * The layout facts of the port (WorkbookPort ColumnSpec.align/wrap, PrintSpec) that both .xlsx
 * writers need in the same form: the horizontal alignment of a column (right for number kinds
 * unless the spec says otherwise), Excel's header/footer string (`&L…&C…&R…`) and the ranges a
 * sheet's print titles cover.
 * @example alignOf({ header: "Limit", kind: "money" }) //=> "right"
 * @example headerFooterText({ left: "&A", right: "Page &P of &N" }) //=> "&L&A&RPage &P of &N"
 */
import type { ColumnKind, ColumnSpec, HeaderFooterSpec, PrintSpec } from "../WorkbookPort";
import { columnLetters } from "./cellAddress";

const RIGHT_ALIGNED: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["integer", "number", "money", "percent", "date"]);

export function alignOf(column: ColumnSpec): "left" | "center" | "right" {
  return column.align ?? (RIGHT_ALIGNED.has(column.kind) ? "right" : "left");
}

/** Excel's header or footer string from its three sections; undefined when all are empty. */
export function headerFooterText(spec: HeaderFooterSpec | undefined): string | undefined {
  if (!spec) return undefined;
  const text = [spec.left ? `&L${spec.left}` : "", spec.center ? `&C${spec.center}` : "", spec.right ? `&R${spec.right}` : ""].join("");
  return text === "" ? undefined : text;
}

/** The print titles as ExcelJS takes them: rows "1:3" and columns "A:B" (1-based, inclusive). */
export function printTitlesOf(print: PrintSpec): { rows?: string; columns?: string } {
  const rows = print.titleRows ? `${print.titleRows[0] + 1}:${print.titleRows[1] + 1}` : undefined;
  const columns = print.titleColumns ? `${columnLetters(print.titleColumns[0])}:${columnLetters(print.titleColumns[1])}` : undefined;
  return { rows, columns };
}

/** The `_xlnm.Print_Titles` formula of a sheet: columns first, then rows, e.g. `'Credit Review'!$A:$B,'Credit Review'!$1:$4`. */
export function printTitlesFormula(sheet: string, print: PrintSpec): string | undefined {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  const { rows, columns } = printTitlesOf(print);
  if (columns) parts.push(`${quoted}!$${columns.replace(":", ":$")}`);
  if (rows) parts.push(`${quoted}!$${rows.replace(":", ":$")}`);
  return parts.length === 0 ? undefined : parts.join(",");
}
