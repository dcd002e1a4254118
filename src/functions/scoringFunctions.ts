/**
 * The scoring, grading, ratio and limit custom functions (CREDIT.SCORE … POLICYID): thin adapters
 * that declare their arguments once (argSpec.ts: readCall through valueOf, spillOf and rowsOf), call
 * the engine, and map errors with toExcelError.ts.
 */
// #region scoring
import { characteristicScore, gradeOf, gradeTerms, letterRating, quadrantOf } from "../engine/scoring";
import { ratioOf, altmanZ, altmanZone } from "../engine/ratios";
import { BASIS_LABELS, LIMIT_BASIS_NAMES, creditLimit, skippedReasonText, workingAssetsBasis } from "../engine/limits";
import { CHARACTERISTIC_KEYS, shortFingerprint, type Grade, type Policy } from "../engine/policy";
import { detail as errorDetail, err, inside, invalidInput, ok, type Result } from "../engine/errors";
import { mapField, readNumberOrZero, type Cell } from "./args";
import { isBlank } from "../engine/values/isBlank";
import { readNumber } from "../engine/values/readNumber";
import { BLOCK, FLAG, MAYBE_NUMBER, NUMBER, OPTIONAL_COLUMN, POLICY, choice, eachCell, numberOr, perRow, rowsOf, spillOf, valueOf, readerOf, spread } from "./argSpec";
import { cellOf, readAltmanModel, readFinancialPeriods, readGrade, readRatioName, type Spill } from "./scoringAdapters";
import { isBlankRange } from "./receivablesAdapters";

// Ranges stay any[][] in the metadata: a text cell is that row's #VALUE! (the other rows still
// computed) and a blank cell means "no information" or "not given", where a number[][] parameter
// would make Excel refuse the whole call for one text cell and hand a blank as 0.

/** Position of the payment-record characteristic in a row of the 18 scores. */
const PAYMENT_RECORD_COLUMN = CHARACTERISTIC_KEYS.indexOf("paymentRecord");

/**
 * A score cell: a finite number as it is, without a field name or a Result (one call reads
 * 18 × 10,000 cells; issue 14); other cells through readNumberOrZero, the field named only then.
 */
function scoreCell(cell: Cell, r: number, c: number): Result<number> | number {
  return typeof cell === "number" && Number.isFinite(cell) ? cell : readNumberOrZero(cell, `scores row ${r + 1} item ${c + 1}`);
}

/** Weights, one per score column (blank 0), or undefined when omitted or blank: the policy's. */
const WEIGHTS = readerOf<number[] | undefined>((value, field) => {
  const cells = OPTIONAL_COLUMN.read(value, field);
  if (!cells.ok || cells.value === undefined) return cells as Result<undefined>;
  const w: number[] = new Array(cells.value.length);
  for (let i = 0; i < cells.value.length; i++) {
    const n = readNumberOrZero(cells.value[i], inside(field, { item: i + 1 }));
    if (!n.ok) return n;
    w[i] = n.value;
  }
  return ok(w);
});

/** SCORE's and COVERAGE's arguments (the policy checked first). */
const SCORE_ARGS = { scores: BLOCK, weights: WEIGHTS, policy: POLICY, paymentRecord: OPTIONAL_COLUMN };

