/**
 * Every Excel custom function of Credit Desk (namespace CREDIT, from the manifest). Thin adapters:
 * each converts its arguments with args.ts, calls the engine, and maps errors with toExcelError.ts.
 */

export * from "./modelFunctions"; // CREDIT.WOE … MARGINAL (issue 17): one surface of every custom function
export * from "./orderFunctions"; // CREDIT.CHECK (issue 15)
// #region scoring
import { characteristicScore, gradeOf, gradeTerms, letterRating, quadrantOf } from "../engine/scoring";
import { ratioOf, altmanZ, altmanZone } from "../engine/ratios";
import { BASIS_LABELS, LIMIT_BASIS_NAMES, creditLimit, skippedReasonText, workingAssetsBasis } from "../engine/limits";
import { CHARACTERISTIC_KEYS, shortFingerprint } from "../engine/policy";
import { err, invalidInput, ok, type Result } from "../engine/errors";
import { asMatrix, isBlank, readBoolean, readNumber, readNumberOrZero, readOptionalText, readVector, withField, type Cell } from "./args";
import {
  cellOf,
  guardSpill,
  readAltmanModel,
  readFinancialPeriods,
  readGrade,
  readMaybeNumber,
  readPolicyArg,
  readRatioName,
  spreadColumns,
  type Spill,
} from "./scoringAdapters";

/** The numbers of one row of spread columns, or the first cell's error. */
function readRowNumbers<K extends string>(
  names: readonly K[],
  get: (name: K, i: number) => Cell,
  fieldOf: (name: K, i: number) => string,
  i: number,
): Result<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const name of names) {
    const v = readNumber(get(name, i), fieldOf(name, i));
    if (!v.ok) return v;
    out[name] = v.value;
  }
  return ok(out as Record<K, number>);
}

/** Composite % or coverage % of each row of a score block (shared by SCORE and COVERAGE). */
function scoreRows(scores: Cell[][], weights: Cell[][] | null | undefined, pick: "compositePercent" | "coveragePercent"): Spill<number> {
  return guardSpill<number>(() => {
    const policy = readPolicyArg(null);
    if (!policy.ok) return policy;
    let weightCells: Cell[];
    if (isBlank(weights) || asMatrix(weights).every((r) => r.every(isBlank))) {
      weightCells = CHARACTERISTIC_KEYS.map((k) => policy.value.weights[k]);
    } else {
      const v = readVector(weights, "weights");
      if (!v.ok) return v;
      weightCells = v.value;
    }
    const w: number[] = [];
    for (let i = 0; i < weightCells.length; i++) {
      const n = readNumberOrZero(weightCells[i], `weights item ${i + 1}`);
      if (!n.ok) return n;
      w.push(n.value);
    }
    let rows = asMatrix(scores);
    // One customer's scores typed down a column: read it as one row.
    if (rows.length === w.length && rows.length > 1 && rows.every((r) => r.length === 1)) rows = [rows.map((r) => r[0])];
    const width = rows[0]?.length ?? 0;
    if (width !== w.length) {
      return err(invalidInput("scores", `each row needs ${w.length} scores (one per weight), got ${width}`));
    }
    const out: Spill<number> = rows.map((row, r) => {
      const values: number[] = [];
      for (let c = 0; c < row.length; c++) {
        const n = readNumberOrZero(row[c], `scores row ${r + 1} item ${c + 1}`);
        if (!n.ok) return [cellOf(n)];
        values.push(n.value);
      }
      const s = characteristicScore(values, w);
      return [cellOf(s.ok ? ok(s.value[pick]) : s)];
    });
    return ok(out);
  });
}

/**
 * Composite credit score in percent (0–100) of the characteristic model: Σ score × weight /
 * Σ 10 × weight × 100. Scores are 0–10, blank or 0 meaning no information (which lowers the
 * score). One row of scores gives one result; a block of rows spills one result per customer.
 * @customfunction SCORE
 * @param scores One row of 18 characteristic scores (0–10) per customer, in the order of the Customers table.
 * @param [weights] Weights of the characteristics, one per score column (default: the policy's 18 weights).
 * @returns {number[][]} Composite score in percent, one per row.
 */
export function score(scores: unknown[][], weights?: unknown[][]) {
  return scoreRows(scores, weights, "compositePercent");
}

/**
 * Information coverage in percent: the weight of the scored characteristics (score above 0) over
 * the total weight. Below 70 % the review warns "insufficient information".
 * @customfunction COVERAGE
 * @param scores One row of 18 characteristic scores (0–10) per customer.
 * @param [weights] Weights of the characteristics, one per score column (default: the policy's weights).
 * @returns {number[][]} Coverage in percent, one per row.
 */
export function coverage(scores: unknown[][], weights?: unknown[][]) {
  return scoreRows(scores, weights, "coveragePercent");
}

/**
 * Credit grade of a composite score: A (≥ 80), B (≥ 60), C (≥ 40), D by default, or the letter
 * scale AAA…CCC. Accepts a column of scores and spills one grade each.
 * @customfunction GRADE
 * @param compositeScore Composite score in percent (0–100), as CREDIT.SCORE returns; a cell or a column.
 * @param [scale] "AD" for grades A–D (default) or "AAA" for the letter scale AAA…CCC.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {string[][]} Grade of each score.
 */
