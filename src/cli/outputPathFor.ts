/**
 * Where `review` writes: --in-place → the input itself; --out → that file; otherwise
 * `<input>-reviewed.xlsx` beside the input. Without --in-place the output may never be the input.
 * @example outputPathFor("/data/ledger.xlsx", {}) //=> { ok: true, path: "/data/ledger-reviewed.xlsx" }
 */
import * as path from "path";

export function outputPathFor(input: string, options: { out?: string; inPlace?: boolean }): { ok: true; path: string } | { ok: false; usage: string } {
  if (options.inPlace) return { ok: true, path: input };
  if (options.out !== undefined) {
    if (!/\.xlsx$/i.test(options.out)) return { ok: false, usage: `--out ${options.out}: the output must be an .xlsx file` };
    if (path.resolve(options.out) === path.resolve(input)) return { ok: false, usage: "--out names the input workbook: use --in-place to write into it" };
    return { ok: true, path: options.out };
  }
  const parsed = path.parse(input);
  const base = /\.xlsx$/i.test(parsed.base) ? parsed.name : parsed.base;
  return { ok: true, path: path.join(parsed.dir, `${base}-reviewed.xlsx`) };
}
