/**
 * V8's deoptimisation trace, for the JIT-stability case (bench/cases/jitStability.ts): the child
 * runs with `--trace-deopt --redirect-code-traces --redirect-code-traces-to=<file>` and the file's
 * name in the environment variable below; `countDeopts` counts a slice of that file.
 */

/** The environment variable that names the trace file (set by bench/main.ts). */
export const DEOPT_TRACE_ENV = "BENCH_DEOPT_TRACE";

export interface DeoptCounts {
  /** Bailouts: a function left its optimised code. */
  bailouts: number;
  /** Optimised code marked for deoptimisation (at a collection or a changed assumption). */
  marked: number;
  /**
   * Count per reason of the bailouts ("Insufficient type feedback for …", "wrong map", …). V8
   * prints the reason of a mark ("weak objects", "code dependencies") to stdout, not to the
   * redirected trace, so marks are counted without theirs.
   */
  reasons: Record<string, number>;
  /** Count per function that lost its optimised code ("(anonymous)" for an arrow function). */
  functions: Record<string, number>;
}

export function countDeopts(trace: string): DeoptCounts {
  const reasons: Record<string, number> = {};
  const functions: Record<string, number> = {};
  const add = (table: Record<string, number>, key: string): void => {
    table[key] = (table[key] ?? 0) + 1;
  };
  // V8 writes each record in pieces, which may interleave: match the pieces, not whole lines.
  let bailouts = 0;
  for (const m of trace.matchAll(/\[bailout \(kind: [\w-]+, reason: (.*?)\): begin\. deoptimizing \S+ <JSFunction ([\w$]*)/g)) {
    bailouts++;
    add(reasons, m[1]);
    add(functions, m[2] || "(anonymous)");
  }
  let marked = 0;
  for (const m of trace.matchAll(/\[marking dependent code \S+ <Code \w+> \(\S+ <SharedFunctionInfo ([\w$]*)>/g)) {
    marked++;
    add(functions, m[1] || "(anonymous)");
  }
  return { bailouts, marked, reasons, functions };
}