export function grade(compositeScore: unknown[][], scale?: unknown, policy?: unknown[][]) {
  return guardSpill<string>(() => {
    const p = readPolicyArg(policy);
    if (!p.ok) return p;
    const s = readOptionalText(scale, "AD", "scale");
    if (!s.ok) return s;
    const kind = s.value.toUpperCase();
    if (kind !== "AD" && kind !== "AAA") return err(invalidInput("scale", `must be "AD" or "AAA", got "${s.value}"`));
    const m = asMatrix(compositeScore);
    return ok(
      m.map((row, r) =>
        row.map((cell, c) => {
          const field = m.length * row.length === 1 ? "compositeScore" : `compositeScore row ${r + 1}${row.length > 1 ? ` column ${c + 1}` : ""}`;
          const x = readNumber(cell, field);
          if (!x.ok) return cellOf(x);
          // The engine names the value "composite %"; the message names the argument and row.
          return cellOf<string>(withField(kind === "AD" ? gradeOf(x.value, p.value) : letterRating(x.value, p.value), field));
        }),
      ),
    );
  });
}

/**
 * Quadrant of the risk × cooperation-potential matrix: 1 basic customer (low risk, low
 * potential), 2 cash or prepayment (high risk, low potential), 3 credit customer (low risk, high
 * potential), 4 credit investigation first (high risk, high potential). Risk is high for grades
 * C and D; potential is high from 6 (policy). Columns of grades and potentials spill one per row.
 * @customfunction QUADRANT
 * @param grade Grade A, B, C or D; a cell or a column.
 * @param potential Cooperation potential 1–10 (blank counts as low); a cell or a column.
 * @param [show] "number" (default) for 1–4, "en" for the English label, "zh" for the Chinese label.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {any[][]} Quadrant of each customer.
 */
export function quadrant(grade: unknown[][], potential: unknown[][], show?: unknown, policy?: unknown[][]) {
  return guardSpill<number | string>(() => {
    const p = readPolicyArg(policy);
    if (!p.ok) return p;
    const s = readOptionalText(show, "number", "show");
    if (!s.ok) return s;
    const mode = s.value.toLowerCase();
    if (mode !== "number" && mode !== "en" && mode !== "zh") return err(invalidInput("show", `must be "number", "en" or "zh", got "${s.value}"`));
    const cols = spreadColumns({ grade, potential });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<number | string> = [];
    for (let i = 0; i < n; i++) {
      const g = readGrade(get("grade", i), fieldOf("grade", i));
      const pot = readNumberOrZero(get("potential", i), fieldOf("potential", i));
      if (!g.ok || !pot.ok) {
        out.push([cellOf(!g.ok ? g : pot)]);
        continue;
      }
      const q = quadrantOf(g.value, pot.value, p.value);
      out.push([mode === "number" ? q.quadrant : mode === "en" ? q.en : q.zh]);
    }
    return ok(out);
  });
}

/**
 * The policy's terms for a grade, as a row: payment terms in days, limit factor, review interval
 * in months. A column of grades spills one row each.
 * @customfunction TERMS
 * @param grade Grade A, B, C or D; a cell or a column.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {number[][]} Terms days, limit factor and review months for each grade.
 */
export function terms(grade: unknown[][], policy?: unknown[][]) {
  return guardSpill<number>(() => {
    const p = readPolicyArg(policy);
    if (!p.ok) return p;
    const cols = spreadColumns({ grade });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<number> = [];
    for (let i = 0; i < n; i++) {
      const g = readGrade(get("grade", i), fieldOf("grade", i));
      if (!g.ok) {
        const e = cellOf<number>(g);
        out.push([e, e, e]);
        continue;
      }
      const t = gradeTerms(g.value, p.value);
      out.push([t.termsDays, t.limitFactor, t.reviewMonths]);
    }
    return ok(out);
  });
}

/**
 * A financial ratio as a fraction (0.05 = 5 %): netMargin, roa, roe, revenueGrowth,
 * netProfitGrowth, currentRatio, quickRatio, debtRatio, inventoryTurnover, receivablesTurnover,
 * fixedAssetTurnover. The figures are a labelled range: a header row of figure names (Revenue,
 * CostOfSales, NetProfit, CurrentAssets, Inventory, Receivables, FixedAssets, TotalAssets,
 * CurrentLiabilities, TotalLiabilities, Equity) over one row per customer, or a column of names
 * beside their values. Growth and average inventory/receivables use the prior period when given.
 * A zero denominator is #DIV/0!, a missing figure #N/A naming it.
 * @customfunction RATIO
 * @param name Ratio name, e.g. "currentRatio" or "Current ratio".
 * @param figures Labelled financial figures of the period (header row + one row per customer, or names beside values).
 * @param [priorFigures] The same figures for the prior period, laid out the same way.
 * @returns {number[][]} The ratio, one per customer row.
 */
export function ratio(name: unknown, figures: unknown[][], priorFigures?: unknown[][]) {
  return guardSpill<number>(() => {
    const r = readRatioName(name);
    if (!r.ok) return r;
    const current = readFinancialPeriods(figures, "figures");
    if (!current.ok) return current;
    let prior: (typeof current.value)[number][] | undefined;
    if (!isBlank(priorFigures) && !asMatrix(priorFigures).every((row) => row.every(isBlank))) {
      const p = readFinancialPeriods(priorFigures, "priorFigures");
      if (!p.ok) return p;
      if (p.value.length !== current.value.length) {
        return err(invalidInput("priorFigures", `has ${p.value.length} rows but figures has ${current.value.length}`));
      }
      prior = p.value;
    }
    return ok(current.value.map((period, i) => [cellOf(ratioOf(r.value, period, prior?.[i]))]));
  });
}

/**
 * Altman Z-score: "Z" (public manufacturers) = 1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5;
 * "Z'" (private firms) = 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5;
 * "Z''" (non-manufacturers) = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4. Columns spill one per row.
 * @customfunction ZSCORE
 * @param model "Z", "Z'" or "Z''".
 * @param x1 Working capital / total assets.
 * @param x2 Retained earnings / total assets.
 * @param x3 EBIT / total assets.
 * @param x4 Equity (market value for Z, book value for Z' and Z'') / total liabilities.
 * @param [x5] Sales / total assets (needed by Z and Z').
 * @returns {number[][]} The Z-score of each row.
 */
