/**
 * Receivables table rows → ReceivableItems (credit-method.md §1, §6): required invoice id,
 * known customer, valid invoice and due dates with the due date not before the invoice date,
 * numeric amounts (negative for credit notes and payments on account). The rows go straight into
 * the engine's columnar Ledger (no object per invoice), with the sheet row of each.
 *
 * Exports as users have them (issue 20):
 * - report rows (subtotals, the grand total, customer or bucket headings, repeated headers,
 *   spacer rows: reportRows.ts) are skipped and counted, never read as invoices;
 * - an open-items list without the original amount is a ledger: amount = open amount;
 * - a currency written in the amount's header ("Open Advance (ILS)") is every row's currency
 *   when there is no currency column;
 * - a ledger with a customer number and a name keys on the number and keeps the names
 *   (`customerNames`); a name-only ledger keys on the name.
 * Without `customerIds` (a review of the ledger alone) every customer is taken.
 */
import type { DateSystem } from "../engine/dates/dayNumber";
import { ledgerBuilder, type Ledger } from "../engine/receivables/Ledger";
import type { DetailedProblem } from "./groupProblems";
import { customerRoleOf, headerCurrency, matchHeader } from "./headerAliases";
import { isOnHiddenSheet } from "./recogniseTables";
import { emptyReportRowCounts, reportRowKind, skippedRowNotes, type RecognitionNote, type ReportLayout, type ReportRowCounts } from "./reportRows";
import { columnsOf, forEachRow, type Column } from "./rowReader";
import { StringSet } from "./StringSet";
import type { Problem, RecognisedTable } from "./types";

/** The receivables read, and the sheet row each ledger row came from (the members after sheetRows: always given by readReceivables). */
export interface ReceivablesReading {
  ledger: Ledger;
  sheetRows: Int32Array;
  /** Customer key (the ledger's customer id) → name, where the export has a name column beside the key. */
  customerNames?: Map<string, string>;
  /** The report rows skipped, by kind (for the recognition report: skippedRowNotes). */
  skippedRows?: ReportRowCounts;
  /** Whether the amount was read from the open amount (an open-items list with no original amount). */
  isOpenAmountOnly?: boolean;
  /** The currency written in the amount's header, given to every row (no currency column). */
  headerCurrency?: string;
}

const FIELDS = ["invoiceId", "customerId", "invoiceDate", "dueDate", "amount", "paidAmount", "openAmount", "settledDate", "currency", "disputed"] as const;

/**
 * The customer key and name columns: of two customer columns the one holding numbers is the key
 * and the one holding names the name; one name column is both.
 */
function customerColumns(table: RecognisedTable, recognised: Column): { key: Column; name: Column | undefined } {
  const candidates: Column[] = [];
  table.source.headers.forEach((header, index) => {
    const text = String(header ?? "").trim();
    if (index === recognised.index || (text !== "" && matchHeader("receivables", text) === "customerId")) {
      candidates.push({ field: "customerId", index, header: text === "" ? recognised.header : text });
    }
  });
  if (candidates.length <= 1) return { key: recognised, name: customerRoleOf(recognised.header) === "name" ? recognised : undefined };
  const key = candidates.find((c) => customerRoleOf(c.header) === "id") ?? recognised;
  const name = candidates.find((c) => c.index !== key.index && customerRoleOf(c.header) === "name");
  return { key, name };
}

function tableProblem(table: RecognisedTable, field: string, message: string, messageId: string): DetailedProblem {
  const isSheetHidden = isOnHiddenSheet(table.source);
  return {
    severity: "error", table: table.source.name, sheet: table.source.sheet, row: table.source.headerRow, column: table.source.firstColumn, field,
    message: message + (isSheetHidden ? ` (hidden sheet ${table.source.sheet})` : ""),
    messageId, params: { table: table.source.name, sheet: table.source.sheet }, isSheetHidden: isSheetHidden ? true : undefined,
  };
}

