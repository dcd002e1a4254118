/**
 * Every cache the review functions keep between calls (ledgers, the ledgers CREDIT.LEDGER holds,
 * financials tables, customer indexes), cleared at once: for tests, and for the benchmark's chain
 * after a ledger edit. Clearing the held ledgers is what a restart of the functions' runtime does.
 */
import { clearFinancialsCache } from "./financialsCache";
import { clearLedgerCache } from "./ledgerCache";
import { clearHeldLedgers } from "./ledgerHandles";

/** Forget everything the functions keep between calls. */
export function clearFunctionCaches(): void {
  clearLedgerCache();
  clearHeldLedgers();
  clearFinancialsCache();
}
