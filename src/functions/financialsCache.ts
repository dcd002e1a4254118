/**
 * The Financials table CREDIT.FINANCIALS and CREDIT.WARNINGS read, parsed once while its cells stay
 * the same. A what-if sheet hands the same table to five FINANCIALS calls (the figures LIMIT reads)
 * and to WARNINGS, and again at every recalculation; Excel hands each call new arrays, so the
 * table is kept by its cells: a call whose table has the same number of rows, each with the same
 * cells (===), as the one kept takes its periods by customer and what was picked from them at an
 * as-of date (the latest and prior period, financialFacts). Any other cell, row or column reads
 * the table again (readFinancialsTable, with its errors naming the cell); a refused table is not
 * kept.
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import { type Field, ok, type Result } from "../engine/errors";
import type { FinancialPeriod } from "../engine/portfolio/types";
import { financialFacts, type FinancialFacts } from "../engine/review/financialFacts";
import { latestFinancials } from "../engine/review/latestFinancials";
import type { Cell } from "./args";
import { readFinancialsTable } from "./financialsArgs";

export interface CachedFinancials {
  /** The periods of each customer id, as readFinancialsTable groups them. */
  readonly byCustomer: ReadonlyMap<string, FinancialPeriod[]>;
  /** latestFinancials of a customer's periods at an as-of date (computed once per customer and date). */
  latest(id: string, asOf: DayNumber): { latest?: FinancialPeriod; prior?: FinancialPeriod };
  /** financialFacts of a customer's periods at an as-of date (computed once per customer and date). */
  facts(id: string, asOf: DayNumber): FinancialFacts;
  /** A value of every customer id of the table, computed once per key (the last COLUMNS_KEPT keys). */
  column<V>(key: string, valueOf: (id: string) => V): ReadonlyMap<string, V>;
}

interface Entry extends CachedFinancials {
  rows: readonly (readonly unknown[])[];
}

const KEPT = 2;
const DATES_KEPT = 4;
const COLUMNS_KEPT = 16;
const entries: Entry[] = [];

function sameRows(kept: readonly (readonly unknown[])[], given: readonly unknown[]): boolean {
  if (kept.length !== given.length) return false;
  for (let r = 0; r < kept.length; r++) {
    const a = kept[r];
    const b = given[r];
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let c = 0; c < a.length; c++) if (a[c] !== b[c]) return false;
  }
  return true;
}

/** Per as-of date, a memo of one value per customer id (the last DATES_KEPT dates). */
function memoByDate<V>(make: (id: string, asOf: DayNumber) => V): (id: string, asOf: DayNumber) => V {
  const byDate = new Map<DayNumber, Map<string, V>>();
  return (id, asOf) => {
    let memo = byDate.get(asOf);
    if (memo === undefined) {
      if (byDate.size >= DATES_KEPT) byDate.delete(byDate.keys().next().value as DayNumber);
      memo = new Map();
      byDate.set(asOf, memo);
    }
    let value = memo.get(id);
    if (value === undefined) {
      value = make(id, asOf);
      memo.set(id, value);
    }
    return value;
  };
}

function entryOf(rows: readonly (readonly unknown[])[], byCustomer: Map<string, FinancialPeriod[]>): Entry {
  const periodsOf = (id: string): FinancialPeriod[] => byCustomer.get(id) ?? [];
  const columns = new Map<string, ReadonlyMap<string, unknown>>();
  return {
    rows,
    byCustomer,
    latest: memoByDate((id, asOf) => latestFinancials(periodsOf(id), asOf)),
    facts: memoByDate((id, asOf) => financialFacts(periodsOf(id), asOf)),
    column<V>(key: string, valueOf: (id: string) => V): ReadonlyMap<string, V> {
      let values = columns.get(key) as ReadonlyMap<string, V> | undefined;
      if (values === undefined) {
        const made = new Map<string, V>();
        for (const id of byCustomer.keys()) made.set(id, valueOf(id));
        if (columns.size >= COLUMNS_KEPT) columns.delete(columns.keys().next().value as string);
        columns.set(key, made);
        values = made;
      }
      return values;
    },
  };
}

/** The Financials table of these rows (header row first): the one kept when its cells are the same, else read (readFinancialsTable). */
export function cachedFinancials(rows: Cell[][], field: Field): Result<CachedFinancials> {
  for (let k = 0; k < entries.length; k++) {
    const entry = entries[k];
    if (sameRows(entry.rows, rows)) {
      if (k > 0) entries.unshift(...entries.splice(k, 1));
      return ok(entry);
    }
  }
  const read = readFinancialsTable(rows, field);
  if (!read.ok) return read;
  // A copy of each row: a host that reused the argument's arrays would otherwise compare the kept cells with themselves.
  const entry = entryOf(rows.map((row) => [...row]), read.value);
  entries.unshift(entry);
  if (entries.length > KEPT) entries.pop();
  return ok(entry);
}

/** Forget the kept tables (tests). */
export function clearFinancialsCache(): void {
  entries.length = 0;
}
