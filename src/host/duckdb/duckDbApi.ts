/**
 * The part of `@duckdb/node-api` the file adapter uses, as a small typed surface, and its lazy
 * loader. The package is an optional dependency (issue 19 §3): only the file commands load it,
 * at run time, so nothing else (the pane, the custom functions, the workbench, the CLI's
 * workbook commands) bundles or needs it, and a machine without it gets a message saying how to
 * install it instead of a stack trace.
 * @example loadDuckDb() //=> { ok: true, api } (or { ok: false, detail: "Cannot find module '@duckdb/node-api'" })
 */

export interface DuckVector {
  getItem(index: number): unknown;
}

export interface DuckChunk {
  readonly rowCount: number;
  getColumnVector(index: number): DuckVector;
}

export interface DuckStream {
  fetchChunk(): Promise<DuckChunk | null>;
}

export interface DuckReader {
  getRows(): unknown[][];
  columnNames(): string[];
  columnTypes(): { toString(): string }[];
}

export interface DuckAppender {
  appendVarchar(value: string): void;
  appendInteger(value: number): void;
  appendDouble(value: number): void;
  appendBoolean(value: boolean): void;
  appendNull(): void;
  endRow(): void;
  flushSync(): void;
  closeSync(): void;
}

export interface DuckConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<DuckReader>;
  stream(sql: string): Promise<DuckStream>;
  createAppender(table: string): Promise<DuckAppender>;
  closeSync(): void;
}

export interface DuckInstance {
  connect(): Promise<DuckConnection>;
  closeSync(): void;
}

export interface DuckApi {
  DuckDBInstance: { create(path?: string, options?: Record<string, string>): Promise<DuckInstance> };
  version(): string;
}

export type DuckLoad = { ok: true; api: DuckApi } | { ok: false; detail: string };

/** The package's name, for the install hint. */
export const DUCKDB_PACKAGE = "@duckdb/node-api";

/** The version credit-desk is built and tested with (package.json's optionalDependencies). */
export const DUCKDB_VERSION = "1.5.6-r.1";

/** A loader: the real one requires the package; tests inject one that fails. */
export type DuckLoader = () => DuckLoad;

export function loadDuckDb(): DuckLoad {
  try {
    // Loaded at run time on purpose: an optional dependency, and a native module no bundle may carry.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const api = require(DUCKDB_PACKAGE) as DuckApi;
    return { ok: true, api };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message.split("\n")[0]! : String(e) };
  }
}
