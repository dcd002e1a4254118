/** The Credit Review sheet: one row per customer (credit-method.md §2–§6). */
import type { PortfolioReview } from "../../engine/review/types";
import type { Translator } from "../../i18n/translator";
import { toExcelSerial } from "../../engine/dates/dayNumber";
import type { CellValue, ColumnSpec, ConditionalFormatSpec, SheetSpec } from "../../host/WorkbookPort";
import type { MessageId } from "../../i18n/messages";
import { createTranslator } from "../../i18n/translator";
import { decisionText, engineWords, reasonsText, warningsCell } from "../reviewText";
import { auditBlock, CREDIT_REVIEW_TABLE, date, fraction, GRADE_FILLS, integer, money, orNull, OUTPUT_TABLE_ROW, percent, ratio, text, titleOf, type AuditStamp } from "./sheetParts";

/** The Credit Review columns in a language, in sheet order. */
export function creditReviewColumns(t: Translator): ColumnSpec[] {
  const h = (key: string): string => t.t(`column.creditReview.${key}` as MessageId);
  return [
    text(h("customerId"), 12), text(h("name"), 28), text(h("accountOwner")), text(h("keyAccount"), 8),
    percent(h("compositePercent")), percent(h("coveragePercent")), integer(h("paymentRecord")), text(h("paymentRecordSource"), 10),
    text(h("grade"), 7), text(h("letter"), 7), text(h("rFlag"), 7), text(h("decision"), 28), text(h("quadrant"), 24),
    integer(h("termsDays"), 8), date(h("financialsPeriodEnd")),
    ratio(h("currentRatio")), ratio(h("quickRatio")), percent(h("debtRatio")), percent(h("netMargin")), percent(h("revenueGrowth")),
    ratio(h("altmanZ")), text(h("altmanZone"), 9),
    money(h("recommendedLimit")), text(h("bindingBasis"), 16), ratio(h("gradeFactor")), ratio(h("paymentFactor")),
    money(h("currentLimit")), money(h("limitChange")),
    money(h("exposure")), percent(h("utilisationPercent")), money(h("openBalance")), money(h("unapplied")), money(h("overdue")),
    integer(h("overdueItems")), integer(h("maxDaysPastDue")), { header: h("averageDaysLate"), kind: "number", numberFormat: "0.0", width: 10 },
    integer(h("criticalWarnings")), text(h("warnings"), 40), text(h("nextAction"), 36), text(h("reasons"), 60),
  ];
}

/** The Credit Review columns in English, in sheet order. */
export const CREDIT_REVIEW_COLUMNS: readonly ColumnSpec[] = creditReviewColumns(createTranslator("en-US"));

export function creditReviewSheet(t: Translator, review: PortfolioReview, stamp: AuditStamp): SheetSpec {
  const system = stamp.dateSystem ?? "1900";
  const yes = t.t("value.yes");
  const no = t.t("value.no");
  const columns = creditReviewColumns(t);
  const header = (index: number): string => columns[index]!.header;
  const word = engineWords(t);
  const rows: CellValue[][] = review.customers.map((c) => {
    const critical = c.warnings.filter((w) => w.severity === "critical").length;
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
      orNull(c.currentLimit), orNull(c.limitChange),
      c.exposure, fraction(c.utilisationPercent), c.openBalance, c.unapplied, c.overdue,
      c.overdueItems, c.maxDaysPastDue, orNull(c.averageDaysLate),
      critical, warningsCell(t, c.warnings), c.nextAction === undefined ? null : word(c.nextAction), reasonsText(t, c),
    ];
  });
  const conditionalFormats: ConditionalFormatSpec[] = [
    ...GRADE_FILLS.map(([grade, fill, fontColor]): ConditionalFormatSpec => ({ type: "textEquals", column: header(8), text: grade, fill, fontColor })),
    { type: "textEquals", column: header(10), text: "R", fill: "#F4B183", fontColor: "#833C0B" },
    { type: "dataBar", column: header(29), color: "#5B9BD5" },
    { type: "greaterThan", column: header(36), value: 0, fill: "#FF0000", fontColor: "#FFFFFF" },
  ];
  return {
    name: t.t("sheet.creditReview"),
    outputId: "Credit Review",
    title: titleOf(t, "Credit Review"),
    info: [auditBlock(t, stamp)],
    tables: [{ name: CREDIT_REVIEW_TABLE, headerRow: OUTPUT_TABLE_ROW, firstColumn: 0, columns, rows, conditionalFormats, style: "TableStyleMedium2" }],
    freezeRows: OUTPUT_TABLE_ROW + 1,
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
