import { at, detail, err, invalidInput, ok, type Result } from "../errors";
import { binCategorical, binIndexOf, binNumeric, woeOf, type BinnedCharacteristic, type BinningOptions, type FeatureValue } from "./binning";
import { fitLogistic, sigmoid, type LogisticModel, type LogisticOptions } from "./logistic";
import { binPoints, scorecardScaling, type Scaling, type ScalingInput } from "./scorecard";

/** One characteristic's values, one per row; null is missing. */
export interface FeatureColumn {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  readonly values: readonly FeatureValue[];
}

export interface ScorecardOptions {
  readonly binning?: BinningOptions;
  readonly logistic?: LogisticOptions;
  readonly scaling?: ScalingInput;
  /** Characteristics with a smaller information value are left out (default 0.02: "useless"). */
  readonly minIv?: number;
  /**
   * At most this many characteristics enter the model, the most informative first (default: all).
   * A small sample fits few coefficients: the ledger model allows one per five defaults.
   */
  readonly maxCharacteristics?: number;
  /**
   * A characteristic whose WOE column correlates with one already chosen by more than this (in
   * absolute value) is left out, as the grade is beside the composite score it is cut from
   * (default 1: none left out for it).
   */
  readonly maxCorrelation?: number;
}

/** A WOE-binned logistic scorecard: bins, coefficients and points per bin. */
export interface Scorecard {
  /** The characteristics kept, in the order of the coefficients. */
  readonly characteristics: readonly BinnedCharacteristic[];
  /** Characteristics left out for their low information value, with it. */
  readonly dropped: readonly { readonly name: string; readonly iv: number }[];
  /** ln(odds of bad) = intercept + Σ coefficient × WOE. */
  readonly model: LogisticModel;
  readonly scaling: Scaling;
  /** Points of each bin of each characteristic (same shape as its bins). */
  readonly points: readonly (readonly number[])[];
  /** Points of the missing bin, or of a value without a bin (WOE 0). */
  readonly missingPoints: readonly number[];
}

/** The default scaling: 600 points at odds 50:1, 20 points to double the odds (credit-method.md §10). */
export const DEFAULT_SCALING: ScalingInput = { pdo: 20, baseScore: 600, baseOdds: 50 };

function binOne(column: FeatureColumn, rows: readonly number[], isBad: readonly number[], options: BinningOptions): Result<BinnedCharacteristic> {
  const labels = rows.map((r) => isBad[r]);
  if (column.kind === "numeric") {
    const values: (number | null)[] = [];
    for (const r of rows) {
      const v = column.values[r];
      if (v !== null && typeof v !== "number") return err(invalidInput(at(column.name, { row: r + 1 }), detail("notNumber")));
      values.push(v);
    }
    return binNumeric(column.name, values, labels, options);
  }
  return binCategorical(column.name, rows.map((r) => (column.values[r] === null ? null : String(column.values[r]))), labels, options);
}

/** Pearson correlation of two columns (0 when either is constant). */
function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/**
 * The characteristics that enter the model: all of them in their given order unless
 * `maxCharacteristics` or `maxCorrelation` is set; then the most informative first, each left out
 * when it correlates too closely with one already chosen, up to the maximum. The rest go to `dropped`.
 */
function chooseCharacteristics(
  candidates: readonly BinnedCharacteristic[], columns: readonly FeatureColumn[], rows: readonly number[], options: ScorecardOptions, dropped: { name: string; iv: number }[],
): BinnedCharacteristic[] {
  const max = options.maxCharacteristics ?? Infinity;
  const maxCorrelation = options.maxCorrelation ?? 1;
  if (max >= candidates.length && maxCorrelation >= 1) return [...candidates];
  const woeColumn = (k: BinnedCharacteristic): number[] => {
    const column = columns.find((c) => c.name === k.name) as FeatureColumn;
    return rows.map((r) => woeOf(k, column.values[r]));
  };
  const byIv = [...candidates].sort((a, b) => b.iv - a.iv || (a.name < b.name ? -1 : 1));
  const chosen: { k: BinnedCharacteristic; woe: number[] }[] = [];
  for (const k of byIv) {
    const woe = woeColumn(k);
    if (chosen.length < max && chosen.every((c) => Math.abs(correlation(c.woe, woe)) <= maxCorrelation)) chosen.push({ k, woe });
    else dropped.push({ name: k.name, iv: k.iv });
  }
  // The model keeps the characteristics in the order they were given.
  return candidates.filter((k) => chosen.some((c) => c.k === k));
}