export function zscore(model: unknown, x1: unknown[][], x2: unknown[][], x3: unknown[][], x4: unknown[][], x5?: unknown[][]) {
  return guardSpill<number>(() => {
    const m = readAltmanModel(model);
    if (!m.ok) return m;
    const cols = spreadColumns({ x1, x2, x3, x4, x5: x5 ?? null });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<number> = [];
    for (let i = 0; i < n; i++) {
      const x = readRowNumbers(["x1", "x2", "x3", "x4"] as const, get, fieldOf, i);
      const x5Value = readMaybeNumber(get("x5", i), fieldOf("x5", i));
      if (!x.ok) {
        out.push([cellOf<number>(x)]);
        continue;
      }
      if (!x5Value.ok) {
        out.push([cellOf<number>(x5Value)]);
        continue;
      }
      const z = altmanZ(m.value, { ...x.value, x5: x5Value.value });
      out.push([cellOf(z.ok ? ok(z.value.z) : z)]);
    }
    return ok(out);
  });
}

/**
 * Altman zone of a Z-score: "distress" below the lower edge, "safe" above the upper, "grey"
 * between them, edges included (Z 1.81/2.99, Z' 1.23/2.90, Z'' 1.10/2.60).
 * @customfunction ZONE
 * @param model "Z", "Z'" or "Z''".
 * @param z Z-score; a cell or a column.
 * @returns {string[][]} "safe", "grey" or "distress" for each score.
 */
export function zone(model: unknown, z: unknown[][]) {
  return guardSpill<string>(() => {
    const m = readAltmanModel(model);
    if (!m.ok) return m;
    const cols = spreadColumns({ z });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<string> = [];
    for (let i = 0; i < n; i++) {
      const v = readNumber(get("z", i), fieldOf("z", i));
      out.push([cellOf<string>(v.ok ? altmanZone(m.value, v.value) : v)]);
    }
    return ok(out);
  });
}

/**
 * Working-assets basis of a credit limit (营运资产分析模型), as a row: working assets
 * ((current assets − current liabilities + net worth) / 2), evaluation value
 * ((current ratio + quick ratio) − (current liabilities / net worth + total liabilities / net worth)),
 * percent of working assets from the policy's table, and the basis. Columns spill one row each.
 * @customfunction WORKINGASSETS
 * @param currentAssets Current assets (流动资产).
 * @param inventory Inventory (存货).
 * @param currentLiabilities Current liabilities (流动负债).
 * @param totalLiabilities Total liabilities (负债总额).
 * @param netWorth Net worth / equity (净资产).
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {number[][]} Working assets, evaluation value, percent and basis for each row.
 */
