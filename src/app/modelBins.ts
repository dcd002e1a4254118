/**
 * The bins table of the Model sheet (issue 17): its layout (BIN_COLUMN: one row per bin, each
 * feature's missing bin last, the intercept row at the end) and the scorecard read back from its
 * rows, for the review (readModelSheet) and for CREDIT.PD over the sheet's range. No catalogue
 * here: the custom functions carry this module.
 */
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import type { BinnedCharacteristic } from "../engine/models/binning";
import type { Scorecard } from "../engine/models/buildScorecard";
import type { WoeBin } from "../engine/models/woe";

export const MODEL_BINS_TABLE = "ModelBins";
/** Feature id of the bins table's last row, which carries the intercept in its coefficient cell. */
export const INTERCEPT_ID = "(intercept)";
/** Columns of the bins table, in order (read by these positions). */
export const BIN_COLUMN = { feature: 0, label: 1, bin: 2, range: 3, upper: 4, categories: 5, customers: 6, defaults: 7, defaultRate: 8, woe: 9, iv: 10, coefficient: 11, points: 12 } as const;
/** Separator of the categories of one bin in the categories cell. */
export const CATEGORY_SEPARATOR = " | ";

export const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
/** The number in a cell, 0 for anything else. */
const numberAt = (row: readonly unknown[], column: number): number => {
  const v = row[column];
  return isNumber(v) ? v : 0;
};
export const textOf = (v: unknown): string => (v === null || v === undefined ? "" : String(v).trim());

interface FeatureRows {
  bins: unknown[][];
  missing: unknown[] | undefined;
}

function woeBin(row: readonly unknown[], goodsTotal: number, badsTotal: number): WoeBin {
  const count = numberAt(row, BIN_COLUMN.customers);
  const bads = numberAt(row, BIN_COLUMN.defaults);
  const goods = Math.max(0, count - bads);
  return {
    goods, bads,
    goodShare: goodsTotal > 0 ? goods / goodsTotal : 0,
    badShare: badsTotal > 0 ? bads / badsTotal : 0,
    woe: row[BIN_COLUMN.woe] as number,
    iv: numberAt(row, BIN_COLUMN.iv),
  };
}

function characteristicOf(name: string, rows: FeatureRows): Result<{ characteristic: BinnedCharacteristic; coefficient: number; points: number[]; missingPoints: number }> {
  const all = rows.missing === undefined ? rows.bins : [...rows.bins, rows.missing];
  for (const r of all) {
    for (const [field, column] of [["WOE", BIN_COLUMN.woe], ["coefficient", BIN_COLUMN.coefficient], ["points", BIN_COLUMN.points]] as const) {
      if (!isNumber(r[column])) return err(invalidInput(name, detail("binLacks", { column: field })));
    }
  }
  if (rows.bins.length === 0) return err(invalidInput(name, detail("noBins")));
  const isCategorical = rows.bins.some((r) => textOf(r[BIN_COLUMN.categories]) !== "");
  if (!isCategorical && rows.bins.some((r) => !isNumber(r[BIN_COLUMN.upper]))) {
    return err(invalidInput(name, detail("noUpperBound")));
  }
  const count = numberAt;
  const badsTotal = all.reduce((s, r) => s + count(r, BIN_COLUMN.defaults), 0);
  const goodsTotal = all.reduce((s, r) => s + count(r, BIN_COLUMN.customers), 0) - badsTotal;
  const missingCount = rows.missing === undefined ? 0 : count(rows.missing, BIN_COLUMN.customers);
  const characteristic: BinnedCharacteristic = {
    name,
    kind: isCategorical ? "categorical" : "numeric",
    uppers: isCategorical ? [] : rows.bins.map((r) => r[BIN_COLUMN.upper] as number),
    groups: isCategorical ? rows.bins.map((r) => textOf(r[BIN_COLUMN.categories]).split(CATEGORY_SEPARATOR.trim()).map((c) => c.trim())) : [],
    bins: rows.bins.map((r) => woeBin(r, goodsTotal, badsTotal)),
    missing: rows.missing !== undefined && missingCount > 0 ? woeBin(rows.missing, goodsTotal, badsTotal) : undefined,
    iv: all.reduce((s, r) => s + count(r, BIN_COLUMN.iv), 0),
  };
  return ok({
    characteristic,
    coefficient: rows.bins[0][BIN_COLUMN.coefficient] as number,
    points: rows.bins.map((r) => r[BIN_COLUMN.points] as number),
    missingPoints: rows.missing === undefined ? 0 : (rows.missing[BIN_COLUMN.points] as number),
  });
}

/**
 * The scorecard of the rows of a Model sheet's bins table (the ModelBins layout, BIN_COLUMN: one
 * row per bin, each feature's missing bin last, the intercept row at the end), as the review and
 * CREDIT.PD read it. `where` names the source in errors.
 */
export function scorecardOfBins(rows: readonly (readonly unknown[])[], where: string, scaling: Scorecard["scaling"] = { factor: 0, offset: 0 }): Result<Scorecard> {
  const features = new Map<string, FeatureRows>();
  let intercept: number | undefined;
  for (const row of rows) {
    const id = textOf(row[BIN_COLUMN.feature]);
    if (id === "") continue;
    if (id === INTERCEPT_ID) {
      const value = row[BIN_COLUMN.coefficient];
      if (isNumber(value)) intercept = value;
      continue;
    }
    const feature = features.get(id) ?? { bins: [], missing: undefined };
    features.set(id, feature);
    if (isNumber(row[BIN_COLUMN.bin])) feature.bins.push([...row]);
    else feature.missing = [...row];
  }
  if (intercept === undefined) return err(invalidInput(where, detail("tableLacks", { table: MODEL_BINS_TABLE, part: "intercept" })));
  if (features.size === 0) return err(invalidInput(where, detail("tableLacks", { table: MODEL_BINS_TABLE, part: "feature" })));
  const characteristics: BinnedCharacteristic[] = [];
  const coefficients: number[] = [];
  const points: number[][] = [];
  const missingPoints: number[] = [];
  for (const [name, feature] of features) {
    const read = characteristicOf(name, feature);
    if (!read.ok) return read;
    characteristics.push(read.value.characteristic);
    coefficients.push(read.value.coefficient);
    points.push(read.value.points);
    missingPoints.push(read.value.missingPoints);
  }
  return ok({
    characteristics,
    dropped: [],
    model: { intercept, coefficients, iterations: 0, logLikelihood: 0, rows: 0 },
    scaling,
    points,
    missingPoints,
  });
}

