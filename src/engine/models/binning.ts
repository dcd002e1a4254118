import { at, detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";
import { woeTable, type BinCounts, type WoeBin } from "./woe";

/** Options of a binning: how many equal-frequency bins to start from and the smallest share a bin may keep. */
export interface BinningOptions {
  /** Equal-frequency bins to start from (default 10). */
  readonly startBins?: number;
  /** Smallest share of the rows a bin may hold after merging (default 0.05). */
  readonly minShare?: number;
}

/** A characteristic cut into bins, each with its WOE; missing values (null) have a bin of their own. */
export interface BinnedCharacteristic {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  /** numeric: the largest training value of each bin (the last bin is open above). */
  readonly uppers: readonly number[];
  /** categorical: the categories of each bin. */
  readonly groups: readonly (readonly string[])[];
  readonly bins: readonly WoeBin[];
  /** The bin of missing values, when the training data had any. */
  readonly missing: WoeBin | undefined;
  /** Information value over all bins, the missing bin included. */
  readonly iv: number;
}

export type FeatureValue = number | string | null;

const DEFAULT_START = 10;
const DEFAULT_MIN_SHARE = 0.05;

/** Mutable tally of one bin while merging. */
interface Tally {
  goods: number;
  bads: number;
  upper: number;
  categories: string[];
}

function readOptions(options: BinningOptions): Result<{ startBins: number; minShare: number }> {
  const startBins = options.startBins ?? DEFAULT_START;
  const minShare = options.minShare ?? DEFAULT_MIN_SHARE;
  if (!(Number.isInteger(startBins) && startBins >= 1 && startBins <= 1000)) return err(outOfRange("startBins", detail("wholeRange", { min: 1, max: 1000 })));
  if (!(Number.isFinite(minShare) && minShare >= 0 && minShare < 0.5)) return err(outOfRange("minShare", detail("rangeBelow", { min: 0, max: 0.5 })));
  return ok({ startBins, minShare });
}

const badRate = (t: Tally): number => t.bads / (t.goods + t.bads);

function mergeInto(tallies: Tally[], keep: number, drop: number): void {
  const a = tallies[keep];
  const b = tallies[drop];
  a.goods += b.goods;
  a.bads += b.bads;
  a.upper = Math.max(a.upper, b.upper);
  a.categories.push(...b.categories);
  tallies.splice(drop, 1);
}

/** Merges each bin that is too small or lacks goods or bads into its neighbour with the closer bad rate. */
function mergeSmall(tallies: Tally[], minCount: number): void {
  for (;;) {
    let worst = -1;
    let worstSize = Infinity;
    for (let i = 0; i < tallies.length; i++) {
      const size = tallies[i].goods + tallies[i].bads;
      const isBad = size < minCount || tallies[i].goods === 0 || tallies[i].bads === 0;
      if (isBad && size < worstSize) {
        worst = i;
        worstSize = size;
      }
    }
    if (worst < 0 || tallies.length === 1) return;
    let other: number;
    if (worst === 0) other = 1;
    else if (worst === tallies.length - 1) other = worst - 1;
    else {
      const r = badRate(tallies[worst]);
      other = Math.abs(badRate(tallies[worst - 1]) - r) <= Math.abs(badRate(tallies[worst + 1]) - r) ? worst - 1 : worst + 1;
    }
    mergeInto(tallies, Math.min(worst, other), Math.max(worst, other));
  }
}

/** Merges adjacent bins until the bad rate (so the WOE) is monotone, in the direction of the overall trend. */
function mergeMonotone(tallies: Tally[]): void {
  // Trend: the sign of the covariance between the bin's position and its bad rate, weighted by size.
  let n = 0;
  let sumPos = 0;
  let sumRate = 0;
  let cum = 0;
  const pos: number[] = [];
  for (const t of tallies) {
    const size = t.goods + t.bads;
    pos.push(cum + size / 2);
    cum += size;
  }
  tallies.forEach((t, i) => {
    const size = t.goods + t.bads;
    n += size;
    sumPos += size * pos[i];
    sumRate += t.bads;
  });
  let cov = 0;
  tallies.forEach((t, i) => {
    cov += (t.goods + t.bads) * (pos[i] - sumPos / n) * (badRate(t) - sumRate / n);
  });
  const rising = cov >= 0;
  for (;;) {
    let violation = -1;
    for (let i = 0; i + 1 < tallies.length; i++) {
      const a = badRate(tallies[i]);
      const b = badRate(tallies[i + 1]);
      if (rising ? b < a : b > a) {
        violation = i;
        break;
      }
    }
    if (violation < 0) return;
    mergeInto(tallies, violation, violation + 1);
  }
}

function finish(name: string, kind: "numeric" | "categorical", tallies: Tally[], missing: BinCounts): Result<BinnedCharacteristic> {
  const counts: BinCounts[] = tallies.map((t) => ({ goods: t.goods, bads: t.bads }));
  const hasMissing = missing.goods + missing.bads > 0;
  if (hasMissing) counts.push(missing);
  // The merged bins all hold goods and bads; only a missing bin may lack one, and then it is smoothed.
  const needsSmoothing = counts.some((c) => c.goods === 0 || c.bads === 0);
  const table = woeTable(counts, needsSmoothing ? 0.5 : 0, name);
  if (!table.ok) return table;
  const bins = table.value.bins.slice(0, tallies.length);
  return ok({
    name,
    kind,
    uppers: kind === "numeric" ? tallies.map((t) => t.upper) : [],
    groups: kind === "categorical" ? tallies.map((t) => [...t.categories].sort()) : [],
    bins,
    missing: hasMissing ? table.value.bins[tallies.length] : undefined,
    iv: table.value.iv,
  });
}

function checkLabels(values: readonly unknown[], isBad: readonly number[], name: string): Result<void> {
  if (values.length !== isBad.length) return err(invalidInput("isBad", detail("itemsMismatch", { count: isBad.length, other: name, otherCount: values.length })));
  for (let i = 0; i < isBad.length; i++) {
    if (isBad[i] !== 0 && isBad[i] !== 1) return err(invalidInput(at("isBad", { item: i + 1 }), detail("badOrGood")));
  }
  return ok(undefined);
}

/**
 * Monotone binning of a numeric characteristic (credit-method.md §10): equal-frequency bins on the
 * distinct values to start, then neighbours merged until every bin holds at least `minShare` of the
 * rows and both goods and bads, and the WOE is monotone in the value. Missing values (null) form
 * their own bin. Deterministic: the same data always gives the same bins.
 * @example binNumeric("x", [1, 2, 3, 4, 5, 6], [1, 0, 1, 0, 0, 0], { startBins: 3, minShare: 0 })
 *   //=> ok({ uppers: [2, 6], bins: [{ goods: 1, bads: 1, woe: −0.6931 }, { goods: 3, bads: 1, woe: 0.4055 }], iv: 0.2747, … })
 *   (the third start bin {5, 6} has no bads, so it joins {3, 4})
 */
export function binNumeric(name: string, values: readonly (number | null)[], isBad: readonly number[], options: BinningOptions = {}): Result<BinnedCharacteristic> {
  const opts = readOptions(options);
  if (!opts.ok) return opts;
  const labels = checkLabels(values, isBad, name);
  if (!labels.ok) return labels;
  const missing = { goods: 0, bads: 0 };
  // The values of the goods and of the bads, each sorted on its own (a typed array's numeric sort,
  // several times faster than sorting row indices by value): walked together they give the rows in
  // value order, which is all the tallies need, since a bin only closes where the value changes.
  let goodCount = 0;
  let badCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      if (isBad[i] === 1) missing.bads++;
      else missing.goods++;
    } else if (!Number.isFinite(v)) {
      return err(invalidInput(at(name, { item: i + 1 }), detail("notFinite")));
    } else if (isBad[i] === 1) badCount++;
    else goodCount++;
  }
  const presentCount = goodCount + badCount;
  if (presentCount === 0) return err(invalidInput(name, detail("noNumericValue")));
  const goodValues = new Float64Array(goodCount);
  const badValues = new Float64Array(badCount);
  for (let i = 0, g = 0, b = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (isBad[i] === 1) badValues[b++] = v;
    else goodValues[g++] = v;
  }
  goodValues.sort();
  badValues.sort();
  // Equal-frequency start: a bin closes at the first change of value after its share of the rows.
  const tallies: Tally[] = [];
  const target = presentCount / opts.value.startBins;
  let current: Tally = { goods: 0, bads: 0, upper: -Infinity, categories: [] };
  let g = 0;
  let b = 0;
  for (let k = 0; k < presentCount; k++) {
    const takeBad = g >= goodCount || (b < badCount && badValues[b] <= goodValues[g]);
    const v = takeBad ? badValues[b++] : goodValues[g++];
    if (takeBad) current.bads++;
    else current.goods++;
    current.upper = v;
    const next = g >= goodCount ? (b < badCount ? badValues[b] : undefined) : b >= badCount ? goodValues[g] : Math.min(goodValues[g], badValues[b]);
    if (next !== undefined && next !== v && k + 1 >= target * (tallies.length + 1)) {
      tallies.push(current);
      current = { goods: 0, bads: 0, upper: -Infinity, categories: [] };
    }
  }
  tallies.push(current);
  mergeSmall(tallies, opts.value.minShare * values.length);
  mergeMonotone(tallies);
  return finish(name, "numeric", tallies, missing);
}

