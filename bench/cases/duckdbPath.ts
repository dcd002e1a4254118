/**
 * Issue 19 §3's target: a ledger past Excel. DuckDB's SQL generates a Parquet ledger of N
 * invoices over N/100 customers (deterministic: every figure a hash of the row number and the
 * seed) and a customers CSV; `credit-desk review --customers … --ledger …` reviews them in a
 * child process under /usr/bin/time -v (wall, CPU and peak RSS); then every customer's aging in
 * the review workbook written (its Aging table) is compared, to the cent, with DuckDB's own SQL
 * pivot over the same file (open amount = amount − paid, the buckets of the default Policy's
 * aging edges, as bench/peers/duckdbPeer.ts), summed in DECIMAL so that the pivot is exact.
 * Targets at 10,000,000 invoices: under 60 s and 4 GB, 0 customers differing.
 *
 *   node --expose-gc bench/child.js duckdbPath '{"invoices":1000000}' out.json
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { performance } from "node:perf_hooks";
import { unzipSync } from "fflate";
import { dayFromCivil, toIsoDate } from "../../src/engine/dates/dayNumber";
import { DEFAULT_POLICY } from "../../src/engine/policy/defaultPolicy";
import { DuckDbFiles, sqlString } from "../../src/host/duckdb/duckDbFiles";
import { median } from "../lib/measure";

const ROOT = path.resolve(__dirname, "..", "..");
const TIME = "/usr/bin/time";
const AS_OF = dayFromCivil(2025, 6, 30);

export interface DuckdbPathArgs {
  invoices: number;
  /** Default: invoices / 100. */
  customers?: number;
  seed?: number;
  /** Runs of DuckDB's pivot (its median is the peer time). */
  pivotRuns?: number;
  /** Keep the generated files (for a profile), in this folder. */
  keepIn?: string;
}

export interface DuckdbPathResult {
  invoices: number;
  customers: number;
  duckdbVersion: string;
  generateSeconds: number;
  parquetMB: number;
  review: { seconds: number; cpuSeconds: number | undefined; peakMB: number | undefined; peakSource: string; exit: number | null; rowsPerSecond: number; outputMB: number };
  /** DuckDB's aging pivot over the same file: median wall ms of `pivotRuns`. */
  pivotMs: number;
  /** Review wall time over the pivot's (the pivot reads the file and aggregates; the review validates, reviews every customer and writes a workbook). */
  reviewVsPivot: number;
  comparison: { customers: number; differing: number; firstDifferences: string[]; totalOpenCents: number; error?: string };
  /** The CLI's stages (CREDIT_DESK_DEBUG lines): wall and CPU seconds, RSS after each. */
  stages: { stage: string; wallSeconds: number; cpuSeconds: number; rssMB: number }[];
  targets: { seconds: number; peakMB: number; met: boolean };
  error?: string;
}

/** A row's deterministic pseudo-random integer in [0, m): DuckDB's hash of the row number, a salt and the seed. */
const h = (salt: number, seed: number, m: number): string => `(hash(i, ${salt}, ${seed}) % ${m})::INTEGER`;

/** The ledger: 70 % settled in full (some after the as-of date), 10 % part paid, 20 % open; dates over two years before the as-of date. */
function ledgerSql(invoices: number, customers: number, seed: number, file: string): string {
  const asOf = `DATE '${toIsoDate(AS_OF)}'`;
  return `COPY (
    WITH base AS (
      SELECT i,
        'C' || lpad((${h(1, seed, customers)} + 1)::VARCHAR, 6, '0') AS CustomerId,
        ${asOf} - ${h(2, seed, 730)} AS InvoiceDate,
        [30, 45, 60, 90][${h(3, seed, 4)} + 1] AS terms,
        round(10 + ${h(4, seed, 5_000_000)} / 100.0, 2) AS Amount,
        ${h(5, seed, 100)} AS kind,
        ${h(6, seed, 120)} - 20 AS delay
      FROM range(${invoices}) t(i)
    )
    SELECT 'INV' || lpad(i::VARCHAR, 9, '0') AS InvoiceId, CustomerId, InvoiceDate, InvoiceDate + terms AS DueDate, Amount,
      CASE WHEN kind < 70 THEN Amount WHEN kind < 80 THEN round(Amount * 0.4, 2) END AS PaidAmount,
      CASE WHEN kind < 70 THEN InvoiceDate + terms + delay END AS SettledDate
    FROM base ORDER BY i
  ) TO ${sqlString(file)} (FORMAT parquet)`;
}

function customersSql(customers: number, seed: number, file: string): string {
  return `COPY (
    SELECT 'C' || lpad((i + 1)::VARCHAR, 6, '0') AS CustomerId, 'Customer ' || (i + 1) AS Name,
      (${h(7, seed, 200)} + 1) * 5000 AS CurrentLimit, [30, 45, 60, 90][${h(8, seed, 4)} + 1] AS PaymentTermsDays
    FROM range(${customers}) t(i)
  ) TO ${sqlString(file)} (FORMAT csv, HEADER)`;
}

