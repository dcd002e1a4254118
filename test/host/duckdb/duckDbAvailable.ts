/**
 * DuckDB (`@duckdb/node-api`) is an optional dependency that `npm ci` installs. The tests that need
 * it never skip: where it cannot load, each such block has one failing test that says why and how
 * to install it, so a machine that lost it shows a failure rather than a quiet pass.
 */
import { loadDuckDb } from "../../../src/host/duckdb/duckDbApi";

const loaded = loadDuckDb();

/** `describe` of tests that need DuckDB: where it does not load, one failing test in their place. */
export function describeWithDuckDb(name: string, body: () => void): void {
  if (loaded.ok) {
    describe(name, body);
    return;
  }
  const detail = loaded.detail;
  describe(name, () => {
    it("needs @duckdb/node-api (an optional dependency that npm ci installs)", () => {
      throw new Error(`@duckdb/node-api cannot load: ${detail}; run npm ci (or npm install @duckdb/node-api)`);
    });
  });
}
