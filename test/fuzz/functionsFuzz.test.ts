/**
 * The fast slice of the custom-function fuzz harness (issue 13; the full run is `npm run fuzz`):
 * every function listed in the metadata generated from functions.ts, registered through
 * CustomFunctions.associate as the build registers it, called with a few thousand generated
 * argument sets of every Excel value type. No exception, no NaN or ±Infinity anywhere in a result,
 * no "internal error" message, no ragged spill.
 */
import * as functions from "../../src/functions/functions";

import { core, type Figures, type FunctionMeta } from "../support/fuzzCore";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tool = require("../../scripts/functions-metadata.js") as {
  metadata(): Promise<{ functions: FunctionMeta[]; associate: { id: string; functionName: string }[] }>;
};

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);
const SEED = 20261206;

describe("custom functions under fuzzing (fast slice)", () => {
  jest.setTimeout(300_000);
  let meta: Awaited<ReturnType<typeof tool.metadata>>;
  const registered = new Map<string, (...args: unknown[]) => unknown>();

  beforeAll(async () => {
    meta = await tool.metadata();
    // Register as the bundle does: CustomFunctions.associate(id, fn) for every id of the metadata.
    const stub = core.customFunctionsStub();
    const exported = functions as unknown as Record<string, (...args: unknown[]) => unknown>;
    for (const a of meta.associate) stub.api.associate(a.id, exported[a.functionName]);
    for (const [id, fn] of stub.registered) registered.set(id, fn);
  });

  it("registers every function of the metadata", () => {
    expect(meta.functions.length).toBeGreaterThanOrEqual(20);
    for (const f of meta.functions) expect(typeof registered.get(f.id)).toBe("function");
  });

  it(`answers ${RUNS} generated argument sets per function with no exception, NaN/Infinity or internal error`, async () => {
    const failures: Figures[] = [];
    for (const f of meta.functions) {
      const figures = await core.fuzzFunction(f, registered.get(f.id) as (...args: unknown[]) => unknown, { runs: RUNS, seed: SEED });
      expect(figures.inputs).toBe(RUNS);
      if (!core.passes(figures)) failures.push(figures);
    }
    expect(failures.map((f) => ({ id: f.id, exceptions: f.exceptions, nonFinite: f.nonFinite, internal: f.internal, other: f.other, examples: f.examples }))).toEqual([]);
  });
});
