/**
 * The recommended credit limit (信用限额, credit-method.md §5 with the grade rules of §3).
 *
 * Four bases, each computed and reported (a basis whose inputs are missing is skipped, saying why):
 * - need (交易价值) = annualCreditSales × (termsDays + policy.graceDays) / 365, termsDays defaulting
 *   to the grade's terms;
 * - workingAssets (营运资产) = workingAssetsBasis of the financials (0 when net worth ≤ 0 or working
 *   assets < 0; skipped when current liabilities are 0, since its ratios are then undefined);
 * - netWorthCap (清算价值) = equity × policy.netWorthCapPercent / 100 (0 for negative equity);
 * - profit (收益与风险对等) = annualCreditSales × grossMargin × policy.profitMultiple (0 for a
 *   negative margin). grossMargin is a fraction (0.25 = 25 %).
 * Every basis is rounded to cents.
 *
 * Let L = the smallest applying basis (the binding basis; the first in the order above on a tie)
 * × the payment factor (paymentFactor of averageDaysLate), and round↓ mean rounding down to a
 * multiple of policy.roundingUnit. Then:
 * - grades A, B: recommended = round↓(L × grade factor) + collateral;
 * - grade C: recommended = collateral + min(round↓(L × grade factor), round↓(L × policy.gradeCLimitSharePercent / 100)),
 *   i.e. at most collateral + that share of the formula limit before the grade factor (with the
 *   defaults, factor 0.5 and share 50 %, the two coincide);
 * - grade D: 0, and collateral is not added: the customer trades on cash or prepayment only.
 * No applying basis, whatever the grade → notAvailable(detail("noBasis")). The limit is never negative.
 * @example creditLimit({ grade: "A", annualCreditSales: 120000, grossMargin: 0.25,
 *   financials: { currentAssets: 5000, inventory: 2000, currentLiabilities: 2500, totalLiabilities: 4000, equity: 6000 } },
 *   DEFAULT_POLICY) //=> ok({ recommended: 1000, bindingBasis: "workingAssets", lowestBasis: 1062.5, … })
 */
import { NO_PARAMS, type ReviewMessage } from "../review/ReviewMessage";
import type { LimitSkipId, LimitZeroId } from "./limitMessages";
import { detail, type DomainError, err, invalidInput, notAvailable, ok, outOfRange, type Result } from "../errors";
import { roundMoney } from "../money/cents";
import type { FinancialPeriod } from "../portfolio/types";
import type { Grade, Policy } from "../policy/Policy";
import { denoise } from "../scoring/denoise";
import { paymentFactor as paymentFactorOf } from "./paymentFactor";
import { workingAssetsBasisAlone } from "./workingAssetsBasis";

export const LIMIT_BASIS_NAMES = ["need", "workingAssets", "netWorthCap", "profit"] as const;
export type LimitBasisName = (typeof LIMIT_BASIS_NAMES)[number];

export interface CreditLimitInput {
  grade: Grade;
  annualCreditSales?: number;
  /** Default: the grade's terms in the policy. */
  termsDays?: number;
  /** Fraction: 0.25 = 25 %. */
  grossMargin?: number;
  collateral?: number;
  financials?: Pick<FinancialPeriod, "currentAssets" | "inventory" | "currentLiabilities" | "totalLiabilities" | "equity">;
  averageDaysLate?: number;
}

export interface LimitBasis {
  applies: boolean;
  value?: number;
  /** Why the basis does not apply (a message, `limitSkip.<id>`). */
  skippedReason?: ReviewMessage<LimitSkipId>;
  /** Why an applying basis is 0 (negative net worth, negative working assets, negative margin; `limitZero.<id>`). */
  note?: ReviewMessage<LimitZeroId>;
}

export interface CreditLimitResult {
  recommended: number;
  bases: Record<LimitBasisName, LimitBasis>;
  bindingBasis: LimitBasisName;
  lowestBasis: number;
  gradeFactor: number;
  paymentFactor: number;
  collateral: number;
  /** The limit before collateral (after factors, the grade C cap and rounding). */
  formulaLimit: number;
  explanation: string;
}

