/**
 * The tables the add-in keeps in the user's workbook besides its output sheets: the saved column
 * mapping, the Approved Limits register and the Order Log (input sheets it creates and the user
 * fills or it appends to), and the Review History. They hold customer ids, names and amounts, so
 * the recogniser must never take one of them for an input table (the register has the headers
 * of a Customers table).
 */
import type { SourceTable } from "../host/WorkbookPort";
import { APPROVED_LIMITS_TABLE, ORDER_LOG_TABLE, REVIEW_HISTORY_TABLE, REVIEW_RUNS_TABLE } from "./output/historySheets";
import { MAPPING_TABLE } from "./savedMapping";

const ADDIN_TABLES = new Set([MAPPING_TABLE, APPROVED_LIMITS_TABLE, ORDER_LOG_TABLE, REVIEW_HISTORY_TABLE, REVIEW_RUNS_TABLE].map((name) => name.toLowerCase()));

export function isAddinTable(source: Pick<SourceTable, "name" | "kind">): boolean {
  return source.kind === "table" && ADDIN_TABLES.has(source.name.toLowerCase());
}
