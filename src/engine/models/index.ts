/** Default probability, scorecards and credit-policy analysis (credit-method.md §9, §10). */
export { auc } from "./auc";
export { ks } from "./ks";
export { gini } from "./gini";
export { woeTable, ivStrength, type BinCounts, type WoeBin, type WoeTable, type IvStrength } from "./woe";
export { binNumeric, binCategorical, binIndexOf, woeOf, type BinnedCharacteristic, type BinningOptions, type FeatureValue } from "./binning";
export { fitLogistic, predictPd, sigmoid, type LogisticModel, type LogisticOptions } from "./logistic";
export { stratifiedFolds, outOfTimeSplit } from "./folds";
export { calibrationTable, type CalibrationRow } from "./calibration";
export { scorecardScaling, scoreOfOdds, scoreOfPd, binPoints, type Scaling, type ScalingInput } from "./scorecard";
export { expectedLoss } from "./expectedLoss";
export { marginalAnalysis, type MarginalAnalysis, type MarginalAnalysisInput, type TermsScenario } from "./marginalAnalysis";
export { buildScorecard, applyScorecard, DEFAULT_SCALING, type FeatureColumn, type Scorecard, type ScorecardOptions } from "./buildScorecard";
export { crossValidate, type CrossValidation, type FoldResult } from "./crossValidate";
export { ledgerDefaultSample, type DefaultDefinition, type DefaultSample } from "./ledgerDefaultSample";
export { ledgerFeatures, type LedgerFeatures } from "./ledgerFeatures";
export { fitLedgerModel, DEFAULT_MIN_DEFAULTS, type LedgerModel, type LedgerModelOptions, type OutOfTimeCheck, type ExtraFeatures } from "./fitLedgerModel";
