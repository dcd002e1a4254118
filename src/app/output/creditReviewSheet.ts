/** The Credit Review sheet: one row per customer (credit-method.md §2–§6). */
import type { CustomerReview, PortfolioReview } from "../../engine/review/types";
import type { LimitBasisName } from "../../engine/limits/creditLimit";
import type { CommitteeLine } from "../../engine/review/reviewHistoryCommittee";
import type { Translator } from "../../i18n/translator";
import { toExcelSerial, type DateSystem } from "../../engine/dates/dayNumber";
import type { CellValue, ColumnSpec, ConditionalFormatSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { createTranslator } from "../../i18n/translator";
import { engineWords } from "../engineWords";
import { decisionText, reasonsText, warningsCell } from "../reviewText";
import { auditBlock, CREDIT_REVIEW_TABLE, date, fraction, GRADE_FILLS, integer, listLayout, money, orNull, OUTPUT_TABLE_ROW, percent, ratio, text, titleOf, type AuditStamp } from "./sheetParts";

/**
 * A detail column (ColumnSpec.detail): in a collapsed outline group, one click from view, not
 * printed. The committee's columns stay shown: ID, name, composite, grade, R flag, decision, the
 * recommended, current, approved and in-force limits with the committee's decision, exposure,
 * utilisation, overdue, warnings and next action. The detail groups: account owner and key
 * account; coverage and the derived payment-record score and source; the letter grade; the
 * quadrant, terms and financials (period end, ratios, Altman Z); the limit's binding basis,
 * factors, four bases and collateral; who approved and until when; open balance and unapplied
 * cash; the overdue detail with the change since the last review; the reasons.
 */
const detail = (column: ColumnSpec): ColumnSpec => ({ ...column, detail: true });

/** The Credit Review columns in a language, in sheet order. */
export function creditReviewColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => t.t(`column.creditReview.${key}` as MessageId);
  return [
    text(h("customerId"), 12), text(h("name"), 28), detail(text(h("accountOwner"))), detail(text(h("keyAccount"), 8)),
    percent(h("compositePercent")), detail(percent(h("coveragePercent"))), detail(integer(h("paymentRecord"))), detail(text(h("paymentRecordSource"), 10)),
    text(h("grade"), 7), detail(text(h("letter"), 7)), text(h("rFlag"), 7), text(h("decision"), 28),
    ...[
      text(h("quadrant"), 24), integer(h("termsDays"), 8), date(h("financialsPeriodEnd")),
      ratio(h("currentRatio")), ratio(h("quickRatio")), percent(h("debtRatio")), percent(h("netMargin")), percent(h("revenueGrowth")),
      ratio(h("altmanZ")), text(h("altmanZone"), 9),
    ].map(detail),
    money(h("recommendedLimit")),
    ...[text(h("bindingBasis"), 16), ratio(h("gradeFactor")), ratio(h("paymentFactor")), ...limitBasesColumns(t)].map(detail),
    money(h("currentLimit")), money(h("limitChange")),
    ...committeeColumns(t),
    money(h("exposure")), percent(h("utilisationPercent")), detail(money(h("openBalance"))), detail(money(h("unapplied"))), money(h("overdue")),
    ...[integer(h("overdueItems")), integer(h("maxDaysPastDue")), { header: h("averageDaysLate"), kind: "number", numberFormat: "0.0", width: 10 } satisfies ColumnSpec, ...changeColumns(t)].map(detail),
    integer(h("criticalWarnings")), text(h("warnings"), 40), text(h("nextAction"), 36), detail(text(h("reasons"), 60)),
  ];
}

// Issue 15, the committee's column groups (H5): the four limit bases and collateral (§5), the
// Approved Limits register's decision beside the recommendation with the limit in force and its
// basis, and the change since the last review from the Review History.
const committeeHeader = (t: Translator, key: string): string => t.t(`column.creditReview.${key}` as MessageId);
const committeeWord = (t: Translator, key: string): string => t.t(`approved.review.${key}` as MessageId);

function limitBasesColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => committeeHeader(t, key);
  return [money(h("basisNeed")), money(h("basisWorkingAssets")), money(h("basisNetWorthCap")), money(h("basisProfit")), money(h("collateral"))];
}

function committeeColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => committeeHeader(t, key);
  return [text(h("committeeDecision"), 24), money(h("approvedLimit")), detail(text(h("approvedBy"), 16)), detail(date(h("validUntil"))), money(h("limitInForce")), text(h("limitBasis"), 12)];
}

function changeColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => committeeHeader(t, key);
  return [text(h("previousGrade"), 8), text(h("gradeChange"), 8), money(h("limitChangeSinceLast")), money(h("exposureChangeSinceLast"))];
}

/** What the committee view adds to each customer's row (reviewHistoryCommittee), by position in the review. */
export interface CreditReviewCommittee {
  lines: readonly CommitteeLine[];
  collateral: ReadonlyMap<string, number>;
}

function limitBasesCells(c: CustomerReview, collateral: number | undefined): CellValue[] {
  const basis = (name: LimitBasisName): number | null => orNull(c.limit.bases.find((b) => b.basis === name)?.value);
  return [basis("need"), basis("workingAssets"), basis("netWorthCap"), basis("profit"), orNull(collateral)];
}

function committeeCells(t: Translator, line: CommitteeLine | undefined, system: DateSystem): CellValue[] {
  const a = line?.approval;
  return [
    orNull(a?.decision), orNull(a?.approvedLimit), orNull(a?.approvedBy), a?.validUntil === undefined ? null : toExcelSerial(a.validUntil, system),
    orNull(line?.limitInForce), line === undefined ? null : t.t(`approved.basis.${line.limitBasis}` as MessageId),
  ];
}