/** DuckDB's aging pivot in cents per customer: the review's rule for open items (engine/receivables/openRowsAt) in SQL. */
function pivotSql(file: string, edges: readonly number[]): string {
  const asOf = `DATE '${toIsoDate(AS_OF)}'`;
  const arms: string[] = [];
  let lower: number | undefined;
  for (const edge of edges) {
    arms.push(`SUM(CASE WHEN ${lower === undefined ? "" : `dpd > ${lower} AND `}dpd <= ${edge} THEN open ELSE 0 END)`);
    lower = edge;
  }
  arms.push(`SUM(CASE WHEN dpd > ${lower} THEN open ELSE 0 END)`);
  return `
    WITH open_items AS (
      SELECT CustomerId, ${asOf} - DueDate AS dpd,
        CASE WHEN SettledDate IS NOT NULL THEN CAST(Amount AS DECIMAL(18,2)) ELSE CAST(Amount AS DECIMAL(18,2)) - COALESCE(CAST(PaidAmount AS DECIMAL(18,2)), 0) END AS open
      FROM read_parquet(${sqlString(file)})
      WHERE InvoiceDate <= ${asOf} AND (SettledDate IS NULL OR SettledDate > ${asOf})
    )
    SELECT CustomerId, ${arms.map((a) => `CAST(${a} * 100 AS BIGINT)`).join(", ")} FROM open_items GROUP BY CustomerId`;
}

const cpuSecondsOf = (stderr: string): number | undefined => {
  const user = Number(/User time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  const system = Number(/System time \(seconds\): ([\d.]+)/.exec(stderr)?.[1]);
  return Number.isFinite(user) && Number.isFinite(system) ? user + system : undefined;
};

const text = (bytes: Uint8Array | undefined): string => (bytes === undefined ? "" : Buffer.from(bytes).toString("utf8"));

/**
 * The review's aging per customer in cents, from the Aging sheet of the workbook it wrote. Only
 * that sheet's part is inflated (a 10M-invoice review workbook is past the 1,000 MB the adapter's
 * reader inflates: its Collections sheet alone is ~750 MB of XML), and its rows are read from
 * the XML the writer renders (renderSheetXml: inline strings, numbers in <v>).
 */
function reviewAging(output: string, buckets: number): Map<string, number[]> {
  const bytes = readFileSync(output);
  const meta = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" || f.name === "xl/_rels/workbook.xml.rels" });
  const sheetId = /<sheet [^>]*name="Aging"[^>]*r:id="([^"]+)"/.exec(text(meta["xl/workbook.xml"]))?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${sheetId}"[^>]*Target="([^"]+)"`).exec(text(meta["xl/_rels/workbook.xml.rels"]))?.[1]
    ?? new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${sheetId}"`).exec(text(meta["xl/_rels/workbook.xml.rels"]))?.[1];
  if (sheetId === undefined || target === undefined) throw new Error("no Aging sheet in the review workbook");
  const part = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
  const xml = text(unzipSync(bytes, { filter: (f) => f.name === part })[part]);
  const aging = new Map<string, number[]>();
  for (const row of xml.matchAll(/<row [^>]*>(.*?)<\/row>/gs)) {
    const cells = new Map<string, string>();
    for (const cell of row[1]!.matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
      const inner = cell[2] ?? "";
      cells.set(cell[1]!, /<t[^>]*>(.*?)<\/t>/s.exec(inner)?.[1] ?? /<v>(.*?)<\/v>/s.exec(inner)?.[1] ?? "");
    }
    const id = cells.get("A");
    const money = Array.from({ length: buckets }, (_, k) => cells.get(String.fromCharCode(67 + k)));
    // Data rows: an id, a name and numbers in the bucket columns (not the title, stamp, header or totals rows).
    if (id === undefined || !cells.get("B") || money.some((v) => v !== undefined && v !== "" && !/^-?[\d.E+-]+$/.test(v))) continue;
    if (money.every((v) => v === undefined)) continue;
    aging.set(id, money.map((v) => Math.round(Number(v ?? 0) * 100)));
  }
  return aging;
}

/** Writes the generated ledger (receivables.parquet) and customers (customers.csv) into `dir` (also for a profile by hand). */
export async function writeLedgerFiles(duck: DuckDbFiles, dir: string, invoices: number, customers: number, seed: number): Promise<{ ledger: string; customers: string }> {
  const ledger = path.join(dir, "receivables.parquet");
  const customersFile = path.join(dir, "customers.csv");
  await duck.run(ledgerSql(invoices, customers, seed, ledger));
  await duck.run(customersSql(customers, seed, customersFile));
  return { ledger, customers: customersFile };
}

