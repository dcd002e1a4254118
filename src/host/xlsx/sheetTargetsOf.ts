/**
 * Where each sheet of a writeSheets call goes (WorkbookPort SheetSpec.name), decided before
 * anything is written. An output sheet goes to the sheet marked as that output (SheetSpec.outputId,
 * else its name; whatever the sheet is
 * called now), else to a sheet of its name when none exists, else to the first free name
 * "Summary (2)", "Summary (3)", … (Excel's 31-character limit kept): a sheet the add-in did not
 * mark is never a target. An input sheet (set-up) only ever creates: a taken name is an error.
 * Names compare case-insensitively, as Excel compares sheet names.
 * @example sheetTargetsOf([{ name: "Summary", tables: [] }], ["Customers", "summary"], [])
 *   //=> { ok: true, value: [{ requested: "Summary", written: "Summary (2)", output: "Summary" }] }
 */
import type { OutputSheetMark, SheetSpec } from "../WorkbookPort";

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

export interface SheetTarget {
  requested: string;
  written: string;
  /** The output name the written sheet is marked with; undefined for an input sheet. */
  output: string | undefined;
}

/** The first "Name (n)" (n ≥ 2) not in `taken` (lower-case names), shortened to fit 31 characters. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

export function sheetTargetsOf(
  specs: readonly SheetSpec[],
  sheets: readonly string[],
  marks: readonly OutputSheetMark[],
): { ok: true; value: SheetTarget[] } | { ok: false; message: string } {
  const taken = new Set(sheets.map((s) => s.toLowerCase()));
  const claimed = new Set<string>();
  const targets: SheetTarget[] = [];
  for (const spec of specs) {
    const wanted = spec.name.toLowerCase();
    if (spec.role === "input") {
      if (taken.has(wanted)) return { ok: false, message: `a sheet named "${spec.name}" already exists; set-up never replaces a sheet` };
      taken.add(wanted);
      targets.push({ requested: spec.name, written: spec.name, output: undefined });
      continue;
    }
    const output = spec.outputId ?? spec.name;
    const mark = marks.find((m) => m.output.toLowerCase() === output.toLowerCase() && taken.has(m.sheet.toLowerCase()) && !claimed.has(m.sheet.toLowerCase()));
    const written = mark ? mark.sheet : taken.has(wanted) ? freeSheetName(spec.name, taken) : spec.name;
    taken.add(written.toLowerCase());
    claimed.add(written.toLowerCase());
    targets.push({ requested: spec.name, written, output });
  }
  return { ok: true, value: targets };
}
