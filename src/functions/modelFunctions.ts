/**
 * The custom functions of default models, scorecards and credit-policy analysis (credit-method.md
 * §9, §10): CREDIT.WOE, IV, AUC, KS, POINTS, PD, EL, MARGINAL. Thin adapters, one family per file
 * (conventions.md "Growing without sprawl"): each declares its arguments once (argSpec.ts), calls
 * src/engine/models and maps errors with toExcelError.ts. The metadata plugin reads this file's JSDoc beside functions.ts.
 */
import { at, detail, err, type Field, fieldName, invalidInput, ok, type Result } from "../engine/errors";
import {
  auc as aucOf,
  expectedLoss,
  ks as ksOf,
  marginalAnalysis,
  scoreOfOdds,
  scorecardScaling,
  sigmoid,
  woeTable,
  type BinCounts,
  type TermsScenario,
  type WoeTable,
} from "../engine/models";
import { applyScorecard, type FeatureColumn, type Scorecard } from "../engine/models/buildScorecard";
import { BIN_COLUMN, scorecardOfBins } from "../app/modelBins";
import { isBlank, readBoolean, readNumber } from "../engine/values";
import { asMatrix, mapField, readVector, type Cell } from "./args";
import { BLOCK, FLAG, NUMBER, parallel, parallelRows, type Args, eachCell, numberOr, perRow, spillOf, valueOf, readerOf, spread } from "./argSpec";
import { isBlankRange } from "./receivablesAdapters";
import { cellOf, type Spill } from "./scoringAdapters";

// Ranges stay any[][] in the metadata: blank rows are skipped and a blank cell is "not given" or
// stays blank, and a text cell is #VALUE! naming its row, where a number[][] parameter would hand
// a blank as 0 and refuse the whole call without a message.

// #region readers

/** A default flag: 1/0, TRUE/FALSE, yes/no (是/否); any other number (such as German credit's 2) is refused. */
function readDefaultFlag(value: Cell, field: Field): Result<number> {
  if (typeof value === "number") {
    return value === 0 || value === 1 ? ok(value) : err(invalidInput(field, detail("defaultFlag", { got: value })));
  }
  if (isBlank(value)) return err(invalidInput(field, detail("defaultFlagMissing")));
  const b = readBoolean(value, field);
  return b.ok ? ok(b.value ? 1 : 0) : b;
}

/** Scores and default flags from AUC's and KS's parallel columns, wholly blank rows skipped. */
function scoresAndFlags(a: Args<typeof SEPARATION_ARGS>): Result<{ scores: number[]; isBad: number[] }> {
  const ledger = parallelRows(a);
  if (!ledger.ok) return ledger;
  const s: number[] = [];
  const y: number[] = [];
  for (const i of ledger.value.rows) {
    const r = ledger.value.row(i);
    if (!r.ok) return r;
    s.push(a.higherIsSafer ? -r.value.scores : r.value.scores);
    y.push(r.value.defaults);
  }
  return ok({ scores: s, isBad: y });
}

/** The engine's "isBad" is the Excel argument "defaults". */
const DEFAULTS = (field: string): string => field.replace(/^isBad/, "defaults");

/** Goods and bads per bin from WOE's and IV's parallel columns of counts, wholly blank rows skipped. */
function binCounts(a: Args<typeof BIN_ARGS>): Result<WoeTable> {
  const ledger = parallelRows(a);
  if (!ledger.ok) return ledger;
  const counts: BinCounts[] = [];
  for (const i of ledger.value.rows) {
    const r = ledger.value.row(i);
    if (!r.ok) return r;
    const { goods, bads } = r.value;
    if (goods < 0) return err(invalidInput(ledger.value.fieldOf("goods", i), detail("nonNegative")));
    if (bads < 0) return err(invalidInput(ledger.value.fieldOf("bads", i), detail("nonNegative")));
    counts.push({ goods, bads });
  }
  return woeTable(counts, 0, "bin");
}

// #endregion readers

/** Goods and bads per bin: two parallel columns of counts. */
const BIN_ARGS = { goods: parallel(NUMBER), bads: parallel(NUMBER) };

