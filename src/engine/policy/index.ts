/** The credit policy: type, defaults, characteristics, validation, fingerprint, Policy-sheet rows. */
export type { ApprovalChainPolicy, ApprovalStepLimits, Grade, GradeTerms, LetterRating, Policy } from "./Policy";
export { DEFAULT_POLICY } from "./defaultPolicy";
export { CHARACTERISTICS, CHARACTERISTIC_COUNT, CHARACTERISTIC_KEYS, type CharacteristicKey } from "./characteristics";
export { validatePolicy } from "./validatePolicy";
export { canonicalJson, policyFingerprint, shortFingerprint } from "./policyFingerprint";
export { sha256Hex } from "./sha256";
export { formatNumberList, policyToRows, type PolicyRow } from "./policyToRows";
export { policyFromRange, type PolicyFromRangeOptions } from "./policyFromRange";