export function workingassets(
  currentAssets: unknown[][],
  inventory: unknown[][],
  currentLiabilities: unknown[][],
  totalLiabilities: unknown[][],
  netWorth: unknown[][],
  policy?: unknown[][],
) {
  return guardSpill<number>(() => {
    const p = readPolicyArg(policy);
    if (!p.ok) return p;
    const cols = spreadColumns({ currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<number> = [];
    const names = ["currentAssets", "inventory", "currentLiabilities", "totalLiabilities", "netWorth"] as const;
    for (let i = 0; i < n; i++) {
      const figures = readRowNumbers(names, get, fieldOf, i);
      const r = figures.ok ? workingAssetsBasis(figures.value, p.value) : figures;
      if (!r.ok) {
        const e = cellOf<number>(r);
        out.push([e, e, e, e]);
        continue;
      }
      out.push([r.value.workingAssets, r.value.evaluation, r.value.percent, r.value.basis]);
    }
    return ok(out);
  });
}

/**
 * Recommended credit limit: the smallest of the four bases that apply (need, working assets,
 * net-worth cap, profit) × grade factor × payment factor, rounded down to the policy's unit, plus
 * collateral; grade C at most collateral + 50 % of the formula limit; grade D 0. A basis whose
 * figures are blank is skipped; with no basis at all the result is #N/A. Columns spill one limit
 * per customer; with detail TRUE (one customer) it spills each basis, the factors and the binding basis.
 * @customfunction LIMIT
 * @param grade Grade A, B, C or D.
 * @param annualSales Expected annual credit sales to the customer (blank: need and profit bases skipped).
 * @param grossMargin Gross margin on those sales as a fraction or percent text (0.25 or "25%").
 * @param currentAssets Current assets (流动资产).
 * @param inventory Inventory (存货).
 * @param currentLiabilities Current liabilities (流动负债).
 * @param totalLiabilities Total liabilities (负债总额).
 * @param netWorth Net worth / equity (净资产).
 * @param [collateral] Collateral or guarantees held (default 0).
 * @param [averageDaysLate] Average days late over the last 12 months (blank: no history, factor 1).
 * @param [detail] TRUE to spill the workings (one customer only).
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {any[][]} The recommended limit of each customer, or the workings as label/value rows.
 */
export function limit(
  grade: unknown[][],
  annualSales: unknown[][],
  grossMargin: unknown[][],
  currentAssets: unknown[][],
  inventory: unknown[][],
  currentLiabilities: unknown[][],
  totalLiabilities: unknown[][],
  netWorth: unknown[][],
  collateral?: unknown[][],
  averageDaysLate?: unknown[][],
  detail?: unknown,
  policy?: unknown[][],
) {
  return guardSpill<number | string>(() => {
    const p = readPolicyArg(policy);
    if (!p.ok) return p;
    const d = readBoolean(detail ?? null, "detail");
    if (!d.ok) return d;
    const cols = spreadColumns({
      grade,
      annualSales,
      grossMargin,
      currentAssets,
      inventory,
      currentLiabilities,
      totalLiabilities,
      netWorth,
      collateral: collateral ?? null,
      averageDaysLate: averageDaysLate ?? null,
    });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    if (d.value && n > 1) return err(invalidInput("detail", `shows the workings of one customer only; the arguments hold ${n}`));
    const results: ReturnType<typeof creditLimit>[] = [];
    for (let i = 0; i < n; i++) results.push(limitOfRow(get, fieldOf, i, p.value));
    if (!d.value) return ok(results.map((r) => [cellOf(r.ok ? ok(r.value.recommended) : r)]));
    const only = results[0];
    if (!only.ok) return only;
    const v = only.value;
    const rows: [string, number | string][] = [["Recommended limit", v.recommended]];
    for (const name of LIMIT_BASIS_NAMES) {
      const b = v.bases[name];
      rows.push([`Basis: ${BASIS_LABELS[name]}`, b.applies ? (b.value ?? 0) : `skipped: ${b.skippedReason ? skippedReasonText(b.skippedReason) : "not applicable"}`]);
    }
    rows.push(
      ["Binding basis", BASIS_LABELS[v.bindingBasis]],
      ["Lowest basis", v.lowestBasis],
      ["Grade factor", v.gradeFactor],
      ["Payment factor", v.paymentFactor],
      ["Formula limit", v.formulaLimit],
      ["Collateral", v.collateral],
    );
    return ok(rows);
  });
}

type LimitColumn =
  | "grade"
  | "annualSales"
  | "grossMargin"
  | "currentAssets"
  | "inventory"
  | "currentLiabilities"
  | "totalLiabilities"
  | "netWorth"
  | "collateral"
  | "averageDaysLate";

/** CREDIT.LIMIT's number arguments, in the order their errors are reported. */
const LIMIT_NUMBERS = [
  "annualSales", "grossMargin", "currentAssets", "inventory", "currentLiabilities", "totalLiabilities", "netWorth", "collateral", "averageDaysLate",
] as const;

function limitOfRow(
  get: (name: LimitColumn, i: number) => Cell,
  fieldOf: (name: LimitColumn, i: number) => string,
  i: number,
  policy: Parameters<typeof creditLimit>[1],
): ReturnType<typeof creditLimit> {
  const g = readGrade(get("grade", i), fieldOf("grade", i));
  if (!g.ok) return g;
  // A number cell is taken as it is, without building the cell's field name or a Result: the
  // name is built only when the cell needs reading (text, blank) and may fail (issue 6).
  const numberAt = (name: Exclude<LimitColumn, "grade">): Result<number | undefined> => {
    const cell = get(name, i);
    return typeof cell === "number" && Number.isFinite(cell) ? ok(cell) : readMaybeNumber(cell, fieldOf(name, i));
  };
  const values: (number | undefined)[] = [];
  for (const name of LIMIT_NUMBERS) {
    const v = numberAt(name);
    if (!v.ok) return v;
    values.push(v.value);
  }
  const [annualSales, grossMargin, currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth, collateral, averageDaysLate] = values;
  // Literals with every key, not a record filled key by key: hidden classes that die with their
  // objects take the optimised code with them at the next full collection (issue 6).
  const hasFinancials = [currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth].some((v) => v !== undefined);
  return creditLimit(
    {
      grade: g.value,
      annualCreditSales: annualSales,
      grossMargin,
      collateral,
      averageDaysLate,
      financials: hasFinancials ? { currentAssets, inventory, currentLiabilities, totalLiabilities, equity: netWorth } : undefined,
    },
    policy,
  );
}

/**
 * Short fingerprint of a policy (first 12 hex characters of the SHA-256 of its canonical form),
 * printed on outputs so a credit committee can tell which rules produced them.
 * @customfunction POLICYID
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {string} The short fingerprint.
 */
export function policyid(policy?: unknown[][]) {
  const p = readPolicyArg(policy);
  return cellOf(p.ok ? ok(shortFingerprint(p.value)) : p);
}
// #endregion scoring

// #region receivables
import * as rcvEngine from "../engine/receivables";
import * as rcvPolicy from "../engine/policy/defaultPolicy";
import type { ReceivableItem as RcvItem } from "../engine/portfolio/types";
import * as rcvArgs from "./args";
import * as rcvAdapters from "./receivablesAdapters";
import * as rcvErrors from "./toExcelError";
import * as rcvResult from "../engine/errors";
import * as rcvMoney from "../engine/money/cents";
import * as rcvScoring from "./scoringAdapters";

type RcvSpill<T> = rcvScoring.Spill<T>;

/**
 * Days past due of each due date at the as-of date: as-of − due (negative: not yet due; 0: due
 * today). A column or block of dates spills the same shape; blank cells stay blank.
 * @customfunction DAYSPASTDUE
 * @param {unknown[][]} due Due dates (Excel dates or YYYY-MM-DD text); a cell, column or block.
 * @param {unknown} asOf The as-of date. Required: the add-in never reads the clock, so write TODAY() for today.
 * @returns {unknown[][]} Days past due of each due date.
 */
export function dayspastdue(due: unknown[][], asOf: unknown) {
  return rcvScoring.guardSpill<number | string>(() => {
    const d = rcvAdapters.readAsOf(asOf);
    if (!d.ok) return d;
    const m = rcvArgs.asMatrix(due);
    const single = m.length === 1 && m[0].length === 1;
    return rcvResult.ok(
      m.map((row, r) =>
        row.map((cell, c) => {
          if (rcvArgs.isBlank(cell)) return "";
          const field = single ? "due" : `due row ${r + 1}${row.length > 1 ? ` column ${c + 1}` : ""}`;
          const day = rcvArgs.readDate(cell, field);
          return rcvScoring.cellOf<number>(day.ok ? rcvResult.ok(d.value - day.value) : day);
        }),
      ),
    );
  });
}

/**
 * Aging bucket label of a number of days past due: each bucket holds its upper edge, so with the
 * default edges 0, 30, 60, 90, 180, 365: 0 → "Not due", 1 and 30 → "1–30", 31 → "31–60", …,
 * 366 → ">365". A column spills one label each; blank cells stay blank.
 * @customfunction BUCKET
 * @param {unknown[][]} daysPastDue Days past due (as CREDIT.DAYSPASTDUE gives); a cell, column or block.
 * @param {unknown[][]} [edges] Upper edges of the buckets in days, ascending whole numbers (default 0, 30, 60, 90, 180, 365).
 * @returns {unknown[][]} The bucket label of each value.
 */
export function bucket(daysPastDue: unknown[][], edges?: unknown[][]) {
  return rcvScoring.guardSpill<string>(() => {
    const e = rcvAdapters.readEdgesArg(edges ?? null);
    if (!e.ok) return e;
    const labels = rcvEngine.bucketLabels(e.value);
    const m = rcvArgs.asMatrix(daysPastDue);
    const single = m.length === 1 && m[0].length === 1;
    return rcvResult.ok(
      m.map((row, r) =>
        row.map((cell, c) => {
          if (rcvArgs.isBlank(cell)) return "";
          const n = rcvArgs.readNumber(cell, single ? "daysPastDue" : `daysPastDue row ${r + 1}${row.length > 1 ? ` column ${c + 1}` : ""}`);
          return rcvScoring.cellOf<string>(n.ok ? rcvResult.ok(labels[rcvEngine.bucketIndex(n.value, e.value)]) : n);
        }),
      ),
    );
  });
}

/**
 * Aging of open amounts by days past due at the as-of date, to the cent: the buckets sum exactly
 * to the total. Credit notes (negative amounts) reduce the bucket of their own due date. Without
 * customers: a header row of bucket labels and Total over one row of amounts. With customers: a
 * customer × bucket table with a header row and a Total row. Blank rows are skipped; text in an
 * amount, a bad date or ranges of different sizes give #VALUE! naming the argument and row.
 * @customfunction AGING
 * @param {unknown[][]} amounts Open amounts, one per item (a column).
 * @param {unknown[][]} dueDates Due dates, one per item.
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [edges] Upper edges of the buckets in days (default 0, 30, 60, 90, 180, 365).
 * @param {unknown[][]} [customers] Customer of each item, to spill one row per customer.
 * @returns {unknown[][]} Header row and the bucket amounts (per customer with a Total row when customers are given).
 */
export function aging(amounts: unknown[][], dueDates: unknown[][], asOf: unknown, edges?: unknown[][], customers?: unknown[][]) {
  return rcvScoring.guardSpill<string | number>(() => {
    const given = rcvRequiredRanges({ amounts, dueDates });
    if (!given.ok) return given;
    const d = rcvAdapters.readAsOf(asOf);
    if (!d.ok) return d;
    const e = rcvAdapters.readEdgesArg(edges ?? null);
    if (!e.ok) return e;
    const byCustomer = !rcvAdapters.isBlankRange(customers ?? null);
    const fast = rcvAdapters.agingOfColumnRanges(amounts, dueDates, byCustomer ? customers ?? null : null, d.value, e.value);
    if (fast) return fast.ok ? rcvResult.ok(rcvAdapters.agingTable(fast.value, byCustomer)) : fast;
    const cols = rcvAdapters.readLedgerColumns({ amounts, dueDates, customers: byCustomer ? customers ?? null : null });
    if (!cols.ok) return cols;
    const result = rcvAdapters.agingOfColumns(cols.value, d.value, e.value, byCustomer);
    if (!result.ok) return result;
    return rcvResult.ok(rcvAdapters.agingTable(result.value, byCustomer));
  });
}

/**
 * Open balance at the as-of date: the sum, to the cent, of the items invoiced on or before it and
 * not settled at it (settled date blank or after it). An item's open amount is Amount − PaidAmount
 * when paid amounts are given, else Amount; a 0.01 residual stays open. Items dated after the
 * as-of date are ignored. Blank rows are skipped; bad cells give #VALUE! naming argument and row.
 * @customfunction OPENBALANCE
 * @param {unknown[][]} amounts Invoice amounts (credit notes negative), one per item.
 * @param {unknown[][]} invoiceDates Invoice dates, one per item.
 * @param {unknown[][]} settledDates Settlement dates (blank: not settled), one per item.
 * @param {unknown} asOf The as-of date (required; write TODAY() for today).
 * @param {unknown[][]} [paidAmounts] Amounts already paid on each item (blank: none).
 * @returns {number} The open balance at the as-of date.
 */
export function openbalance(amounts: unknown[][], invoiceDates: unknown[][], settledDates: unknown[][], asOf: unknown, paidAmounts?: unknown[][]) {
  return rcvErrors.guard<number>(() => {
    const given = rcvRequiredRanges({ amounts, invoiceDates });
    if (!given.ok) return given;
    // settledDates may be one blank cell (not settled) but not left out: =CREDIT.OPENBALANCE(a, b, , asOf).
    if (settledDates === null || settledDates === undefined) return rcvResult.err(rcvResult.invalidInput("settledDates", "is required: give a range (blank cells: not settled)"));
    const d = rcvAdapters.readAsOf(asOf);
    if (!d.ok) return d;
    const cols = rcvAdapters.readLedgerColumns({ amounts, invoiceDates, settledDates, paidAmounts: paidAmounts ?? null });
    if (!cols.ok) return cols;
    const c = cols.value;
    const items: RcvItem[] = [];
    for (const i of c.rows) {
      const amount = rcvAdapters.readRequiredNumber(c, "amounts", i);
      if (!amount.ok) return amount;
      const invoiceDate = rcvArgs.readDate(c.get("invoiceDates", i), c.fieldOf("invoiceDates", i));
      if (!invoiceDate.ok) return invoiceDate;
      const settled = rcvAdapters.readOptionalRowDate(c, "settledDates", i);
      if (!settled.ok) return settled;
      const paid = rcvAdapters.readOptionalRowNumber(c, "paidAmounts", i);
      if (!paid.ok) return paid;
      // Amounts whose cents are not exact (near 1e306) are refused here, naming the cell.
      const exactAmount = rcvAdapters.readRowCents(amount.value, "amounts", i);
      if (!exactAmount.ok) return exactAmount;
      const exactPaid = paid.value === undefined ? exactAmount : rcvAdapters.readRowCents(paid.value, "paidAmounts", i);
      if (!exactPaid.ok) return exactPaid;
      items.push({
        invoiceId: `row ${i + 1}`,
        customerId: "",
        invoiceDate: invoiceDate.value,
        dueDate: invoiceDate.value,
        amount: amount.value,
        ...(settled.value !== undefined ? { settledDate: settled.value } : {}),
        ...(paid.value !== undefined ? { paidAmount: paid.value } : {}),
      });
    }
    const ledger = rcvEngine.openItemsAt(items, d.value);
    const cents = ledger.items.reduce((s, o) => s + o.openCents, 0) + [...ledger.unappliedByCustomer.values()].reduce((s, x) => s + x, 0);
    const total = rcvMoney.checkedCents(cents, "amounts");
    return total.ok ? rcvResult.ok(rcvMoney.fromCents(total.value)) : total;
  });
}

/** Required range arguments, in order: the first omitted one (null or [[null]]) is an error naming it. */
function rcvRequiredRanges(args: Record<string, unknown>): rcvResult.Result<true> {
  for (const [name, value] of Object.entries(args)) {
    const r = rcvArgs.readRequiredRange(value, name);
    if (!r.ok) return r;
  }
  return rcvResult.ok(true);
}

/** Read named scalar numbers for the metric functions. */
function rcvNumbers<K extends string>(args: Record<K, unknown>): rcvResult.Result<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const name of Object.keys(args) as K[]) {
    const n = rcvArgs.readNumber(args[name], name);
    if (!n.ok) return n;
    out[name] = n.value;
  }
  return rcvResult.ok(out as Record<K, number>);
}