export async function duckdbPath(args: DuckdbPathArgs): Promise<DuckdbPathResult> {
  const invoices = args.invoices;
  const customers = args.customers ?? Math.max(1, Math.round(invoices / 100));
  const seed = args.seed ?? 19;
  const dir = args.keepIn ?? mkdtempSync(path.join(tmpdir(), "credit-desk-duckdb-path-"));
  const opened = await DuckDbFiles.open();
  if (!opened.ok) throw new Error(`@duckdb/node-api cannot load: ${opened.detail}`);
  const duck = opened.files;
  try {
    const output = path.join(dir, "review.xlsx");
    const generating = performance.now();
    const { ledger, customers: customersFile } = await writeLedgerFiles(duck, dir, invoices, customers, seed);
    const generateSeconds = (performance.now() - generating) / 1000;

    const report = path.join(dir, "maxrss.txt");
    const preload = path.join(dir, "report-maxrss.js");
    writeFileSync(preload, `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, String(process.resourceUsage().maxRSS)));\n`);
    const cli = [path.join(ROOT, "bin", "credit-desk.js"), "review", "--customers", customersFile, "--ledger", ledger, "--as-of", toIsoDate(AS_OF), "--out", output, "--force"];
    const useTime = existsSync(TIME);
    const started = performance.now();
    const run = useTime
      ? spawnSync(TIME, ["-v", process.execPath, "-r", preload, ...cli], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CREDIT_DESK_DEBUG: "1" } })
      : spawnSync(process.execPath, ["-r", preload, ...cli], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CREDIT_DESK_DEBUG: "1" } });
    const seconds = (performance.now() - started) / 1000;
    const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? (existsSync(report) ? readFileSync(report, "utf8") : NaN));
    const peakMB = Number.isFinite(peakKb) ? Math.round(peakKb / 1024) : undefined;
    const review = {
      seconds, cpuSeconds: useTime ? cpuSecondsOf(run.stderr) : undefined, peakMB, peakSource: useTime ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS",
      exit: run.status, rowsPerSecond: Math.round(invoices / seconds), outputMB: existsSync(output) ? statSync(output).size / 1e6 : 0,
    };

    const edges = DEFAULT_POLICY.agingEdges;
    const pivotTimes: number[] = [];
    let pivot: unknown[][] = [];
    for (let r = 0; r < (args.pivotRuns ?? 3); r++) {
      const t0 = performance.now();
      pivot = await duck.query(pivotSql(ledger, edges));
      pivotTimes.push(performance.now() - t0);
    }
    const pivotMs = median(pivotTimes);

    const comparison: DuckdbPathResult["comparison"] = { customers: 0, differing: 0, firstDifferences: [], totalOpenCents: 0 };
    if (run.status === 0) {
      let aging: Map<string, number[]>;
      try {
        aging = reviewAging(output, edges.length + 1);
      } catch (e) {
        comparison.error = e instanceof Error ? e.message : String(e);
        aging = new Map();
      }
      const expected = new Map(pivot.map((row) => [String(row[0]), row.slice(1).map((v) => Number(v))]));
      for (const id of new Set([...aging.keys(), ...expected.keys()])) {
        const got = aging.get(id) ?? [];
        const want = expected.get(id) ?? [];
        comparison.customers++;
        comparison.totalOpenCents += want.reduce((a, b) => a + b, 0);
        const same = Array.from({ length: edges.length + 1 }, (_, k) => (got[k] ?? 0) === (want[k] ?? 0)).every(Boolean);
        if (!same) {
          comparison.differing++;
          if (comparison.firstDifferences.length < 5) comparison.firstDifferences.push(`${id}: review ${JSON.stringify(got)} vs DuckDB ${JSON.stringify(want)}`);
        }
      }
    }
    const targets = { seconds: 60, peakMB: 4096, met: run.status === 0 && seconds < 60 && peakMB !== undefined && peakMB < 4096 && comparison.differing === 0 && comparison.error === undefined };
    const stages = [...run.stderr.matchAll(/debug: stage (\S+) wall ([\d.]+) s cpu ([\d.]+) s rss (\d+) MB/g)].map((m) => ({ stage: m[1]!, wallSeconds: Number(m[2]), cpuSeconds: Number(m[3]), rssMB: Number(m[4]) }));
    return {
      invoices, customers, duckdbVersion: duck.version, generateSeconds, parquetMB: statSync(ledger).size / 1e6,
      review, stages, pivotMs, reviewVsPivot: (seconds * 1000) / pivotMs, comparison, targets,
      ...(run.status !== 0 ? { error: run.stderr.slice(-3000) } : {}),
    };
  } finally {
    duck.close();
    if (args.keepIn === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
