/** Small builders for receivable items in the receivables tests. */
import { dayFromCivil, type DayNumber } from "../../../src/engine/dates/dayNumber";
import type { ReceivableItem } from "../../../src/engine/portfolio/types";

export const day = (iso: string): DayNumber => {
  const [y, m, d] = iso.split("-").map(Number);
  return dayFromCivil(y, m, d);
};

let counter = 0;
export function invoice(partial: Partial<ReceivableItem> & { amount: number }): ReceivableItem {
  counter++;
  return {
    invoiceId: partial.invoiceId ?? `INV-${counter}`,
    customerId: partial.customerId ?? "C1",
    invoiceDate: partial.invoiceDate ?? day("2024-01-01"),
    dueDate: partial.dueDate ?? partial.invoiceDate ?? day("2024-01-31"),
    ...partial,
  };
}
