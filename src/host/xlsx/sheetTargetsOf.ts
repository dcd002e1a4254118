/**
 * Where each sheet of a writeSheets call goes in a package: the one rule of every adapter
 * (`planWrite`, src/host/planWrite.ts) over the package's sheet names and output markers. An
 * output sheet goes to the sheet marked as that output (SheetSpec.outputId, else its name;
 * whatever the sheet is called now), else to a sheet of its name when none exists, else to the
 * first free name "Summary (2)", "Summary (3)", … (Excel's 31-character limit kept): a sheet the
 * add-in did not mark is never a target. An input sheet (set-up) only ever creates: a taken name
 * is an error. Names compare case-insensitively, as Excel compares sheet names.
 * @example sheetTargetsOf([{ name: "Summary", tables: [] }], ["Customers", "summary"], [])
 *   //=> { ok: true, value: [{ requested: "Summary", written: "Summary (2)", output: "Summary" }] }
 */
import { outputIdOf, planWrite } from "../planWrite";
import type { OutputSheetMark, SheetSpec } from "../WorkbookPort";

export { freeSheetName, MAX_SHEET_NAME } from "../planWrite";

export interface SheetTarget {
  requested: string;
  written: string;
  /** The output name the written sheet is marked with; undefined for an input sheet. */
  output: string | undefined;
}

export function sheetTargetsOf(
  specs: readonly SheetSpec[],
  sheets: readonly string[],
  marks: readonly OutputSheetMark[],
): { ok: true; value: SheetTarget[] } | { ok: false; message: string } {
  const outputOf = new Map(marks.map((m) => [m.sheet.toLowerCase(), m.output]));
  const known = sheets.map((name) => ({ name, output: outputOf.get(name.toLowerCase()), isTemp: false }));
  try {
    const plans = planWrite(specs, known, []);
    return {
      ok: true,
      value: plans.map((p) => ({ requested: p.spec.name, written: p.final, output: p.spec.role === "input" ? undefined : outputIdOf(p.spec) })),
    };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
