/** Credit limits (credit-method.md §5): the four bases, payment factor, recommended limit. */
export { bandOf } from "./bandOf";
export { paymentFactor } from "./paymentFactor";
export { riskLabelOf, workingAssetsBasis, type WorkingAssetsInput, type WorkingAssetsResult } from "./workingAssetsBasis";
export {
  BASIS_LABELS,
  LIMIT_BASIS_NAMES,
  creditLimit,
  skippedReasonText,
  type CreditLimitInput,
  type CreditLimitResult,
  type LimitBasis,
  type LimitBasisName,
} from "./creditLimit";
export { LIMIT_SKIP_IDS, LIMIT_ZERO_IDS, type LimitSkipId, type LimitZeroId } from "./limitMessages";
