/**
 * Which ledger rows are unapplied cash (credit-method.md §6 "Open items and unapplied cash").
 * A negative row that belongs to no invoice — a payment on account or an unallocated credit —
 * reduces the customer's balance but is not aged: it goes to its own Unapplied column.
 *
 * Decision: a row is unapplied cash when its open amount is negative AND its InvoiceId is blank
 * or starts with a payment marker: PAY, PAYMENT, PMT, RCPT, RECEIPT, CASH, POA (payment on
 * account), UNAPPLIED, ON ACCOUNT / ON-ACCOUNT, 收款 or 预收 (case-insensitive, followed by a
 * non-letter or the end, so "PAY-0042" and "RCPT 17" match but "PAYNE-INV-7" does not).
 * A negative row with any other InvoiceId is a credit note: it stays an item and is aged in the
 * bucket of its own date.
 */
const PAYMENT_MARKER = /^(?:payment|pay|pmt|rcpt|receipt|cash|poa|unapplied|on[ -]?account|收款|预收)(?![a-z])/i;

/**
 * @example isPaymentMarker("PAY-0042") //=> true
 * @example isPaymentMarker("INV-7") //=> false
 */
export function isPaymentMarker(invoiceId: string): boolean {
  const id = invoiceId.trim();
  return id === "" || PAYMENT_MARKER.test(id);
}

/**
 * True when a row with this open amount (in cents) and invoice id is unapplied cash.
 * @example isUnappliedCash(-5000, "") //=> true
 * @example isUnappliedCash(-5000, "CN-12") //=> false (a credit note)
 * @example isUnappliedCash(5000, "") //=> false (a positive row is always an item)
 */
export function isUnappliedCash(openCents: number, invoiceId: string): boolean {
  return openCents < 0 && isPaymentMarker(invoiceId);
}
