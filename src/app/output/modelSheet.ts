/**
 * The Model sheet (credit-method.md §10, issue 17): the default model fitted on the workbook's own
 * ledger, in four tables from OUTPUT_TABLE_ROW down: the measures (model fingerprint first,
 * default definition, sample sizes, held-out and out-of-time AUC/KS/Gini, intercept and scaling),
 * the features with their IV, the bins of the features in the model (range, counts, WOE, IV,
 * coefficient, points; each feature's missing bin last; the intercept as a last row) and the
 * calibration table. readModelSheet reads the bins table back to score the review, by position
 * and feature id, whatever the language of the headers.
 * @example modelSheet(t, model, stamp, { fingerprint: "a1b2c3d4e5f6", defaultDays: 90 }).tables.map((x) => x.name)
 *   //=> ["ModelMeasures", "ModelFeatures", "ModelBins", "ModelCalibration"]
 */
import { toIsoDate } from "../../engine/dates/dayNumber";
import type { LedgerModel } from "../../engine/models/fitLedgerModel";
import { ivStrength } from "../../engine/models/woe";
import type { CellValue, ColumnSpec, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import { MESSAGE_IDS, type MessageId } from "../../i18n/messages";
import { createTranslator, type Translator } from "../../i18n/translator";
import { CATEGORY_SEPARATOR, INTERCEPT_ID, MODEL_BINS_TABLE } from "../modelBins";
import { auditBlock, integer, OUTPUT_TABLE_ROW, text, type AuditStamp } from "./sheetParts";

export { BIN_COLUMN, CATEGORY_SEPARATOR, INTERCEPT_ID, MODEL_BINS_TABLE } from "../modelBins";

export const MODEL_OUTPUT_ID = "Model";
export const MODEL_MEASURES_TABLE = "ModelMeasures";
export const MODEL_FEATURES_TABLE = "ModelFeatures";
export const MODEL_CALIBRATION_TABLE = "ModelCalibration";
/** The rows of the measures table, in order (readModelSheet reads the fingerprint and scaling by these positions). */
export const MEASURE_KEYS = [
  "fingerprint", "observationDate", "outcomeTo", "defaultDays", "customers", "defaults", "defaultRate", "folds", "cvAuc", "cvKs", "cvGini",
  "ootTrainCustomers", "ootAuc", "ootKs", "ootGini", "intercept", "factor", "offset",
] as const;

const num = (header: string, format: string, width = 11): ColumnSpec => ({ header, kind: "number", numberFormat: format, width });
const pct = (header: string): ColumnSpec => ({ header, kind: "percent", numberFormat: "0.0%", width: 11 });

const KNOWN_IDS: ReadonlySet<string> = new Set(MESSAGE_IDS);

/** A feature's words: `model.feature.<id>`, or the id itself for a feature the catalogue does not know. */
export function featureLabel(t: Translator, id: string): string {
  const key = `model.feature.${id}`;
  return KNOWN_IDS.has(key) ? t.t(key as MessageId) : id;
}

function rangeText(t: Translator, uppers: readonly number[], i: number): string {
  const f = (x: number): string => t.formatNumber(x, 4);
  if (uppers.length === 1) return t.t("model.range.all");
  if (i === 0) return t.t("model.range.atMost", { upper: f(uppers[0]) });
  if (i === uppers.length - 1) return t.t("model.range.above", { lower: f(uppers[i - 1]) });
  return t.t("model.range.between", { lower: f(uppers[i - 1]), upper: f(uppers[i]) });
}

export interface ModelSheetFacts {
  /** modelFingerprint of the scorecard. */
  fingerprint: string;
  /** Days past due that made a default. */
  defaultDays: number;
}

export function modelSheet(t: Translator, model: LedgerModel, stamp: AuditStamp, facts: ModelSheetFacts): SheetSpec {
  const h = (key: string): string => t.t(`model.sheet.column.${key}` as MessageId);
  const m = (key: string): string => t.t(`model.sheet.measure.${key}` as MessageId);
  const card = model.scorecard;
  const { sample, validation, outOfTime } = model;
  const values: Record<(typeof MEASURE_KEYS)[number], CellValue> = {
    fingerprint: facts.fingerprint,
    observationDate: toIsoDate(sample.observationDay),
    outcomeTo: toIsoDate(sample.horizonEnd),
    defaultDays: facts.defaultDays,
    customers: sample.customerIds.length,
    defaults: sample.defaults,
    defaultRate: sample.customerIds.length > 0 ? sample.defaults / sample.customerIds.length : null,
    folds: validation === undefined ? null : validation.folds.length,
    cvAuc: validation === undefined ? null : validation.meanAuc,
    cvKs: validation === undefined ? null : validation.meanKs,
    cvGini: validation === undefined ? null : validation.meanGini,
    ootTrainCustomers: outOfTime === undefined ? null : outOfTime.trainRows,
    ootAuc: outOfTime === undefined ? null : outOfTime.auc,
    ootKs: outOfTime === undefined ? null : outOfTime.ks,
    ootGini: outOfTime === undefined ? null : outOfTime.gini,
    intercept: card.model.intercept,
    factor: card.scaling.factor,
    offset: card.scaling.offset,
  };
  const measures: [string, CellValue][] = MEASURE_KEYS.map((key) => [m(key), values[key]]);
  let row = OUTPUT_TABLE_ROW;
  const measuresTable: TableSpec = {
    name: MODEL_MEASURES_TABLE, headerRow: row, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text(h("measure"), 34), num(h("value"), "0.0000", 14)],
    rows: measures.map(([label, value]) => [label, value]),
  };
  row += measures.length + 3;

  const coefficientOf = new Map(card.characteristics.map((c, j) => [c.name, card.model.coefficients[j]]));
  const features = [
    ...card.characteristics.map((c) => ({ name: c.name, iv: c.iv })),
    ...card.dropped,
  ];
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const featuresTable: TableSpec = {
    name: MODEL_FEATURES_TABLE, headerRow: row, firstColumn: 0, style: "TableStyleMedium2",
    columns: [text(h("feature"), 20), text(h("characteristic"), 28), num(h("iv"), "0.0000"), text(h("strength"), 12), text(h("inModel"), 9), num(h("coefficient"), "0.0000")],
    rows: features.map((f) => {
      const coefficient = coefficientOf.get(f.name);
      return [f.name, featureLabel(t, f.name), f.iv, t.t(`model.ivStrength.${ivStrength(f.iv)}` as MessageId), coefficient === undefined ? no : yes, coefficient ?? null];
    }),
  };
  row += features.length + 3;

  const binRows: CellValue[][] = [];
  card.characteristics.forEach((c, j) => {
    const label = featureLabel(t, c.name);
    const coefficient = card.model.coefficients[j];
    c.bins.forEach((b, i) => {
      const count = b.goods + b.bads;
      const isNumeric = c.kind === "numeric";
      binRows.push([
        c.name, label, i + 1,
        isNumeric ? rangeText(t, c.uppers, i) : c.groups[i].join(", "),
        isNumeric ? c.uppers[i] : null,
        isNumeric ? null : c.groups[i].join(CATEGORY_SEPARATOR),
        count, b.bads, count > 0 ? b.bads / count : null, b.woe, b.iv, coefficient, card.points[j][i],
      ]);
    });
    const missing = c.missing;
    const missingCount = missing === undefined ? 0 : missing.goods + missing.bads;
    binRows.push([
      c.name, label, null, t.t("model.range.missing"), null, null,
      missingCount, missing === undefined ? 0 : missing.bads, missing !== undefined && missingCount > 0 ? missing.bads / missingCount : null,
      missing === undefined ? 0 : missing.woe, missing === undefined ? 0 : missing.iv, coefficient, card.missingPoints[j],
    ]);
  });
  binRows.push([INTERCEPT_ID, t.t("model.sheet.intercept"), null, null, null, null, null, null, null, null, null, card.model.intercept, null]);
  const binsTable: TableSpec = {
    name: MODEL_BINS_TABLE, headerRow: row, firstColumn: 0, style: "TableStyleMedium2",
    columns: [
      text(h("feature"), 20), text(h("characteristic"), 28), integer(h("bin"), 6), text(h("range"), 22), num(h("upper"), "0.0000"), text(h("categories"), 14),
      integer(h("customers")), integer(h("defaults")), pct(h("defaultRate")), num(h("woe"), "0.0000"), num(h("iv"), "0.0000"), num(h("coefficient"), "0.0000"), num(h("points"), "0.0"),
    ],
    rows: binRows,
  };
  row += binRows.length + 3;

  const calibrationTable: TableSpec = {
    name: MODEL_CALIBRATION_TABLE, headerRow: row, firstColumn: 0, style: "TableStyleMedium2",
    columns: [integer(h("group"), 8), integer(h("customers")), integer(h("defaults")), pct(h("minPd")), pct(h("maxPd")), pct(h("predicted")), pct(h("observed"))],
    rows: model.calibration.map((g) => [g.group, g.count, g.bads, g.minPd, g.maxPd, g.predicted, g.observed]),
  };
  const title = t.t("model.sheet.title");
  return {
    name: t.t("model.sheet.name"),
    outputId: MODEL_OUTPUT_ID,
    title: t.locale === "en-US" ? `${title} (${createTranslator("zh-CN").t("model.sheet.name")})` : title,
    info: [auditBlock(t, stamp)],
    tables: [measuresTable, featuresTable, binsTable, calibrationTable],
    freezeRows: 0,
    tabColor: "#548235",
  };
}