/**
 * Days sales outstanding (standard): receivables at the end of the period / credit sales in the
 * period × days in the period. Zero sales give #DIV/0!.
 * @customfunction DSO
 * @param {unknown} receivables Receivables at the as-of date.
 * @param {unknown} sales Credit sales in the period.
 * @param {unknown} days Days in the period (e.g. 90 for a quarter).
 * @returns {number} DSO in days.
 */
export function dso(receivables: unknown, sales: unknown, days: unknown) {
  return rcvErrors.guard<number>(() => {
    const n = rcvNumbers({ receivables: receivables, sales, days });
    if (!n.ok) return n;
    return rcvAdapters.renameField(rcvEngine.dso({ receivables: n.value.receivables, creditSales: n.value.sales, days: n.value.days }), "creditSales", "sales");
  });
}

/**
 * Countback DSO: walks back from the latest month, counting each month's days in full while the
 * receivables exceed that month's credit sales, then the fraction of the month reached. Example:
 * 212,000 over sales 70,000, 80,000, 100,000 (30-day months) → 30 + 30 + 32/70 × 30 = 73.71.
 * @customfunction DSO.COUNTBACK
 * @param {unknown} receivables Receivables at the as-of date.
 * @param {unknown[][]} monthlySales Credit sales per month, oldest first, latest last.
 * @param {unknown[][]} monthDays Days in each of those months (one cell for all, or one per month).
 * @returns {number} Countback DSO in days.
 */
