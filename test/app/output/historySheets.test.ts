/**
 * The Changes sheet's trend (issue 15): the portfolio's overdue ratio, DSO and CEI across reviews
 * as line charts, one per scale (ratios; days), each plotting columns its trend table has.
 */
import { dayFromCivil } from "../../../src/engine/dates/dayNumber";
import type { ReviewRun } from "../../../src/engine/review/reviewHistory";
import { changesSheet, TREND_TABLE } from "../../../src/app/output/historySheets";
import type { AuditStamp } from "../../../src/app/output/sheetParts";
import { createTranslator } from "../../../src/i18n/translator";

const runs: ReviewRun[] = [
  { asOf: dayFromCivil(2024, 12, 31), generatedAt: "2025-01-02T09:00:00Z", fingerprint: "abc", customers: 36, openBalance: 1e6, overdueRatioPercent: 31, dso: 58.2, cei: 0.72 },
  { asOf: dayFromCivil(2025, 6, 30), generatedAt: "2025-06-30T09:00:00Z", fingerprint: "abc", customers: 36, openBalance: 9e5, overdueRatioPercent: 22, dso: 47.5, cei: 0.84 },
];
const stamp: AuditStamp = { asOf: dayFromCivil(2025, 6, 30), generatedAt: "2025-06-30T09:00:00Z", addinVersion: "0", policyFingerprint: "abc", policyVersion: "1" };

describe.each(["en-US", "zh-CN"] as const)("changesSheet's trend charts (%s)", (locale) => {
  const t = createTranslator(locale);
  const sheet = changesSheet(t, { runs, dateSystem: "1900" }, stamp);
  const trend = sheet.tables.find((table) => table.name === TREND_TABLE)!;
  const header = (key: string): string => t.t(`history.column.${key}` as Parameters<typeof t.t>[0]);

  it("draws two line charts over the trend table, by as-of date: the ratios together, DSO (days) alone", () => {
    expect(sheet.charts?.map((c) => ({ type: c.type, table: c.table, category: c.categoryColumn, series: c.seriesColumns }))).toEqual([
      { type: "line", table: TREND_TABLE, category: header("asOf"), series: [header("overdueRatio"), header("cei")] },
      { type: "line", table: TREND_TABLE, category: header("asOf"), series: [header("dso")] },
    ]);
    for (const chart of sheet.charts ?? []) for (const column of [chart.categoryColumn, ...chart.seriesColumns]) expect(trend.columns.map((c) => c.header)).toContain(column);
  });

  it("titles each chart in the sheet's language and places the second below the first, beside the tables", () => {
    const [ratios, dso] = sheet.charts!;
    expect([ratios.title, dso.title]).toEqual([t.t("history.trend.chartRatios"), t.t("history.trend.chartDso")]);
    expect(dso.anchor.column).toBe(ratios.anchor.column);
    // 240 pt at 15 pt a row: the first chart ends before the second starts.
    expect(dso.anchor.row).toBeGreaterThanOrEqual(ratios.anchor.row + Math.ceil((ratios.size?.heightPt ?? 0) / 15));
    const widest = Math.max(...sheet.tables.map((table) => table.firstColumn + table.columns.length));
    expect(ratios.anchor.column).toBeGreaterThanOrEqual(widest);
  });
});
