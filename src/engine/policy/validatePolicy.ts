/**
 * Checks a credit policy before anything is computed with it (credit-method.md, every section's
 * parameters). Each problem is one DomainError whose `field` is the dotted key of the Policy
 * sheet (`weights.paymentRecord`, `gradeBands.A`, `provisionPercents`, …), so the user can find
 * the row to fix. An empty list means the policy is usable.
 * @example validatePolicy({ ...DEFAULT_POLICY, roundingUnit: 0 })
 *   //=> [{ kind: "outOfRange", field: "roundingUnit", detail: { id: "above", params: { min: 0, got: 0 } } }]
 */
import { detail, type DomainError, invalidInput, outOfRange } from "../errors";
import { CHARACTERISTIC_KEYS } from "./characteristics";
import { OUTPUT_LANGUAGES, type Grade, type Policy } from "./Policy";

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];
const LETTER_ORDER = ["AAA", "AA", "A", "BBB", "BB", "B"] as const;

interface Bounds {
  min?: number;
  max?: number;
  /** The lower bound is exclusive (value must be strictly greater). */
  isMinExclusive?: boolean;
  isInteger?: boolean;
}

/** Collects errors; each check returns nothing and records what is wrong. */
class Checker {
  readonly errors: DomainError[] = [];

  number(field: string, value: unknown, bounds: Bounds = {}): value is number {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.errors.push(invalidInput(field, detail("notFinite")));
      return false;
    }
    const { min, max, isMinExclusive, isInteger } = bounds;
    if (min !== undefined && (isMinExclusive ? value <= min : value < min)) {
      this.errors.push(outOfRange(field, detail(isMinExclusive ? "above" : "atLeast", { min, got: value })));
      return false;
    }
    if (max !== undefined && value > max) {
      this.errors.push(outOfRange(field, detail("atMost", { max, got: value })));
      return false;
    }
    if (isInteger && !Number.isInteger(value)) {
      this.errors.push(invalidInput(field, detail("wholeGot", { got: value })));
      return false;
    }
    return true;
  }

  percent(field: string, value: unknown): void {
    this.number(field, value, { min: 0, max: 100 });
  }

  nonNegative(field: string, value: unknown, isInteger = false): void {
    this.number(field, value, { min: 0, isInteger });
  }

  /** Strictly ascending finite numbers, each within bounds. */
  ascending(field: string, values: unknown, bounds: Bounds = {}): values is number[] {
    if (!Array.isArray(values)) {
      this.errors.push(invalidInput(field, detail("numberList")));
      return false;
    }
    const before = this.errors.length;
    values.forEach((v, i) => this.number(`${field}.${i}`, v, bounds));
    if (this.errors.length > before) return false;
    for (let i = 1; i < values.length; i++) {
      if (!((values[i] as number) > (values[i - 1] as number))) {
        this.errors.push(invalidInput(field, detail("ascending", { previous: values[i - 1] as number, next: values[i] as number })));
        return false;
      }
    }
    return true;
  }

  /** A list that must hold exactly one more entry than its edges (one per band). */
  countPerBand(field: string, values: unknown, edgesField: string, edgeCount: number): values is unknown[] {
    if (!Array.isArray(values)) {
      this.errors.push(invalidInput(field, detail("list")));
      return false;
    }
    if (values.length !== edgeCount + 1) {
      this.errors.push(
        invalidInput(field, detail("entryCount", { count: edgeCount + 1, edges: edgeCount, edgesField, got: values.length })),
      );
      return false;
    }
    return true;
  }

  boolean(field: string, value: unknown): void {
    if (typeof value !== "boolean") this.errors.push(invalidInput(field, detail("notBoolean")));
  }
}

function checkBands(c: Checker, field: string, bands: Record<string, unknown>, order: readonly string[]): void {
  order.forEach((key) => c.number(`${field}.${key}`, bands[key], { min: 0, max: 100 }));
  for (let i = 1; i < order.length; i++) {
    const upper = bands[order[i - 1]];
    const lower = bands[order[i]];
    if (typeof upper === "number" && typeof lower === "number" && !(upper > lower)) {
      c.errors.push(
        invalidInput(`${field}.${order[i]}`, detail("below", { other: `${field}.${order[i - 1]}`, value: lower, bound: upper })),
      );
    }
  }
}