/** Composite % or coverage % of each row of a score block (shared by SCORE and COVERAGE). */
function scoreRows(given: unknown[], pick: "compositePercent" | "coveragePercent"): Spill<number> {
  return spillOf(SCORE_ARGS, given, (a) => {
    const { policy, paymentRecord: records } = a;
    const w = a.weights ?? CHARACTERISTIC_KEYS.map((k) => policy.weights[k]);
    let rows = a.scores;
    // One customer's scores typed down a column: read it as one row.
    if (rows.length === w.length && rows.length > 1 && rows.every((r) => r.length === 1)) rows = [rows.map((r) => r[0])];
    const width = rows[0]?.length ?? 0;
    if (width !== w.length) {
      return err(invalidInput("scores", errorDetail("rowWidth", { count: w.length, got: width })));
    }
    if (records !== undefined) {
      if (width !== CHARACTERISTIC_KEYS.length) return err(invalidInput("paymentRecord", errorDetail("paymentRecordWidth", { count: CHARACTERISTIC_KEYS.length, got: width })));
      if (records.length !== rows.length) return err(invalidInput("paymentRecord", errorDetail("rowsMismatch", { count: records.length, other: "scores", otherCount: rows.length })));
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
  }, "policy");
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
  return scoreRows([scores, weights, policy, paymentRecord], "compositePercent");
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
  return scoreRows([scores, weights, policy, paymentRecord], "coveragePercent");
}

const GRADE_ARGS = { compositeScore: BLOCK, scale: choice(["AD", "AAA"] as const, "AD"), policy: POLICY };

/**
 * Credit grade of a composite score: A (≥ 80), B (≥ 60), C (≥ 40), D by default, or the letter
 * scale AAA…CCC. Accepts a column of scores and spills one grade each.
 * @customfunction GRADE
 * @param compositeScore Composite score in percent (0–100), as CREDIT.SCORE returns; a cell or a column.
 * @param {string} [scale] "AD" for grades A–D (default) or "AAA" for the letter scale AAA…CCC.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {string[][]} Grade of each score.
 */
export function grade(compositeScore: unknown[][], scale?: string, policy?: unknown[][]) {
  return spillOf(GRADE_ARGS, [compositeScore, scale, policy], (a) => {
    const { scale: kind, policy: p } = a;
    return ok(
      eachCell(a.compositeScore, "compositeScore", (cell, field) => {
        // The field is named only for a refused cell: no string built per cell read (issue 14).
        const x = typeof cell === "number" && Number.isFinite(cell) ? ok(cell) : readNumber(cell, field());
        if (!x.ok) return cellOf<string>(x);
        const g = kind === "AD" ? gradeOf(x.value, p) : letterRating(x.value, p);
        // The engine names the value "composite %"; the message names the argument and row.
        return g.ok ? g.value : cellOf<string>(mapField(g, field));
      }),
    );
  }, "policy");
}

/** A grade A–D in a per-customer column. */
const GRADE_CELL = perRow(readGrade);

const QUADRANT_ARGS = { grade: GRADE_CELL, potential: perRow(numberOr(0)), show: choice(["number", "en", "zh"] as const, "number"), policy: POLICY };

/**
 * Quadrant of the risk × cooperation-potential matrix: 1 basic customer (low risk, low
 * potential), 2 cash or prepayment (high risk, low potential), 3 credit customer (low risk, high
 * potential), 4 credit investigation first (high risk, high potential). Risk is high for grades
 * C and D; potential is high from 6 (policy). Columns of grades and potentials spill one per row.
 * @customfunction QUADRANT
 * @param grade Grade A, B, C or D; a cell or a column.
 * @param potential Cooperation potential 1–10 (blank counts as low); a cell or a column.
 * @param {string} [show] "number" (default) for 1–4, "en" for the English label, "zh" for the Chinese label.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {any[][]} Quadrant of each customer.
 */
export function quadrant(grade: unknown[][], potential: unknown[][], show?: string, policy?: unknown[][]) {
  return rowsOf(
    QUADRANT_ARGS,
    [grade, potential, show, policy],
    1,
    (r, a) => {
      const q = quadrantOf(r.grade, r.potential, a.policy);
      return ok([a.show === "number" ? q.quadrant : a.show === "en" ? q.en : q.zh]);
    },
    "policy",
  );
}

const TERMS_ARGS = { grade: GRADE_CELL, policy: POLICY };

/**
 * The policy's terms for a grade, as a row: payment terms in days, limit factor, review interval
 * in months. A column of grades spills one row each.
 * @customfunction TERMS
 * @param grade Grade A, B, C or D; a cell or a column.
 * @param [policy] The Policy sheet's key/value range (default: the shipped policy).
 * @returns {number[][]} Terms days, limit factor and review months for each grade.
 */
export function terms(grade: unknown[][], policy?: unknown[][]) {
  return rowsOf(TERMS_ARGS, [grade, policy], 3, (r, a) => {
    const t = gradeTerms(r.grade, a.policy);
    return ok([t.termsDays, t.limitFactor, t.reviewMonths]);
  });
}

const FIGURES = readerOf(readFinancialPeriods);
const RATIO_ARGS = {
  name: readerOf(readRatioName),
  figures: FIGURES,
  priorFigures: readerOf((value, field) => (isBlankRange(value) ? ok(undefined) : FIGURES.read(value, field))),
};

/**
 * A financial ratio as a fraction (0.05 = 5 %): netMargin, roa, roe, revenueGrowth,
 * netProfitGrowth, currentRatio, quickRatio, debtRatio, inventoryTurnover, receivablesTurnover,
 * fixedAssetTurnover. The figures are a labelled range: a header row of figure names (Revenue,
 * CostOfSales, NetProfit, CurrentAssets, Inventory, Receivables, FixedAssets, TotalAssets,
 * CurrentLiabilities, TotalLiabilities, Equity) over one row per customer, or a column of names
 * beside their values. Growth and average inventory/receivables use the prior period when given.
 * A zero denominator is #DIV/0!, a missing figure #N/A naming it.
 * @customfunction RATIO
 * @param {string} name Ratio name, e.g. "currentRatio" or "Current ratio".
 * @param figures Labelled financial figures of the period (header row + one row per customer, or names beside values).
 * @param [priorFigures] The same figures for the prior period, laid out the same way.
 * @returns {number[][]} The ratio, one per customer row.
 */
export function ratio(name: string, figures: unknown[][], priorFigures?: unknown[][]) {
  return spillOf(RATIO_ARGS, [name, figures, priorFigures], (a) => {
    const { name: r, figures: current, priorFigures: prior } = a;
    if (prior !== undefined && prior.length !== current.length) {
      return err(invalidInput("priorFigures", errorDetail("rowsMismatch", { count: prior.length, other: "figures", otherCount: current.length })));
    }
    return ok(current.map((period, i) => [cellOf(ratioOf(r, period, prior?.[i]))]));
  });
}

const ALTMAN_MODEL = readerOf(readAltmanModel);
const X = perRow(NUMBER);
const ZSCORE_ARGS = { model: ALTMAN_MODEL, x1: X, x2: X, x3: X, x4: X, x5: perRow(MAYBE_NUMBER) };

/**
 * Altman Z-score: "Z" (public manufacturers) = 1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5;
 * "Z'" (private firms) = 0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5;
 * "Z''" (non-manufacturers) = 6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4. Columns spill one per row.
 * @customfunction ZSCORE
 * @param {string} model "Z", "Z'" or "Z''".
 * @param x1 Working capital / total assets.
 * @param x2 Retained earnings / total assets.
 * @param x3 EBIT / total assets.
 * @param x4 Equity (market value for Z, book value for Z' and Z'') / total liabilities.
 * @param [x5] Sales / total assets (needed by Z and Z').
 * @returns {number[][]} The Z-score of each row.
 */
export function zscore(model: string, x1: unknown[][], x2: unknown[][], x3: unknown[][], x4: unknown[][], x5?: unknown[][]) {
  return rowsOf(ZSCORE_ARGS, [model, x1, x2, x3, x4, x5], 1, (x, a) => {
    const z = altmanZ(a.model, x);
    return z.ok ? ok([z.value.z]) : z;
  });
}

const ZONE_ARGS = { model: ALTMAN_MODEL, z: X };

/**
 * Altman zone of a Z-score: "distress" below the lower edge, "safe" above the upper, "grey"
 * between them, edges included (Z 1.81/2.99, Z' 1.23/2.90, Z'' 1.10/2.60).
 * @customfunction ZONE
 * @param {string} model "Z", "Z'" or "Z''".
 * @param z Z-score; a cell or a column.
 * @returns {string[][]} "safe", "grey" or "distress" for each score.
 */
export function zone(model: string, z: unknown[][]) {
  return rowsOf<typeof ZONE_ARGS, string>(ZONE_ARGS, [model, z], 1, (r, a) => {
    const zone = altmanZone(a.model, r.z);
    return zone.ok ? ok([zone.value]) : zone;
  });
}

const WORKING_ASSETS_ARGS = { currentAssets: X, inventory: X, currentLiabilities: X, totalLiabilities: X, netWorth: X, policy: POLICY };

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
  return rowsOf(WORKING_ASSETS_ARGS, [currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth, policy], 4, (figures, a) => {
    const r = workingAssetsBasis(figures, a.policy);
    return r.ok ? ok([r.value.workingAssets, r.value.evaluation, r.value.percent, r.value.basis]) : r;
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
  return spillOf(LIMIT_ARGS, [grade, annualSales, grossMargin, currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth, collateral, averageDaysLate, detail, policy], (a) => {
    // The columns read in one pass (lazy spread: their shape checked as their rows are read).
    const cols = spread(a, true);
    if (!cols.ok) return cols;
    const { n, cell, checked } = cols.value;
    if (a.detail && n > 1) {
      const shape = cols.value.shape();
      return shape.ok ? err(invalidInput("detail", errorDetail("oneCustomerOnly", { count: n }))) : shape;
    }
    if (!a.detail) {
      // Each limit's cell made as it is computed: the results (bases, workings) die young instead
      // of surviving the collections of the call (issue 14).
      const out: Spill<number> = new Array(n);
      for (let i = 0; i < n; i++) {
        const r = limitAt(cols.value, cell, i, a.policy);
        out[i] = [cellOf(r.ok ? ok(r.value.recommended) : r)];
      }
      const shape = checked();
      return shape.ok ? ok(out) : shape;
    }
    const only = limitAt(cols.value, cell, 0, a.policy);
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
  }, "policy");
}

/** A figure of a limit's row: blank is "not given" (that basis skipped). */
const FIGURE = perRow(MAYBE_NUMBER);

/** CREDIT.LIMIT's arguments (the policy checked first, then the detail flag, then the columns' cells row by row). */
const LIMIT_ARGS = {
  grade: GRADE_CELL,
  annualSales: FIGURE,
  grossMargin: FIGURE,
  currentAssets: FIGURE,
  inventory: FIGURE,
  currentLiabilities: FIGURE,
  totalLiabilities: FIGURE,
  netWorth: FIGURE,
  collateral: FIGURE,
  averageDaysLate: FIGURE,
  detail: FLAG,
  policy: POLICY,
};

/** A figure cell as MAYBE_NUMBER reads it: a finite number, or undefined for null, undefined or ""; null for any other cell (read by the full reader). */
const plainFigure = (cell: Cell): number | undefined | null =>
  typeof cell === "number" ? (Number.isFinite(cell) ? cell : null) : cell === null || cell === undefined || cell === "" ? undefined : null;

/**
 * The limit of row i: a row of plain cells (a grade A–D as readGrade reads it, finite numbers,
 * blanks) read straight, any other row through the spread's readers (row), which name a refused
 * cell. Reading the plain cells without a Result and a record per row, with the columns read in
 * one pass (lazy spread) and each result dropped once its cell is made, took CREDIT.LIMIT over
 * 10,000 customers (fresh arrays, 30 calls) from 49 to 39 ms CPU at best, 62 to 51 ms median
 * (issue 14). What is left is the first touch of 100,000 fresh row arrays (~16 ms) and
 * creditLimit (~16 ms).
 */
function limitAt(cols: { row(i: number): Result<object> }, cell: (c: number, i: number) => Cell, i: number, policy: Policy): ReturnType<typeof creditLimit> {
  let grade = cell(0, i);
  let f: (number | undefined | null)[] = [];
  let plain = grade === "A" || grade === "B" || grade === "C" || grade === "D";
  // Every cell read, plain or not: the lazy spread checks each row's shape as it is read.
  for (let c = 1; c < 10; c++) if ((f[c - 1] = plainFigure(cell(c, i))) === null) plain = false;
  if (!plain) {
    const row = cols.row(i);
    if (!row.ok) return row;
    // The row's values in the declaration's order: the grade, then the nine figures.
    [grade, ...f] = Object.values(row.value) as (number | undefined)[];
  }
  const [annualCreditSales, grossMargin, currentAssets, inventory, currentLiabilities, totalLiabilities, equity, collateral, averageDaysLate] = f as (number | undefined)[];
  // Literals with every key, not a record filled key by key: hidden classes that die with their
  // objects take the optimised code with them at the next full collection (issue 6).
  const hasFinancials = currentAssets !== undefined || inventory !== undefined || currentLiabilities !== undefined || totalLiabilities !== undefined || equity !== undefined;
  return creditLimit(
    {
      grade: grade as Grade, annualCreditSales, grossMargin, collateral, averageDaysLate,
      financials: hasFinancials ? { currentAssets, inventory, currentLiabilities, totalLiabilities, equity } : undefined,
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
  return valueOf({ policy: POLICY }, [policy], (a) => ok(shortFingerprint(a.policy)));
}
// #endregion scoring