export function dsocountback(receivables: unknown, monthlySales: unknown[][], monthDays: unknown[][]) {
  return rcvErrors.guard<number>(() => {
    const r = rcvArgs.readNumber(receivables, "receivables");
    if (!r.ok) return r;
    const salesCells = rcvArgs.readVector(monthlySales, "monthlySales");
    if (!salesCells.ok) return salesCells;
    const sales = rcvArgs.readAll(salesCells.value, "monthlySales", rcvArgs.readNumber);
    if (!sales.ok) return sales;
    const dayCells = rcvArgs.readVector(monthDays, "monthDays");
    if (!dayCells.ok) return dayCells;
    const days = rcvArgs.readAll(dayCells.value, "monthDays", rcvArgs.readNumber);
    if (!days.ok) return days;
    const perMonth = days.value.length === 1 ? sales.value.map(() => days.value[0]) : days.value;
    return rcvEngine.countbackDso({ receivables: r.value, monthlySales: sales.value, monthDays: perMonth });
  });
}

/**
 * Best possible DSO: not-yet-due (current) receivables / credit sales × days in the period.
 * @customfunction BPDSO
 * @param {unknown} currentReceivables Receivables not yet due at the as-of date.
 * @param {unknown} sales Credit sales in the period.
 * @param {unknown} days Days in the period.
 * @returns {number} Best possible DSO in days.
 */
export function bpdso(currentReceivables: unknown, sales: unknown, days: unknown) {
  return rcvErrors.guard<number>(() => {
    const n = rcvNumbers({ currentReceivables, sales, days });
    if (!n.ok) return n;
    return rcvAdapters.renameField(rcvEngine.bestPossibleDso({ ...n.value, creditSales: n.value.sales }), "creditSales", "sales");
  });
}

/**
 * Average days delinquent: DSO − best possible DSO, over the same sales and period.
 * @customfunction ADD
 * @param {unknown} receivables Receivables at the as-of date.
 * @param {unknown} currentReceivables The part of them not yet due.
 * @param {unknown} sales Credit sales in the period.
 * @param {unknown} days Days in the period.
 * @returns {number} Average days delinquent.
 */
