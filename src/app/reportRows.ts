/**
 * The rows of an exported aging or open-items report that are not invoices (issue 20): the
 * per-customer or per-bucket subtotal rows ("Total for Acme", "Acme Total", "小计", SAP's "*"),
 * the grand-total row ("TOTAL", "Grand Total", "合计", "总计", SAP's "**"), the section header
 * rows that name a customer or an aging bucket above its invoices ("Acme Ltd", "1 - 30 days past
 * due"), a group's row carrying its sums under one label (Odoo's "Acme Ltd (3)"), a header row
 * repeated after a page break, a note (one sentence alone on its row: "Snapshot of the ledger,
 * amounts in ILS…") and blank spacer rows. They are recognised by their shape, counted for the recognition report, and never read as invoices.
 *
 * An invoice line is never taken for one of them: a row with an invoice id (that is not itself a
 * total label) and a due date is an invoice, whatever its customer is called ("Total Energies").
 * A row that is none of these is read as an invoice, so a real line with a missing cell is
 * reported, never skipped in silence.
 *
 * @example reportRowKind(["Total for Acme", null, null, null, null, 1200], layout) //=> "subtotal"
 */
import { isBlank } from "../engine/values/isBlank";
import type { CellValue } from "../host/WorkbookPort";
import { normaliseHeader } from "./headerAliases";

export type ReportRowKind = "subtotal" | "grandTotal" | "sectionHeader" | "repeatedHeader" | "note" | "spacer";

/** The kinds in the order the recognition report lists them. */
export const REPORT_ROW_KINDS: readonly ReportRowKind[] = ["subtotal", "grandTotal", "sectionHeader", "repeatedHeader", "note", "spacer"];

/** How many rows of each kind a table's reading skipped. */
export type ReportRowCounts = Record<ReportRowKind, number>;

/** Where the fields that tell an invoice line from a report row sit among a table's columns (-1: absent). */
export interface ReportLayout {
  readonly invoiceId: number;
  readonly customer: number;
  readonly dueDate: number;
  /** The table's headers, for a header row repeated below a page break. */
  readonly headers: readonly string[];
}

export function emptyReportRowCounts(): ReportRowCounts {
  return { subtotal: 0, grandTotal: 0, sectionHeader: 0, repeatedHeader: 0, note: 0, spacer: 0 };
}

/** Labels of a grand total: the whole cell (normalised) is one of them. */
const GRAND_TOTAL = new Set(["total", "totals", "grandtotal", "reporttotal", "totalar", "totalreceivables", "合计", "总计", "总合计", "累计", "共计", "**", "***"]);
/** Labels of a subtotal: "Total for Acme", "Total Acme", "Acme Total", "Subtotal", "小计", "Acme 小计", "*". */
const SUBTOTAL = /^(?:total(?:for)?.+|.+total|sub-?total.*|.*小计|.+合计|\*)$/;

/**
 * Whether a cell's text is a total label, and which: "grandTotal", "subtotal" or undefined.
 * @example totalLabelKind("Total for Current") //=> "subtotal"
 * @example totalLabelKind("TOTAL") //=> "grandTotal"
 */
export function totalLabelKind(text: string): "subtotal" | "grandTotal" | undefined {
  return totalKindOfKey(normaliseHeader(text));
}

/** totalLabelKind of a text already normalised (normaliseHeader). */
function totalKindOfKey(normalised: string): "subtotal" | "grandTotal" | undefined {
  const key = normalised.replace(/[:：]$/, "");
  if (key === "") return undefined;
  if (GRAND_TOTAL.has(key)) return "grandTotal";
  return SUBTOTAL.test(key) ? "subtotal" : undefined;
}

/** The kind of report row a row of cells is, or undefined when it is to be read as an invoice line. */
export function reportRowKind(cells: readonly CellValue[], layout: ReportLayout): ReportRowKind | undefined {
  return isInvoiceLine(cells, layout) ? undefined : reportRowKindByShape(cells, layout);
}

