/**
 * What-if over a workbook (issue 14 §2–§3): the portfolio is read once (the pane's scan, or one
 * readWorkbook here), a `WhatIfBase` keeps what every scenario reuses, and each scenario is
 * compared from it without reading the workbook again. `runWhatIf` is the CLI's path: read →
 * recognise → validate (errors: status "invalid", nothing written) → compare → optionally write
 * the What-if sheet. `writeWhatIfSheet` is the pane's "Write scenario sheet".
 * @example await runWhatIf(port, { asOf, draft: { changes: [{ key: "gradeBands.A", value: "70" }] } })
 *   //=> { status: "compared", comparison: { totalLimit: { before: 4078000, after: …, change: … }, … }, … }
 */
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import type { DomainError, Result } from "../engine/errors";
import { errorText } from "./errorText";
import type { OutputLanguage } from "../engine/policy/Policy";
import { GRADE_CLASSES, runScenario, whatIfBase, type PolicyChange, type ScenarioComparison, type ScenarioDraft, type WhatIfBase } from "../engine/scenarios";
import type { WorkbookPort, WrittenSheet } from "../host/WorkbookPort";
import { createTranslator } from "../i18n/translator";
import { whatIfSheet, type WhatIfStamp } from "./output/whatIfSheet";
import { readPortfolio, type PortfolioReading } from "./readPortfolio";
import { recogniseTables } from "./recogniseTables";
import { decisionText, reasonsText } from "./reviewText";
import type { ColumnMapping, Problem } from "./types";

export { whatIfSheet, WHAT_IF_SHEET, WHAT_IF_TABLES, type WhatIfStamp } from "./output/whatIfSheet";

/** The base every scenario of a reading reuses (the portfolio and policy as read). */
export function whatIfBaseOf(reading: PortfolioReading, asOf: DayNumber): Result<WhatIfBase> {
  return whatIfBase(reading.portfolio, reading.policy, asOf);
}

/**
 * `key=value` as a policy change (the CLI's --set): the key as the Policy sheet names it, the
 * value as text (the draft reads it as the sheet would).
 * @example parsePolicyAssignment("gradeBands.A=70") //=> { key: "gradeBands.A", value: "70" }
 * @example parsePolicyAssignment("gradeBands.A") //=> undefined
 */
export function parsePolicyAssignment(text: string): PolicyChange | undefined {
  const at = text.indexOf("=");
  if (at <= 0) return undefined;
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  return key === "" || value === "" ? undefined : { key, value };
}

export interface WhatIfOptions {
  asOf: DayNumber;
  draft: ScenarioDraft;
  mapping?: ColumnMapping;
  /** Write the What-if sheet with this stamp's run facts (the fingerprints are the comparison's). */
  write?: { generatedAt: string; addinVersion: string; outputLanguage?: OutputLanguage };
}

export type WhatIfOutcome =
  | { status: "invalid"; problems: Problem[] }
  | { status: "badDraft"; problems: Problem[]; error: DomainError }
  | { status: "compared"; problems: Problem[]; comparison: ScenarioComparison; outputLanguage: OutputLanguage; written?: WrittenSheet[] };

/** The stamp of a What-if sheet for a comparison. */
export function whatIfStamp(c: ScenarioComparison, run: { asOf: DayNumber; generatedAt: string; addinVersion: string; dateSystem?: "1900" | "1904"; outputLanguage?: OutputLanguage }): WhatIfStamp {
  return {
    asOf: run.asOf,
    generatedAt: run.generatedAt,
    addinVersion: run.addinVersion,
    policyFingerprint: c.baseFingerprint,
    policyVersion: c.basePolicy.version,
    draftFingerprint: c.draftFingerprint,
    dateSystem: run.dateSystem,
    outputLanguage: run.outputLanguage ?? c.basePolicy.outputLanguage,
  };
}

/** Writes a comparison's What-if sheet through the port (the output sheet's marker decides where). */
export async function writeWhatIfSheet(port: WorkbookPort, c: ScenarioComparison, stamp: WhatIfStamp): Promise<WrittenSheet[]> {
  const sheet = whatIfSheet(createTranslator(stamp.outputLanguage ?? "en-US"), c, stamp);
  return (await port.writeSheets([sheet])).sheets;
}

export async function runWhatIf(port: WorkbookPort, options: WhatIfOptions): Promise<WhatIfOutcome> {
  const snapshot = await port.readWorkbook();
  const reading = readPortfolio(snapshot, recogniseTables(snapshot, options.mapping));
  const problems = reading.problems;
  if (problems.some((p) => p.severity === "error")) return { status: "invalid", problems };
  const base = whatIfBaseOf(reading, options.asOf);
  if (!base.ok) return { status: "invalid", problems: [...problems, problemOf(base.error)] };
  const compared = runScenario(base.value, options.draft);
  if (!compared.ok) return { status: "badDraft", problems: [...problems, problemOf(compared.error)], error: compared.error };
  const comparison = compared.value;
  const outputLanguage = options.write?.outputLanguage ?? reading.policy.outputLanguage;
  if (!options.write) return { status: "compared", problems, comparison, outputLanguage };
  const stamp = whatIfStamp(comparison, { asOf: options.asOf, ...options.write, dateSystem: snapshot.dateSystem, outputLanguage });
  return { status: "compared", problems, comparison, outputLanguage, written: await writeWhatIfSheet(port, comparison, stamp) };
}

function problemOf(error: DomainError): Problem {
  return { severity: "error", table: "Policy", sheet: "", row: -1, column: -1, field: "field" in error ? error.field : "", message: errorText(createTranslator("en-US"), error) };
}

/**
 * A comparison as plain JSON for --json (no policy objects; reasons and decisions as text in the
 * language given): fingerprints, changed values, the migration matrix keyed by grade class,
 * limits, warnings, allowance and the movers.
 */
export function whatIfJson(c: ScenarioComparison, asOf: DayNumber, language: OutputLanguage = "en-US"): Record<string, unknown> {
  const t = createTranslator(language);
  const matrix = (pick: (m: ScenarioComparison["migration"][number][number]) => number) =>
    Object.fromEntries(GRADE_CLASSES.map((from, f) => [from, Object.fromEntries(GRADE_CLASSES.map((to, k) => [to, pick(c.migration[f][k])]))]));
  return {
    asOf: toIsoDate(asOf),
    policyFingerprint: c.baseFingerprint,
    draftFingerprint: c.draftFingerprint,
    changedValues: c.changedValues,
    customerOverride: c.customerOverride ?? null,
    customers: c.customers,
    changedCustomers: c.changedCustomers,
    migration: { customers: matrix((m) => m.customers), exposure: matrix((m) => m.exposure) },
    limitsByGrade: c.limitsByGrade,
    totalLimit: c.totalLimit,
    warnings: c.warnings,
    allowance: c.allowance,
    movers: c.movers.map((m) => ({
      customerId: m.customerId,
      name: m.name,
      gradeBefore: m.before.grade,
      gradeAfter: m.after.grade,
      decisionBefore: decisionText(t, m.before.decision),
      decisionAfter: decisionText(t, m.after.decision),
      limitBefore: m.before.limit ?? null,
      limitAfter: m.after.limit ?? null,
      limitChange: m.limitChange,
      reasonBefore: reasonsText(t, m.before),
      reasonAfter: reasonsText(t, m.after),
    })),
  };
}
