import { at, detail, err, invalidInput, ok, outOfRange, type Result } from "../errors";

/** Goods and bads counted in one bin of a characteristic. */
export interface BinCounts {
  readonly goods: number;
  readonly bads: number;
}

/** One bin's weight of evidence and its share of the information value. */
export interface WoeBin extends BinCounts {
  /** This bin's goods over all goods. */
  readonly goodShare: number;
  /** This bin's bads over all bads. */
  readonly badShare: number;
  /** ln(goodShare / badShare): positive is safer than average. */
  readonly woe: number;
  /** (goodShare − badShare) × woe, never negative. */
  readonly iv: number;
}

export interface WoeTable {
  readonly bins: readonly WoeBin[];
  /** Information value Σ (goodShare − badShare) × woe, ≥ 0. */
  readonly iv: number;
  readonly goods: number;
  readonly bads: number;
}

/** How strong an information value is (credit-method.md §10). */
export type IvStrength = "useless" | "weak" | "medium" | "strong" | "suspicious";

/**
 * Weight of evidence and information value of binned counts (credit-method.md §10):
 * WOE = ln(% good / % bad) per bin (higher is safer), IV = Σ (% good − % bad) × WOE.
 * A bin without goods or without bads has no finite WOE: an error names the bin, unless
 * `smoothing` (added to every count, e.g. 0.5) is given.
 * @example woeTable([{ goods: 600, bads: 100 }, { goods: 300, bads: 100 }])
 *   //=> ok({ bins: [{ woe: 0.2877, … }, { woe: −0.4055, … }], iv: 0.1155, goods: 900, bads: 200 })
 */
export function woeTable(counts: readonly BinCounts[], smoothing = 0, field = "bins"): Result<WoeTable> {
  if (counts.length === 0) return err(invalidInput(field, detail("noBin")));
  if (!(Number.isFinite(smoothing) && smoothing >= 0)) return err(outOfRange("smoothing", detail("minimum", { min: 0 })));
  let goods = 0;
  let bads = 0;
  for (let i = 0; i < counts.length; i++) {
    const { goods: g, bads: b } = counts[i];
    if (!(Number.isFinite(g) && g >= 0)) return err(invalidInput(at(`${field}.goods`, { item: i + 1 }), detail("nonNegative")));
    if (!(Number.isFinite(b) && b >= 0)) return err(invalidInput(at(`${field}.bads`, { item: i + 1 }), detail("nonNegative")));
    goods += g + smoothing;
    bads += b + smoothing;
  }
  if (goods === 0) return err(invalidInput(field, detail("noGoods")));
  if (bads === 0) return err(invalidInput(field, detail("noBads")));
  const bins: WoeBin[] = [];
  let iv = 0;
  for (let i = 0; i < counts.length; i++) {
    const g = counts[i].goods + smoothing;
    const b = counts[i].bads + smoothing;
    if (g === 0) return err(outOfRange(at(field, { item: i + 1 }), detail("woeMinusInfinity")));
    if (b === 0) return err(outOfRange(at(field, { item: i + 1 }), detail("woePlusInfinity")));
    const goodShare = g / goods;
    const badShare = b / bads;
    const woe = Math.log(goodShare / badShare);
    const part = (goodShare - badShare) * woe;
    iv += part;
    bins.push({ goods: counts[i].goods, bads: counts[i].bads, goodShare, badShare, woe, iv: part });
  }
  return ok({ bins, iv, goods: goods - smoothing * counts.length, bads: bads - smoothing * counts.length });
}

/**
 * Reading of an information value (credit-method.md §10): < 0.02 useless, 0.02–0.1 weak,
 * 0.1–0.3 medium, 0.3–0.5 strong, > 0.5 suspicious (lower edges inclusive).
 * @example ivStrength(0.1155) //=> "medium"
 */
export function ivStrength(iv: number): IvStrength {
  if (iv < 0.02) return "useless";
  if (iv < 0.1) return "weak";
  if (iv < 0.3) return "medium";
  if (iv <= 0.5) return "strong";
  return "suspicious";
}
