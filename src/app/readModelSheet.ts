/**
 * Reads the Model sheet back (issue 17) and scores a review with it: the bins table of the sheet
 * marked as the `Model` output gives each feature's bins (upper bounds or categories), WOE,
 * coefficient and points, and the intercept; the measures table gives the model's fingerprint
 * and scaling. Cells are read by position and feature id, so a sheet written in Chinese reads the
 * same. The review then gets PD, score points and expected loss = PD × LGD × exposure per
 * customer (credit-method.md §10), from the customer's features at the review's as-of date.
 * @example readModelSheet(snapshot) //=> ok({ fingerprint: "a1b2c3d4e5f6", scorecard: { characteristics: [...], … } }), or ok(undefined) without a Model sheet
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import { applyScorecard, type FeatureColumn, type Scorecard } from "../engine/models/buildScorecard";
import { expectedLoss } from "../engine/models/expectedLoss";
import { ledgerFeatures } from "../engine/models/ledgerFeatures";
import type { Ledger } from "../engine/receivables/Ledger";
import type { CustomerReview } from "../engine/review/types";
import { errorText } from "./errorText";
import { createTranslator } from "../i18n/translator";
import type { CellValue, SheetSpec, SourceTable, WorkbookSnapshot } from "../host/WorkbookPort";
import type { Translator } from "../i18n/translator";
import { reviewFeatureColumns } from "./fitModel";
import { withCreditReviewModelColumns } from "./output/creditReviewSheet";
import { withExpectedLossLine } from "./output/summarySheet";
import type { Problem } from "./types";
import { isNumber, scorecardOfBins, textOf } from "./modelBins";
import { MEASURE_KEYS, MODEL_BINS_TABLE, MODEL_MEASURES_TABLE, MODEL_OUTPUT_ID } from "./output/modelSheet";

/** A model read from a Model sheet. */
export interface SheetModel {
  /** The model fingerprint the sheet carries. */
  fingerprint: string;
  /** The sheet the model was read from. */
  sheet: string;
  scorecard: Scorecard;
}

/** PD, points and expected loss of each customer of a review (same order as its customers). */
export interface ModelScores {
  fingerprint: string;
  pd: number[];
  points: number[];
  expectedLoss: number[];
  totalExpectedLoss: number;
}

/** The table on the Model sheet whose name is `name` or a free variant of it ("ModelBins2"). */
function tableOn(snapshot: WorkbookSnapshot, sheet: string, name: string): SourceTable | undefined {
  const lower = name.toLowerCase();
  return snapshot.tables.find((t) => t.sheet === sheet && t.kind === "table" && t.name.toLowerCase().startsWith(lower));
}

/**
 * The model of the workbook's Model sheet: ok(undefined) when no sheet is marked as the Model
 * output; an error naming what is wrong when the sheet is there but its bins table cannot be read.
 */
export function readModelSheet(snapshot: WorkbookSnapshot): Result<SheetModel | undefined> {
  const mark = snapshot.outputSheets.find((o) => o.output === MODEL_OUTPUT_ID);
  if (mark === undefined) return ok(undefined);
  const bins = tableOn(snapshot, mark.sheet, MODEL_BINS_TABLE);
  if (bins === undefined) return err(invalidInput(mark.sheet, detail("noTable", { table: MODEL_BINS_TABLE })));
  const measures = tableOn(snapshot, mark.sheet, MODEL_MEASURES_TABLE);
  const measure = (key: (typeof MEASURE_KEYS)[number]): CellValue | undefined => measures?.rows[MEASURE_KEYS.indexOf(key)]?.[1];
  const factor = measure("factor");
  const offset = measure("offset");
  const scorecard = scorecardOfBins(bins.rows, `Model sheet ${mark.sheet}`, { factor: isNumber(factor) ? factor : 0, offset: isNumber(offset) ? offset : 0 });
  if (!scorecard.ok) return scorecard;
  return ok({ fingerprint: textOf(measure("fingerprint")), sheet: mark.sheet, scorecard: scorecard.value });
}

/** Every feature of the review's customers at the as-of date: the ledger's behaviour and the review's figures. */
export function currentFeatures(ledger: Ledger, asOf: DayNumber, customers: readonly CustomerReview[]): FeatureColumn[] {
  const ids = customers.map((c) => c.customerId);
  const observed = ledgerFeatures(ledger, asOf);
  const rowOf = new Map(observed.customerIds.map((id, i) => [id, i]));
  const ledgerColumns = observed.features.map((f): FeatureColumn => ({
    name: f.name,
    kind: f.kind,
    values: ids.map((id) => {
      const i = rowOf.get(id);
      return i === undefined ? null : f.values[i];
    }),
  }));
  return [...ledgerColumns, ...reviewFeatureColumns(customers, ids)];
}

/** PD, points and expected loss (PD × `lgdPercent` % × exposure) of every customer of a review under a model. */
export function scoreCustomers(model: SheetModel, ledger: Ledger, asOf: DayNumber, customers: readonly CustomerReview[], lgdPercent: number): Result<ModelScores> {
  const scored = applyScorecard(model.scorecard, currentFeatures(ledger, asOf, customers));
  if (!scored.ok) return scored;
  const losses: number[] = [];
  let total = 0;
  for (let i = 0; i < customers.length; i++) {
    const loss = expectedLoss({ pd: scored.value.pd[i], lgd: lgdPercent / 100, exposure: customers[i].exposure });
    if (!loss.ok) return loss;
    losses.push(loss.value);
    total += loss.value;
  }
  return ok({ fingerprint: model.fingerprint, pd: scored.value.pd, points: scored.value.points, expectedLoss: losses, totalExpectedLoss: total });
}

/**
 * The review's model figures when the workbook has a Model sheet (undefined without one). A Model
 * sheet that cannot be read or applied leaves the review without them and adds a warning.
 */
export function modelScoresOf(snapshot: WorkbookSnapshot, ledger: Ledger, asOf: DayNumber, customers: readonly CustomerReview[], lgdPercent: number, problems: Problem[]): ModelScores | undefined {
  const read = readModelSheet(snapshot);
  const scores = read.ok && read.value !== undefined ? scoreCustomers(read.value, ledger, asOf, customers, lgdPercent) : undefined;
  const failure = !read.ok ? read.error : scores !== undefined && !scores.ok ? scores.error : undefined;
  if (failure !== undefined) {
    const sheet = snapshot.outputSheets.find((o) => o.output === MODEL_OUTPUT_ID)?.sheet ?? "";
    problems.push({ severity: "warning", table: "", sheet, row: -1, column: -1, field: "", message: `Model sheet not used (no PD or expected loss in this review): ${errorText(createTranslator("en-US"), failure)}` });
    return undefined;
  }
  return scores?.ok ? scores.value : undefined;
}

/** The output sheets with the model's columns on Credit Review and its total expected loss on Summary (as they are without scores). */
export function withModelFigures(sheets: SheetSpec[], t: Translator, scores: ModelScores | undefined): SheetSpec[] {
  if (scores === undefined) return sheets;
  return sheets.map((sheet) => {
    if (sheet.outputId === "Credit Review") return withCreditReviewModelColumns(sheet, t, scores);
    if (sheet.outputId === "Summary") return withExpectedLossLine(sheet, t, scores.totalExpectedLoss);
    return sheet;
  });
}
