/**
 * Utilisation of the recommended limit (credit-method.md §8): exposure / limit × 100, as a
 * percent number; undefined without a positive limit (a zero limit has no utilisation, the
 * warnings treat any exposure on it apart). The review and CREDIT.UTILISATION use this one function.
 * @example utilisationPercent(45000, 50000) //=> 90
 * @example utilisationPercent(45000, 0) //=> undefined
 */
export function utilisationPercent(exposure: number, limit: number | undefined): number | undefined {
  return limit !== undefined && limit > 0 ? (exposure * 100) / limit : undefined;
}