const GRADE_CHANGE_KEYS = { up: "gradeUp", down: "gradeDown", same: "gradeSame", new: "gradeNew" } as const;

function changeCells(t: Translator, line: CommitteeLine | undefined): CellValue[] {
  return [
    orNull(line?.previous?.grade), line?.gradeChange === undefined ? null : committeeWord(t, GRADE_CHANGE_KEYS[line.gradeChange]),
    orNull(line?.limitChange), orNull(line?.exposureChange),
  ];
}

/** The warnings the committee view added, in the cell's format after the review's own. */
function addedWarnings(t: Translator, line: CommitteeLine | undefined): string {
  return (line?.added ?? [])
    .map((w) => t.format("warning.item", { severity: t.format(`severity.${w.severity}` as MessageId), message: t.format(w.messageId as MessageId, w.params) }))
    .join(t.format("warning.separator"));
}

/** The Credit Review columns in English, in sheet order. */
export const CREDIT_REVIEW_COLUMNS: readonly ColumnSpec[] = creditReviewColumns(createTranslator("en-US"));

export function creditReviewSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp, committee?: CreditReviewCommittee): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const columns = creditReviewColumns(t);
  const h = (key: string): string => t.t(`column.creditReview.${key}` as MessageId);
  const word = engineWords(t);
  const rows: CellValue[][] = review.customers.map((c, index) => {
    const line = committee?.lines[index];
    const critical = c.warnings.filter((w) => w.severity === "critical").length + (line?.added ?? []).filter((w) => w.severity === "critical").length;
    const added = addedWarnings(t, line);
    const own = warningsCell(t, c.warnings);
    // The quadrant carries its words in both languages: English with the Chinese gloss, or Chinese.
    const quadrant = t.locale === "en-US" ? `${c.quadrant.quadrant} ${c.quadrant.en} (${c.quadrant.zh})` : `${c.quadrant.quadrant} ${c.quadrant.zh}`;
    return [
      c.customerId, c.name, orNull(c.accountOwner), c.isKeyAccount ? yes : no,
      c.compositePercent / 100, c.coveragePercent / 100, c.paymentRecord.score, t.format(`paymentRecordSource.${c.paymentRecord.source}`),
      c.grade, c.letter, c.isR ? "R" : "", decisionText(t, c.decision), quadrant,
      c.terms.termsDays, c.financials ? toExcelSerial(c.financials.periodEnd, system) : null,
      orNull(c.ratios.currentRatio), orNull(c.ratios.quickRatio), orNull(c.ratios.debtRatio), orNull(c.ratios.netMargin), orNull(c.ratios.revenueGrowth),
      c.altman ? c.altman.z : null, c.altman ? t.format(`altmanZone.${c.altman.zone}`) : null,
      orNull(c.limit.recommended), c.limit.bindingBasis === undefined ? null : t.format(`limitBasis.${c.limit.bindingBasis}`), c.limit.gradeFactor, c.limit.paymentFactor,
      ...limitBasesCells(c, committee?.collateral.get(c.customerId)),
      orNull(c.currentLimit), orNull(c.limitChange),
      ...committeeCells(t, line, system),
      c.exposure, fraction(c.utilisationPercent), c.openBalance, c.unapplied, c.overdue,
      c.overdueItems, c.maxDaysPastDue, orNull(c.averageDaysLate),
      ...changeCells(t, line),
      critical, own === "" ? added : added === "" ? own : own + t.format("warning.separator") + added, c.nextAction === undefined ? null : word(c.nextAction), reasonsText(t, c),
    ];
  });
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: h("grade"), text: grade, fill, fontColor })),
    { type: "textEquals", column: h("rFlag"), text: "R", fill: "#F4B183", fontColor: "#833C0B" },
    { type: "dataBar", column: h("utilisationPercent"), color: "#5B9BD5" },
    { type: "greaterThan", column: h("criticalWarnings"), value: 0, fill: "#FF0000", fontColor: "#FFFFFF" },
  ];
  return {
    name: t.t("sheet.creditReview"),
    outputId: "Credit Review",
    title: titleOf(t, "Credit Review"),
    info: [auditBlock(t, stamp)],
    tables: [{ name: CREDIT_REVIEW_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns, rows, conditionalFormats, style: "TableStyleMedium2" }],
    // Layout (issue 15): ID and Name frozen beside the header, printed one page wide.
    ...listLayout(t, stamp, 2),
    tabColor: "#2F5597",
  };
}

// ── Issue 17: the default model's columns (PD, score points, expected loss), appended after the
// review's own columns when the workbook has a Model sheet; without one the sheet is as before.

/** The model's columns of the Credit Review, in order: PD, score points, expected loss. */
export function creditReviewModelColumns(t: Translator): ColumnSpec[] {
  return [
    { header: t.t("model.column.pd"), kind: "percent", numberFormat: "0.00%", width: 10 },
    { header: t.t("model.column.points"), kind: "number", numberFormat: "0", width: 10 },
    money(t.t("model.column.expectedLoss")),
  ];
}

/** The Credit Review sheet with the model's columns appended (each array in the order of the sheet's customers). */
export function withCreditReviewModelColumns(sheet: SheetSpec, t: Translator, scores: { readonly pd: readonly number[]; readonly points: readonly number[]; readonly expectedLoss: readonly number[] }): SheetSpec {
  return {
    ...sheet,
    tables: sheet.tables.map((table) => (table.name !== CREDIT_REVIEW_TABLE ? table : {
      ...table,
      columns: [...table.columns, ...creditReviewModelColumns(t)],
      rows: table.rows.map((row, i) => [...row, scores.pd[i] ?? null, scores.points[i] ?? null, scores.expectedLoss[i] ?? null]),
    })),
  };
}
