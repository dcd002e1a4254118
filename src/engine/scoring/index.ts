/** Customer scoring (credit-method.md §2–3): characteristic model, grades, letter scale, quadrant, R flag, terms. */
export { characteristicScore, type CharacteristicScore, type ItemKey, type ScoreContribution } from "./characteristicScore";
export { checkCompositePercent } from "./checkCompositePercent";
export { denoise } from "./denoise";
export { gradeOf } from "./gradeOf";
export { gradeTerms } from "./gradeTerms";
export { letterRating } from "./letterRating";
export { QUADRANT_LABELS, quadrantOf, type Quadrant, type QuadrantNumber } from "./quadrantOf";
export { rFlag, type RFlagInput } from "./rFlag";
