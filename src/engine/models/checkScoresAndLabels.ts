import { at, detail, err, invalidInput, ok, type Result } from "../errors";

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
    return err(invalidInput(labelsField, detail("itemsMismatch", { count: isBad.length, other: scoresField, otherCount: scores.length })));
  }
  let bads = 0;
  for (let i = 0; i < scores.length; i++) {
    if (!Number.isFinite(scores[i])) return err(invalidInput(at(scoresField, { item: i + 1 }), detail("notFinite")));
    const y = isBad[i];
    if (y !== 0 && y !== 1) return err(invalidInput(at(labelsField, { item: i + 1 }), detail("badOrGood")));
    bads += y;
  }
  const goods = scores.length - bads;
  if (bads === 0) return err(invalidInput(labelsField, detail("noBads")));
  if (goods === 0) return err(invalidInput(labelsField, detail("noGoods")));
  return ok({ goods, bads });
}