/**
 * Builds a WOE-binned logistic scorecard (credit-method.md §10) on the given rows (all rows when
 * omitted): each characteristic binned (monotone for numeric ones), those with IV below `minIv`
 * dropped, a logistic regression of default on the WOEs fitted by Newton/IRLS, and points per bin
 * so that a row's points add up to offset + factor × ln(odds of good).
 */
export function buildScorecard(columns: readonly FeatureColumn[], isBad: readonly number[], options: ScorecardOptions = {}, rows?: readonly number[]): Result<Scorecard> {
  if (columns.length === 0) return err(invalidInput("features", detail("noCharacteristic")));
  for (const c of columns) {
    if (c.values.length !== isBad.length) return err(invalidInput(c.name, detail("itemsMismatch", { count: c.values.length, other: "isBad", otherCount: isBad.length })));
  }
  const scaling = scorecardScaling(options.scaling ?? DEFAULT_SCALING);
  if (!scaling.ok) return scaling;
  const use = rows ?? isBad.map((_, i) => i);
  const minIv = options.minIv ?? 0.02;
  const candidates: BinnedCharacteristic[] = [];
  const dropped: { name: string; iv: number }[] = [];
  for (const c of columns) {
    if (c.kind === "numeric" && use.every((r) => c.values[r] === null)) {
      dropped.push({ name: c.name, iv: 0 }); // nothing observed on these rows: no evidence either way
      continue;
    }
    const binned = binOne(c, use, isBad, options.binning ?? {});
    if (!binned.ok) return binned;
    if (binned.value.iv < minIv || binned.value.bins.length < 2) dropped.push({ name: c.name, iv: binned.value.iv });
    else candidates.push(binned.value);
  }
  if (candidates.length === 0) return err(invalidInput("features", detail("noInformationValue", { min: minIv })));
  const kept = chooseCharacteristics(candidates, columns, use, options, dropped);
  const keptColumns = kept.map((k) => columns.find((c) => c.name === k.name) as FeatureColumn);
  const x = use.map((r) => kept.map((k, j) => woeOf(k, keptColumns[j].values[r])));
  const model = fitLogistic(x, use.map((r) => isBad[r]), options.logistic);
  if (!model.ok) return model;
  const n = kept.length;
  const s = scaling.value;
  const { intercept, coefficients } = model.value;
  return ok({
    characteristics: kept,
    dropped,
    model: model.value,
    scaling: s,
    points: kept.map((k, j) => k.bins.map((b) => binPoints(s, coefficients[j], b.woe, intercept, n))),
    missingPoints: kept.map((k, j) => binPoints(s, coefficients[j], k.missing?.woe ?? 0, intercept, n)),
  });
}

/** PD and points of each given row (all rows when omitted) under a scorecard; columns are found by name. */
export function applyScorecard(card: Scorecard, columns: readonly FeatureColumn[], rows?: readonly number[]): Result<{ pd: number[]; points: number[] }> {
  const found: FeatureColumn[] = [];
  for (const k of card.characteristics) {
    const c = columns.find((col) => col.name === k.name);
    if (c === undefined) return err(invalidInput("features", detail("lacksCharacteristic", { name: k.name })));
    found.push(c);
  }
  const use = rows ?? (found.length > 0 ? found[0].values.map((_, i) => i) : []);
  const pd: number[] = [];
  const points: number[] = [];
  const { intercept, coefficients } = card.model;
  for (const r of use) {
    let z = intercept;
    let total = 0;
    for (let j = 0; j < found.length; j++) {
      const k = card.characteristics[j];
      const v = found[j].values[r];
      z += coefficients[j] * woeOf(k, v);
      const bin = binIndexOf(k, v);
      total += bin === undefined || bin === -1 ? card.missingPoints[j] : card.points[j][bin];
    }
    pd.push(sigmoid(z));
    points.push(total);
  }
  return ok({ pd, points });
}
