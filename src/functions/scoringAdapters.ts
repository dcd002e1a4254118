/**
 * Helpers for the scoring, ratio and limit custom functions (functions.ts, region "scoring"):
 * reading the Policy range (cached by content), grades, ratio names, labelled financial ranges,
 * and spreading column arguments so that one formula serves many customers. Not custom
 * functions themselves: they declare and convert, the engine computes.
 */
import { at, detail, type DomainError, err, type Field, fieldName, invalidInput, ok, type Result } from "../engine/errors";
import { DEFAULT_POLICY, policyFromRange, type Grade, type Policy } from "../engine/policy";
import type { FinancialPeriod } from "../engine/portfolio/types";
import { RATIO_NAMES, type AltmanModel, type RatioName } from "../engine/ratios";
import { PerRow, asMatrix, spread, type Cell } from "./args";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { guard, toExcel, toExcelError } from "./toExcelError";

/** The error value a custom function returns in a cell (CustomFunctions.Error). */
export type ExcelError = ReturnType<typeof toExcelError>;
/** A spilled result: a value or an error in each cell. */
export type Spill<T> = (T | ExcelError)[][];

/**
 * Run a spilling adapter: a whole-call error becomes a single error cell, never a throw; a cell
 * that is not a finite number (an overflow the engine does not check yet) becomes an error cell,
 * so no NaN or Infinity reaches Excel.
 */
export function guardSpill<T>(body: () => Result<Spill<T>>): Spill<T> {
  const out = guard(body);
  if (!Array.isArray(out)) return [[out]];
  for (const row of out) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "number" && !Number.isFinite(v)) row[c] = toExcel<T>(ok(v as T));
    }
  }
  return out;
}

/** One cell of a spill from a Result: the value or its mapped error. */
export function cellOf<T>(result: Result<T>): T | ExcelError {
  return toExcel(result);
}

const POLICY_CACHE_SIZE = 16;
const policyCache = new Map<string, Result<Policy>>();

/**
 * The policy given as the Policy sheet's key/value range (read with policyFromRange), or the
 * default policy when the argument is omitted or blank. Results are cached by the range's
 * content, so a recalculation over many cells reads the range once.
 */
export function readPolicyArg(value: Cell, field: Field = "policy"): Result<Policy> {
  if (isBlank(value)) return ok(DEFAULT_POLICY);
  const rows = asMatrix(value);
  if (rows.every((row) => row.every((c) => isBlank(c)))) return ok(DEFAULT_POLICY);
  const key = JSON.stringify(rows);
  const cached = policyCache.get(key);
  if (cached !== undefined) return cached;
  const read = policyFromRange(rows);
  const result: Result<Policy> = read.ok ? ok(read.value.policy) : err(prefixField(read.error, field));
  if (policyCache.size >= POLICY_CACHE_SIZE) {
    const oldest = policyCache.keys().next().value;
    if (oldest !== undefined) policyCache.delete(oldest);
  }
  policyCache.set(key, result);
  return result;
}

function prefixField(error: DomainError, prefix: Field): DomainError {
  return error.kind === "notAvailable" ? error : { ...error, field: `${fieldName(prefix)} ${error.field}` };
}

/** A grade A–D from text (case-insensitive). */
export function readGrade(value: Cell, field: Field): Result<Grade> {
  if (isBlank(value)) return err(invalidInput(field, detail("missing")));
  const t = typeof value === "string" ? value.trim().toUpperCase() : String(value);
  if (t === "A" || t === "B" || t === "C" || t === "D") return ok(t);
  if (t === "R") return err(invalidInput(field, detail("gradeR")));
  return err(invalidInput(field, detail("notGrade", { text: String(value) })));
}

