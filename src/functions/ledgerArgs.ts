/**
 * The receivables ledger and the customer list of the review functions (CREDIT.PAYMENTRECORD,
 * DAYSLATE, POSITION, EXPOSURE), read from the columns of the Receivables table as Excel hands
 * them into the engine's columnar Ledger, the same structure the review reads the table into.
 * A wholly blank row is skipped; a refused cell gives an error naming the argument and row (the
 * field text is built only then: one call reads a million rows).
 */
import { dayOfSerial1900, type DayNumber } from "../engine/dates/dayNumber";
import { err, invalidInput, ok, type Result } from "../engine/errors";
import { ledgerBuilder, type Ledger } from "../engine/receivables/Ledger";
import { isBlank } from "../engine/values/isBlank";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import { readDate, type Cell } from "./args";
import { readRowCell } from "./receivablesAdapters";

/** The ledger columns, each a column's cells (an omitted optional one undefined). */
export interface LedgerCells {
  ledgerCustomers: Cell[];
  dueDates: Cell[];
  amounts: Cell[];
  settledDates: Cell[];
  invoiceIds?: Cell[];
  invoiceDates?: Cell[];
  paidAmounts?: Cell[];
  openAmounts?: Cell[];
  disputed?: Cell[];
}

type Name = keyof LedgerCells;
const NAMES: readonly Name[] = ["ledgerCustomers", "dueDates", "amounts", "settledDates", "invoiceIds", "invoiceDates", "paidAmounts", "openAmounts", "disputed"];

const text = (cell: Cell, name: string, i: number): Result<string> => (typeof cell === "string" ? ok(cell.trim()) : readRowCell(readText, cell, name, i));
const date = (cell: Cell, name: string, i: number): Result<DayNumber> => {
  const day = typeof cell === "number" ? dayOfSerial1900(cell) : undefined;
  return day !== undefined ? ok(day) : readRowCell(readDate, cell, name, i);
};
const amount = (cell: Cell, name: string, i: number): Result<number> =>
  typeof cell === "number" && Number.isFinite(cell) ? ok(cell) : readRowCell(readNumber, cell, name, i);

/** The ledger of the given columns (all the same length). */
export function ledgerOfCells(cells: LedgerCells): Result<Ledger> {
  const n = cells.ledgerCustomers.length;
  for (const name of NAMES) {
    const column = cells[name];
    if (column !== undefined && column.length !== n) return err(invalidInput(name, `has ${column.length} rows but ledgerCustomers has ${n}`));
  }
  const builder = ledgerBuilder(n);
  for (let i = 0; i < n; i++) {
    const bad = addRow(builder, cells, i);
    if (bad) return bad;
  }
  return ok(builder.build());
}

function isBlankRow(cells: LedgerCells, i: number): boolean {
  for (const name of NAMES) {
    const column = cells[name];
    if (column !== undefined && !isBlank(column[i])) return false;
  }
  return true;
}

function addRow(builder: ReturnType<typeof ledgerBuilder>, c: LedgerCells, i: number): Result<never> | undefined {
  // A number in the amount column is never blank: most rows skip the blank-row check.
  if (typeof c.amounts[i] !== "number" && isBlankRow(c, i)) return undefined;
  const customer = text(c.ledgerCustomers[i], "ledgerCustomers", i);
  if (!customer.ok) return customer;
  const invoiceDay = c.invoiceDates === undefined ? ok(Number.NEGATIVE_INFINITY) : date(c.invoiceDates[i], "invoiceDates", i);
  if (!invoiceDay.ok) return invoiceDay;
  const dueDay = date(c.dueDates[i], "dueDates", i);
  if (!dueDay.ok) return dueDay;
  const value = amount(c.amounts[i], "amounts", i);
  if (!value.ok) return value;
  const settledCell = c.settledDates[i];
  let settled: DayNumber | undefined;
  if (!isBlank(settledCell)) {
    const s = date(settledCell, "settledDates", i);
    if (!s.ok) return s;
    settled = s.value;
  }
  const paid = optionalAmount(c.paidAmounts, "paidAmounts", i);
  if (!paid.ok) return paid;
  const open = optionalAmount(c.openAmounts, "openAmounts", i);
  if (!open.ok) return open;
  const disputed = c.disputed === undefined ? ok(false) : readRowCell(readBoolean, c.disputed[i], "disputed", i);
  if (!disputed.ok) return disputed;
  let invoiceId = "";
  if (c.invoiceIds !== undefined && !isBlank(c.invoiceIds[i])) {
    const id = text(c.invoiceIds[i], "invoiceIds", i);
    if (!id.ok) return id;
    invoiceId = id.value;
  }
  builder.add(invoiceId, customer.value, invoiceDay.value, dueDay.value, value.value, paid.value, open.value, settled, undefined, disputed.value);
  return undefined;
}

function optionalAmount(column: Cell[] | undefined, name: string, i: number): Result<number | undefined> {
  if (column === undefined || isBlank(column[i])) return ok(undefined);
  return amount(column[i], name, i);
}

/** The customers to report, one per output row: their ids (blank: "") and ledger numbers (−1: no rows in the ledger). */
export function customerNumbers(customerIds: Cell[], ledger: Pick<Ledger, "customerNumber">): { ids: string[]; numbers: Int32Array } {
  const ids = new Array<string>(customerIds.length);
  const numbers = new Int32Array(customerIds.length);
  for (let k = 0; k < customerIds.length; k++) {
    const cell = customerIds[k];
    const id = typeof cell === "string" ? cell.trim() : typeof cell === "number" && Number.isFinite(cell) ? String(cell) : "";
    ids[k] = id;
    numbers[k] = id === "" ? -1 : (ledger.customerNumber.get(id) ?? -1);
  }
  return { ids, numbers };
}
