/**
 * Customers derived from the ledger (issue 20): a workbook with an open-items list and no
 * Customers table is still reviewed, with one customer per distinct value of the ledger's
 * customer column.
 *
 * - The ledger's customer column is an id column ("Customer ID", "客户编号"), possibly beside a
 *   name column ("Customer Name", "客户名称"): the id is the cell's text, the name the first
 *   name seen for it (else the id).
 * - A **name-only** ledger (its customer column is headed like a name: "Customer", "Name",
 *   "Party", "Partner", "客户", "客户名称", …) gets stable ids: `N-` and the 8 hex digits of the
 *   32-bit FNV-1a hash of the normalised name (NFKC, trimmed, inner white space collapsed to one
 *   space, lower case). The same name gives the same id in every run, on every machine and in
 *   the Customers sheet that `init --from-ledger` writes, so a later review of the same ledger
 *   against that sheet finds its customers; names that differ only in case or spacing are one
 *   customer.
 *
 * The ledger is read with the customer texts as given and renamed afterwards
 * (`renameLedgerCustomers`), so the rules over the ledger stay the receivables reader's.
 * @example customerNameId("Arava Motors Ltd") === customerNameId("  ARAVA  motors ltd ") //=> true
 */
import type { Customer } from "../engine/portfolio/types";
import type { Ledger } from "../engine/receivables/Ledger";
import { isBlank } from "../engine/values/isBlank";
import { readText } from "../engine/values/readText";
import type { CellValue } from "../host/WorkbookPort";
import { customerRoleOf, matchHeader, normaliseHeader } from "./headerAliases";
import type { RecognisedTable } from "./types";

/**
 * Headers of a ledger's customer column that hold the customer's name rather than an id (the
 * open-items reports of QuickBooks "Name"/"Customer", ERPNext "Party", Odoo "Partner", aging
 * sheets' "Customer", Kingdee/Yonyou 客户/客户名称), besides the Customers table's name aliases.
 */
export const CUSTOMER_NAME_HEADERS: readonly string[] = [
  "Customer", "Customer Name", "Name", "Party", "Party Name", "Partner", "Client", "Client Name", "Debtor", "Account Name",
  "客户", "客户名称", "客户全称", "往来单位", "往来单位名称", "单位名称",
];

const NAME_HEADERS = new Set(CUSTOMER_NAME_HEADERS.map(normaliseHeader));

/** Whether a header names a customer's name (not an id). @example isCustomerNameHeader("客户名称") //=> true */
export function isCustomerNameHeader(header: string): boolean {
  return NAME_HEADERS.has(normaliseHeader(header)) || matchHeader("customers", header) === "name";
}

/** A name reduced for its id: NFKC, trimmed, inner white space one space, lower case. */
export function normaliseCustomerName(name: string): string {
  return name.normalize("NFKC").trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * The stable id of a customer known only by name: "N-" + FNV-1a (32-bit) of the normalised name, in hex.
 * @example customerNameId("") //=> "N-811c9dc5"
 */
export function customerNameId(name: string): string {
  const text = normaliseCustomerName(name);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `N-${hash.toString(16).padStart(8, "0")}`;
}

/** How a ledger names its customers: the column read as the customer, a name column, and whether the customer column is a name. */
export interface LedgerCustomerColumns {
  /** Column (index in the source) read as the ledger's customer; undefined when there is none. */
  customerColumn?: number;
  /** A separate name column, when the customer column is an id. */
  nameColumn?: number;
  /** The customer column holds names: ids are derived with customerNameId. */
  isNameOnly: boolean;
}

/** The customer columns of a recognised Receivables table. */
export function ledgerCustomerColumns(table: RecognisedTable): LedgerCustomerColumns {
  const recognised = table.columns.customerId;
  if (recognised === undefined) return { isNameOnly: false };
  const headerOf = (i: number): string => String(table.source.headers[i] ?? "").trim();
  // Of two customer columns the one holding numbers is the key ("Customer Number" beside
  // "Customer Name", as Oracle and SAP export them): the rule readReceivables follows.
  const idColumn = table.source.headers.findIndex((_, i) => matchHeader("receivables", headerOf(i)) === "customerId" && customerRoleOf(headerOf(i)) === "id");
  const customerColumn = idColumn >= 0 ? idColumn : recognised;
  if (customerColumn !== recognised) return { customerColumn, nameColumn: recognised, isNameOnly: false };
  if (isCustomerNameHeader(headerOf(recognised))) return { customerColumn, isNameOnly: true };
  const nameColumn = table.source.headers.findIndex((h, i) => i !== customerColumn && matchHeader("customers", String(h ?? "")) === "name");
  return { customerColumn, nameColumn: nameColumn >= 0 ? nameColumn : undefined, isNameOnly: false };
}

/** A cell's text as the row reader reads it ("" when blank or unreadable). */
export function cellText(value: CellValue | undefined): string {
  if (value === undefined || isBlank(value)) return "";
  const text = readText(value, "");
  return text.ok ? text.value : "";
}

/** The customers a ledger names, in order of first appearance: the text in its customer column, its id and name. */
export interface LedgerCustomers {
  columns: LedgerCustomerColumns;
  /** Customer text as in the ledger → customer id (the text itself unless name-only). */
  idOf: Map<string, string>;
  /** Customer id → name (first seen). */
  nameOf: Map<string, string>;
}

export function ledgerCustomers(table: RecognisedTable): LedgerCustomers {
  const columns = ledgerCustomerColumns(table);
  const idOf = new Map<string, string>();
  const nameOf = new Map<string, string>();
  const { customerColumn, nameColumn, isNameOnly } = columns;
  if (customerColumn === undefined) return { columns, idOf, nameOf };
  for (const row of table.source.rows) {
    const text = cellText(row[customerColumn]);
    if (text === "" || idOf.has(text)) continue;
    const id = isNameOnly ? customerNameId(text) : text;
    idOf.set(text, id);
    const name = isNameOnly ? text : nameColumn !== undefined ? cellText(row[nameColumn]) : "";
    if (!nameOf.has(id) || nameOf.get(id) === "") nameOf.set(id, name);
  }
  return { columns, idOf, nameOf };
}

/**
 * The ledger with its customers renamed (`rename(text)` → id): customers that get the same id
 * become one customer number. The rows are kept as they are.
 */
export function renameLedgerCustomers(ledger: Ledger, rename: (text: string) => string): Ledger {
  const customerIds: string[] = [];
  const customerNumber = new Map<string, number>();
  const renumber = new Int32Array(ledger.customerIds.length);
  ledger.customerIds.forEach((text, n) => {
    const id = rename(text);
    let number = customerNumber.get(id);
    if (number === undefined) {
      number = customerIds.length;
      customerIds.push(id);
      customerNumber.set(id, number);
    }
    renumber[n] = number;
  });
  const customer = new Int32Array(ledger.length);
  for (let i = 0; i < ledger.length; i++) customer[i] = renumber[ledger.customer[i]];
  return { ...ledger, customerIds, customerNumber, customer };
}

/** One Customer per customer of the ledger (no scores, no financials, no limit: the user adds them). */
export function derivedCustomers(ledger: Ledger, nameOf: ReadonlyMap<string, string>): Customer[] {
  return ledger.customerIds.map((customerId): Customer => {
    const name = nameOf.get(customerId);
    return name ? { customerId, name, scores: {} } : { customerId, scores: {} };
  });
}
