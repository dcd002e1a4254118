import { ok, type Result } from "../errors";
import { auc } from "./auc";
import { applyScorecard, buildScorecard, type FeatureColumn, type ScorecardOptions } from "./buildScorecard";
import { stratifiedFolds } from "./folds";
import { ks } from "./ks";

/** Held-out measures of one fold. */
export interface FoldResult {
  readonly fold: number;
  readonly trainRows: number;
  readonly testRows: number;
  readonly auc: number;
  readonly ks: number;
  readonly gini: number;
}

export interface CrossValidation {
  readonly folds: readonly FoldResult[];
  readonly meanAuc: number;
  readonly meanKs: number;
  readonly meanGini: number;
  /** Every row's PD from the model that did not see it (for a calibration table). */
  readonly outOfFoldPd: readonly number[];
}

/**
 * Seeded stratified k-fold cross-validation of a WOE logistic scorecard (credit-method.md §10):
 * each fold's scorecard is built (bins, WOE and coefficients) on the other folds only, and its AUC,
 * KS and Gini = 2·AUC − 1 measured on the fold it did not see.
 */
export function crossValidate(columns: readonly FeatureColumn[], isBad: readonly number[], k: number, seed: number, options: ScorecardOptions = {}): Result<CrossValidation> {
  const folds = stratifiedFolds(isBad, k, seed);
  if (!folds.ok) return folds;
  const outOfFoldPd = new Array<number>(isBad.length).fill(0);
  const results: FoldResult[] = [];
  for (let f = 0; f < k; f++) {
    const train: number[] = [];
    const test: number[] = [];
    folds.value.forEach((g, i) => (g === f ? test : train).push(i));
    const card = buildScorecard(columns, isBad, options, train);
    if (!card.ok) return card;
    const scored = applyScorecard(card.value, columns, test);
    if (!scored.ok) return scored;
    const labels = test.map((i) => isBad[i]);
    const a = auc(scored.value.pd, labels);
    if (!a.ok) return a;
    const s = ks(scored.value.pd, labels);
    if (!s.ok) return s;
    test.forEach((row, j) => (outOfFoldPd[row] = scored.value.pd[j]));
    results.push({ fold: f + 1, trainRows: train.length, testRows: test.length, auc: a.value, ks: s.value, gini: 2 * a.value - 1 });
  }
  const mean = (pick: (r: FoldResult) => number): number => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  return ok({ folds: results, meanAuc: mean((r) => r.auc), meanKs: mean((r) => r.ks), meanGini: mean((r) => r.gini), outOfFoldPd });
}
