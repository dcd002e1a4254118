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
const PYTHON = "/usr/bin/python3";
const TIME = "/usr/bin/time";

/** One run of the CLI review on a generated workbook (and, when asked, pandas reading the same file). */
export interface CliMeasure {
  invoices: number;
  generateSeconds: number;
  fileMB: number;
  /** Peak RSS of the review process, and where the figure comes from. */
  peakMB: number;
  peakSource: string;
  seconds: number;
  /** User + system CPU seconds of the review (from /usr/bin/time -v): comparable on a loaded machine where wall time is not. */
  cpuSeconds: number | undefined;
  rowsPerSecond: number;
  exit: number | null;
  stderr: string;
  /** pandas' read_excel (all sheets) on the same file; a note when it is missing. */
  pandas?: { seconds: number; cpuSeconds: number | undefined; peakMB: number | undefined; exit: number | null } | { skipped: string };
}

/** User + system CPU seconds from /usr/bin/time -v's report. */
function cpuSecondsOf(stderr: string): number | undefined {
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined;
}

function peakKbOf(stderr: string): number | undefined {
  const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1]);
  return Number.isFinite(kb) ? kb : undefined;
}

/** pandas' read_excel of a file: time and peak memory (skipped with a note when pandas or openpyxl is missing). */
function pandasRead(input: string): NonNullable<CliMeasure["pandas"]> {
  const script = "import sys, pandas as pd; pd.read_excel(sys.argv[1], sheet_name=None)";
  const check = spawnSync(PYTHON, ["-c", "import pandas, openpyxl"], { encoding: "utf8" });
  if (check.status !== 0) return { skipped: "install python3-pandas and python3-openpyxl with apt" };
  const useTime = existsSync(TIME);
  const started = Date.now();
  const run = useTime ? spawnSync(TIME, ["-v", PYTHON, "-c", script, input], { encoding: "utf8" }) : spawnSync(PYTHON, ["-c", script, input], { encoding: "utf8" });
  const seconds = (Date.now() - started) / 1000;
  const kb = useTime ? peakKbOf(run.stderr) : undefined;
  return { seconds, cpuSeconds: useTime ? cpuSecondsOf(run.stderr) : undefined, peakMB: kb === undefined ? undefined : Math.round(kb / 1024), exit: run.status };
}

/** Generate an N-invoice workbook, review it with the CLI in a child process, measure (see the file comment). */
export async function measureCliReview(count: number, options: { pandas?: boolean } = {}): Promise<CliMeasure> {
  const dir = mkdtempSync(path.join(tmpdir(), "credit-desk-memory-"));
  try {
    const input = path.join(dir, "big.xlsx");
    const output = path.join(dir, "out.xlsx");
    const generating = Date.now();
    await writeBigWorkbook(input, count, dayFromCivil(2025, 6, 30));
    const generateSeconds = (Date.now() - generating) / 1000;
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
    const fromTime = useTime ? peakKbOf(run.stderr) : undefined;
    const kb = fromTime ?? Number(existsSync(report) ? readFileSync(report, "utf8") : NaN);
    return {
      invoices: count,
      generateSeconds,
      fileMB: statSync(input).size / 1e6,
      peakMB: Math.round(kb / 1024),
      peakSource: fromTime !== undefined ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS",
      seconds,
      cpuSeconds: useTime ? cpuSecondsOf(run.stderr) : undefined,
      rowsPerSecond: Math.round(count / seconds),
      exit: run.status,
      stderr: run.status === 0 ? "" : run.stderr,
      ...(options.pandas ? { pandas: pandasRead(input) } : {}),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const withPandas = args.includes("--pandas");
  const [countText = "100000", limitText = "1024"] = args.filter((a) => a !== "--pandas");
  const count = Number(countText);
  const limitMb = Number(limitText);
  const m = await measureCliReview(count, { pandas: withPandas });
  process.stdout.write(
    `review of ${count} invoices (generated in ${m.generateSeconds.toFixed(1)} s, ${m.fileMB.toFixed(1)} MB): peak RSS ${m.peakMB} MB (${m.peakSource}; limit ${limitMb} MB), ${m.seconds.toFixed(1)} s (${m.cpuSeconds?.toFixed(1) ?? "?"} s CPU), ${m.rowsPerSecond} rows/s, exit ${m.exit}\n`,
  );
  if (m.exit !== 0) process.stderr.write(m.stderr);
  if (m.pandas) {
    process.stdout.write(
      "skipped" in m.pandas
        ? `pandas: skipped (${m.pandas.skipped})\n`
        : `pandas read_excel (all sheets): ${m.pandas.seconds.toFixed(1)} s (${m.pandas.cpuSeconds?.toFixed(1) ?? "?"} s CPU), ${m.pandas.peakMB ?? "?"} MB, exit ${m.pandas.exit}; review / pandas time = ${(m.seconds / m.pandas.seconds).toFixed(2)}` +
            (m.cpuSeconds !== undefined && m.pandas.cpuSeconds !== undefined ? `, CPU time = ${(m.cpuSeconds / m.pandas.cpuSeconds).toFixed(2)}` : "") +
            "\n",
    );
  }
  return m.exit === 0 && Number.isFinite(m.peakMB) && m.peakMB < limitMb ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
