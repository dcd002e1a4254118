/**
 * Issue 19's "CLI by size" section: the command-line review of generated workbooks of each size
 * (scripts/bigWorkbook.ts), in a child process each, with its peak RSS, wall time and rows per
 * second, and pandas' `read_excel` reading the same file (Debian's python3-pandas and
 * python3-openpyxl; skipped with a note when missing). Targets: at 1,000,000 invoices peak RSS
 * ≤ 1.5 GB and review time ≤ 0.5× pandas' read time; memory grows with the ledger, linearly.
 */
import { measureCliReview, type CliMeasure } from "../../scripts/measureCliMemory";

export interface CliBySizeArgs {
  /** Invoice counts, e.g. [100000, 300000, 1000000]. */
  sizes: number[];
  /** Also time pandas' read_excel on each file. */
  pandas: boolean;
}

export interface CliBySizeRow extends Omit<CliMeasure, "stderr"> {
  /** Review time over pandas' read time (target ≤ 0.5), when pandas ran; and the same for CPU seconds (steadier on a loaded machine). */
  timeVsPandas?: number;
  cpuVsPandas?: number;
  /** Peak MB per 100,000 invoices (memory must grow linearly with the ledger). */
  peakMBPer100k: number;
  error?: string;
}

export interface CliBySizeResult {
  rows: CliBySizeRow[];
  targets: { peakMBAt1M: number; timeVsPandasAt1M: number };
}

export async function cliBySize(args: CliBySizeArgs): Promise<CliBySizeResult> {
  const rows: CliBySizeRow[] = [];
  for (const size of args.sizes) {
    const { stderr, ...m } = await measureCliReview(size, { pandas: args.pandas });
    const pandas = m.pandas && !("skipped" in m.pandas) && m.pandas.exit === 0 ? m.pandas : undefined;
    const pandasSeconds = pandas?.seconds;
    const cpuVsPandas = pandas?.cpuSeconds !== undefined && m.cpuSeconds !== undefined ? m.cpuSeconds / pandas.cpuSeconds : undefined;
    rows.push({
      ...m,
      peakMBPer100k: Math.round((m.peakMB / size) * 100_000),
      ...(pandasSeconds !== undefined ? { timeVsPandas: m.seconds / pandasSeconds } : {}),
      ...(cpuVsPandas !== undefined ? { cpuVsPandas } : {}),
      ...(m.exit !== 0 ? { error: stderr.slice(-2000) } : {}),
    });
  }
  return { rows, targets: { peakMBAt1M: 1536, timeVsPandasAt1M: 0.5 } };
}