/**
 * Weight of evidence of each bin of a characteristic: WOE = ln(% of goods / % of bads), positive
 * for a bin safer than average. Example: goods 600 and 300, bads 100 and 100 give +0.2877 and
 * −0.4055. A bin without goods or without bads has no finite WOE: merge it with a neighbour.
 * @customfunction WOE
 * @param {unknown[][]} goods Number of goods (non-defaults) in each bin, a column.
 * @param {unknown[][]} bads Number of bads (defaults) in each bin, a column of the same length.
 * @returns {number[][]} One WOE per bin.
 */
export function woe(goods: unknown[][], bads: unknown[][]) {
  return spillOf(BIN_ARGS, [goods, bads], (a) => {
    const table = binCounts(a);
    return table.ok ? ok(table.value.bins.map((b) => [b.woe])) : table;
  });
}

/**
 * Information value of a binned characteristic: Σ (% goods − % bads) × WOE over the bins. Below
 * 0.02 useless, 0.02–0.1 weak, 0.1–0.3 medium, 0.3–0.5 strong, above 0.5 suspicious. Example:
 * goods 600 and 300, bads 100 and 100 give 0.1155 (medium).
 * @customfunction IV
 * @param {unknown[][]} goods Number of goods (non-defaults) in each bin, a column.
 * @param {unknown[][]} bads Number of bads (defaults) in each bin, a column of the same length.
 * @returns {number} The information value.
 */
export function iv(goods: unknown[][], bads: unknown[][]) {
  return valueOf(BIN_ARGS, [goods, bads], (a) => {
    const table = binCounts(a);
    return table.ok ? ok(table.value.iv) : table;
  });
}

/** AUC's and KS's arguments: scores and default flags in parallel columns, and the direction of the scores. */
const SEPARATION_ARGS = { scores: parallel(NUMBER), defaults: parallel(readDefaultFlag), higherIsSafer: FLAG };

/**
 * Area under the ROC curve of risk scores against what happened: the probability that a random
 * defaulter scores higher than a random non-defaulter, ties counting one half (0.5 is chance, 1 is
 * perfect). Scores are PDs by default (higher is riskier); for scorecard points set higherIsSafer.
 * @customfunction AUC
 * @param {unknown[][]} scores Score or PD of each customer, a column.
 * @param {unknown[][]} defaults 1 (defaulted) or 0 for each customer, a column of the same length.
 * @param {unknown} [higherIsSafer] TRUE when a higher score is safer (scorecard points); default FALSE.
 * @returns {number} The AUC, from 0 to 1.
 */
export function auc(scores: unknown[][], defaults: unknown[][], higherIsSafer?: unknown) {
  return valueOf(SEPARATION_ARGS, [scores, defaults, higherIsSafer], (a) => {
    const data = scoresAndFlags(a);
    return data.ok ? mapField(aucOf(data.value.scores, data.value.isBad), DEFAULTS) : data;
  });
}

/**
 * Kolmogorov–Smirnov statistic of risk scores: the largest gap between the cumulative score
 * distributions of non-defaulters and defaulters, from 0 (no separation) to 1 (complete).
 * @customfunction KS
 * @param {unknown[][]} scores Score or PD of each customer, a column.
 * @param {unknown[][]} defaults 1 (defaulted) or 0 for each customer, a column of the same length.
 * @param {unknown} [higherIsSafer] TRUE when a higher score is safer (scorecard points); default FALSE. KS does not depend on it.
 * @returns {number} The KS statistic, from 0 to 1.
 */
export function ks(scores: unknown[][], defaults: unknown[][], higherIsSafer?: unknown) {
  return valueOf(SEPARATION_ARGS, [scores, defaults, higherIsSafer], (a) => {
    const data = scoresAndFlags(a);
    return data.ok ? mapField(ksOf(data.value.scores, data.value.isBad), DEFAULTS) : data;
  });
}

const POINTS_ARGS = { odds: BLOCK, pdo: numberOr(20), baseScore: numberOr(600), baseOdds: numberOr(50) };

