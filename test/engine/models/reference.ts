/**
 * Plain brute-force references for the model measures, written independently of the engine:
 * AUC over every (bad, good) pair, KS at every threshold on the distinct scores.
 */
export function bruteForceAuc(scores: readonly number[], isBad: readonly number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (isBad[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (isBad[j] !== 0) continue;
      pairs++;
      if (scores[i] > scores[j]) wins += 1;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

export function bruteForceKs(scores: readonly number[], isBad: readonly number[]): number {
  const thresholds = [...new Set(scores)];
  const bads = isBad.filter((y) => y === 1).length;
  const goods = isBad.length - bads;
  let best = 0;
  for (const t of thresholds) {
    let b = 0;
    let g = 0;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] <= t) {
        if (isBad[i] === 1) b++;
        else g++;
      }
    }
    best = Math.max(best, Math.abs(g / goods - b / bads));
  }
  return best;
}
