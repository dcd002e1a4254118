/**
 * Receivables table rows → ReceivableItems (credit-method.md §1, §6): required invoice id,
 * known customer, valid invoice and due dates with the due date not before the invoice date,
 * numeric amounts (negative for credit notes and payments on account). The rows go straight into
 * the engine's columnar Ledger (no object per invoice), with the sheet row of each.
 */
import type { DateSystem } from "../../engine/dates/dayNumber";
import { ledgerBuilder, type Ledger } from "../../engine/receivables/Ledger";
import { forEachRow, headerOf } from "./rowReader";
import type { Problem, RecognisedTable } from "./types";

/** The receivables read, and the sheet row each ledger row came from. */
export interface ReceivablesReading {
  ledger: Ledger;
  sheetRows: Int32Array;
}

export function readReceivables(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string>, problems: Problem[]): ReceivablesReading {
  const builder = ledgerBuilder(table.source.rows.length);
  const sheetRows = new Int32Array(table.source.rows.length);
  let count = 0;
  const seen = new Set<string>();
  forEachRow(table, dateSystem, problems, (r) => {
    const invoiceId = r.requiredText("invoiceId");
    const customerId = r.requiredText("customerId");
    if (customerId !== undefined && !customerIds.has(customerId)) {
      r.report("customerId", `${headerOf(table, "customerId")} row ${r.dataIndex + 1}: customer "${customerId}" is not in the Customers table`);
    }
    const invoiceDate = r.requiredDate("invoiceDate");
    const dueDate = r.requiredDate("dueDate");
    if (invoiceDate !== undefined && dueDate !== undefined && dueDate < invoiceDate) {
      r.report("dueDate", `${headerOf(table, "dueDate")} row ${r.dataIndex + 1}: due date is before the invoice date`);
    }
    const amount = r.requiredNumber("amount");
    const paidAmount = r.number("paidAmount");
    const openAmount = r.number("openAmount");
    const settledDate = r.date("settledDate");
    const currency = r.text("currency");
    const isDisputed = r.boolean("disputed");
    if (r.errorCount > 0) return;
    if (invoiceId === undefined || customerId === undefined || invoiceDate === undefined || dueDate === undefined || amount === undefined) return;
    if (seen.has(invoiceId)) {
      r.report("invoiceId", `${headerOf(table, "invoiceId")} row ${r.dataIndex + 1}: invoice id "${invoiceId}" appears more than once`, "warning");
    }
    seen.add(invoiceId);
    builder.add(invoiceId, customerId, invoiceDate, dueDate, amount, paidAmount, openAmount, settledDate, currency ? currency.toUpperCase() : undefined, isDisputed === true);
    sheetRows[count++] = r.sheetRow;
  });
  return { ledger: builder.build(), sheetRows: sheetRows.slice(0, count) };
}
