/**
 * `credit-desk whatif book.xlsx --set gradeBands.A=70 --set weights.paymentRecord=3`: the draft
 * policy compared with the workbook's before anything applies (issue 14 §3). Prints the policy
 * values changed, the grade migration matrix (A/B/C/D/R → A/B/C/D/R), the total recommended limit
 * before/after by grade, the change in warnings and expected allowance and the customers that
 * change most; --json prints the comparison; --out writes a copy of the workbook with the What-if
 * sheet (an existing file only with --force, never a read-only one). The input is never changed.
 * Exit codes: 0 compared (and written); 1 the workbook cannot be read, has errors, or the output
 * cannot be written; 2 a --set that is not key=value, an unknown policy key or a bad value.
 */
import { toIsoDate, type DayNumber } from "../engine/dates/dayNumber";
import { errorText } from "../app/errorText";
import type { OutputLanguage } from "../engine/policy/Policy";
import { GRADE_CLASSES, type PolicyChange, type ScenarioComparison } from "../engine/scenarios";
import { parsePolicyAssignment, runWhatIf, whatIfJson } from "../app/whatIf";
import type { Locale } from "../i18n/locale";
import { createTranslator, type Translator } from "../i18n/translator";
import type { CliIo } from "./CliIo";
import { loadWorkbook, mayWriteOutput } from "./openFiles";
import { formatProblem } from "./formatSummary";
import { terminalSafe, terminalSafeJson } from "./terminalSafe";
import { VERSION } from "./version";

export interface WhatIfRun {
  input: string;
  sets: readonly string[];
  asOf: DayNumber;
  out?: string;
  force: boolean;
  json: boolean;
  /** The language of what is printed. */
  locale: Locale;
  /** --lang given on the line: the What-if sheet's language where the Policy names none. */
  outputLanguage?: OutputLanguage;
}

/** The migration matrix as text: a header row of grade classes, one row per class now, totals. */
export function migrationText(t: Translator, c: ScenarioComparison): string[] {
  const header = [t.t("whatIf.column.from"), ...GRADE_CLASSES, t.t("whatIf.column.total")];
  const rows = GRADE_CLASSES.map((g, f) => {
    const cells = c.migration[f].map((m) => m.customers);
    return [g, ...cells.map(String), String(cells.reduce((a, b) => a + b, 0))];
  });
  const totals = GRADE_CLASSES.map((_, to) => c.migration.reduce((s, row) => s + row[to].customers, 0));
  rows.push([t.t("whatIf.column.total"), ...totals.map(String), String(c.customers)]);
  const width = Math.max(...[header, ...rows].map((r) => r[0].length));
  const line = (r: string[]): string => `  ${r[0].padEnd(width)}${r.slice(1).map((v) => v.padStart(6)).join("")}`;
  return [line(header), ...rows.map(line)];
}

const signed = (t: Translator, x: number): string => (x > 0 ? "+" : "") + t.formatNumber(x, 2);