/**
 * Scorecard points of odds of good: offset + factor × ln(odds), factor = PDO / ln 2, offset = base
 * score − factor × ln(base odds). With the defaults (600 points at 50:1, 20 points to double the
 * odds) odds 100 give 620 and odds 25 give 580. A cell, column or block spills the same shape.
 * @customfunction POINTS
 * @param {unknown[][]} odds Odds of good (goods per bad, e.g. 100 for 100:1); blank cells stay blank.
 * @param {number} [pdo] Points to double the odds (default 20).
 * @param {number} [baseScore] Score at the base odds (default 600).
 * @param {number} [baseOdds] The base odds of good (default 50).
 * @returns {number[][]} The score of each odds.
 */
export function points(odds: unknown[][], pdo?: number, baseScore?: number, baseOdds?: number) {
  return spillOf(POINTS_ARGS, [odds, pdo, baseScore, baseOdds], (a) => {
    const scaling = scorecardScaling(a);
    if (!scaling.ok) return scaling;
    return ok(
      eachCell(a.odds, "odds", (cell, field) => {
        if (isBlank(cell)) return "";
        const n = readNumber(cell, field());
        if (!n.ok) return cellOf<number>(n);
        const s = scoreOfOdds(scaling.value, n.value);
        return cellOf<number>(s.ok ? s : err(invalidInput(field(), detail("oddsAboveZero"))));
      }),
    );
  });
}

/** Model rows: name → coefficient, with the intercept apart. */
function readModel(model: Cell): Result<{ intercept: number; names: string[]; coefficients: number[] }> {
  const m = asMatrix(model);
  let intercept: number | undefined;
  const names: string[] = [];
  const coefficients: number[] = [];
  for (let r = 0; r < m.length; r++) {
    const row = m[r];
    if (row.every((c) => isBlank(c))) continue;
    if (row.length < 2) return err(invalidInput("model", detail("modelColumns")));
    const name = typeof row[0] === "string" ? row[0].trim() : String(row[0]);
    const value = readNumber(row[1], at("model", { row: r + 1 }));
    if (!value.ok) {
      // A header row ("Feature", "Coefficient") is allowed at the top.
      if (names.length === 0 && intercept === undefined && typeof row[1] === "string") continue;
      return value;
    }
    if (/^(intercept|constant|截距|常数项)$/i.test(name)) {
      if (intercept !== undefined) return err(invalidInput(at("model", { row: r + 1 }), detail("secondIntercept")));
      intercept = value.value;
    } else {
      if (names.includes(name)) return err(invalidInput(at("model", { row: r + 1 }), detail("appearsTwice", { name })));
      names.push(name);
      coefficients.push(value.value);
    }
  }
  if (intercept === undefined) return err(invalidInput("model", detail("noIntercept")));
  return ok({ intercept, names, coefficients });
}

/** A model given as the Model sheet's bins table (ModelBins, 13 columns, its header row or not): its scorecard. */
function readBinsModel(model: Cell): Result<Scorecard> | undefined {
  const m = asMatrix(model);
  if (m.length === 0 || m[0].length <= BIN_COLUMN.points) return undefined;
  const rows = typeof m[0][BIN_COLUMN.woe] === "string" ? m.slice(1) : m;
  return scorecardOfBins(rows, "model");
}

type PdModel = { kind: "coefficients"; intercept: number; names: string[]; coefficients: number[] } | { kind: "bins"; scorecard: Scorecard };

const PD_ARGS = {
  features: BLOCK,
  model: readerOf((value): Result<PdModel> => {
    const bins = readBinsModel(value);
    if (bins !== undefined) return bins.ok ? ok({ kind: "bins", scorecard: bins.value }) : bins;
    const coefficients = readModel(value);
    return coefficients.ok ? ok({ kind: "coefficients", ...coefficients.value }) : coefficients;
  }),
};

/**
 * PD of each customer row under the Model sheet's scorecard: the features are the raw values
 * (numbers, or categories as text; a blank falls in the feature's missing bin), each put in its
 * bin and replaced by the bin's WOE, as the review scores customers with the sheet.
 */
