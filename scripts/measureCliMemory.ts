/**
 * Reproduce issue 5's and issue 19's figures: peak memory, wall time and invoices per second of
 * `credit-desk review` on an N-invoice workbook (default 100 000). Generates the workbook in a temporary folder (scripts/bigWorkbook.ts), runs
 * the CLI in a child process and prints its peak RSS and wall time: from `/usr/bin/time -v` when
 * that exists, else from the child's own `process.resourceUsage().maxRSS` (a preload reports it
 * on exit). Exits 1 when the run fails or the peak is at or above the limit (default 1024 MB).
 *
 *   node -r ts-node/register/transpile-only scripts/measureCliMemory.ts [invoices] [limitMB] [--pandas]
 *   //=> review of 100000 invoices: peak RSS 838 MB (/usr/bin/time -v; limit 1024 MB), 10.1 s, 9901 rows/s, exit 0
 *
 * `--pandas` also times pandas' `read_excel` (all sheets) reading the same file, with Debian's
 * python3-pandas and python3-openpyxl (skipped with a note when missing), and prints the ratio
 * of the review's time to it (issue 19's target: at most 0.5).
 */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { dayFromCivil } from "../src/engine/dates/dayNumber";
import { writeBigWorkbook } from "./bigWorkbook";

const ROOT = path.resolve(__dirname, "..");
const TIME = "/usr/bin/time";

/** pandas' read_excel of the same file: its time, peak memory and the review's time against it. */
function pandasLine(input: string, reviewSeconds: number): string {
  const python = "/usr/bin/python3";
  const script = "import sys, pandas as pd; pd.read_excel(sys.argv[1], sheet_name=None)";
  const check = spawnSync(python, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
  if (check.status !== 0) return "pandas: skipped (install python3-pandas and python3-openpyxl with apt)";
  const useTime = existsSync(TIME);
  const started = Date.now();
  const run = useTime ? spawnSync(TIME, ["-v", python, "-c", script, input], { encoding: "utf8" }) : spawnSync(python, ["-c", script, input], { encoding: "utf8" });
  const seconds = (Date.now() - started) / 1000;
  const kb = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1]) : NaN;
  const peak = Number.isFinite(kb) ? `${Math.round(kb / 1024)} MB` : "peak not measured";
  return `pandas read_excel (all sheets): ${seconds.toFixed(1)} s, ${peak}, exit ${run.status}; review / pandas time = ${(reviewSeconds / seconds).toFixed(2)}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const withPandas = args.includes("--pandas");
  const [countText = "100000", limitText = "1024"] = args.filter((a) => a !== "--pandas");
  const count = Number(countText);
  const limitMb = Number(limitText);
  const dir = mkdtempSync(path.join(tmpdir(), "credit-desk-memory-"));
  try {
    const input = path.join(dir, "big.xlsx");
    const output = path.join(dir, "out.xlsx");
    const generating = Date.now();
    await writeBigWorkbook(input, count, dayFromCivil(2025, 6, 30));
    const generated = `generated in ${((Date.now() - generating) / 1000).toFixed(1)} s, ${(statSync(input).size / 1e6).toFixed(1)} MB`;
    const report = path.join(dir, "maxrss.txt");
    const preload = path.join(dir, "report-maxrss.js");
    writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
    const cli = [path.join(ROOT, "bin", "credit-desk.js"), "review", input, "--as-of", "2025-06-30", "--out", output];
    const useTime = existsSync(TIME);
    const started = Date.now();
    const run = useTime
      ? spawnSync(TIME, ["-v", process.execPath, "-r", preload, ...cli], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
      : spawnSync(process.execPath, ["-r", preload, ...cli], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const seconds = (Date.now() - started) / 1000;
    const fromTime = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] : undefined;
    const kb = Number(fromTime ?? (existsSync(report) ? readFileSync(report, "utf8") : NaN));
    const peakMb = Math.round(kb / 1024);
    const source = fromTime ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS";
    const rowsPerSecond = Math.round(count / seconds);
    process.stdout.write(`review of ${count} invoices (${generated}): peak RSS ${peakMb} MB (${source}; limit ${limitMb} MB), ${seconds.toFixed(1)} s, ${rowsPerSecond} rows/s, exit ${run.status}\n`);
    if (run.status !== 0) process.stderr.write(run.stderr);
    if (withPandas) process.stdout.write(`${pandasLine(input, seconds)}\n`);
    return run.status === 0 && Number.isFinite(peakMb) && peakMb < limitMb ? 0 : 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  },
);
