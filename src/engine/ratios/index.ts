/** Financial ratios (credit-method.md §4): ratios, Altman Z/Z'/Z'', Bathory. */
export { RATIO_NAMES, ratioOf, type RatioName } from "./ratioOf";
export { financialRatios } from "./financialRatios";
export { ALTMAN_MODELS, altmanZ, altmanZone, type AltmanModel, type AltmanX, type AltmanZone } from "./altmanZ";
export { altmanInputs } from "./altmanInputs";
export { bathory, type BathoryInput, type BathoryResult } from "./bathory";
