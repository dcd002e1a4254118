/**
 * The policy a scenario supposes: the current policy with the draft's values, each by its
 * Policy-sheet key and read as the Policy sheet reads it (policyFromRange over the current
 * policy), then checked whole. An unknown key or a bad value is an error naming the key; a key
 * given twice is an error.
 * @example draftPolicy(DEFAULT_POLICY, [{ key: "gradeBands.A", value: 70 }]) //=> ok({ ...DEFAULT_POLICY, gradeBands: { A: 70, B: 60, C: 40 } })
 * @example draftPolicy(DEFAULT_POLICY, [{ key: "gradeBand.A", value: 70 }]) //=> err(invalidInput(at("gradeBand.A", { row: 1 }), detail("unknownKey")))
 */
import { detail, err, invalidInput, type Result } from "../errors";
import type { Policy } from "../policy/Policy";
import { policyFromRange } from "../policy/policyFromRange";
import { policyToRows } from "../policy/policyToRows";
import type { ChangedValue, PolicyChange } from "./types";

/** Keys policyFromRange takes for a header row, never policy keys. */
const HEADER_WORDS = new Set(["key", "参数"]);

export function draftPolicy(base: Policy, changes: readonly PolicyChange[]): Result<Policy> {
  if (changes.length === 0) return { ok: true, value: base };
  for (const c of changes) {
    if (typeof c.key !== "string" || HEADER_WORDS.has(c.key.trim().toLowerCase())) return err(invalidInput(String(c.key), detail("unknownKey")));
  }
  const read = policyFromRange(changes.map((c) => [c.key, c.value]), base);
  return read.ok ? { ok: true, value: read.value.policy } : read;
}

const textOf = (v: string | number | boolean): string => String(v);

/**
 * The policy values that differ between two policies, in the Policy sheet's order, both sides as
 * the sheet writes them.
 * @example changedValues(DEFAULT_POLICY, { ...DEFAULT_POLICY, roundingUnit: 500 }) //=> [{ key: "roundingUnit", before: "1000", after: "500" }]
 */
export function changedValues(before: Policy, after: Policy): ChangedValue[] {
  if (before === after) return [];
  const was = new Map(policyToRows(before).map(([k, v]) => [k, textOf(v)]));
  const out: ChangedValue[] = [];
  const seen = new Set<string>();
  for (const [key, value] of policyToRows(after)) {
    seen.add(key);
    const old = was.get(key) ?? "";
    if (old !== textOf(value)) out.push({ key, before: old, after: textOf(value) });
  }
  for (const [key, old] of was) if (!seen.has(key)) out.push({ key, before: old, after: "" });
  return out;
}
