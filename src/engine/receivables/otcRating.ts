/**
 * Order-to-cash efficiency rating from the overdue ratio in PERCENT (credit-method.md §6, method):
 * ≤ 5 → 1 world class (世界一流); (5, 15] → 2 efficient but not optimal; (15, 30] → 3 serious
 * problems, reform needed; > 30 → 4 near collapse. The edges are the policy's `otcEdges`
 * (inclusive upper edges); a policy with more than three edges still rates 1..4 (beyond the third edge is 4).
 * The percent is compared after rounding to 9 decimals, so a ratio computed as 0.15 × 100
 * (15.000000000000002 in floating point) is still "≤ 15".
 * @example otcRating(5, DEFAULT_POLICY) //=> { level: 1, en: "World class", zh: "世界一流" }
 * @example otcRating(15.01, DEFAULT_POLICY).level //=> 3
 */
import type { Policy } from "../policy/Policy";
import { bucketIndex } from "./bucketIndex";

export interface OtcRating {
  level: 1 | 2 | 3 | 4;
  en: string;
  zh: string;
}

const RATINGS: readonly OtcRating[] = [
  { level: 1, en: "World class", zh: "世界一流" },
  { level: 2, en: "Efficient but not optimal", zh: "高效但未达最优" },
  { level: 3, en: "Serious problems, reform needed", zh: "问题严重，需要改革" },
  { level: 4, en: "Near collapse", zh: "濒临崩溃" },
];

export function otcRating(overdueRatioPercent: number, policy: Pick<Policy, "otcEdges">): OtcRating {
  const percent = Math.round(overdueRatioPercent * 1e9) / 1e9;
  const index = Math.min(bucketIndex(percent, policy.otcEdges), RATINGS.length - 1);
  return { ...RATINGS[index] };
}
