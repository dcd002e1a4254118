/** What-if scenarios (issue 14 §2): a draft policy (and one customer's data) compared with the review before it applies. */
export { whatIfBase, type WhatIfBase } from "./whatIfBase";
export { reviewAll, customerFactsOf } from "../review/customerFacts";
export { runScenario, MAX_MOVERS } from "./runScenario";
export { draftPolicy, changedValues } from "./draftPolicy";
export { customerOverride } from "./customerOverride";
export * from "./types";