const GRADES: readonly Grade[] = ["A", "B", "C", "D"];

const skip = (id: LimitSkipId): ReviewMessage<LimitSkipId> => Object.freeze({ id, params: NO_PARAMS });
const SALES_MISSING = skip("salesMissing");
const MARGIN_MISSING = skip("marginMissing");
const SALES_AND_MARGIN_MISSING = skip("salesAndMarginMissing");
const CURRENT_LIABILITIES_ZERO = skip("currentLiabilitiesZero");
const NET_WORTH_MISSING = skip("netWorthMissing");

/** English words of a skipped or zero basis, for the explanation CREDIT.LIMIT shows (the functions speak English for now). */
const SKIP_TEXT: Readonly<Record<LimitSkipId, string>> = {
  salesMissing: "annual credit sales missing",
  marginMissing: "gross margin missing",
  salesAndMarginMissing: "annual credit sales and gross margin missing",
  financialsMissing: "financials missing",
  currentLiabilitiesZero: "current liabilities are 0: the ratios are undefined",
  netWorthMissing: "net worth (equity) missing",
};

/** A skipped basis's reason in English, as the explanation and CREDIT.LIMIT write it. */
export function skippedReasonText(reason: ReviewMessage<LimitSkipId>): string {
  return reason.id === "financialsMissing" ? `${SKIP_TEXT.financialsMissing}: ${String(reason.params.fields)}` : SKIP_TEXT[reason.id];
}

function zeroNoteText(note: ReviewMessage<LimitZeroId>): string {
  const p = note.params;
  switch (note.id) {
    case "netWorthNotPositive": return `net worth ${p.netWorth} is not positive`;
    case "netWorthNegative": return `net worth ${p.netWorth} is negative`;
    case "workingAssetsNegative": return `working assets ${p.workingAssets} are negative`;
    case "marginNegative": return `gross margin ${p.margin} is negative`;
  }
}

export const BASIS_LABELS: Readonly<Record<LimitBasisName, string>> = {
  need: "need",
  workingAssets: "working assets",
  netWorthCap: "net-worth cap",
  profit: "profit",
};

// The work below runs once per customer of a portfolio review (issue 6): checks return an error
// or undefined instead of a Result each, and the text of an error, a skipped basis or the
// explanation is built only on the branch that needs it.

function checkOptional(field: string, value: number | undefined, min?: number, max?: number, isFraction = false): DomainError | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value)) return invalidInput(field, detail("notFinite"));
  if (min !== undefined && value < min) return outOfRange(field, detail("atLeast", { min, got: value }));
  if (max !== undefined && value > max) return outOfRange(field, detail(isFraction ? "atMostFraction" : "atMost", { max, got: value }));
  return undefined;
}

/**
 * Round down to a multiple of the unit, after removing float noise (3 × 1000 / 1000 must stay 3).
 * The product is denoised too, as a fractional unit leaves noise (3 × 0.1). A whole number other
 * than 0 (denoise makes −0 into 0) below 10^12 is already what denoise gives, 12 significant
 * digits, so the usual whole unit skips that second call (issue 6; the test "denoise keeps whole
 * numbers below 10^12" holds this).
 */
function roundDownTo(value: number, unit: number): number {
  const rounded = Math.floor(denoise(value / unit)) * unit;
  return rounded !== 0 && Number.isInteger(rounded) && Math.abs(rounded) < 1e12 ? rounded : denoise(rounded);
}

function needBasis(input: CreditLimitInput, policy: Policy): LimitBasis {
  if (input.annualCreditSales === undefined) return { applies: false, skippedReason: SALES_MISSING };
  const terms = input.termsDays ?? policy.gradeTerms[input.grade].termsDays;
  return { applies: true, value: roundMoney((input.annualCreditSales * (terms + policy.graceDays)) / 365) };
}

const FINANCIAL_FIELDS = ["currentAssets", "inventory", "currentLiabilities", "totalLiabilities", "equity"] as const;

