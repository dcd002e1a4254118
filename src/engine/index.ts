/**
 * The engine's public surface (credit-method.md): everything the custom functions, the host
 * workflow, the task pane and the CLI may use. Pure: no Office, DOM, Node built-ins or clock.
 */
export * from "./errors";
export * from "./dates/dayNumber";
export { addMonths } from "./dates/addMonths";
export * from "./money/cents";
export * from "./values";
export * from "./policy";
export type { Customer, FinancialPeriod, OpenOrder, Portfolio, ReceivableItem } from "./portfolio/types";
export * from "./scoring";
export * from "./ratios";
export * from "./limits";
export * from "./receivables";
export * from "./review";
export * from "./models";
