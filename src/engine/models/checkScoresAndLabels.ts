import { err, invalidInput, ok, type Result } from "../errors";

/**
 * Checks a score column and its default flags (1 = bad/default, 0 = good) before a model
 * measure: same length, finite scores, flags 0 or 1, at least one good and one bad.
 * The error names the argument and the 1-based item.
 */
export function checkScoresAndLabels(
  scores: readonly number[],
  isBad: readonly number[],
  scoresField = "scores",
  labelsField = "isBad",
): Result<{ goods: number; bads: number }> {
  if (scores.length !== isBad.length) {
    return err(invalidInput(labelsField, `has ${isBad.length} items but ${scoresField} has ${scores.length}`));
  }
  let bads = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) return err(invalidInput(`${scoresField} item ${i + 1}`, "not a finite number"));
    const y = isBad[i];
    if (y !== 0 && y !== 1) return err(invalidInput(`${labelsField} item ${i + 1}`, "must be 1 (bad) or 0 (good)"));
    bads += y;
  }
  const goods = scores.length - bads;
  if (bads === 0) return err(invalidInput(labelsField, "has no bad (1) item: the measure needs goods and bads"));
  if (goods === 0) return err(invalidInput(labelsField, "has no good (0) item: the measure needs goods and bads"));
  return ok({ goods, bads });
}
