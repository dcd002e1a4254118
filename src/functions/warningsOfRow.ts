/**
 * One customer's early warnings from CREDIT.WARNINGS's columns (row k): each cell read with its
 * field named only when refused, POSITION's 8 columns by name, the financial facts of the
 * customer's latest period, then customerWarnings (§7) as the review calls it.
 */
import type { DayNumber } from "../engine/dates/dayNumber";
import { at, ok, type Result } from "../engine/errors";
import type { Policy } from "../engine/policy";
import { customerWarnings } from "../engine/review/customerWarnings";
import { financialFacts, type FinancialFacts } from "../engine/review/financialFacts";
import { utilisationPercent } from "../engine/review/utilisationPercent";
import { readBoolean } from "../engine/values/readBoolean";
import { readNumber } from "../engine/values/readNumber";
import { readText } from "../engine/values/readText";
import type { Cell } from "./args";
import { maybeDate, maybeGrade, maybeNumber } from "./maybeCell";
import { AT, POSITION_COLUMNS } from "./positionRows";
import { readRowCell } from "./receivablesAdapters";
import { readGrade } from "./scoringAdapters";

/** The arguments CREDIT.WARNINGS reads row by row. */
export type WarningArgValues = { customerIds: Cell[]; asOf: DayNumber; grade: Cell[]; coverage: Cell[]; limit: Cell[]; position: Cell[][]; daysLateTrend?: Cell[]; previousGrade?: Cell[]; keyAccount?: Cell[]; lastReviewDate?: Cell[]; policy: Policy };

export function warningsOfRow(v: WarningArgValues, k: number, factsOf: (id: string) => FinancialFacts): Result<ReturnType<typeof customerWarnings>> {
  // Each cell read with its field named only when refused (readRowCell), not a field text built
  // for each of the 16 cells of every row.
  const id = readRowCell(readText, v.customerIds[k], "customerIds", k);
  const g = readRowCell(readGrade, v.grade[k], "grade", k);
  if (!g.ok) return g;
  const coverage = readRowCell(readNumber, v.coverage[k], "coverage", k);
  if (!coverage.ok) return coverage;
  const limit = readRowCell(maybeNumber, v.limit[k], "limit", k);
  if (!limit.ok) return limit;
  const row = v.position[k];
  const figures = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let c = 0; c < POSITION_COLUMNS.length; c++) {
    const x = readNumber(row[c], POSITION_COLUMNS[c]);
    if (!x.ok) {
      const named = readNumber(row[c], at(`position.${POSITION_COLUMNS[c]}`, { row: k + 1 }));
      return named.ok ? x : named;
    }
    figures[c] = x.value;
  }
  const trend = readRowCell(maybeNumber, v.daysLateTrend?.[k] ?? null, "daysLateTrend", k);
  if (!trend.ok) return trend;
  const previous = readRowCell(maybeGrade, v.previousGrade?.[k] ?? null, "previousGrade", k);
  if (!previous.ok) return previous;
  const key = readRowCell(readBoolean, v.keyAccount?.[k] ?? null, "keyAccount", k);
  if (!key.ok) return key;
  const reviewed = readRowCell(maybeDate, v.lastReviewDate?.[k] ?? null, "lastReviewDate", k);
  if (!reviewed.ok) return reviewed;
  const { latest, ratios, altman } = id.ok ? factsOf(id.value) : financialFacts([], v.asOf);
  const exposure = figures[AT.exposure];
  return ok(customerWarnings(
    {
      asOf: v.asOf,
      utilisationPercent: utilisationPercent(exposure, limit.value),
      limit: limit.value,
      exposure,
      maxDaysPastDue: figures[AT.maxDaysPastDue],
      overdue: figures[AT.overdue],
      openBalance: figures[AT.openBalance],
      daysLateTrend: trend.value,
      grade: g.value,
      previousGrade: previous.value,
      currentRatio: ratios.currentRatio,
      debtRatio: ratios.debtRatio,
      revenueGrowth: ratios.revenueGrowth,
      equity: latest?.equity,
      altmanZone: altman?.zone,
      isKeyAccount: key.value,
      lastReviewDate: reviewed.value,
      coveragePercent: coverage.value,
      financialsPeriodEnd: latest?.periodEnd,
      disputed: figures[AT.disputed],
    },
    v.policy,
  ));
}
