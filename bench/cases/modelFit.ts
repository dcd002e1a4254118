/**
 * Fit time of the default model (issue 17): a WOE-binned logistic scorecard built by the engine
 * (monotone binning of every feature, WOE, IRLS with ml-matrix, points) on
 * 1. Taiwan's credit card clients (../shared/data/taiwan-credit-default: 30,000 × 23), target
 *    under 2 s;
 * 2. 100,000 generated customers with 23 features (17 numeric, 6 categorical) whose default odds
 *    depend on eight of them (deterministic, seed 7);
 * 3. the ledger model as the Model view fits it (fitLedgerModel with the review's features: the
 *    default sample at as-of − 12 months, the scorecard, 5-fold validation, the out-of-time check,
 *    calibration and today's scores; three reviews of the portfolio) on the benchmark's
 *    generated ledger of `ledgerCustomers` customers and `ledgerInvoices` invoices.
 * Median of `runs` fits after a full collection each; the held-in AUC is reported as a check that
 * the fit is the real one.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { auc } from "../../src/engine/models/auc";
import { applyScorecard, buildScorecard, type FeatureColumn } from "../../src/engine/models/buildScorecard";
import { fitLedgerModel } from "../../src/engine/models/fitLedgerModel";
import { seededRandom } from "../../src/engine/models/seededRandom";
import { reviewFeatures } from "../../src/app/fitModel";
import { generatePortfolio } from "../generate";
import { readFromCells } from "../lib/pipeline";
import { timeRuns, type Timing } from "../lib/measure";

export interface ModelFitArgs {
  runs: number;
  generatedCustomers: number;
  ledgerCustomers: number;
  ledgerInvoices: number;
}

interface FitFigures {
  rows: number;
  features: number;
  defaults: number;
  kept: number;
  fit: Timing;
  inSampleAuc: number;
}

export interface ModelFitResult {
  taiwan: FitFigures;
  generated: FitFigures;
  ledger: { customers: number; invoices: number; sampleCustomers: number; defaults: number; kept: number; fit: Timing; heldOutAuc: number | null };
}

const TAIWAN = join(__dirname, "../../../shared/data/taiwan-credit-default/UCI_Credit_Card.csv");
const TAIWAN_CATEGORICAL = new Set(["SEX", "EDUCATION", "MARRIAGE", "PAY_0", "PAY_2", "PAY_3", "PAY_4", "PAY_5", "PAY_6"]);

function readTaiwan(): { columns: FeatureColumn[]; isBad: number[] } {
  const lines = readFileSync(TAIWAN, "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const header = lines[0].split(",");
  const rows = lines.slice(1).map((l) => l.split(",").map((cell) => (cell === "nan" ? null : Number(cell))));
  const label = header.indexOf("default.payment.next.month");
  const columns: FeatureColumn[] = [];
  header.forEach((name, j) => {
    if (name === "ID" || j === label) return;
    const categorical = TAIWAN_CATEGORICAL.has(name);
    columns.push({ name, kind: categorical ? "categorical" : "numeric", values: rows.map((r) => (categorical && r[j] !== null ? String(r[j]) : r[j])) });
  });
  return { columns, isBad: rows.map((r) => r[label] as number) };
}

/** n customers × 23 features; the log-odds of default depend on features 0–4 (numeric) and 17–19 (categorical). */
function generated(n: number): { columns: FeatureColumn[]; isBad: number[] } {
  const next = seededRandom(7);
  const numeric = Array.from({ length: 17 }, () => new Array<number | null>(n));
  const categorical = Array.from({ length: 6 }, () => new Array<string | null>(n));
  const isBad = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let z = -2;
    for (let j = 0; j < 17; j++) {
      const x = next() * 100;
      numeric[j][i] = next() < 0.02 ? null : Math.round(x * 10) / 10;
      if (j < 5) z += ((x - 50) / 50) * (0.8 - j * 0.12);
    }
    for (let j = 0; j < 6; j++) {
      const c = Math.floor(next() * 5);
      categorical[j][i] = `K${c}`;
      if (j < 3) z += (c - 2) * 0.25;
    }
    isBad[i] = next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
  }
  return {
    columns: [
      ...numeric.map((values, j): FeatureColumn => ({ name: `x${j + 1}`, kind: "numeric", values })),
      ...categorical.map((values, j): FeatureColumn => ({ name: `k${j + 1}`, kind: "categorical", values })),
    ],
    isBad,
  };
}

async function fitFigures(data: { columns: FeatureColumn[]; isBad: number[] }, runs: number): Promise<FitFigures> {
  const { timing, last } = await timeRuns(() => buildScorecard(data.columns, data.isBad), runs);
  if (!last.ok) throw new Error(`fit failed: ${JSON.stringify(last.error)}`);
  const scored = applyScorecard(last.value, data.columns);
  if (!scored.ok) throw new Error(`scoring failed: ${JSON.stringify(scored.error)}`);
  const a = auc(scored.value.pd, data.isBad);
  if (!a.ok) throw new Error(`AUC failed: ${JSON.stringify(a.error)}`);
  return {
    rows: data.isBad.length, features: data.columns.length, defaults: data.isBad.reduce((s, b) => s + b, 0),
    kept: last.value.characteristics.length, fit: timing, inSampleAuc: a.value,
  };
}

export async function modelFit(args: ModelFitArgs): Promise<ModelFitResult> {
  const taiwan = await fitFigures(readTaiwan(), args.runs);
  const synthetic = await fitFigures(generated(args.generatedCustomers), args.runs);
  const { snapshot, asOf } = generatePortfolio({ customers: args.ledgerCustomers, invoices: args.ledgerInvoices });
  const { portfolio, policy } = readFromCells(snapshot);
  const ledger = portfolio.receivables;
  // As the Model view fits: the ledger's features and the review's at each date.
  const extraFeatures = reviewFeatures(portfolio, policy, 90);
  const { timing, last } = await timeRuns(() => fitLedgerModel(ledger, asOf, { minDefaults: 0, defaultDays: policy.defaultDaysPastDue, extraFeatures }), args.runs);
  if (!last.ok) throw new Error(`ledger fit failed: ${JSON.stringify(last.error)}`);
  return {
    taiwan,
    generated: synthetic,
    ledger: {
      customers: args.ledgerCustomers, invoices: args.ledgerInvoices,
      sampleCustomers: last.value.sample.customerIds.length, defaults: last.value.sample.defaults,
      kept: last.value.scorecard.characteristics.length, fit: timing, heldOutAuc: last.value.validation?.meanAuc ?? null,
    },
  };
}
