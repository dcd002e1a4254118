import { at, detail, err, ok, outOfRange, type Result } from "../errors";
import { sortedOrder } from "./auc";
import { checkScoresAndLabels } from "./checkScoresAndLabels";

/** One group of a calibration table. */
export interface CalibrationRow {
  /** 1 = lowest predicted PD. */
  readonly group: number;
  readonly count: number;
  readonly bads: number;
  readonly minPd: number;
  readonly maxPd: number;
  /** Mean predicted PD in the group. */
  readonly predicted: number;
  /** Observed default rate in the group (bads / count). */
  readonly observed: number;
}

/**
 * Calibration table (credit-method.md §10): the rows ordered by predicted PD and cut into `groups`
 * groups of equal size (deciles by default; sizes differ by at most one), each with its mean
 * predicted PD against its observed default rate. A well-calibrated model has the two close in
 * every group; a discriminating one has the observed rate rising from group to group.
 * @example calibrationTable([0.1, 0.2, 0.3, 0.4], [0, 0, 1, 1], 2)
 *   //=> ok([{ group: 1, count: 2, bads: 0, predicted: 0.15, observed: 0, … }, { group: 2, count: 2, bads: 2, predicted: 0.35, observed: 1, … }])
 */
export function calibrationTable(pd: readonly number[], isBad: readonly number[], groups = 10): Result<CalibrationRow[]> {
  if (!(Number.isInteger(groups) && groups >= 1)) return err(outOfRange("groups", detail("wholeMinimum", { min: 1 })));
  const checked = checkScoresAndLabels(pd, isBad, "pd");
  if (!checked.ok) return checked;
  for (let i = 0; i < pd.length; i++) if (pd[i] < 0 || pd[i] > 1) return err(outOfRange(at("pd", { item: i + 1 }), detail("range", { min: 0, max: 1 })));
  if (pd.length < groups) return err(outOfRange("groups", detail("moreThanRows", { count: pd.length })));
  const order = sortedOrder(pd);
  const rows: CalibrationRow[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * order.length) / groups);
    const to = Math.floor(((g + 1) * order.length) / groups);
    let sum = 0;
    let bads = 0;
    for (let r = from; r < to; r++) {
      sum += pd[order[r]];
      bads += isBad[order[r]];
    }
    const count = to - from;
    rows.push({ group: g + 1, count, bads, minPd: pd[order[from]], maxPd: pd[order[to - 1]], predicted: sum / count, observed: bads / count });
  }
  return ok(rows);
}