function pdOfBins(card: Scorecard, m: readonly (readonly Cell[])[], header: readonly string[]): Result<Spill<number | string>> {
  const columns: FeatureColumn[] = [];
  for (const k of card.characteristics) {
    const j = header.indexOf(k.name);
    if (j < 0) return err(invalidInput("features", detail("noColumn", { name: k.name })));
    const values: (number | string | null)[] = [];
    for (let r = 1; r < m.length; r++) {
      const cell = m[r][j];
      if (isBlank(cell)) values.push(null);
      else if (k.kind === "categorical") values.push(String(cell).trim());
      else {
        const v = readNumber(cell, at(`features.${k.name}`, { row: r + 1 }));
        if (!v.ok) return v;
        values.push(v.value);
      }
    }
    columns.push({ name: k.name, kind: k.kind, values });
  }
  const scored = applyScorecard(card, columns);
  if (!scored.ok) return scored;
  return ok(scored.value.pd.map((p, i) => [m[i + 1].every((c) => isBlank(c)) ? "" : p]));
}

/**
 * Probability of default of each customer under a logistic model: PD = 1 / (1 + e^−z), z =
 * intercept + Σ coefficient × feature. The model is either two columns (name, coefficient) with an
 * "Intercept" row, the features then being the model's inputs (WOE values for a WOE scorecard),
 * or the Model sheet's bins table (`ModelBins`, with or without its header row), the features
 * then being each customer's raw values (numbers, categories as text, a blank in the missing
 * bin), as the review applies the sheet: `=CREDIT.PD(A1:F37, ModelBins[#All])`. The features are
 * a block whose first row holds the names, one row per customer. Blank rows stay blank.
 * @customfunction PD
 * @param {unknown[][]} features Header row of feature names, then one row of values per customer.
 * @param {unknown[][]} model Two columns (feature name, coefficient) with an Intercept row, or the Model sheet's bins table.
 * @returns {unknown[][]} One PD (0 to 1) per customer row.
 */
export function pd(features: unknown[][], model: unknown[][]) {
  return spillOf(PD_ARGS, [features, model], (a) => {
    const mdl = a.model;
    const m = a.features;
    if (m.length < 2) return err(invalidInput("features", detail("needsHeaderAndRow")));
    const header = m[0].map((c) => (typeof c === "string" ? c.trim() : String(c)));
    if (mdl.kind === "bins") return pdOfBins(mdl.scorecard, m, header);
    const columns: number[] = [];
    for (const name of mdl.names) {
      const j = header.indexOf(name);
      if (j < 0) return err(invalidInput("features", detail("noColumn", { name })));
      columns.push(j);
    }
    const out: Spill<number | string> = [];
    for (let r = 1; r < m.length; r++) {
      if (m[r].every((c) => isBlank(c))) {
        out.push([""]);
        continue;
      }
      let z = mdl.intercept;
      let failed: Result<number> | undefined;
      for (let k = 0; k < columns.length; k++) {
        const v = readNumber(m[r][columns[k]], at(`features.${String(header[columns[k]])}`, { row: r + 1 }));
        if (!v.ok) {
          failed = v;
          break;
        }
        z += mdl.coefficients[k] * v.value;
      }
      out.push([failed ? cellOf<number>(failed) : Number.isFinite(z) ? sigmoid(z) : cellOf<number>(err(invalidInput(at("features", { row: r + 1 }), detail("noFiniteScore"))))]);
    }
    return ok(out);
  });
}

const EL_ARGS = { pd: perRow(NUMBER), lgd: perRow(NUMBER), exposure: perRow(NUMBER) };

/**
 * Expected loss of each customer: PD × LGD × exposure (a negative exposure, a customer in credit,
 * has none). PD and LGD are fractions (2 % is 0.02); each argument is one cell for every customer
 * or a column of the same length; a row with PD and exposure blank stays blank. Example: PD 2 %,
 * LGD 45 %, exposure 100,000 → 900.
 * @customfunction EL
 * @param {unknown[][]} pd Probability of default, 0 to 1.
 * @param {unknown[][]} lgd Loss given default, 0 to 1.
 * @param {unknown[][]} exposure Exposure at default (open balance plus open orders).
 * @returns {unknown[][]} One expected loss per customer.
 */