function workingAssetsLimitBasis(input: CreditLimitInput, policy: Policy): LimitBasis {
  const f = input.financials;
  if (
    f?.currentAssets === undefined ||
    f.inventory === undefined ||
    f.currentLiabilities === undefined ||
    f.totalLiabilities === undefined ||
    f.equity === undefined
  ) {
    const missing = FINANCIAL_FIELDS.filter((k) => f?.[k] === undefined);
    return { applies: false, skippedReason: { id: "financialsMissing", params: { fields: missing.join(", ") } } };
  }
  const { currentAssets, inventory, currentLiabilities, totalLiabilities, equity } = f;
  if (equity <= 0) return { applies: true, value: 0, note: { id: "netWorthNotPositive", params: { netWorth: equity } } };
  if (currentLiabilities === 0) return { applies: false, skippedReason: CURRENT_LIABILITIES_ZERO };
  // validationError has checked these figures as workingAssetsBasis does (finite, not negative); net
  // worth ≤ 0 and current liabilities 0 are handled above. So the basis alone will do: no result
  // objects for every customer of a portfolio review (issue 6).
  const figures = { currentAssets, inventory, currentLiabilities, totalLiabilities, netWorth: equity };
  const { basis, zeroReason } = workingAssetsBasisAlone(figures, policy);
  return zeroReason === undefined ? { applies: true, value: basis } : { applies: true, value: basis, note: zeroReason };
}

function netWorthCapBasis(input: CreditLimitInput, policy: Policy): LimitBasis {
  const equity = input.financials?.equity;
  if (equity === undefined) return { applies: false, skippedReason: NET_WORTH_MISSING };
  if (equity < 0) return { applies: true, value: 0, note: { id: "netWorthNegative", params: { netWorth: equity } } };
  return { applies: true, value: roundMoney((equity * policy.netWorthCapPercent) / 100) };
}

function profitBasis(input: CreditLimitInput, policy: Policy): LimitBasis {
  const { annualCreditSales, grossMargin } = input;
  if (annualCreditSales === undefined || grossMargin === undefined) {
    const skipped = annualCreditSales === undefined ? (grossMargin === undefined ? SALES_AND_MARGIN_MISSING : SALES_MISSING) : MARGIN_MISSING;
    return { applies: false, skippedReason: skipped };
  }
  if (grossMargin < 0) return { applies: true, value: 0, note: { id: "marginNegative", params: { margin: grossMargin } } };
  return { applies: true, value: roundMoney(annualCreditSales * grossMargin * policy.profitMultiple) };
}

/** The first invalid field, in this order, or undefined. */
function validationError(input: CreditLimitInput): DomainError | undefined {
  if (!GRADES.includes(input.grade)) return invalidInput("grade", detail("oneOf", { options: GRADES.join(", "), got: String(input.grade) }));
  const f = input.financials;
  return (
    checkOptional("annualCreditSales", input.annualCreditSales, 0) ??
    checkOptional("termsDays", input.termsDays, 0) ??
    checkOptional("grossMargin", input.grossMargin, -1, 1, true) ??
    checkOptional("collateral", input.collateral, 0) ??
    checkOptional("averageDaysLate", input.averageDaysLate) ??
    (f === undefined
      ? undefined
      : checkOptional("currentAssets", f.currentAssets, 0) ??
        checkOptional("inventory", f.inventory, 0) ??
        checkOptional("currentLiabilities", f.currentLiabilities, 0) ??
        checkOptional("totalLiabilities", f.totalLiabilities, 0) ??
        checkOptional("equity", f.equity))
  );
}

