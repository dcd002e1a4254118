import type { SheetSpec } from "./WorkbookPort";

/**
 * Where a writeSheets call puts each sheet (WorkbookPort): one rule for every adapter (Office,
 * .xlsx, memory), decided before anything is written.
 */

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME = 31;

/** The value of an output sheet's marker: its language-independent id (SheetSpec.outputId), else its name. */
export function outputIdOf(spec: SheetSpec): string {
  return spec.outputId ?? spec.name;
}

/** Prefix of the temporary sheets a write builds before it swaps them in. */
export const TEMP_SHEET_PREFIX = "~cd-new-";
/** What a write needs to know of an existing sheet. */
export interface SheetMarks {
  name: string;
  /** The output it is marked for (OUTPUT_MARKER_NAME), if any. */
  output?: string;
  /** Whether it carries the temp marker: a sheet of an unfinished write (a leftover). */
  isTemp: boolean;
}

/** First name not in `taken` (lower case): base, else base (2), base (3)... within 31 characters. */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** First table name not in `taken` (lower case): base, else base_2, base_3... */
export function freeTableName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

/** Where each spec goes: the sheet it replaces (if any), its final name, its tables' final names. */
export interface SheetPlan<S extends SheetMarks = SheetMarks> {
  spec: SheetSpec;
  old?: S;
  /** Position of the replaced sheet among the sheets that stay (leftovers excluded). */
  position?: number;
  final: string;
  temp: string;
  tableNames: Map<string, string>;
}

/**
 * Decide where each sheet goes (WorkbookPort.writeSheets): an output replaces the sheet marked as
 * that output (outputIdOf), whatever it is called now, else takes its name if free, else the first free "Name (n)"; an input sheet is
 * only ever created. A table name held by a table that stays gets a free variant (Name_2).
 */
export function planWrite<S extends SheetMarks>(
  specs: readonly SheetSpec[],
  sheets: readonly S[],
  tables: readonly { name: string; sheet: string }[],
): SheetPlan<S>[] {
  const live = sheets.filter((s) => !s.isTemp);
  const taken = new Set(live.map((s) => s.name.toLowerCase()));
  const replaced = new Set<string>();
  const plans: SheetPlan<S>[] = [];
  const allNames = new Set(sheets.map((s) => s.name.toLowerCase()));
  let tempIndex = 0;
  const nextTemp = (): string => {
    let name = `${TEMP_SHEET_PREFIX}${tempIndex++}`;
    while (allNames.has(name.toLowerCase())) name = `${TEMP_SHEET_PREFIX}${tempIndex++}`;
    allNames.add(name.toLowerCase());
    return name;
  };
  for (const spec of specs) {
    let old: S | undefined;
    let final: string;
    if (spec.role === "input") {
      if (taken.has(spec.name.toLowerCase())) throw new Error(`a sheet named "${spec.name}" already exists; set-up never replaces a sheet`);
      final = spec.name;
    } else {
      const output = outputIdOf(spec).toLowerCase();
      old = live.find((s) => s.output !== undefined && s.output.toLowerCase() === output && !replaced.has(s.name.toLowerCase()));
      final = old ? old.name : freeSheetName(spec.name, taken);
    }
    if (old) replaced.add(old.name.toLowerCase());
    taken.add(final.toLowerCase());
    plans.push({ spec, old, position: old ? live.indexOf(old) : undefined, final, temp: nextTemp(), tableNames: new Map() });
  }
  const tableNames = new Set(
    tables.filter((t) => !replaced.has(t.sheet.toLowerCase()) && live.some((s) => s.name.toLowerCase() === t.sheet.toLowerCase())).map((t) => t.name.toLowerCase()),
  );
  for (const plan of plans) {
    for (const table of plan.spec.tables) {
      const name = freeTableName(table.name, tableNames);
      tableNames.add(name.toLowerCase());
      plan.tableNames.set(table.name, name);
    }
  }
  return plans;
}


/** The spec as written: its final sheet name, its tables' final names, charts following them. */
export function renamedSpec(plan: SheetPlan, plans: readonly SheetPlan[], sheetName: string = plan.temp): SheetSpec {
  const tableName = (name: string): string => {
    for (const p of plans) {
      const mapped = p.tableNames.get(name);
      if (mapped !== undefined) return mapped;
    }
    return name;
  };
  return {
    ...plan.spec,
    name: sheetName,
    tables: plan.spec.tables.map((t) => ({ ...t, name: tableName(t.name) })),
    charts: plan.spec.charts?.map((c) => ({ ...c, table: tableName(c.table) })),
  };
}