export function add(receivables: unknown, currentReceivables: unknown, sales: unknown, days: unknown) {
  return rcvErrors.guard<number>(() => {
    const n = rcvNumbers({ receivables: receivables, currentReceivables, sales, days });
    if (!n.ok) return n;
    return rcvAdapters.renameField(rcvEngine.averageDaysDelinquent({ ...n.value, creditSales: n.value.sales }), "creditSales", "sales");
  });
}

/**
 * Collection effectiveness index in percent: (opening receivables + credit sales − closing
 * receivables) / (opening receivables + credit sales − closing current receivables) × 100, with
 * the WHOLE period's credit sales in both places (not average monthly sales).
 * @customfunction CEI
 * @param {unknown} openingReceivables Receivables at the start of the period.
 * @param {unknown} creditSales Credit sales of the whole period.
 * @param {unknown} closingReceivables Receivables at the end of the period.
 * @param {unknown} closingCurrentReceivables The part of closing receivables not yet due.
 * @returns {number} CEI in percent (100 = everything collectible was collected).
 */
export function cei(openingReceivables: unknown, creditSales: unknown, closingReceivables: unknown, closingCurrentReceivables: unknown) {
  return rcvErrors.guard<number>(() => {
    const n = rcvNumbers({ openingReceivables, creditSales, closingReceivables, closingCurrentReceivables });
    if (!n.ok) return n;
    return rcvEngine.cei(n.value);
  });
}

/**
 * Order-to-cash efficiency rating from the overdue ratio: ≤ 5 % level 1 world class (世界一流);
 * ≤ 15 % level 2 efficient but not optimal; ≤ 30 % level 3 serious problems, reform needed;
 * above, level 4 near collapse. The ratio is a fraction as Excel formats percentages (12 % is
 * 0.12); a value above 1 is refused rather than guessed.
 * @customfunction OTC
 * @param {unknown} overdueRatio Overdue receivables / total receivables, as a fraction or percentage (0.12 or 12 %).
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {string} "Level n: English label (中文)".
 */
export function otc(overdueRatio: unknown, policy?: unknown[][]) {
  return rcvErrors.guard<string>(() => {
    const p = rcvScoring.readPolicyArg(policy ?? null);
    if (!p.ok) return p;
    const r = rcvArgs.readNumber(overdueRatio, "overdueRatio");
    if (!r.ok) return r;
    if (r.value < 0 || r.value > 1) {
      return rcvResult.err(rcvResult.invalidInput("overdueRatio", `must be a fraction between 0 and 1 (12 % is 0.12), got ${r.value}`));
    }
    const rating = rcvEngine.otcRating(rcvAdapters.fractionToPercent(r.value), p.value);
    return rcvResult.ok(`Level ${rating.level}: ${rating.en} (${rating.zh})`);
  });
}

/**
 * Collections action from the ladder: 1–15 days reminder and statement; 16–30 phone call;
 * 31–60 dunning letter and hold new credit orders; 61–90 final demand, stop shipments;
 * 91–180 lawyer's letter or agency; > 180 litigation and write-off review. One level earlier when
 * the overdue amount exceeds the policy's large-amount threshold; a disputed item gets "Resolve
 * dispute". Columns spill one action per row.
 * @customfunction ACTION
 * @param {unknown[][]} daysPastDue Days past due; a cell or a column.
 * @param {unknown[][]} amount Overdue amount; a cell or a column.
 * @param {unknown[][]} [disputed] TRUE/yes when the item is disputed (default no).
 * @param {unknown[][]} [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {unknown[][]} The action for each item.
 */
export function action(daysPastDue: unknown[][], amount: unknown[][], disputed?: unknown[][], policy?: unknown[][]) {
  return rcvScoring.guardSpill<string>(() => {
    const p = rcvScoring.readPolicyArg(policy ?? null);
    if (!p.ok) return p;
    const cols = rcvScoring.spreadColumns({ daysPastDue, amount, disputed: disputed ?? null });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: RcvSpill<string> = [];
    for (let i = 0; i < n; i++) {
      const step = rcvActionOfRow(get, fieldOf, i, p.value);
      out.push([rcvScoring.cellOf(step.ok ? rcvResult.ok(step.value.action) : step)]);
    }
    return rcvResult.ok(out);
  });
}

function rcvActionOfRow(
  get: (name: "daysPastDue" | "amount" | "disputed", i: number) => unknown,
  fieldOf: (name: "daysPastDue" | "amount" | "disputed", i: number) => string,
  i: number,
  policy: Parameters<typeof rcvEngine.collectionAction>[1],
): rcvResult.Result<rcvEngine.CollectionStep> {
  const days = rcvArgs.readNumber(get("daysPastDue", i), fieldOf("daysPastDue", i));
  if (!days.ok) return days;
  const owed = rcvArgs.readNumber(get("amount", i), fieldOf("amount", i));
  if (!owed.ok) return owed;
  const isDisputed = rcvArgs.readBoolean(get("disputed", i), fieldOf("disputed", i));
  if (!isDisputed.ok) return isDisputed;
  return rcvResult.ok(rcvEngine.collectionAction({ daysPastDue: days.value, overdueAmount: owed.value, isDisputed: isDisputed.value }, policy));
}

/**
 * Amount to demand on an overdue item: amount + late interest + dunning fee, where the interest is
 * simple interest on a 365-day year (amount × rate × days / 365), rounded to the cent. Example: 100
 * overdue 15 days at 10 % with a fee of 10 → interest 0.41, demanded 110.41. Nothing is added to an
 * item not yet overdue. Columns spill one amount per row.
 * @customfunction INTEREST
 * @param {unknown[][]} amount Overdue amount; a cell or a column.
 * @param {unknown[][]} daysPastDue Days past due.
 * @param {unknown[][]} rate Annual interest rate as a fraction or percentage (10 % or 0.1).
 * @param {unknown[][]} [fee] Dunning fee per demand (default: the policy's, 0).
 * @returns {number[][]} The amount demanded for each item.
 */
