/** scripts/fuzzCore.js (the custom-function fuzz harness, plain JS for `npm run fuzz`) with its types, for the tests. */
import type fc from "fast-check";

/** A function's metadata as the harness reads it from functions.json. */
export interface FunctionMeta {
  id: string;
  parameters: { name?: string; dimensionality?: string; optional?: boolean; repeating?: boolean }[];
}

/** What one function's fuzz run counted. */
export interface Figures {
  id: string;
  inputs: number;
  exceptions: number;
  nonFinite: number;
  internal: number;
  other: number;
  values: number;
  codes: Record<string, number>;
  examples: { args: string; problems: string[] }[];
}

export interface FuzzCore {
  inspect(result: unknown): { problems: string[]; codes: string[] };
  argumentsArb(meta: Pick<FunctionMeta, "parameters">): fc.Arbitrary<unknown[]>;
  fuzzFunction(meta: FunctionMeta, fn: (...args: unknown[]) => unknown, options: { runs: number; seed: number }): Promise<Figures>;
  customFunctionsStub(): {
    api: { associate(id: string, fn: unknown): void; Error: new (code: string, message?: string) => Error };
    registered: Map<string, (...args: unknown[]) => unknown>;
  };
  passes(f: Figures): boolean;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const core = require("../../scripts/fuzzCore.js") as FuzzCore;