/** The comparison as the CLI prints it. */
export function formatWhatIf(t: Translator, c: ScenarioComparison, context: { input: string; asOf: DayNumber }): string {
  const lines: string[] = [t.t("whatIf.cli.header", { input: terminalSafe(context.input), asOf: toIsoDate(context.asOf), base: c.baseFingerprint, draft: c.draftFingerprint })];
  for (const v of c.changedValues) lines.push(t.t("whatIf.cli.changed", { key: terminalSafe(v.key), before: terminalSafe(v.before), after: terminalSafe(v.after) }));
  if (c.customerOverride !== undefined) lines.push(`  ${t.t("whatIf.summary.customerOverride")}: ${terminalSafe(c.customerOverride)}`);
  lines.push(t.t("whatIf.cli.migration"), ...migrationText(t, c));
  lines.push(t.t("whatIf.cli.limit", { before: t.formatNumber(c.totalLimit.before, 2), after: t.formatNumber(c.totalLimit.after, 2), change: signed(t, c.totalLimit.change) }));
  for (const l of c.limitsByGrade) {
    if (l.before !== 0 || l.after !== 0) lines.push(t.t("whatIf.cli.limitGrade", { grade: l.grade, before: t.formatNumber(l.before, 2), after: t.formatNumber(l.after, 2), change: signed(t, l.change) }));
  }
  const w = c.warnings;
  lines.push(t.t("whatIf.cli.warnings", { criticalBefore: w.critical.before, criticalAfter: w.critical.after, otherBefore: w.other.before, otherAfter: w.other.after }));
  lines.push(c.allowance.dependsOnDraft
    ? t.t("whatIf.cli.allowance", { before: t.formatNumber(c.allowance.before, 2), after: t.formatNumber(c.allowance.after, 2), change: signed(t, c.allowance.change) })
    : t.t("whatIf.cli.allowanceSame", { value: t.formatNumber(c.allowance.before, 2) }));
  lines.push(t.t("whatIf.cli.changedCustomers", { count: c.changedCustomers }));
  const noLimit = t.t("whatIf.noLimit");
  for (const m of c.movers) {
    lines.push(t.t("whatIf.cli.mover", {
      customerId: terminalSafe(m.customerId), name: terminalSafe(m.name), gradeBefore: m.before.grade, gradeAfter: m.after.grade,
      limitBefore: m.before.limit === undefined ? noLimit : t.formatNumber(m.before.limit, 2),
      limitAfter: m.after.limit === undefined ? noLimit : t.formatNumber(m.after.limit, 2),
    }));
  }
  return `${lines.join("\n")}\n`;
}

export async function whatifFile(run: WhatIfRun, io: CliIo): Promise<number> {
  const t = createTranslator(run.locale);
  const changes: PolicyChange[] = [];
  for (const text of run.sets) {
    const change = parsePolicyAssignment(text);
    if (change === undefined) {
      io.stderr.write(`${t.t("cli.error.usage", { message: t.t("whatIf.cli.badSet", { value: terminalSafe(text) }) })}\n${t.t("cli.usage.footer")}\n`);
      return 2;
    }
    changes.push(change);
  }
  if (run.out !== undefined && !(await mayWriteOutput(run.out, { inPlace: false, force: run.force }, io))) return 1;
  const book = await loadWorkbook(run.input, io);
  if (!book) return 1;
  const outcome = await runWhatIf(book, {
    asOf: run.asOf,
    draft: { changes },
    write: run.out === undefined ? undefined : { generatedAt: io.now().toISOString(), addinVersion: VERSION, outputLanguage: run.outputLanguage },
  });
  if (outcome.status === "badDraft") {
    io.stderr.write(`${t.t("cli.error.usage", { message: t.t("whatIf.cli.badDraft", { message: terminalSafe(errorText(t, outcome.error)) }) })}\n`);
    return 2;
  }
  if (outcome.status === "invalid") {
    for (const problem of outcome.problems) io.stderr.write(`${formatProblem(problem)}\n`);
    const errors = outcome.problems.filter((p) => p.severity === "error").length;
    io.stderr.write(`credit-desk: ${terminalSafe(run.input)}: ${errors} error${errors === 1 ? "" : "s"} in the workbook; nothing was written\n`);
    return 1;
  }
  if (run.out !== undefined) {
    const saved = await book.save(run.out);
    if (!saved.ok) {
      io.stderr.write(`credit-desk: ${terminalSafe(errorText(t, saved.error))}; nothing was written\n`);
      return 1;
    }
  }
  const sheet = outcome.written?.[0]?.written;
  if (run.json) {
    const json = { status: "compared", input: run.input, output: run.out ?? null, sheet: sheet ?? null, ...whatIfJson(outcome.comparison, run.asOf, run.locale) };
    io.stdout.write(`${terminalSafeJson(JSON.stringify(json, null, 2))}\n`);
    return 0;
  }
  io.stdout.write(formatWhatIf(t, outcome.comparison, { input: run.input, asOf: run.asOf }));
  if (run.out !== undefined && sheet !== undefined) io.stdout.write(`${t.t("whatIf.cli.written", { output: terminalSafe(run.out), sheet: terminalSafe(sheet) })}\n`);
  return 0;
}
