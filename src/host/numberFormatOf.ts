/**
 * The Excel number format of a column: its own `numberFormat`, else the default for its kind.
 * Text and boolean columns keep Excel's General format (undefined) so that a typed number in an
 * input template stays a number.
 * @example numberFormatOf({ header: "Limit", kind: "money" }) //=> "#,##0.00"
 */
import type { ColumnKind, ColumnSpec } from "./WorkbookPort";

const DEFAULT_FORMATS: Record<ColumnKind, string | undefined> = {
  text: undefined,
  boolean: undefined,
  integer: "#,##0",
  number: "#,##0.00",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};

export function numberFormatOf(column: ColumnSpec): string | undefined {
  return column.numberFormat ?? DEFAULT_FORMATS[column.kind];
}
