/**
 * What the review takes from a customer's financial statements (credit-method.md §1, §4): the
 * latest period at or before the as-of date and the one before it, the ratios that can be
 * computed from them, and Altman Z′ (private firms, book equity) with its zone. The review
 * (reviewCustomer) and the custom functions CREDIT.FINANCIALS and CREDIT.WARNINGS use this one
 * function, so their figures agree.
 * @example financialFacts([{ customerId: "C", periodEnd: 100, currentAssets: 500, currentLiabilities: 250 }], 400)
 *   //=> { latest: { periodEnd: 100, … }, prior: undefined, ratios: { currentRatio: 2 }, altman: undefined }
 */
import type { DayNumber } from "../dates/dayNumber";
import type { FinancialPeriod } from "../portfolio/types";
import { altmanInputs } from "../ratios/altmanInputs";
import { altmanZ } from "../ratios/altmanZ";
import { okRatios } from "../ratios/financialRatios";
import type { RatioName } from "../ratios/ratioOf";
import { latestFinancials } from "./latestFinancials";

export interface FinancialFacts {
  latest?: FinancialPeriod;
  prior?: FinancialPeriod;
  ratios: Partial<Record<RatioName, number>>;
  altman?: { model: "Z'"; z: number; zone: "safe" | "grey" | "distress" };
}

export function financialFacts(periods: readonly FinancialPeriod[], asOf: DayNumber): FinancialFacts {
  const { latest, prior } = latestFinancials(periods, asOf);
  if (!latest) return { latest, prior, ratios: {}, altman: undefined };
  const x = altmanInputs(latest);
  const z = x.ok ? altmanZ("Z'", x.value) : undefined;
  return { latest, prior, ratios: okRatios(latest, prior), altman: z?.ok ? { model: "Z'", z: z.value.z, zone: z.value.zone } : undefined };
}
