/**
 * The scoring, grading, ratio and limit custom functions (CREDIT.SCORE … POLICYID): thin adapters
 * that convert their arguments with args.ts, call the engine, and map errors with toExcelError.ts.
 */
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

/** Position of the payment-record characteristic in a row of the 18 scores. */
const PAYMENT_RECORD_COLUMN = CHARACTERISTIC_KEYS.indexOf("paymentRecord");

/**
 * A score cell: a finite number as it is, without a field name or a Result (one call reads
 * 18 × 10,000 cells; issue 14); other cells through readNumberOrZero, the field named only then.
 */
function scoreCell(cell: Cell, r: number, c: number): Result<number> | number {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : readNumberOrZero(cell, `scores row ${r + 1} item ${c + 1}`);
}

/** Composite % or coverage % of each row of a score block (shared by SCORE and COVERAGE). */
function scoreRows(
  scores: Cell[][],
  weights: Cell[][] | null | undefined,
  pick: "compositePercent" | "coveragePercent",
  policy: Cell[][] | null | undefined,
  paymentRecord: Cell[][] | null | undefined,
): Spill<number> {
  return guardSpill<number>(() => {
    const p = readPolicyArg(policy ?? null);
    if (!p.ok) return p;
    let weightCells: Cell[];
    if (isBlank(weights) || asMatrix(weights).every((r) => r.every(isBlank))) {
      weightCells = CHARACTERISTIC_KEYS.map((k) => p.value.weights[k]);
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
    let records: Cell[] | undefined;
    if (paymentRecord !== null && paymentRecord !== undefined && !asMatrix(paymentRecord).every((r) => r.every(isBlank))) {
      if (width !== CHARACTERISTIC_KEYS.length) return err(invalidInput("paymentRecord", `replaces the payment-record column of the ${CHARACTERISTIC_KEYS.length} scores; these rows have ${width}`));
      const v = readVector(paymentRecord, "paymentRecord");
      if (!v.ok) return v;
      if (v.value.length !== rows.length) return err(invalidInput("paymentRecord", `has ${v.value.length} rows but scores has ${rows.length}`));
      records = v.value;
    }
    const out: Spill<number> = new Array(rows.length);
    const values = new Array<number>(width);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let bad: Result<never> | undefined;
      for (let c = 0; c < width; c++) {
        const record = records !== undefined && c === PAYMENT_RECORD_COLUMN && !isBlank(records[r]) ? records[r] : undefined;
        const n = record !== undefined ? (typeof record === "number" && Number.isFinite(record) ? record : readNumber(record, `paymentRecord row ${r + 1}`)) : scoreCell(row[c], r, c);
        if (typeof n === "number") values[c] = n;
        else if (n.ok) values[c] = n.value;
        else {
          bad = n;
          break;
        }
      }
      if (bad) {
        out[r] = [cellOf(bad)];
        continue;
      }
      const s = characteristicScore(values, w);
      out[r] = [cellOf(s.ok ? ok(s.value[pick]) : s)];
    }
    return ok(out);
  });
}

/**
 * Composite credit score in percent (0–100) of the characteristic model: Σ score × weight /
 * Σ 10 × weight × 100. Scores are 0–10, blank or 0 meaning no information (which lowers the
 * score). One row of scores gives one result; a block of rows spills one result per customer.
 * With the Policy range, its weights are used (and a change there recalculates the score); with
 * paymentRecord (CREDIT.PAYMENTRECORD), those scores replace the payment-record column, as the
 * Credit Review does with the derived payment record.
 * @customfunction SCORE
 * @param scores One row of 18 characteristic scores (0–10) per customer, in the order of the Customers table.
 * @param [weights] Weights of the characteristics, one per score column (default: the policy's 18 weights).
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy), for its weights.
 * @param [paymentRecord] Payment-record score of each customer (CREDIT.PAYMENTRECORD), replacing that column.
 * @returns {number[][]} Composite score in percent, one per row.
 */
export function score(scores: unknown[][], weights?: unknown[][], policy?: unknown[][], paymentRecord?: unknown[][]) {
  return scoreRows(scores, weights, "compositePercent", policy, paymentRecord);
}

/**
 * Information coverage in percent: the weight of the scored characteristics (score above 0) over
 * the total weight. Below 70 % the review warns "insufficient information".
 * @customfunction COVERAGE
 * @param scores One row of 18 characteristic scores (0–10) per customer.
 * @param [weights] Weights of the characteristics, one per score column (default: the policy's weights).
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy), for its weights.
 * @param [paymentRecord] Payment-record score of each customer (CREDIT.PAYMENTRECORD), replacing that column.
 * @returns {number[][]} Coverage in percent, one per row.
 */
export function coverage(scores: unknown[][], weights?: unknown[][], policy?: unknown[][], paymentRecord?: unknown[][]) {
  return scoreRows(scores, weights, "coveragePercent", policy, paymentRecord);
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
          // The field is named only for a refused cell: no string built per cell read (issue 14).
          const field = (): string => (m.length * row.length === 1 ? "compositeScore" : `compositeScore row ${r + 1}${row.length > 1 ? ` column ${c + 1}` : ""}`);
          const x = typeof cell === "number" && Number.isFinite(cell) ? ok(cell) : readNumber(cell, field());
          if (!x.ok) return cellOf(x);
          const g = kind === "AD" ? gradeOf(x.value, p.value) : letterRating(x.value, p.value);
          // The engine names the value "composite %"; the message names the argument and row.
          return g.ok ? g.value : cellOf<string>(withField(g, field()));
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