/** An Altman model name: Z, Z', Z'' (typographic primes ′ ″ and curly quotes accepted). */
export function readAltmanModel(value: Cell, field: Field = "model"): Result<AltmanModel> {
  const t = typeof value === "string" ? value.trim().toUpperCase().replace(/[′’‘`]/g, "'").replace(/″|"/g, "''") : "";
  if (t === "Z" || t === "Z'" || t === "Z''") return ok(t);
  return err(invalidInput(field, detail("oneOf", { options: "Z, Z', Z''", got: String(value) })));
}

/** A label as matched: lower case, without spaces, underscores, hyphens or dots. */
export const normalise = (s: string): string => s.toLowerCase().replace(/[\s_\-.]/g, "");

const RATIO_BY_NORMALISED = new Map<string, RatioName>(RATIO_NAMES.map((n) => [normalise(n), n]));

/** A ratio name as the engine spells it, written in any case with spaces allowed ("Current ratio"). */
export function readRatioName(value: Cell, field: Field = "name"): Result<RatioName> {
  const name = typeof value === "string" ? RATIO_BY_NORMALISED.get(normalise(value)) : undefined;
  if (name !== undefined) return ok(name);
  return err(invalidInput(field, detail("notRatio", { text: String(value), options: RATIO_NAMES.join(", ") })));
}

export type FigureField = Exclude<keyof FinancialPeriod, "customerId" | "periodEnd">;
const FIGURE_FIELDS: readonly FigureField[] = [
  "revenue",
  "costOfSales",
  "netProfit",
  "ebit",
  "currentAssets",
  "inventory",
  "receivables",
  "fixedAssets",
  "totalAssets",
  "currentLiabilities",
  "totalLiabilities",
  "equity",
  "retainedEarnings",
  "registeredCapital",
];
/** Figure labels (normalised) → the period's field. */
export const FIGURE_BY_LABEL = new Map<string, FigureField>([
  ...FIGURE_FIELDS.map((f): [string, FigureField] => [normalise(f), f]),
  ["sales", "revenue"],
  ["netsales", "revenue"],
  ["cogs", "costOfSales"],
  ["costofgoodssold", "costOfSales"],
  ["networth", "equity"],
]);

/**
 * Financial periods from a labelled range: either a header row of field names (Revenue,
 * NetProfit, CurrentAssets, …) over one row per customer, or two columns of label and value for
 * one period. Labels are matched case- and space-insensitively; unknown labels (CustomerId,
 * PeriodEnd, notes) are ignored; blank values are missing figures.
 */
export function readFinancialPeriods(value: Cell, field: Field): Result<FinancialPeriod[]> {
  const m = asMatrix(value);
  const labelOf = (c: Cell): FigureField | undefined => (typeof c === "string" ? FIGURE_BY_LABEL.get(normalise(c)) : undefined);
  const isHeaderRow = m.length >= 2 && m[0].every((c) => typeof c === "string" || isBlank(c)) && m[0].some((c) => labelOf(c) !== undefined);
  const isLabelColumn = !isHeaderRow && m.every((row) => row.length >= 2) && m.some((row) => labelOf(row[0]) !== undefined);
  if (!isHeaderRow && !isLabelColumn) {
    return err(invalidInput(field, detail("needsLabels")));
  }
  const read = (pairs: [Cell, Cell][], row: number | undefined): Result<FinancialPeriod> => {
    const period: FinancialPeriod = { customerId: "", periodEnd: 0 };
    for (const [label, cell] of pairs) {
      const f = labelOf(label);
      if (f === undefined || isBlank(cell)) continue;
      const n = readNumber(cell, row === undefined ? `${fieldName(field)} ${String(label).trim()}` : at(`${fieldName(field)} ${String(label).trim()}`, { row }));
      if (!n.ok) return n;
      period[f] = n.value;
    }
    return ok(period);
  };
  if (isLabelColumn) {
    const one = read(m.map((row): [Cell, Cell] => [row[0], row[1]]), undefined);
    return one.ok ? ok([one.value]) : one;
  }
  const out: FinancialPeriod[] = [];
  for (let r = 1; r < m.length; r++) {
    const one = read(m[0].map((label, c): [Cell, Cell] => [label, m[r][c]]), m.length > 2 ? r : undefined);
    if (!one.ok) return one;
    out.push(one.value);
  }
  return ok(out);
}

/**
 * Column arguments of a per-customer function, spread to a common length: each argument is a
 * single cell (used for every customer) or a row/column of n cells. Omitted optional arguments
 * are one blank cell. Different lengths other than 1 are an error naming the argument (spread).
 */
export function spreadColumns<K extends string>(args: Record<K, Cell>): Result<{ n: number; get: (name: K, i: number) => Cell; fieldOf: (name: K, i: number) => string }> {
  const columns: Record<string, PerRow<Cell>> = {};
  for (const name of Object.keys(args) as K[]) columns[name] = new PerRow(args[name], ok);
  return spread(columns) as Result<{ n: number; get: (name: K, i: number) => Cell; fieldOf: (name: K, i: number) => string }>;
}