export function validatePolicy(p: Policy): DomainError[] {
  const c = new Checker();
  if (typeof p.version !== "string") c.errors.push(invalidInput("version", detail("notText")));

  // §2 weights: non-negative, not all zero.
  let weightSum = 0;
  const errorsBeforeWeights = c.errors.length;
  for (const key of CHARACTERISTIC_KEYS) {
    const w = p.weights?.[key];
    if (c.number(`weights.${key}`, w, { min: 0 })) weightSum += w;
  }
  if (weightSum === 0 && c.errors.length === errorsBeforeWeights) {
    c.errors.push(invalidInput("weights", detail("weightAboveZero")));
  }

  // §3 grades, letter scale, terms.
  checkBands(c, "gradeBands", p.gradeBands ?? {}, ["A", "B", "C"]);
  checkBands(c, "letterBands", p.letterBands ?? {}, LETTER_ORDER);
  for (const g of GRADES) {
    const t = p.gradeTerms?.[g];
    if (t === undefined) {
      c.errors.push(invalidInput(`gradeTerms.${g}`, detail("missing")));
      continue;
    }
    c.nonNegative(`gradeTerms.${g}.termsDays`, t.termsDays, true);
    c.number(`gradeTerms.${g}.limitFactor`, t.limitFactor, { min: 0, max: 1 });
    c.nonNegative(`gradeTerms.${g}.reviewMonths`, t.reviewMonths, true);
  }
  c.percent("gradeCLimitSharePercent", p.gradeCLimitSharePercent);
  c.nonNegative("largeCustomerThreshold", p.largeCustomerThreshold);
  c.nonNegative("rFlagOverdueDays", p.rFlagOverdueDays);
  c.number("highPotentialFrom", p.highPotentialFrom, { min: 0, max: 10 });
  c.percent("minCoveragePercent", p.minCoveragePercent);

  // §5 limits.
  c.nonNegative("graceDays", p.graceDays, true);
  c.percent("netWorthCapPercent", p.netWorthCapPercent);
  c.nonNegative("profitMultiple", p.profitMultiple);
  c.number("roundingUnit", p.roundingUnit, { min: 0, isMinExclusive: true });
  const wa = p.workingAssetsBands;
  if (c.ascending("workingAssetsBands.edges", wa?.edges)) {
    if (c.countPerBand("workingAssetsBands.percents", wa.percents, "workingAssetsBands.edges", wa.edges.length)) {
      wa.percents.forEach((v, i) => c.percent(`workingAssetsBands.percents.${i}`, v));
    }
  }
  const pf = p.paymentFactorBands;
  if (c.ascending("paymentFactorBands.edges", pf?.edges, { min: 0 })) {
    if (c.countPerBand("paymentFactorBands.factors", pf.factors, "paymentFactorBands.edges", pf.edges.length)) {
      pf.factors.forEach((v, i) => c.number(`paymentFactorBands.factors.${i}`, v, { min: 0, max: 1 }));
    }
  }

  // §6 receivables.
  if (c.ascending("agingEdges", p.agingEdges, { isInteger: true })) {
    if (c.countPerBand("provisionPercents", p.provisionPercents, "agingEdges", p.agingEdges.length)) {
      p.provisionPercents.forEach((v, i) => c.percent(`provisionPercents.${i}`, v));
    }
  }
  if (p.agingBasis !== "dueDate" && p.agingBasis !== "invoiceDate") {
    c.errors.push(invalidInput("agingBasis", detail("oneOf", { options: "dueDate, invoiceDate", got: String(p.agingBasis) })));
  }
  c.boolean("fifoUnappliedCash", p.fifoUnappliedCash);
  c.nonNegative("forwardLookingMultiplier", p.forwardLookingMultiplier);
  if (c.ascending("collectionEdges", p.collectionEdges, { isInteger: true })) {
    if (c.countPerBand("collectionActions", p.collectionActions, "collectionEdges", p.collectionEdges.length)) {
      p.collectionActions.forEach((a, i) => {
        if (typeof a !== "string" || a.trim() === "") c.errors.push(invalidInput(`collectionActions.${i}`, detail("blank")));
      });
    }
  }
  c.nonNegative("largeAmountThreshold", p.largeAmountThreshold);
  c.percent("lateInterestPercent", p.lateInterestPercent);
  c.nonNegative("dunningFee", p.dunningFee);
  c.ascending("otcEdges", p.otcEdges, { min: 0, max: 100 });

  // §7 warnings.
  const w = p.warnings;
  if (w === undefined) {
    c.errors.push(invalidInput("warnings", detail("missing")));
  } else {
    c.nonNegative("warnings.utilisationWarnPercent", w.utilisationWarnPercent);
    c.nonNegative("warnings.utilisationCriticalPercent", w.utilisationCriticalPercent);
    if (w.utilisationWarnPercent > w.utilisationCriticalPercent) {
      c.errors.push(invalidInput("warnings.utilisationWarnPercent", detail("notAbove", { other: "warnings.utilisationCriticalPercent" })));
    }
    c.nonNegative("warnings.overdueWarnDays", w.overdueWarnDays);
    c.nonNegative("warnings.overdueCriticalDays", w.overdueCriticalDays);
    if (w.overdueWarnDays > w.overdueCriticalDays) {
      c.errors.push(invalidInput("warnings.overdueWarnDays", detail("notAbove", { other: "warnings.overdueCriticalDays" })));
    }
    c.percent("warnings.overdueSharePercent", w.overdueSharePercent);
    c.nonNegative("warnings.daysLateIncrease", w.daysLateIncrease);
    c.nonNegative("warnings.currentRatioMin", w.currentRatioMin);
    c.nonNegative("warnings.debtRatioMaxPercent", w.debtRatioMaxPercent);
    c.percent("warnings.revenueDropPercent", w.revenueDropPercent);
    c.nonNegative("warnings.keyAccountReviewMonths", w.keyAccountReviewMonths, true);
    c.nonNegative("warnings.otherReviewMonths", w.otherReviewMonths, true);
    c.nonNegative("warnings.financialsMaxAgeMonths", w.financialsMaxAgeMonths);
    c.nonNegative("warnings.disputedAmountThreshold", w.disputedAmountThreshold);
  }

  // §8 order check.
  c.nonNegative("orderHoldDays", p.orderHoldDays);
  c.nonNegative("creditManagerExcessPercent", p.creditManagerExcessPercent);
  validateApprovalChain(c, p);
  c.boolean("derivePaymentRecord", p.derivePaymentRecord);
  if (!(OUTPUT_LANGUAGES as readonly unknown[]).includes(p.outputLanguage)) {
    c.errors.push(invalidInput("outputLanguage", detail("oneOf", { options: OUTPUT_LANGUAGES.join(", "), got: String(p.outputLanguage) })));
  }
  // §10 default model.
  c.percent("lgdPercent", p.lgdPercent);
  c.nonNegative("defaultDaysPastDue", p.defaultDaysPastDue, true);
  c.nonNegative("modelMinDefaults", p.modelMinDefaults, true);
  return c.errors;
}

