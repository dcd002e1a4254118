/**
 * DuckDB (`@duckdb/node-api`) is an optional dependency: where it cannot load, the tests that need
 * it skip with a printed note, the way a missing optional piece should; with
 * CREDIT_DESK_REQUIRE_DUCKDB=1 (CI) they fail instead, since `npm ci` installs it there.
 */
import { loadDuckDb } from "../../../src/host/duckdb/duckDbApi";

const loaded = loadDuckDb();

export const isDuckDbAvailable = loaded.ok;

/** `describe` where DuckDB loads, `describe.skip` (with a note) where it does not. */
export function describeWithDuckDb(name: string, body: () => void): void {
  if (!loaded.ok) {
    if (process.env.CREDIT_DESK_REQUIRE_DUCKDB === "1") throw new Error(`@duckdb/node-api cannot load: ${loaded.detail}`);
    console.log(`skipping "${name}": @duckdb/node-api cannot load here (${loaded.detail}); npm install installs it (an optional dependency)`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}
