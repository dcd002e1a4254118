/**
 * A one-line progress bar on stderr for long runs: drawn only when stderr is a terminal and the
 * workbook is large (more than 10,000 data rows); otherwise every call is a no-op, so pipes, CI
 * logs and tests stay quiet.
 * @example const bar = progressBar(process.stderr, 120_000); bar.update("reading", 0.5); bar.done();
 */

export interface ErrorStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressBar {
  update(stage: string, fraction: number): void;
  done(): void;
}

/** Rows above which a run is worth a progress bar. */
export const PROGRESS_MIN_ROWS = 10_000;
const WIDTH = 30;

export function progressBar(stream: ErrorStream, rows: number): ProgressBar {
  if (stream.isTTY !== true || rows <= PROGRESS_MIN_ROWS) return { update: () => undefined, done: () => undefined };
  let last = "";
  let drawn = false;
  return {
    update(stage, fraction) {
      const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      const filled = Math.round(f * WIDTH);
      const line = `[${"#".repeat(filled)}${".".repeat(WIDTH - filled)}] ${String(Math.round(f * 100)).padStart(3)}% ${stage}`;
      if (line === last) return;
      last = line;
      drawn = true;
      stream.write(`\r${line}\x1b[K`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
