/**
 * The default model of the user's own ledger (credit-method.md §10, issue 17): read the workbook
 * → recognise and read the portfolio (any error: "invalid", nothing written) → the default sample
 * at as-of − 12 months (default = an item more than Policy `defaultDaysPastDue` days past due in
 * the 12 months after it) → fewer defaults than Policy `modelMinDefaults`: "tooFewDefaults",
 * nothing fitted or written → a WOE logistic scorecard on the ledger's behaviour features and the
 * review's figures as they stood at the observation date (composite score, grade, utilisation,
 * financial ratios, Altman Z′), validated by seeded stratified k-fold and, when the ledger reaches
 * back two years, out of time → the `Model` sheet written in one call.
 * @example await fitModel(port, { asOf, generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0.1.0" })
 *   //=> { status: "written", model: { sample: { defaults: 12, … }, … }, written: [{ requested: "Model", written: "Model" }], … }
 */
import { addMonths } from "../engine/dates/addMonths";
import type { DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "./errorText";
import { canonicalJson, shortFingerprint } from "../engine/policy/policyFingerprint";
import type { OutputLanguage, Policy } from "../engine/policy/Policy";
import { sha256Hex } from "../engine/policy/sha256";
import type { Portfolio } from "../engine/portfolio/types";
import type { CustomerReview } from "../engine/review/types";
import { reviewPortfolio } from "../engine/review/reviewPortfolio";
import { fitLedgerModel, type ExtraFeatures, type LedgerModel } from "../engine/models/fitLedgerModel";
import type { FeatureColumn, Scorecard } from "../engine/models/buildScorecard";
import { ledgerDefaultSample } from "../engine/models/ledgerDefaultSample";
import type { SheetSpec, WorkbookPort, WrittenSheet } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import { modelSheet } from "./output/modelSheet";
import { readPortfolio } from "./readPortfolio";
import { recogniseTables } from "./recogniseTables";
import type { ColumnMapping, Problem } from "./types";

/** Months between the observation date and the outcome (the spec's 12-month window). */
export const MODEL_HORIZON_MONTHS = 12;

export interface ModelFitOptions {
  asOf: DayNumber;
  /** ISO timestamp of the run, passed in (the engine never reads the clock). */
  generatedAt: string;
  addinVersion: string;
  mapping?: ColumnMapping;
  /** Period in days for the review's DSO-type figures at each date (default 90). */
  periodDays?: number;
  /** Language of the Model sheet when the Policy table does not name one. */
  outputLanguage?: OutputLanguage;
  signal?: AbortSignal;
}

/** How the sample stood when too few customers defaulted to fit anything. */
export interface ThinHistory {
  observationDay: DayNumber;
  customers: number;
  defaults: number;
  minDefaults: number;
  defaultDays: number;
}

export type ModelFitOutcome =
  | { status: "invalid"; problems: Problem[] }
  | { status: "tooFewDefaults"; problems: Problem[]; history: ThinHistory }
  | { status: "failed"; problems: Problem[]; message: string }
  | { status: "cancelled"; problems: Problem[] }
  | { status: "written"; problems: Problem[]; model: LedgerModel; fingerprint: string; defaultDays: number; lgdPercent: number; sheet: SheetSpec; written: WrittenSheet[] };

/** The review's features of a customer, by name (the Model sheet's feature ids). */
export const REVIEW_FEATURES = [
  "compositePercent", "grade", "utilisationPercent", "currentRatio", "quickRatio", "debtRatio", "netMargin", "revenueGrowth", "altmanZ",
] as const;

/** The review's figures of the customers given (same order; null for a customer the review does not hold or a figure it lacks). */
export function reviewFeatureColumns(customers: readonly CustomerReview[] | undefined, customerIds: readonly string[]): FeatureColumn[] {
  const byId = new Map<string, CustomerReview>();
  for (const c of customers ?? []) byId.set(c.customerId, c);
  const pick = (f: (c: CustomerReview) => number | string | undefined): (number | string | null)[] =>
    customerIds.map((id) => {
      const c = byId.get(id);
      const v = c === undefined ? undefined : f(c);
      return v === undefined || (typeof v === "number" && !Number.isFinite(v)) ? null : v;
    });
  return [
    { name: "compositePercent", kind: "numeric", values: pick((c) => c.compositePercent) },
    { name: "grade", kind: "categorical", values: pick((c) => c.grade) },
    { name: "utilisationPercent", kind: "numeric", values: pick((c) => c.utilisationPercent) },
    { name: "currentRatio", kind: "numeric", values: pick((c) => c.ratios.currentRatio) },
    { name: "quickRatio", kind: "numeric", values: pick((c) => c.ratios.quickRatio) },
    { name: "debtRatio", kind: "numeric", values: pick((c) => c.ratios.debtRatio) },
    { name: "netMargin", kind: "numeric", values: pick((c) => c.ratios.netMargin) },
    { name: "revenueGrowth", kind: "numeric", values: pick((c) => c.ratios.revenueGrowth) },
    { name: "altmanZ", kind: "numeric", values: pick((c) => c.altman?.z) },
  ];
}

/**
 * The review's features at any day: the portfolio reviewed as of that day (receivables as they
 * stood, the financials published by then) and its figures of the customers given. A review that
 * fails gives missing values, which the scorecard treats as its missing bin.
 */
export function reviewFeatures(portfolio: Portfolio, policy: Policy, periodDays: number): ExtraFeatures {
  return (day, customerIds) => {
    const review = reviewPortfolio(portfolio, policy, { asOf: day, periodDays });
    return reviewFeatureColumns(review.ok ? review.value.customers : undefined, customerIds);
  };
}

/** The model's fingerprint: the first 12 hex characters of SHA-256 over its bins, WOEs, coefficients and scaling. */
export function modelFingerprint(card: Scorecard): string {
  return sha256Hex(canonicalJson({
    characteristics: card.characteristics.map((c) => ({ name: c.name, kind: c.kind, uppers: c.uppers, groups: c.groups, woe: c.bins.map((b) => b.woe), missing: c.missing?.woe })),
    intercept: card.model.intercept,
    coefficients: card.model.coefficients,
    scaling: card.scaling,
  })).slice(0, 12);
}

export async function fitModel(port: WorkbookPort, options: ModelFitOptions): Promise<ModelFitOutcome> {
  const snapshot = await port.readWorkbook();
  const recognition = recogniseTables(snapshot, options.mapping);
  const reading = readPortfolio(snapshot, recognition);
  const problems = reading.problems;
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", problems };
  const { portfolio, policy } = reading;
  const ledger = portfolio.receivables;
  const observationDay = addMonths(options.asOf, -MODEL_HORIZON_MONTHS);
  const definition = { defaultDays: policy.defaultDaysPastDue, horizonMonths: MODEL_HORIZON_MONTHS, asOf: options.asOf };
  const sample = ledgerDefaultSample(ledger, observationDay, definition);
  if (!sample.ok || sample.value.defaults < policy.modelMinDefaults) {
    const history: ThinHistory = {
      observationDay,
      customers: sample.ok ? sample.value.customerIds.length : 0,
      defaults: sample.ok ? sample.value.defaults : 0,
      minDefaults: policy.modelMinDefaults,
      defaultDays: policy.defaultDaysPastDue,
    };
    return { status: "tooFewDefaults", problems, history };
  }
  const fitted = fitLedgerModel(ledger, options.asOf, {
    ...definition,
    minDefaults: policy.modelMinDefaults,
    extraFeatures: reviewFeatures(portfolio, policy, options.periodDays ?? 90),
  });
  if (!fitted.ok) return { status: "failed", problems, message: errorText(createTranslator(options.outputLanguage ?? "en-US"), fitted.error) };
  if (options.signal?.aborted) return { status: "cancelled", problems };
  const model = fitted.value;
  const fingerprint = modelFingerprint(model.scorecard);
  const language = reading.policySource === "sheet" ? policy.outputLanguage : options.outputLanguage ?? policy.outputLanguage;
  const sheet = modelSheet(createTranslator(language), model, {
    asOf: options.asOf,
    generatedAt: options.generatedAt,
    addinVersion: options.addinVersion,
    policyFingerprint: shortFingerprint(policy),
    policyVersion: policy.version,
    dateSystem: snapshot.dateSystem,
    outputLanguage: language,
  }, { fingerprint, defaultDays: policy.defaultDaysPastDue });
  const result = await port.writeSheets([sheet]);
  return { status: "written", problems, model, fingerprint, defaultDays: policy.defaultDaysPastDue, lgdPercent: policy.lgdPercent, sheet, written: result.sheets };
}
