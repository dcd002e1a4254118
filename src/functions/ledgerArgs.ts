/**
 * The receivables ledger and the customer list of the review functions (CREDIT.PAYMENTRECORD,
 * DAYSLATE, POSITION, EXPOSURE), read from the columns of the Receivables table as Excel hands
 * them into the engine's columnar Ledger, the same structure the review reads the table into.
 * A wholly blank row is skipped; a refused cell gives an error naming the argument and row (the
 * field text is built only then: one call reads a million rows).
 */
import { dayOfSerial1900, type DayNumber } from "../engine/dates/dayNumber";
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import { ledgerBuilder, type Ledger } from "../engine/receivables/Ledger";
import { isBlank } from "../engine/values/isBlank";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import { readDate, type Cell } from "./args";
import { cellAt, checkedColumn, type ColumnCells } from "./columnCells";
import { readRowCell } from "./receivablesAdapters";

/** The ledger columns, each a column's cells (an omitted optional one undefined). */
export interface LedgerCells {
  ledgerCustomers: ColumnCells;
  dueDates: ColumnCells;
  amounts: ColumnCells;
  settledDates: ColumnCells;
  invoiceIds?: ColumnCells;
  invoiceDates?: ColumnCells;
  paidAmounts?: ColumnCells;
  openAmounts?: ColumnCells;
  disputed?: ColumnCells;
}

type Name = keyof LedgerCells;
/** Every column a ledger can be read from. */
export const LEDGER_COLUMNS: readonly Name[] = ["ledgerCustomers", "dueDates", "amounts", "settledDates", "invoiceIds", "invoiceDates", "paidAmounts", "openAmounts", "disputed"];

const text = (cell: Cell, name: string, i: number): Result<string> => (typeof cell === "string" ? ok(cell.trim()) : readRowCell(readText, cell, name, i));
const date = (cell: Cell, name: string, i: number): Result<DayNumber> => {
  const day = typeof cell === "number" ? dayOfSerial1900(cell) : undefined;
  return day !== undefined ? ok(day) : readRowCell(readDate, cell, name, i);
};
const amount = (cell: Cell, name: string, i: number): Result<number> =>
  typeof cell === "number" && Number.isFinite(cell) ? ok(cell) : readRowCell(readNumber, cell, name, i);

/** The ledger of the given columns (all the same length; each checked first, see checkedColumn). */
export function ledgerOfCells(given: LedgerCells): Result<Ledger> {
  const checked = checkedCells(given);
  if (!checked.ok) return checked;
  const cells = checked.value;
  const n = cells.ledgerCustomers.length;
  for (const name of LEDGER_COLUMNS) {
    const column = cells[name];
    if (column !== undefined && column.length !== n) return err(invalidInput(name, detail("rowsMismatch", { count: column.length, other: "ledgerCustomers", otherCount: n })));
  }
  const builder = ledgerBuilder(n);
  for (let from = 0; from < n; from += CHUNK) {
    const bad = addRows(builder, cells, from, Math.min(n, from + CHUNK));
    if (bad) return bad;
  }
  return ok(builder.build());
}

const CHUNK = 8192;

/** The columns with every row checked (checkedColumn), or the first one's error. */
export function checkedCells(cells: LedgerCells): Result<LedgerCells> {
  const out: LedgerCells = { ...cells };
  for (const name of LEDGER_COLUMNS) {
    const column = cells[name];
    if (column === undefined) continue;
    const checked = checkedColumn(column);
    if (!checked.ok) return checked;
    out[name] = checked.value;
  }
  return ok(out);
}

/** The yes/no words of a disputed column, read once each (readBoolean's words). */
const YES_NO = new Map<string, boolean>();
for (const word of ["yes", "no", "y", "n", "true", "false", "是", "否", "x", ""]) {
  for (const cell of [word, word.toUpperCase(), word.charAt(0).toUpperCase() + word.slice(1)]) {
    const r = readBoolean(cell, "disputed");
    if (r.ok) YES_NO.set(cell, r.value);
  }
}

const isEmpty = (cell: Cell): boolean => cell === "" || cell === null || cell === undefined;

/**
 * Rows [from, to) into the builder. A row of plain cells (text customer, serial dates, finite
 * numbers, blank or serial settled date, no optional column) is added straight, with no Result
 * or field text per cell (a million rows per call, issue 14); any other row goes through addRow,
 * which reads every cell with its reader and names a refused one. In chunks: a function called
 * many times is optimised as a whole (see agingOfColumnRanges on code thrown away).
 */