/** The whole rule, every cell looked at (reportRowKind answers the common case before it; a property test holds the two equal). */
export function reportRowKindByShape(cells: readonly CellValue[], layout: ReportLayout): ReportRowKind | undefined {
  let texts = 0;
  let numbers = 0;
  let total: "subtotal" | "grandTotal" | undefined;
  // Whether a text sits outside the customer column (a group's label, "Acme (3)", over its sums).
  let isLabelElsewhere = false;
  let isSentence = false;
  let isHeaderRepeat = true;
  let isBlankRow = true;
  for (let i = 0; i < cells.length; i++) {
    const value = cells[i];
    if (isBlank(value)) {
      if (layout.headers[i] !== undefined && layout.headers[i] !== "") isHeaderRepeat = false;
      continue;
    }
    isBlankRow = false;
    if (typeof value === "string") {
      texts++;
      if (i !== layout.customer) isLabelElsewhere = true;
      if (value.length > 40 || value.trim().split(/\s+/).length >= 5) isSentence = true;
      if (normaliseHeader(value) !== normaliseHeader(layout.headers[i] ?? "")) isHeaderRepeat = false;
      total ??= totalLabelKind(value);
    } else {
      isHeaderRepeat = false;
      if (typeof value === "number") numbers++;
    }
  }
  if (isBlankRow) return "spacer";
  if (isHeaderRepeat) return "repeatedHeader";
  const id = layout.invoiceId >= 0 ? cells[layout.invoiceId] ?? null : null;
  const hasId = !isBlank(id) && totalLabelKind(String(id)) === undefined;
  const hasDue = layout.dueDate >= 0 && !isBlank(cells[layout.dueDate] ?? null);
  if (hasId && hasDue) return undefined;
  if (total !== undefined) return total;
  const hasCustomer = layout.customer >= 0 && !isBlank(cells[layout.customer] ?? null);
  // One label and nothing else: a customer's or a bucket's heading over its lines.
  if (!hasId && !hasDue && texts === 1 && numbers === 0) return "sectionHeader";
  // One sentence and nothing else, in the invoice id column too: a note under or over the list ("Snapshot of the ledger…").
  if (texts === 1 && numbers === 0 && !hasDue && isSentence) return "note";
  // Amounts under no invoice, customer or date: a subtotal without a label; or under one label
  // outside the customer column: a group's row with its sums (Odoo's "Acme (3)").
  if (!hasId && !hasDue && !hasCustomer && numbers > 0 && (texts === 0 || (texts === 1 && isLabelElsewhere))) return "subtotal";
  return undefined;
}

/**
 * The common case first, in one look at two cells: an invoice id that is neither a total label
 * nor its column's header repeated, and a due date, make an invoice line (the rule below gives
 * the same answer after looking at every cell; on a 1,000,000-row ledger that took about a tenth
 * of the CLI review).
 */
function isInvoiceLine(cells: readonly CellValue[], layout: ReportLayout): boolean {
  if (layout.invoiceId < 0 || layout.dueDate < 0) return false;
  const id = cells[layout.invoiceId] ?? null;
  if (isBlank(id) || isBlank(cells[layout.dueDate] ?? null)) return false;
  if (typeof id !== "string") return true;
  if (isPlainId(id, layout)) return true;
  const key = normaliseHeader(id);
  return key !== idHeaderKey(layout) && totalKindOfKey(key) === undefined;
}

/**
 * An id of ASCII letters and digits only (most ERP invoice numbers) whose lower case is neither
 * the id column's header nor holds "total": for such a text normaliseHeader is only the lower case,
 * and every total label of letters and digits holds "total" (GRAND_TOTAL and SUBTOTAL), so the
 * answer is isInvoiceLine's without NFKC and the label patterns, which were about 15 % of reading
 * a 1,000,000-invoice Receivables table (cpu-prof of bench engineReview). False: ask the whole rule.
 */
function isPlainId(id: string, layout: ReportLayout): boolean {
  if (id.length > 64) return false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    // 0-9, A-Z, a-z
    if (!((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  }
  const lower = id.toLowerCase();
  return !lower.includes("total") && lower !== idHeaderKey(layout);
}

const idHeaderKeys = new WeakMap<ReportLayout, string>();

/** The invoice id column's header, normalised once per layout. */
function idHeaderKey(layout: ReportLayout): string {
  let key = idHeaderKeys.get(layout);
  if (key === undefined) {
    key = normaliseHeader(layout.headers[layout.invoiceId] ?? "");
    idHeaderKeys.set(layout, key);
  }
  return key;
}

/** A recognition-report line: a message id (prefix `recognition.`) and its parameters. */
export interface RecognitionNote {
  id: string;
  params: Record<string, string | number>;
}

/**
 * The recognition report's lines for the rows skipped in a table, one per kind that occurred.
 * @example skippedRowNotes({ subtotal: 3, grandTotal: 1, sectionHeader: 0, repeatedHeader: 0, spacer: 2 }, "Open Invoices")
 *   //=> [{ id: "recognition.skipped.subtotal", params: { count: 3, sheet: "Open Invoices" } }, …]
 */
export function skippedRowNotes(counts: ReportRowCounts, sheet: string): RecognitionNote[] {
  return REPORT_ROW_KINDS.filter((kind) => counts[kind] > 0).map((kind) => ({ id: `recognition.skipped.${kind}`, params: { count: counts[kind], sheet } }));
}
