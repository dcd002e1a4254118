/**
 * One customer's facts as a scenario supposes them (issue 14 §2): scores, §5 figures or the
 * latest financial statement replaced by the draft's values. Scores must be 0–10, figures finite
 * numbers (gross margin a fraction 0–1); an unknown customer is an error.
 * @example customerOverride(facts, portfolio.customers, { customerId: "C1", scores: { paymentRecord: 9 } }, asOf)
 *   //=> ok({ index: 0, facts: { customer: { …, scores: { …, paymentRecord: 9 } }, … } })
 */
import type { DayNumber } from "../dates/dayNumber";
import { detail, err, invalidInput, notAvailable, ok, outOfRange, type Result } from "../errors";
import { CHARACTERISTIC_KEYS, type CharacteristicKey } from "../policy/characteristics";
import type { Customer, FinancialPeriod } from "../portfolio/types";
import { financialFacts } from "../review/financialFacts";
import { latestFinancials } from "../review/latestFinancials";
import type { CustomerFacts } from "../review/reviewCustomer";
import type { CustomerOverride } from "./types";

const isCharacteristic = (key: string): key is CharacteristicKey => (CHARACTERISTIC_KEYS as readonly string[]).includes(key);

export function customerOverride(facts: readonly CustomerFacts[], override: CustomerOverride, asOf: DayNumber): Result<{ index: number; facts: CustomerFacts }> {
  const index = facts.findIndex((f) => f.customer.customerId === override.customerId);
  if (index < 0) return err(notAvailable(detail("customerNotFound", { customer: override.customerId })));
  const f = facts[index];
  const scores = { ...f.customer.scores };
  for (const [key, value] of Object.entries(override.scores ?? {})) {
    if (!isCharacteristic(key)) return err(invalidInput(`scores.${key}`, detail("notCharacteristic", { count: CHARACTERISTIC_KEYS.length })));
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > 10) return err(outOfRange(`scores.${key}`, detail("between", { min: 0, max: 10, got: typeof value === "number" ? value : String(value) })));
    scores[key] = value;
  }
  const customer: Customer = { ...f.customer, scores };
  for (const [key, value] of Object.entries(override.figures ?? {})) {
    if (typeof value !== "number" || !Number.isFinite(value)) return err(invalidInput(key, detail("notFinite")));
    if (key === "grossMargin" && (value < 0 || value > 1)) return err(outOfRange(key, detail("between", { min: 0, max: 1, got: value })));
    if (key !== "annualCreditSales" && key !== "grossMargin" && key !== "collateral" && key !== "potential" && key !== "currentLimit") return err(invalidInput(key, detail("notScenarioFigure")));
    customer[key] = value;
  }
  let financials = f.financials;
  const given = Object.entries(override.financials ?? {});
  if (given.length > 0) {
    for (const [key, value] of given) {
      if (typeof value !== "number" || !Number.isFinite(value)) return err(invalidInput(`financials.${key}`, detail("notFinite")));
    }
    const { latest } = latestFinancials(f.financials, asOf);
    const changed: FinancialPeriod = { ...(latest ?? { customerId: f.customer.customerId, periodEnd: asOf }), ...override.financials };
    financials = latest ? f.financials.map((p) => (p === latest ? changed : p)) : [...f.financials, changed];
  }
  return ok({ index, facts: { ...f, customer, financials, financialFacts: financialFacts(financials, asOf) } });
}
