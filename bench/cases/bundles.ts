/**
 * Section 6: the production bundles as the add-in ships them (the project's own webpack config,
 * `webpack --mode production`), built into bench/work/dist so that a developer's dist/ is left
 * alone; raw and gzip (level 9, as static hosts serve them) sizes of the functions bundle and of
 * the task-pane bundle. Bundles are emitted even when another entry fails to build, so that each
 * bundle that did build is measured (the report then shows the build errors too).
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { performance } from "node:perf_hooks";

export interface BundleFigure {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface BundlesResult {
  buildMs: number;
  ok: boolean;
  /** The build's last output lines when it failed. */
  log?: string;
  bundles: BundleFigure[];
}

export interface BundlesArgs {
  /** Repository root (the folder of webpack.config.js). */
  root?: string;
}

/** The ERROR blocks of webpack's output (each error line and the few lines after it), else its tail. */
function errorLines(output: string): string {
  const lines = output.split("\n");
  const picked: string[] = [];
  lines.forEach((line, i) => {
    if (/^ERROR\b/.test(line.trim())) picked.push(...lines.slice(i, i + 4), "");
  });
  return (picked.length > 0 ? picked : lines.slice(-20)).join("\n").trim();
}

export async function bundles(args: BundlesArgs): Promise<BundlesResult> {
  const root = args.root ?? resolve(__dirname, "../..");
  const outDir = join(root, "bench", "work", "dist");
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  const start = performance.now();
  const build = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", outDir, "--optimization-emit-on-errors"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const buildMs = performance.now() - start;
  const figures: BundleFigure[] = [];
  for (const file of ["functions.js", "taskpane.js"]) {
    const path = join(outDir, file);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    figures.push({ file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length });
  }
  const ok = build.status === 0 && figures.length === 2;
  const result: BundlesResult = { buildMs, ok, bundles: figures };
  if (!ok) result.log = errorLines(`${build.stdout ?? ""}\n${build.stderr ?? ""}`);
  return result;
}
