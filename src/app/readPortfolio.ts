/**
 * Read the recognised input tables into the engine's Portfolio and Policy, validating every
 * cell (credit-method.md §1): missing tables and required columns, duplicate customer ids,
 * receivables or orders of unknown customers, non-numeric amounts, bad dates, a due date before
 * its invoice date, scores outside 0–10, mixed currencies, Policy keys and values. Each problem
 * names its table, sheet, 0-based sheet row (headerRow + 1 + data index) and column. Blank rows
 * are skipped. Problems of severity "error" mean no review may be written.
 */
import type { Policy } from "../engine/policy/Policy";
import type { Portfolio } from "../engine/portfolio/types";
import type { WorkbookSnapshot } from "../host/WorkbookPort";
import { TABLE_FIELDS, fieldSpec } from "./headerAliases";
import { readCustomers, type CustomerRow } from "./readCustomers";
import { readFinancials } from "./readFinancials";
import { readOrders } from "./readOrders";
import { readPolicySheet } from "./readPolicySheet";
import { ledgerOf } from "../engine/receivables/Ledger";
import { readReceivables, type ReceivablesReading } from "./readReceivables";
import { isOnHiddenSheet, tableLabel } from "./recogniseTables";
import { cellPosition } from "./rowReader";
import type { Problem, RecognisedTable, Recognition } from "./types";
import { createTranslator } from "../i18n/translator";
import type { MessageId } from "../i18n/messages";
import { customerNameId, derivedCustomers, ledgerCustomers, normaliseCustomerName, renameLedgerCustomers, type LedgerCustomers } from "./deriveCustomers";
import type { Ledger } from "../engine/receivables/Ledger";

export interface PortfolioReading {
  portfolio: Portfolio;
  policy: Policy;
  policySource: "sheet" | "default";
  problems: Problem[];
  /** Set when the workbook has no Customers table and the customers were derived from the ledger. */
  derived?: DerivedCustomers;
}

/** What was derived from the ledger in a receivables-only review. */
export interface DerivedCustomers {
  customers: number;
  /** The ledger's customer column held names: ids are `customerNameId` of each name. */
  isNameOnly: boolean;
  /** The header of the ledger's customer column. */
  column: string;
}

function structuralProblems(recognition: Recognition): Problem[] {
  const problems: Problem[] = [];
  // A ledger without a Customers table is reviewed: its customers are derived from it.
  const isLedgerOnly = usable(recognition.tables.receivables);
  for (const kind of recognition.missingTables) {
    if (kind === "customers" && isLedgerOnly) continue;
    const spec = TABLE_FIELDS[kind];
    problems.push({
      severity: "error", table: spec.tableName, sheet: "", row: -1, column: -1, field: "",
      message: `No ${spec.tableName} table found: add a table with the columns ${spec.required.map((f) => fieldSpec(kind, f)?.header ?? f).join(", ")}`,
    });
  }
  for (const table of Object.values(recognition.tables)) {
    if (isOnHiddenSheet(table.source)) {
      problems.push({
        severity: "warning", table: table.source.name, sheet: table.source.sheet,
        row: table.source.headerRow, column: table.source.firstColumn, field: "",
        message: `${TABLE_FIELDS[table.kind].tableName} table ${tableLabel(table.source)} is used: no visible sheet holds a ${TABLE_FIELDS[table.kind].tableName} table`,
      });
    }
    for (const field of table.missingRequired) {
      problems.push({
        severity: "error", table: table.source.name, sheet: table.source.sheet,
        row: table.source.headerRow, column: table.source.firstColumn, field,
        message: `${TABLE_FIELDS[table.kind].tableName} table ${tableLabel(table.source)} has no ${fieldSpec(table.kind, field)?.header ?? field} column`,
      });
    }
  }
  return problems;
}

const usable = (table: RecognisedTable | undefined): table is RecognisedTable => table !== undefined && table.missingRequired.length === 0;

function currencyProblems(customers: CustomerRow[], receivables: ReceivablesReading, tables: Recognition["tables"]): Problem[] {
  const byCustomer = new Map(customers.map((c) => [c.customer.customerId, c.customer.currency]));
  // The currencies seen, and the first sighting that differs from the first one (no object per row).
  const currencies = new Set<string>();
  let first: string | undefined;
  let odd: { table: RecognisedTable; sheetRow: number } | undefined;
  // Only a currency that differs from the first goes to the set: most rows have the first (issue 6).
  const see = (currency: string | undefined, table: RecognisedTable | undefined, sheetRow: number): void => {
    if (!currency || !table || currency === first) return;
    currencies.add(currency);
    if (first === undefined) first = currency;
    else if (odd === undefined) odd = { table, sheetRow };
  };
  for (const c of customers) see(c.customer.currency, tables.customers, c.sheetRow);
  const { ledger, sheetRows } = receivables;
  const customerCurrency = ledger.customerIds.map((id) => byCustomer.get(id));
  for (let i = 0; i < ledger.length; i++) {
    const code = ledger.currency[i];
    see(code !== 0 ? ledger.currencies[code] : customerCurrency[ledger.customer[i]], tables.receivables, sheetRows[i]);
  }
  if (currencies.size <= 1 || odd === undefined) return [];
  const hasCurrencyColumn = odd.table.columns.currency !== undefined;
  const position = hasCurrencyColumn
    ? cellPosition(odd.table, odd.sheetRow - odd.table.source.headerRow - 1, "currency")
    : { row: odd.sheetRow, column: odd.table.source.firstColumn };
  return [{
    severity: "error", table: odd.table.source.name, sheet: odd.table.source.sheet, ...position, field: "currency",
    message: `Mixed currencies ${[...currencies].sort().join(", ")}: amounts in different currencies are never added together; review one currency at a time${isOnHiddenSheet(odd.table.source) ? ` (hidden sheet ${odd.table.source.sheet})` : ""}`,
  }];
}

