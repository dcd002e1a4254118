/**
 * Every cache the review functions keep between calls (ledgers, financials tables, customer
 * indexes), cleared at once: for tests, and for the benchmark's chain after a ledger edit.
 */
import { clearFinancialsCache } from "./financialsCache";
import { clearLedgerCache } from "./ledgerCache";

/** Forget everything the functions keep between calls. */
export function clearFunctionCaches(): void {
  clearLedgerCache();
  clearFinancialsCache();
}
