/**
 * Checks receivable items before they are summed (credit-method.md §1, §6): amounts finite, a due
 * date not before the invoice date, day numbers whole. The error names the row (1-based, in the
 * order given) and the field, so that no wrong total is ever produced from a bad row.
 * @example validateReceivables([{ invoiceId: "I1", customerId: "C", invoiceDate: 10, dueDate: 5, amount: 1 }])
 *   //=> err(invalidInput(at("Receivables DueDate", { row: 1 }), detail("beforeInvoiceDate")))
 */
import { at, detail, err, type Field, invalidInput, ok, type Result } from "../errors";
import type { ReceivableItem } from "../portfolio/types";

export function validateReceivables(items: ReceivableItem[], table = "Receivables"): Result<ReceivableItem[]> {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const where = (field: string): Field => at(`${table} ${field}`, { row: i + 1 });
    const money: [string, number | undefined][] = [["Amount", item.amount], ["OpenAmount", item.openAmount], ["PaidAmount", item.paidAmount]];
    for (const [field, value] of money) {
      if (value !== undefined && !Number.isFinite(value)) return err(invalidInput(where(field), detail("notFinite")));
    }
    const dates: [string, number | undefined][] = [["InvoiceDate", item.invoiceDate], ["DueDate", item.dueDate], ["SettledDate", item.settledDate]];
    for (const [field, value] of dates) {
      if (value !== undefined && !Number.isInteger(value)) return err(invalidInput(where(field), detail("notDate")));
    }
    if (item.dueDate < item.invoiceDate) return err(invalidInput(where("DueDate"), detail("beforeInvoiceDate")));
  }
  return ok(items);
}
