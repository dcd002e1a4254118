/**
 * The Collections worklist cut to what an Excel sheet can hold (issue 19 §3): a ledger read from
 * a file can have more open overdue items than a sheet has rows (1,048,576 in all, the title,
 * the audit stamp and the header above the table). The worklist is in priority order, so the
 * rows kept are the most urgent; a line of the sheet's audit block says how many were left out
 * and why. Other sheets pass through as they are.
 * @example capCollections(sheets, t, 2).find((s) => s.outputId === "Collections")?.tables[0].rows.length //=> 2 (of 5; the stamp says "3 of 5 items not shown")
 */
import type { SheetSpec } from "../host/WorkbookPort";
import type { Translator } from "../i18n/translator";

/** Rows of an Excel worksheet. */
export const EXCEL_SHEET_ROWS = 1_048_576;

/**
 * The sheets with the Collections table cut to `maxRows` data rows (default: every row the sheet
 * has below the table's header). The sheets given are not changed.
 */
export function capCollections(sheets: readonly SheetSpec[], t: Translator, maxRows?: number): SheetSpec[] {
  return sheets.map((sheet) => {
    const table = sheet.outputId === "Collections" ? sheet.tables[0] : undefined;
    if (table === undefined) return sheet;
    const limit = Math.max(0, Math.min(maxRows ?? Number.POSITIVE_INFINITY, EXCEL_SHEET_ROWS - table.headerRow - 1));
    const total = table.rows.length;
    if (total <= limit) return sheet;
    const note: [string, string] = [t.t("cliFiles.collections.cutLabel"), t.t("cliFiles.collections.cut", { shown: limit, total, cut: total - limit })];
    const [stamp, ...rest] = sheet.info ?? [];
    const info = stamp === undefined ? [{ row: 1, column: 0, lines: [note] }] : [{ ...stamp, lines: [...stamp.lines, note] }, ...rest];
    return { ...sheet, info, tables: [{ ...table, rows: table.rows.slice(0, limit) }, ...sheet.tables.slice(1)] };
  });
}