export function creditLimit(input: CreditLimitInput, policy: Policy): Result<CreditLimitResult> {
  const invalid = validationError(input);
  if (invalid !== undefined) return err(invalid);

  const bases: Record<LimitBasisName, LimitBasis> = {
    need: needBasis(input, policy),
    workingAssets: workingAssetsLimitBasis(input, policy),
    netWorthCap: netWorthCapBasis(input, policy),
    profit: profitBasis(input, policy),
  };
  // Finite inputs near the largest double can still overflow a basis (sales × days, equity × percent).
  // The first in LIMIT_BASIS_NAMES' order, found without a record of the four values per customer (issue 14).
  const overflow = LIMIT_BASIS_NAMES.find((name) => !Number.isFinite(bases[name].value ?? 0));
  if (overflow !== undefined) return err(outOfRange(overflow, detail("overflow")));
  let bindingBasis: LimitBasisName | undefined;
  let lowestBasis = Infinity;
  for (const name of LIMIT_BASIS_NAMES) {
    const { applies, value } = bases[name];
    if (applies && value !== undefined && value < lowestBasis) {
      lowestBasis = value;
      bindingBasis = name;
    }
  }
  if (bindingBasis === undefined) return err(notAvailable(detail("noBasis")));

  const grade = input.grade;
  const gradeFactor = policy.gradeTerms[grade].limitFactor;
  const payFactor = paymentFactorOf(input.averageDaysLate, policy);
  const collateral = roundMoney(input.collateral ?? 0);
  const unit = policy.roundingUnit;
  const beforeGrade = lowestBasis * payFactor;
  const factored = roundDownTo(beforeGrade * gradeFactor, unit);

  let formulaLimit: number;
  let share = 0; // grade C only
  if (grade === "D") {
    formulaLimit = 0;
  } else if (grade === "C") {
    share = roundDownTo((beforeGrade * policy.gradeCLimitSharePercent) / 100, unit);
    formulaLimit = Math.min(factored, share);
  } else {
    formulaLimit = factored;
  }
  // Grade D does not add collateral; the rule text shows the total before the floor at 0.
  const total = grade === "D" ? 0 : roundMoney(formulaLimit + collateral);
  const recommended = Math.max(0, total);
  if (!Number.isFinite(total)) return err(outOfRange("limit", detail("overflow")));

  const binding = bindingBasis;
  // The explanation is text for CREDIT.LIMIT's detail: built when read, not for every customer of
  // a portfolio review, which does not read it (issue 6). One closure, no rule closure per call.
  const explain = (): string => {
    const basisText = LIMIT_BASIS_NAMES.map((name) => {
      const b = bases[name];
      if (!b.applies) return `${BASIS_LABELS[name]} skipped (${b.skippedReason ? skippedReasonText(b.skippedReason) : "not applicable"})`;
      return `${BASIS_LABELS[name]} ${b.value}${b.note ? ` (${zeroNoteText(b.note)})` : ""}`;
    }).join("; ");
    const rule =
      grade === "D"
        ? "grade D: cash or prepayment only, limit 0 (collateral not added)"
        : grade === "C"
          ? `grade C: min(rounded down × grade factor ${gradeFactor} = ${factored}, ` +
            `rounded down × ${policy.gradeCLimitSharePercent} % = ${share}) = ${formulaLimit}, + collateral ${collateral} = ${total}`
          : `× grade factor ${gradeFactor} (${grade}), rounded down to ${unit}: ${factored}; + collateral ${collateral} = ${total}`;
    return (
      `Bases: ${basisText}. Binding basis: ${BASIS_LABELS[binding]} ${lowestBasis} × payment factor ${payFactor} = ${roundMoney(beforeGrade)}; ` +
      `${rule}.`
    );
  };
  return ok(new LimitOutcome(recommended, bases, bindingBasis, lowestBasis, gradeFactor, payFactor, collateral, formulaLimit, explain));
}

class LimitOutcome implements CreditLimitResult {
  constructor(
    readonly recommended: number,
    readonly bases: Record<LimitBasisName, LimitBasis>,
    readonly bindingBasis: LimitBasisName,
    readonly lowestBasis: number,
    readonly gradeFactor: number,
    readonly paymentFactor: number,
    readonly collateral: number,
    readonly formulaLimit: number,
    private readonly explain: () => string,
  ) {}

  /** Keeps the instances' hidden class alive between reviews: see ScoreOutcome.keepShape (issue 6). */
  static readonly keepShape = new LimitOutcome(0.5, {} as Record<LimitBasisName, LimitBasis>, "need", 0.5, 0.5, 0.5, 0.5, 0.5, () => "");

  get explanation(): string {
    return this.explain();
  }
}
