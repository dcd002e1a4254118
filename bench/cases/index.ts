/**
 * The benchmark cases a child process can run, by name. Each takes the JSON arguments the
 * orchestrator (bench/main.ts) passes on the command line; `argsOf` checks their shape. Each
 * case's module is loaded only when it runs, so a case whose product code is missing or broken
 * fails alone.
 */
import type { BundlesArgs } from "./bundles";
import type { CliBySizeArgs } from "./cliBySize";
import type { CustomFunctionsArgs } from "./customFunctions";
import type { DuckdbPathArgs } from "./duckdbPath";
import type { EngineReviewArgs } from "./engineReview";
import type { FormulaSheetArgs, WhatIfChainArgs } from "./formulaSheet";
import type { JitStabilityArgs } from "./jitStability";
import type { ModelFitArgs } from "./modelFit";
import type { RoundTripsArgs } from "./roundTrips";
import type { WhatIfArgs } from "./whatIf";
import type { WorkbenchImportArgs } from "./workbenchImport";

/** The argument object as JSON delivered it, with the fields a case needs checked to exist. */
function argsOf<T extends object>(value: unknown, required: readonly (keyof T & string)[]): T {
  if (typeof value !== "object" || value === null) throw new TypeError("case arguments must be an object");
  for (const key of required) {
    if (!(key in value)) throw new TypeError(`case argument "${key}" is missing`);
  }
  // Checked above: the object carries every required key; values come from bench/main.ts.
  return value as T;
}

export const CASES = {
  engineReview: async (a: unknown) => (await import("./engineReview")).engineReview(argsOf<EngineReviewArgs>(a, ["customers", "invoices", "runs", "withDuckDb"])),
  formulaSheet: async (a: unknown) => (await import("./formulaSheet")).formulaSheet(argsOf<FormulaSheetArgs>(a, ["invoices", "sheetRuns", "functionRuns", "byCustomer"])),
  roundTrips: async (a: unknown) => (await import("./roundTrips")).roundTrips(argsOf<RoundTripsArgs>(a, ["sizes"])),
  customFunctions: async (a: unknown) => (await import("./customFunctions")).customFunctions(argsOf<CustomFunctionsArgs>(a, ["rows", "runs"])),
  jitStability: async (a: unknown) => (await import("./jitStability")).jitStability(argsOf<JitStabilityArgs>(a, ["customers", "invoices", "runs"])),
  modelFit: async (a: unknown) => (await import("./modelFit")).modelFit(argsOf<ModelFitArgs>(a, ["runs", "generatedCustomers", "ledgerCustomers", "ledgerInvoices"])),
  bundles: async (a: unknown) => (await import("./bundles")).bundles(argsOf<BundlesArgs>(a, [])),
  whatIf: async (a: unknown) => (await import("./whatIf")).whatIf(argsOf<WhatIfArgs>(a, ["customers", "invoices", "runs"])),
  cliBySize: async (a: unknown) => (await import("./cliBySize")).cliBySize(argsOf<CliBySizeArgs>(a, ["sizes", "pandas"])),
  workbenchImport: async (a: unknown) => (await import("./workbenchImport")).workbenchImport(argsOf<WorkbenchImportArgs>(a, ["invoices"])),
  duckdbPath: async (a: unknown) => (await import("./duckdbPath")).duckdbPath(argsOf<DuckdbPathArgs>(a, ["invoices"])),
  whatIfChain: async (a: unknown) => (await import("./formulaSheet")).whatIfChain(argsOf<WhatIfChainArgs>(a, ["customers", "invoices", "runs"])),
} satisfies Record<string, (args: unknown) => Promise<unknown>>;

export type CaseName = keyof typeof CASES;
