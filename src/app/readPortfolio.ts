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

export interface PortfolioReading {
  portfolio: Portfolio;
  policy: Policy;
  policySource: "sheet" | "default";
  problems: Problem[];
}

function structuralProblems(recognition: Recognition): Problem[] {
  const problems: Problem[] = [];
  for (const kind of recognition.missingTables) {
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

export function readPortfolio(snapshot: WorkbookSnapshot, recognition: Recognition): PortfolioReading {
  const problems = structuralProblems(recognition);
  const { tables } = recognition;
  const system = snapshot.dateSystem;
  const customerRows = usable(tables.customers) ? readCustomers(tables.customers, system, problems) : [];
  const customerIds = new Set(customerRows.map((c) => c.customer.customerId));
  const financials = usable(tables.financials) ? readFinancials(tables.financials, system, customerIds, problems) : [];
  const receivables = usable(tables.receivables) ? readReceivables(tables.receivables, system, customerIds, problems) : { ledger: ledgerOf([]), sheetRows: new Int32Array(0) };
  const orders = usable(tables.orders) ? readOrders(tables.orders, system, customerIds, problems) : [];
  const { policy, policySource } = readPolicySheet(tables.policy, system, problems);
  problems.push(...currencyProblems(customerRows, receivables, tables));
  return {
    portfolio: {
      customers: customerRows.map((c) => c.customer),
      financials,
      receivables: receivables.ledger,
      orders,
    },
    policy,
    policySource,
    problems,
  };
}
