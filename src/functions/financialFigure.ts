/**
 * CREDIT.FINANCIALS's figure argument: a statement figure (CurrentAssets, Equity or NetWorth, …), a
 * ratio (currentRatio, …), PeriodEnd, AltmanZ or AltmanZone, case and spaces ignored.
 * @example readFigureName("Current Assets", "figure") //=> ok({ kind: "figure", field: "currentAssets" })
 */
import { detail, err, invalidInput, ok, type Result } from "../engine/errors";
import { RATIO_NAMES, type RatioName } from "../engine/ratios";
import { readText } from "../engine/values/readText";
import type { Cell } from "./args";
import { FIGURE_BY_LABEL, normalise } from "./scoringAdapters";

/** What CREDIT.FINANCIALS is asked for. */
export type FigureName = { kind: "figure"; field: NonNullable<ReturnType<typeof FIGURE_BY_LABEL.get>> } | { kind: "ratio"; name: RatioName } | { kind: "periodEnd" } | { kind: "altmanZ" } | { kind: "altmanZone" };

const RATIO_BY_LABEL = new Map<string, RatioName>(RATIO_NAMES.map((n) => [normalise(n), n]));

export function readFigureName(value: Cell, field: string): Result<FigureName> {
  const t = readText(value, field);
  if (!t.ok) return t;
  const label = normalise(t.value);
  const figure = FIGURE_BY_LABEL.get(label);
  if (figure !== undefined) return ok({ kind: "figure", field: figure });
  const ratio = RATIO_BY_LABEL.get(label);
  if (ratio !== undefined) return ok({ kind: "ratio", name: ratio });
  if (label === "periodend") return ok({ kind: "periodEnd" });
  if (label === "altmanz" || label === "z'") return ok({ kind: "altmanZ" });
  if (label === "altmanzone" || label === "zone") return ok({ kind: "altmanZone" });
  return err(invalidInput(field, detail("notFigure", { text: t.value })));
}
