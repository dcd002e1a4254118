/** Credit limits (credit-method.md §5): the four bases, payment factor, recommended limit. */
export { bandOf } from "./bandOf";
export { paymentFactor } from "./paymentFactor";
export { riskLabelOf, workingAssetsBasis, type WorkingAssetsInput, type WorkingAssetsResult } from "./workingAssetsBasis";
export {
  BASIS_LABELS,
  LIMIT_BASIS_NAMES,
  creditLimit,
  type CreditLimitInput,
  type CreditLimitResult,
  type LimitBasis,
  type LimitBasisName,
} from "./creditLimit";
