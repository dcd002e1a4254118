/**
 * Every Excel custom function of Credit Desk (namespace CREDIT, from the manifest), one surface:
 * the families live in files of their own (SOURCE_FILES of scripts/functions-metadata.js lists
 * them for the metadata and the build) and are re-exported here.
 */
export * from "./scoringFunctions"; // CREDIT.SCORE … POLICYID
export * from "./receivablesFunctions"; // CREDIT.DAYSPASTDUE … ROLLRATES
export * from "./reviewFunctions"; // CREDIT.PAYMENTRECORD … COHORT (issue 14)
export * from "./modelFunctions"; // CREDIT.WOE … MARGINAL (issue 17)
export * from "./orderFunctions"; // CREDIT.CHECK (issue 15)
