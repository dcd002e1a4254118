/**
 * The What-if sheet (issue 14 §2): a scenario's comparison with the review as it stands, stamped
 * with both policy fingerprints (the current policy's in the audit block's usual line, the
 * draft's on the line below). The figures, then the policy values the draft changes, the grade
 * migration in customers and in exposure (rows: grade now; columns: grade under the draft), the
 * recommended limit by grade class, and the customers whose limit or decision changes most with
 * their reason sentences before and after. An output sheet like the review's: marked, replaced
 * on the next write, never written over a sheet of the user's.
 * @example whatIfSheet(createTranslator("en-US"), comparison, stamp).name //=> "What-if"
 */
import { GRADE_CLASSES, MAX_MOVERS, type ScenarioComparison } from "../../engine/scenarios";
import type { CellValue, InfoBlock, SheetSpec, TableSpec } from "../../host/WorkbookPort";
import type { Translator } from "../../i18n/translator";
import { decisionText, reasonsText } from "../reviewText";
import { auditBlock, GRADE_FILLS, integer, money, MONEY, orNull, OUTPUT_TABLE_ROW, text, type AuditStamp } from "./sheetParts";

/** The What-if sheet's marker (its output id), whatever its name in the output language. */
export const WHAT_IF_SHEET = "What-if";
export const WHAT_IF_TABLES = {
  changes: "WhatIfChanges",
  migration: "WhatIfMigration",
  migrationExposure: "WhatIfMigrationExposure",
  limits: "WhatIfLimits",
  movers: "WhatIfMovers",
} as const;

/** The audit stamp of a What-if sheet: the review's, with the draft policy's fingerprint besides the current one. */
export interface WhatIfStamp extends AuditStamp {
  draftFingerprint: string;
}

