/** Types of scripts/workbench.js, for the browser tests that build and serve the workbench in-process. */
import type { Server } from "http";

export declare const OUT_DIR: string;
export declare const DEFAULT_PORT: number;
/** Build dist-workbench/ with webpack.workbench.js; the build time in ms. */
export declare function build(): Promise<{ ms: number; outDir: string }>;
/** Serve a folder (default dist-workbench/) over HTTP; port 0 picks a free port. */
export declare function serve(options?: { port?: number; host?: string; dir?: string }): Promise<{ server: Server; url: string }>;