function addRows(builder: ReturnType<typeof ledgerBuilder>, c: LedgerCells, from: number, to: number): Result<never> | undefined {
  const { ledgerCustomers, dueDates, amounts, settledDates, invoiceDates, invoiceIds } = c;
  const { paidAmounts, openAmounts, disputed } = c;
  for (let i = from; i < to; i++) {
    const customer = cellAt(ledgerCustomers, i);
    const due = cellAt(dueDates, i);
    const value = cellAt(amounts, i);
    const settled = cellAt(settledDates, i);
    const invoiced = invoiceDates === undefined ? 0 : cellAt(invoiceDates, i);
    const id = invoiceIds === undefined ? "" : cellAt(invoiceIds, i);
    const paid = paidAmounts === undefined ? undefined : cellAt(paidAmounts, i);
    const open = openAmounts === undefined ? undefined : cellAt(openAmounts, i);
    const flag = disputed === undefined ? false : cellAt(disputed, i);
    const isDisputed = typeof flag === "boolean" ? flag : isEmpty(flag) ? false : typeof flag === "string" ? YES_NO.get(flag) : undefined;
    const paidValue = typeof paid === "number" && Number.isFinite(paid) ? paid : isEmpty(paid) ? undefined : Number.NaN;
    const openValue = typeof open === "number" && Number.isFinite(open) ? open : isEmpty(open) ? undefined : Number.NaN;
    if (isDisputed !== undefined && !Number.isNaN(paidValue) && !Number.isNaN(openValue) && typeof customer === "string" && typeof due === "number" && typeof value === "number" && Number.isFinite(value) && typeof invoiced === "number" && typeof id === "string") {
      const dueDay = dayOfSerial1900(due);
      const invoiceDay = invoiceDates === undefined ? Number.NEGATIVE_INFINITY : dayOfSerial1900(invoiced);
      const settledDay = typeof settled === "number" ? dayOfSerial1900(settled) : isEmpty(settled) ? Number.NaN : undefined;
      const customerId = customer.trim();
      if (dueDay !== undefined && invoiceDay !== undefined && settledDay !== undefined && customerId !== "") {
        builder.add(id.trim(), customerId, invoiceDay, dueDay, value, paidValue, openValue, settledDay === settledDay ? settledDay : undefined, undefined, isDisputed);
        continue;
      }
    }
    const bad = addRow(builder, c, i);
    if (bad) return bad;
  }
  return undefined;
}

function isBlankRow(cells: LedgerCells, i: number): boolean {
  for (const name of LEDGER_COLUMNS) {
    const column = cells[name];
    if (column !== undefined && !isBlank(cellAt(column, i))) return false;
  }
  return true;
}

function addRow(builder: ReturnType<typeof ledgerBuilder>, c: LedgerCells, i: number): Result<never> | undefined {
  // A number in the amount column is never blank: most rows skip the blank-row check.
  if (typeof cellAt(c.amounts, i) !== "number" && isBlankRow(c, i)) return undefined;
  const customer = text(cellAt(c.ledgerCustomers, i), "ledgerCustomers", i);
  if (!customer.ok) return customer;
  const invoiceDay = c.invoiceDates === undefined ? ok(Number.NEGATIVE_INFINITY) : date(cellAt(c.invoiceDates, i), "invoiceDates", i);
  if (!invoiceDay.ok) return invoiceDay;
  const dueDay = date(cellAt(c.dueDates, i), "dueDates", i);
  if (!dueDay.ok) return dueDay;
  const value = amount(cellAt(c.amounts, i), "amounts", i);
  if (!value.ok) return value;
  const settledCell = cellAt(c.settledDates, i);
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
  const disputed = c.disputed === undefined ? ok(false) : readRowCell(readBoolean, cellAt(c.disputed, i), "disputed", i);
  if (!disputed.ok) return disputed;
  let invoiceId = "";
  if (c.invoiceIds !== undefined && !isBlank(cellAt(c.invoiceIds, i))) {
    const id = text(cellAt(c.invoiceIds, i), "invoiceIds", i);
    if (!id.ok) return id;
    invoiceId = id.value;
  }
  builder.add(invoiceId, customer.value, invoiceDay.value, dueDay.value, value.value, paid.value, open.value, settled, undefined, disputed.value);
  return undefined;
}

function optionalAmount(column: ColumnCells | undefined, name: string, i: number): Result<number | undefined> {
  if (column === undefined || isBlank(cellAt(column, i))) return ok(undefined);
  return amount(cellAt(column, i), name, i);
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