/**
 * Binning of a categorical characteristic: each category a bin to start, categories ordered by bad
 * rate and neighbours merged until every bin holds at least `minShare` of the rows and both goods
 * and bads. Missing values (null or "") form their own bin.
 * @example binCategorical("housing", ["own", "rent", "own", "free", "rent", "own"], [0, 1, 0, 1, 0, 1], { minShare: 0 })
 *   //=> ok({ groups: [["own"], ["free", "rent"]], … }) ("free" has no goods, so it joins "rent", the closer bad rate)
 */
export function binCategorical(name: string, values: readonly (string | null)[], isBad: readonly number[], options: BinningOptions = {}): Result<BinnedCharacteristic> {
  const opts = readOptions(options);
  if (!opts.ok) return opts;
  const labels = checkLabels(values, isBad, name);
  if (!labels.ok) return labels;
  const missing = { goods: 0, bads: 0 };
  const byCategory = new Map<string, Tally>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === "") {
      if (isBad[i] === 1) missing.bads++;
      else missing.goods++;
      continue;
    }
    let t = byCategory.get(v);
    if (t === undefined) {
      t = { goods: 0, bads: 0, upper: 0, categories: [v] };
      byCategory.set(v, t);
    }
    if (isBad[i] === 1) t.bads++;
    else t.goods++;
  }
  if (byCategory.size === 0) return err(invalidInput(name, detail("noCategory")));
  // Order by smoothed bad rate, ties by name, so the result does not depend on row order.
  const smoothedRate = (t: Tally): number => (t.bads + 0.5) / (t.goods + t.bads + 1);
  const tallies = [...byCategory.values()].sort((a, b) => smoothedRate(a) - smoothedRate(b) || (a.categories[0] < b.categories[0] ? -1 : 1));
  mergeSmall(tallies, opts.value.minShare * values.length);
  return finish(name, "categorical", tallies, missing);
}

/**
 * The bin of a value in a binned characteristic: its index, or −1 for the missing bin; a value the
 * training data never showed (a new category, or a missing value when there was none) has no bin.
 */
export function binIndexOf(c: BinnedCharacteristic, value: FeatureValue): number | undefined {
  if (value === null || value === "") return c.missing === undefined ? undefined : -1;
  if (c.kind === "numeric") {
    if (typeof value !== "number" || !Number.isFinite(value)) return undefined;
    for (let i = 0; i < c.uppers.length - 1; i++) if (value <= c.uppers[i]) return i;
    return c.uppers.length - 1;
  }
  const text = String(value);
  for (let i = 0; i < c.groups.length; i++) if (c.groups[i].includes(text)) return i;
  return undefined;
}

/** The WOE of a value: its bin's, or 0 (no evidence either way) for a value without a bin. */
export function woeOf(c: BinnedCharacteristic, value: FeatureValue): number {
  const i = binIndexOf(c, value);
  if (i === undefined) return 0;
  return i === -1 ? (c.missing as WoeBin).woe : c.bins[i].woe;
}