/**
 * How the ledger's customer texts become customer ids: itself when it is a customer id; for a
 * name-only ledger, the id of the Customers row of that name, else customerNameId(name).
 */
function customerKey(customerRows: readonly CustomerRow[], names: LedgerCustomers | undefined): (text: string) => string {
  if (names === undefined || !names.columns.isNameOnly) return (text) => text;
  const ids = new Set(customerRows.map((c) => c.customer.customerId));
  const byName = new Map<string, string>();
  for (const { customer } of customerRows) {
    if (customer.name !== undefined && !byName.has(normaliseCustomerName(customer.name))) byName.set(normaliseCustomerName(customer.name), customer.customerId);
  }
  return (text) => (ids.has(text) ? text : byName.get(normaliseCustomerName(text)) ?? customerNameId(text));
}

function derivedProblem(table: RecognisedTable, derived: DerivedCustomers): Problem {
  const id: MessageId = derived.isNameOnly ? "ledger.derivedCustomersByName" : "ledger.derivedCustomers";
  const params = { count: derived.customers, column: derived.column, table: table.source.name };
  return {
    severity: "warning", table: table.source.name, sheet: table.source.sheet,
    row: table.source.headerRow, column: table.source.firstColumn + (table.columns.customerId ?? 0), field: "customerId",
    message: createTranslator("en-US").t(id, params), id, params,
  };
}

export function readPortfolio(snapshot: WorkbookSnapshot, recognition: Recognition): PortfolioReading {
  const problems = structuralProblems(recognition);
  const { tables } = recognition;
  const system = snapshot.dateSystem;
  const ledgerTable = usable(tables.receivables) ? tables.receivables : undefined;
  const isLedgerOnly = ledgerTable !== undefined && tables.customers === undefined;
  const names = ledgerTable ? ledgerCustomers(ledgerTable) : undefined;
  const customerRows = usable(tables.customers) ? readCustomers(tables.customers, system, problems) : [];
  const key = customerKey(customerRows, names);
  const customerIds = new Set(customerRows.map((c) => c.customer.customerId));
  // The ledger's customer texts the receivables reader accepts: every one when the customers come from the ledger.
  const accepted = isLedgerOnly
    ? new Set(names?.idOf.keys())
    : names?.columns.isNameOnly ? new Set([...names.idOf.keys()].filter((text) => customerIds.has(key(text)))) : customerIds;
  const read = ledgerTable ? readReceivables(ledgerTable, system, accepted, problems) : { ledger: ledgerOf([]), sheetRows: new Int32Array(0) };
  const ledger: Ledger = names?.columns.isNameOnly ? renameLedgerCustomers(read.ledger, key) : read.ledger;
  const receivables: ReceivablesReading = { ledger, sheetRows: read.sheetRows };
  const customers = isLedgerOnly ? derivedCustomers(ledger, names?.nameOf ?? new Map<string, string>()) : customerRows.map((c) => c.customer);
  const knownIds = isLedgerOnly ? new Set(ledger.customerIds) : customerIds;
  const financials = usable(tables.financials) ? readFinancials(tables.financials, system, knownIds, problems) : [];
  const orders = usable(tables.orders) ? readOrders(tables.orders, system, knownIds, problems) : [];
  const { policy, policySource } = readPolicySheet(tables.policy, system, problems);
  problems.push(...currencyProblems(customerRows, receivables, tables));
  let derived: DerivedCustomers | undefined;
  if (isLedgerOnly && ledgerTable !== undefined) {
    const column = ledgerTable.columns.customerId;
    derived = { customers: customers.length, isNameOnly: names?.columns.isNameOnly === true, column: column === undefined ? "" : String(ledgerTable.source.headers[column] ?? "") };
    problems.push(derivedProblem(ledgerTable, derived));
  }
  return {
    portfolio: { customers, financials, receivables: ledger, orders },
    policy,
    policySource,
    problems,
    ...(derived ? { derived } : {}),
  };
}