/** §8 the approval chain: amounts and percents ≥ 0, grades A–D, and no step allowed more than the step above it. */
function validateApprovalChain(c: Checker, p: Policy): void {
  const chain = p.approvalChain;
  if (chain === undefined) {
    c.errors.push(invalidInput("approvalChain", detail("missing")));
    return;
  }
  const steps = [
    ["salesperson", chain.salesperson?.maxOrder, chain.salesperson?.maxExcessPercent, chain.salesperson?.lowestGrade],
    ["salesManager", chain.salesManager?.maxOrder, chain.salesManager?.maxExcessPercent, chain.salesManager?.lowestGrade],
    ["creditStaff", chain.creditStaff?.maxOrder, chain.creditStaff?.maxExcessPercent, chain.creditStaff?.lowestGrade],
    ["creditManager", chain.creditManager?.maxOrder, p.creditManagerExcessPercent, chain.creditManager?.lowestGrade],
  ] as const;
  const before = c.errors.length;
  for (const [step, maxOrder, maxExcess, grade] of steps) {
    c.nonNegative(`approvalChain.${step}.maxOrder`, maxOrder);
    if (step !== "creditManager") c.nonNegative(`approvalChain.${step}.maxExcessPercent`, maxExcess);
    if (!GRADES.includes(grade as Grade)) c.errors.push(invalidInput(`approvalChain.${step}.lowestGrade`, detail("oneOf", { options: GRADES.join(", "), got: String(grade) })));
  }
  if (c.errors.length > before) return;
  for (let i = 1; i < steps.length; i++) {
    const [step, maxOrder, maxExcess, grade] = steps[i]!;
    const [lower, lowerOrder, lowerExcess, lowerGrade] = steps[i - 1]!;
    if (maxOrder < lowerOrder) c.errors.push(invalidInput(`approvalChain.${step}.maxOrder`, detail("notBelow", { other: `approvalChain.${lower}.maxOrder` })));
    if (maxExcess < lowerExcess) {
      const field = step === "creditManager" ? "creditManagerExcessPercent" : `approvalChain.${step}.maxExcessPercent`;
      c.errors.push(invalidInput(field, detail("notBelow", { other: `approvalChain.${lower}.maxExcessPercent` })));
    }
    if (GRADES.indexOf(grade) < GRADES.indexOf(lowerGrade)) c.errors.push(invalidInput(`approvalChain.${step}.lowestGrade`, detail("notBetterThan", { other: `approvalChain.${lower}.lowestGrade` })));
  }
}