export function el(pd: unknown[][], lgd: unknown[][], exposure: unknown[][]) {
  return spillOf(EL_ARGS, [pd, lgd, exposure], (a) => {
    const cols = spread(a);
    if (!cols.ok) return cols;
    const { n, get, fieldOf } = cols.value;
    const out: Spill<number | string> = [];
    for (let i = 0; i < n; i++) {
      // A blank row of the table stays blank (a single LGD cell serves every row, so it is not looked at).
      if (isBlank(get("pd", i)) && isBlank(get("exposure", i))) {
        out.push([""]);
        continue;
      }
      const row = cols.value.row(i);
      const r = row.ok ? expectedLoss(row.value) : row;
      out.push([cellOf<number>(mapField(r, (name) => fieldOf(name as "pd" | "lgd" | "exposure", i)))]);
    }
    return ok(out);
  });
}

const SCENARIO_KEYS = ["sales", "dso", "lossRate", "discountTakeUp", "discountRate"] as const;

/** Five cells in order: sales, DSO, loss rate, discount take-up, discount rate (blank rates are 0). */
function readScenario(value: Cell, field: Field): Result<TermsScenario> {
  if (isBlankRange(value)) return err(invalidInput(field, detail("marginalRequired")));
  const cells = readVector(value, field);
  if (!cells.ok) return cells;
  if (cells.value.length !== SCENARIO_KEYS.length) {
    return err(invalidInput(field, detail("marginalCells", { got: cells.value.length })));
  }
  const out: Record<string, number> = {};
  for (let i = 0; i < SCENARIO_KEYS.length; i++) {
    const key = SCENARIO_KEYS[i];
    const cell = cells.value[i];
    const n = i >= 2 && isBlank(cell) ? ok(0) : readNumber(cell, `${fieldName(field)}.${key}`);
    if (!n.ok) return n;
    out[key] = n.value;
  }
  return ok(out as unknown as TermsScenario);
}

const SCENARIO = readerOf(readScenario);
const MARGINAL_ARGS = { current: SCENARIO, proposed: SCENARIO, variableCostRatio: NUMBER, costOfCapital: NUMBER };

/**
 * Marginal analysis of a change of credit terms (边际分析法): Δ contribution = Δ sales × (1 −
 * variable-cost ratio); Δ carrying cost = Δ average receivables × variable-cost ratio × cost of
 * capital, receivables = sales / 365 × DSO; Δ bad debt; Δ discount cost; net; and the decision
 * (change the terms when the net is positive). Spills 6 rows of label and value.
 * @customfunction MARGINAL
 * @param {unknown[][]} current Current terms, 5 cells: annual sales, DSO, loss rate, discount take-up share, discount rate.
 * @param {unknown[][]} proposed Proposed terms, the same 5 cells.
 * @param {number} variableCostRatio Variable costs over sales (0 to 1); the contribution margin is 1 minus this.
 * @param {number} costOfCapital Annual cost of capital tied up in receivables (e.g. 0.1 for 10 %).
 * @returns {unknown[][]} Labels and values: Δ contribution, Δ carrying cost, Δ bad debt, Δ discount cost, net, decision.
 */
export function marginal(current: unknown[][], proposed: unknown[][], variableCostRatio: number, costOfCapital: number) {
  return spillOf(MARGINAL_ARGS, [current, proposed, variableCostRatio, costOfCapital], (given) => {
    const r = marginalAnalysis(given);
    if (!r.ok) return r;
    const a = r.value;
    return ok([
      ["Δ contribution", a.deltaContribution],
      ["Δ carrying cost", a.deltaCarryingCost],
      ["Δ bad debt", a.deltaBadDebt],
      ["Δ discount cost", a.deltaDiscountCost],
      ["Net", a.net],
      ["Decision", a.decision],
    ]);
  });
}