export function whatIfSheet(t: Translator, c: ScenarioComparison, stamp: WhatIfStamp): SheetSpec {
  const audit = auditBlock(t, stamp);
  audit.lines.push([t.t("whatIf.audit.draftFingerprint"), stamp.draftFingerprint]);
  const s = (key: Parameters<Translator["t"]>[0]): string => t.t(key);
  const summaryLines: [string, CellValue][] = [
    [s("whatIf.summary.customers"), c.customers],
    [s("whatIf.summary.changedCustomers"), c.changedCustomers],
    [s("whatIf.summary.limitBefore"), c.totalLimit.before],
    [s("whatIf.summary.limitAfter"), c.totalLimit.after],
    [s("whatIf.summary.limitChange"), c.totalLimit.change],
    [s("whatIf.summary.criticalBefore"), c.warnings.critical.before],
    [s("whatIf.summary.criticalAfter"), c.warnings.critical.after],
    [s("whatIf.summary.otherBefore"), c.warnings.other.before],
    [s("whatIf.summary.otherAfter"), c.warnings.other.after],
    [s("whatIf.summary.allowanceBefore"), c.allowance.before],
    [s("whatIf.summary.allowanceAfter"), c.allowance.after],
    [s("whatIf.summary.allowanceChange"), c.allowance.change],
    ...(c.customerOverride !== undefined ? [[s("whatIf.summary.customerOverride"), c.customerOverride] as [string, CellValue]] : []),
  ];
  const moneyLines = ["limitBefore", "limitAfter", "limitChange", "allowanceBefore", "allowanceAfter", "allowanceChange"] as const;
  const summary: InfoBlock = {
    row: OUTPUT_TABLE_ROW, column: 0, lines: summaryLines,
    formats: Object.fromEntries(moneyLines.map((k) => [s(`whatIf.summary.${k}`), MONEY])),
  };

  // Each table under a heading line; tables follow one another with a blank row between.
  const headings: InfoBlock[] = [];
  const tables: TableSpec[] = [];
  let row = OUTPUT_TABLE_ROW + summaryLines.length + 1;
  const place = (heading: string, table: Omit<TableSpec, "headerRow" | "firstColumn">): void => {
    headings.push({ row, column: 0, lines: [[heading, null]] });
    tables.push({ ...table, headerRow: row + 1, firstColumn: 0 });
    row += table.rows.length + (table.totals ? 1 : 0) + 4;
  };

  const col = (key: string): string => t.t(`whatIf.column.${key}` as Parameters<Translator["t"]>[0]);
  place(s("whatIf.table.changes"), {
    name: WHAT_IF_TABLES.changes, style: "TableStyleLight9",
    columns: [text(col("key"), 34), text(col("before"), 18), text(col("after"), 18)],
    rows: c.changedValues.map((v) => [v.key, v.before, v.after]),
  });
  const gradeFills = GRADE_FILLS.map(([grade, fill, fontColor]) => ({ type: "textEquals" as const, column: col("from"), text: grade, fill, fontColor }));
  const matrix = (name: string, heading: string, cell: (from: number, to: number) => number, isMoney: boolean): void => {
    const column = isMoney ? (h: string) => money(h, 14) : (h: string) => integer(h, 9);
    const rows = GRADE_CLASSES.map((grade, f) => {
      const cells = GRADE_CLASSES.map((_, to) => cell(f, to));
      return [grade, ...cells, isMoney ? sumCents(cells) : cells.reduce((a, b) => a + b, 0)];
    });
    const totals = [col("total"), ...GRADE_CLASSES.map((_, to) => (isMoney ? sumCents(rows.map((r) => Number(r[to + 1]))) : rows.reduce((a, r) => a + Number(r[to + 1]), 0)))];
    totals.push(isMoney ? sumCents(totals.slice(1).map(Number)) : totals.slice(1).reduce<number>((a, b) => a + Number(b), 0));
    place(heading, {
      name, style: "TableStyleMedium2",
      columns: [text(col("from"), 12), ...GRADE_CLASSES.map((g) => column(g)), column(col("total"))],
      rows, totals, conditionalFormats: gradeFills,
    });
  };
  matrix(WHAT_IF_TABLES.migration, s("whatIf.table.migration"), (f, to) => c.migration[f][to].customers, false);
  matrix(WHAT_IF_TABLES.migrationExposure, s("whatIf.table.migrationExposure"), (f, to) => c.migration[f][to].exposure, true);
  place(s("whatIf.table.limits"), {
    name: WHAT_IF_TABLES.limits, style: "TableStyleMedium2",
    columns: [text(col("grade"), 10), money(col("before"), 16), money(col("after"), 16), money(col("change"), 16)],
    rows: c.limitsByGrade.map((l) => [l.grade, l.before, l.after, l.change]),
    totals: [col("total"), c.totalLimit.before, c.totalLimit.after, c.totalLimit.change],
    conditionalFormats: GRADE_FILLS.map(([grade, fill, fontColor]) => ({ type: "textEquals" as const, column: col("grade"), text: grade, fill, fontColor })),
  });
  place(t.t("whatIf.table.movers", { count: MAX_MOVERS }), {
    name: WHAT_IF_TABLES.movers, style: "TableStyleMedium2",
    columns: [
      integer(col("rank"), 6), text(col("customerId"), 12), text(col("name"), 26), text(col("gradeBefore"), 10), text(col("gradeAfter"), 10),
      { ...text(col("decisionBefore"), 28), wrap: true }, { ...text(col("decisionAfter"), 28), wrap: true },
      money(col("limitBefore"), 14), money(col("limitAfter"), 14), money(col("limitChange"), 14),
      { ...text(col("reasonBefore"), 60), wrap: true }, { ...text(col("reasonAfter"), 60), wrap: true },
    ],
    rows: c.movers.map((m, i) => [
      i + 1, m.customerId, m.name, m.before.grade, m.after.grade, decisionText(t, m.before.decision), decisionText(t, m.after.decision),
      orNull(m.before.limit), orNull(m.after.limit), m.limitChange, reasonsText(t, m.before), reasonsText(t, m.after),
    ]),
  });

  return {
    name: t.t("whatIf.sheet.name"),
    outputId: WHAT_IF_SHEET,
    role: "output",
    title: t.t("whatIf.sheet.title"),
    info: [audit, summary, ...headings],
    tables,
    freezeRows: 0,
    print: { orientation: "landscape", fitToPagesWide: 1 },
    tabColor: "#2F5597",
  };
}

/** Σ of amounts, in cents. */
function sumCents(amounts: readonly number[]): number {
  let cents = 0;
  for (const a of amounts) cents += Math.round(a * 100);
  return cents / 100;
}