export function readReceivables(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string> | undefined, problems: Problem[]): ReceivablesReading {
  const size = table.source.rows.length;
  const builder = ledgerBuilder(size);
  const sheetRows = new Int32Array(size);
  const customerNames = new Map<string, string>();
  const skippedRows = emptyReportRowCounts();
  let count = 0;
  const seen = new StringSet(size);
  const c = columnsOf(table, FIELDS);
  const hasAmount = c.amount.index >= 0;
  const isOpenAmountOnly = !hasAmount && c.openAmount.index >= 0;
  if (!hasAmount && !isOpenAmountOnly) {
    problems.push(tableProblem(table, "amount", `Receivables table "${table.source.name}" has no Amount or OpenAmount column`, "problem.receivables.noAmountColumn"));
    return { ledger: builder.build(), sheetRows: sheetRows.subarray(0, 0), customerNames, skippedRows, isOpenAmountOnly: false };
  }
  const amountColumn = hasAmount ? c.amount : c.openAmount;
  const currencyOfHeader = c.currency.index < 0 ? headerCurrency(amountColumn.header) ?? headerCurrency(c.openAmount.header) : undefined;
  const customer = customerColumns(table, c.customerId);
  const layout: ReportLayout = { invoiceId: c.invoiceId.index, customer: customer.key.index, dueDate: c.dueDate.index, headers: table.source.headers };
  let blankRun = 0;
  let lastDataIndex = -1;
  forEachRow(table, dateSystem, problems, (r) => {
    // Blank rows between two rows are spacers (forEachRow skips them; counted here).
    if (lastDataIndex >= 0) blankRun += r.dataIndex - lastDataIndex - 1;
    lastDataIndex = r.dataIndex;
    const kind = reportRowKind(r.cells, layout);
    if (kind !== undefined) {
      skippedRows[kind]++;
      return;
    }
    const invoiceId = r.requiredText(c.invoiceId);
    const customerId = r.requiredText(customer.key);
    if (customerId !== undefined && customerIds !== undefined && !customerIds.has(customerId)) {
      r.report(customer.key, `${customer.key.header} row ${r.excelRow}: customer "${customerId}" is not in the Customers table`, "error",
        "problem.receivables.unknownCustomer", { customer: customerId });
    }
    const invoiceDate = r.requiredDate(c.invoiceDate);
    const dueDate = r.requiredDate(c.dueDate);
    if (invoiceDate !== undefined && dueDate !== undefined && dueDate < invoiceDate) {
      r.report(c.dueDate, `${c.dueDate.header} row ${r.excelRow}: due date is before the invoice date`, "error", "problem.receivables.dueBeforeInvoice");
    }
    const amount = r.requiredNumber(amountColumn);
    const paidAmount = r.number(c.paidAmount);
    const openAmount = r.number(c.openAmount);
    const settledDate = r.date(c.settledDate);
    const currency = r.text(c.currency) ?? currencyOfHeader;
    const isDisputed = r.boolean(c.disputed);
    const name = customer.name === undefined ? undefined : customer.name === customer.key ? customerId : r.text(customer.name);
    if (r.errorCount > 0) return;
    if (invoiceId === undefined || customerId === undefined || invoiceDate === undefined || dueDate === undefined || amount === undefined) return;
    if (!seen.add(invoiceId)) {
      r.report(c.invoiceId, `${c.invoiceId.header} row ${r.excelRow}: invoice id "${invoiceId}" appears more than once`, "warning",
        "problem.receivables.duplicateInvoice", { invoice: invoiceId });
    }
    if (name !== undefined && !customerNames.has(customerId)) customerNames.set(customerId, name);
    builder.add(invoiceId, customerId, invoiceDate, dueDate, amount, paidAmount, openAmount, settledDate, currency ? currency.toUpperCase() : undefined, isDisputed === true);
    sheetRows[count++] = r.sheetRow;
  });
  skippedRows.spacer += blankRun;
  return { ledger: builder.build(), sheetRows: sheetRows.subarray(0, count), customerNames, skippedRows, isOpenAmountOnly, headerCurrency: currencyOfHeader };
}

/**
 * What the recognition report says about a Receivables reading (message ids `recognition.*`, for
 * the CLI's and the pane's "recognised / mapped / skipped" lines): the report rows skipped by
 * kind, an open-amount-only list, a currency read from a header.
 * @example receivablesNotes(readReceivables(table, "1900", undefined, []), table)
 *   //=> [{ id: "recognition.skipped.note", params: { count: 1, sheet: "Open Invoices" } }, { id: "recognition.openAmountOnly", … }, { id: "recognition.headerCurrency", params: { currency: "ILS", header: "Open Advance (ILS)" } }]
 */
export function receivablesNotes(reading: ReceivablesReading, table: RecognisedTable): RecognitionNote[] {
  const sheet = table.source.sheet;
  const notes = reading.skippedRows ? skippedRowNotes(reading.skippedRows, sheet) : [];
  if (reading.isOpenAmountOnly) notes.push({ id: "recognition.openAmountOnly", params: { sheet } });
  if (reading.headerCurrency !== undefined) {
    const amountIndex = table.columns.amount ?? table.columns.openAmount;
    notes.push({ id: "recognition.headerCurrency", params: { currency: reading.headerCurrency, header: amountIndex === undefined ? "" : table.source.headers[amountIndex] } });
  }
  return notes;
}
