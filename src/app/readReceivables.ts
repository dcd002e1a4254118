/**
 * Receivables table rows → ReceivableItems (credit-method.md §1, §6): required invoice id,
 * known customer, valid invoice and due dates with the due date not before the invoice date,
 * numeric amounts (negative for credit notes and payments on account). The rows go straight into
 * the engine's columnar Ledger (no object per invoice), with the sheet row of each.
 */
import type { DateSystem } from "../engine/dates/dayNumber";
import { ledgerBuilder, type Ledger } from "../engine/receivables/Ledger";
import { columnsOf, forEachRow } from "./rowReader";
import { StringSet } from "./StringSet";
import type { Problem, RecognisedTable } from "./types";

/** The receivables read, and the sheet row each ledger row came from. */
export interface ReceivablesReading {
  ledger: Ledger;
  sheetRows: Int32Array;
}

const FIELDS = ["invoiceId", "customerId", "invoiceDate", "dueDate", "amount", "paidAmount", "openAmount", "settledDate", "currency", "disputed"] as const;

export function readReceivables(table: RecognisedTable, dateSystem: DateSystem, customerIds: ReadonlySet<string>, problems: Problem[]): ReceivablesReading {
  const builder = ledgerBuilder(table.source.rows.length);
  const sheetRows = new Int32Array(table.source.rows.length);
  let count = 0;
  const seen = new StringSet(table.source.rows.length);
  const c = columnsOf(table, FIELDS);
  forEachRow(table, dateSystem, problems, (r) => {
    const invoiceId = r.requiredText(c.invoiceId);
    const customerId = r.requiredText(c.customerId);
    if (customerId !== undefined && !customerIds.has(customerId)) {
      r.report(c.customerId, `${c.customerId.header} row ${r.dataIndex + 1}: customer "${customerId}" is not in the Customers table`);
    }
    const invoiceDate = r.requiredDate(c.invoiceDate);
    const dueDate = r.requiredDate(c.dueDate);
    if (invoiceDate !== undefined && dueDate !== undefined && dueDate < invoiceDate) {
      r.report(c.dueDate, `${c.dueDate.header} row ${r.dataIndex + 1}: due date is before the invoice date`);
    }
    const amount = r.requiredNumber(c.amount);
    const paidAmount = r.number(c.paidAmount);
    const openAmount = r.number(c.openAmount);
    const settledDate = r.date(c.settledDate);
    const currency = r.text(c.currency);
    const isDisputed = r.boolean(c.disputed);
    if (r.errorCount > 0) return;
    if (invoiceId === undefined || customerId === undefined || invoiceDate === undefined || dueDate === undefined || amount === undefined) return;
    if (!seen.add(invoiceId)) {
      r.report(c.invoiceId, `${c.invoiceId.header} row ${r.dataIndex + 1}: invoice id "${invoiceId}" appears more than once`, "warning");
    }
    builder.add(invoiceId, customerId, invoiceDate, dueDate, amount, paidAmount, openAmount, settledDate, currency ? currency.toUpperCase() : undefined, isDisputed === true);
    sheetRows[count++] = r.sheetRow;
  });
  return { ledger: builder.build(), sheetRows: sheetRows.subarray(0, count) };
}