export function interest(amount: unknown[][], daysPastDue: unknown[][], rate: unknown[][], fee?: unknown[][]) {
  return rcvScoring.guardSpill<number>(() => {
    const cols = rcvScoring.spreadColumns({ amount, daysPastDue, rate, fee: fee ?? null });
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: RcvSpill<number> = [];
    for (let i = 0; i < n; i++) {
      const demanded = rcvDemandedOfRow(get, fieldOf, i);
      out.push([rcvScoring.cellOf(demanded)]);
    }
    return rcvResult.ok(out);
  });
}

function rcvDemandedOfRow(
  get: (name: "amount" | "daysPastDue" | "rate" | "fee", i: number) => unknown,
  fieldOf: (name: "amount" | "daysPastDue" | "rate" | "fee", i: number) => string,
  i: number,
): rcvResult.Result<number> {
  const owed = rcvArgs.readNumber(get("amount", i), fieldOf("amount", i));
  if (!owed.ok) return owed;
  const days = rcvArgs.readNumber(get("daysPastDue", i), fieldOf("daysPastDue", i));
  if (!days.ok) return days;
  const yearly = rcvArgs.readNumber(get("rate", i), fieldOf("rate", i));
  if (!yearly.ok) return yearly;
  if (yearly.value < 0) return rcvResult.err(rcvResult.invalidInput(fieldOf("rate", i), "must not be negative"));
  const fee = rcvArgs.readOptionalNumber(get("fee", i), rcvPolicy.DEFAULT_POLICY.dunningFee, fieldOf("fee", i));
  if (!fee.ok) return fee;
  const r = rcvEngine.lateInterestOf(
    { amount: owed.value, daysPastDue: days.value, annualRatePercent: rcvAdapters.fractionToPercent(yearly.value), fee: fee.value },
    { amount: fieldOf("amount", i), daysPastDue: fieldOf("daysPastDue", i), annualRatePercent: fieldOf("rate", i), fee: fieldOf("fee", i) },
  );
  return r.ok ? rcvResult.ok(r.value.demanded) : r;
}

/**
 * Bad-debt allowance by provision matrix: each amount goes to the aging bucket of its days past
 * due (0, 30, 60, 90, 180, 365 day edges) and the allowance is Σ bucket balance × rate, each bucket
 * rounded to the cent. Default rates 0.5 %, 2 %, 5 %, 10 %, 25 %, 50 %, 100 %. Blank rows skipped.
 * @customfunction PROVISION
 * @param {unknown[][]} amounts Open amounts, one per item.
 * @param {unknown[][]} daysPastDue Days past due of each item.
 * @param {unknown[][]} [rates] Loss rates per bucket as fractions or percentages, 7 values (default the policy's).
 * @returns {number} The allowance.
 */
export function provision(amounts: unknown[][], daysPastDue: unknown[][], rates?: unknown[][]) {
  return rcvErrors.guard<number>(() => {
    const given = rcvRequiredRanges({ amounts, daysPastDue });
    if (!given.ok) return given;
    const edges = rcvPolicy.DEFAULT_POLICY.agingEdges;
    let ratePercents = rcvPolicy.DEFAULT_POLICY.provisionPercents;
    if (!rcvAdapters.isBlankRange(rates ?? null)) {
      const fractions = rcvAdapters.readFractions(rates, edges.length + 1, "rates");
      if (!fractions.ok) return fractions;
      ratePercents = fractions.value.map(rcvAdapters.fractionToPercent);
    }
    const cols = rcvAdapters.readLedgerColumns({ amounts, daysPastDue });
    if (!cols.ok) return cols;
    const bucketCents = new Array<number>(edges.length + 1).fill(0);
    for (const i of cols.value.rows) {
      const owed = rcvAdapters.readRequiredNumber(cols.value, "amounts", i);
      if (!owed.ok) return owed;
      const days = rcvAdapters.readRequiredNumber(cols.value, "daysPastDue", i);
      if (!days.ok) return days;
      const cents = rcvAdapters.readRowCents(owed.value, "amounts", i);
      if (!cents.ok) return cents;
      bucketCents[rcvEngine.bucketIndex(days.value, edges)] += cents.value;
    }
    const allowance = rcvEngine.provisionOf(bucketCents, ratePercents, 1, "amounts");
    return allowance.ok ? rcvResult.ok(allowance.value.total) : allowance;
  });
}

/**
 * Loss rates by roll rates (IFRS 9 provision matrix). Give one row per month-end, oldest first,
 * with each aging bucket's balance and, in the last column, the amount written off that month.
 * A bucket's roll rate is the share of its balance found in the next bucket a month later
 * (averaged over months, capped at 100 %); its loss rate is the product of the roll rates down to
 * write-off. Spills one loss rate per column (the last is 100 %). Blank cells count as 0.
 * @customfunction ROLLRATES
 * @param {unknown[][]} snapshots Month-end balances per bucket, oldest first; last column written off.
 * @returns {number[][]} One row of loss rates (fractions), one per column.
 */
export function rollrates(snapshots: unknown[][]) {
  return rcvScoring.guardSpill<number>(() => {
    const block = rcvAdapters.readNumberBlock(snapshots, "snapshots");
    if (!block.ok) return block;
    const rates = rcvEngine.rollRateLossRates(block.value);
    if (!rates.ok) return rates;
    return rcvResult.ok([rates.value]);
  });
}

// #endregion receivables
