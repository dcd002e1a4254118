/**
 * The collections ladder (逾期账款分类处理, credit-method.md §6): the level and action for an
 * overdue item from its days past due, with the policy's `collectionEdges` (inclusive upper edges,
 * default [0, 15, 30, 60, 90, 180]) and `collectionActions` (one per level, level 0 = not overdue).
 * - Not overdue (days ≤ first edge) → level 0.
 * - Overdue amount strictly above `largeAmountThreshold` → one level earlier in the ladder, i.e.
 *   the next harsher level (capped at the last).
 * - Disputed → action "Resolve dispute (解决争议)" instead of dunning; the level is still the
 *   ladder's (so a disputed item keeps its severity for sorting and warnings).
 * @example collectionAction({ daysPastDue: 20, overdueAmount: 500, isDisputed: false }, DEFAULT_POLICY)
 *   //=> { level: 2, action: "Phone call by account owner (电话催收)" }
 * @example collectionAction({ daysPastDue: 20, overdueAmount: 200000, isDisputed: false }, DEFAULT_POLICY).level //=> 3
 */
import type { Policy } from "../policy/Policy";
import { bucketIndex } from "./bucketIndex";

export const RESOLVE_DISPUTE_ACTION = "Resolve dispute (解决争议)";

export interface CollectionInput {
  daysPastDue: number;
  overdueAmount: number;
  isDisputed: boolean;
}

export interface CollectionStep {
  level: number;
  action: string;
}

export function collectionAction(
  input: CollectionInput,
  policy: Pick<Policy, "collectionEdges" | "collectionActions" | "largeAmountThreshold">,
): CollectionStep {
  const top = policy.collectionEdges.length;
  let level = bucketIndex(input.daysPastDue, policy.collectionEdges);
  if (level > 0 && input.overdueAmount > policy.largeAmountThreshold) level = Math.min(level + 1, top);
  const action = input.isDisputed ? RESOLVE_DISPUTE_ACTION : policy.collectionActions[level] ?? `Collections level ${level}`;
  return { level, action };
}
