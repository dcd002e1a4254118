/**
 * The Policy sheet layout (信用政策, credit-method.md §1): the policy as flat key/value rows with
 * dotted keys, in the policy's own order. Nested objects become dotted keys
 * (`weights.paymentRecord`, `gradeBands.A`, `gradeTerms.B.termsDays`); lists of numbers become
 * one comma-separated text (`agingEdges` → "0,30,60,90,180,365"); lists of texts, which may
 * themselves hold commas, become one row per entry with a 0-based index (`collectionActions.3`
 * is ladder level 3, where level 0 is "not overdue"). `policyFromRange` reads the rows back.
 * @example policyToRows(DEFAULT_POLICY).find(([k]) => k === "gradeTerms.B.termsDays") //=> ["gradeTerms.B.termsDays", 45]
 */
import type { Policy } from "./Policy";

export type PolicyRow = [string, string | number | boolean];

/** The text form of a list of numbers in a Policy cell. */
export function formatNumberList(values: readonly number[]): string {
  return values.map((v) => String(v)).join(",");
}

function flatten(prefix: string, value: unknown, rows: PolicyRow[]): void {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") {
    rows.push([prefix, value]);
  } else if (Array.isArray(value)) {
    if (value.every((v): v is number => typeof v === "number")) {
      rows.push([prefix, formatNumberList(value)]);
    } else {
      value.forEach((v, i) => flatten(`${prefix}.${i}`, v, rows));
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) flatten(prefix === "" ? key : `${prefix}.${key}`, child, rows);
  }
}

export function policyToRows(p: Policy): PolicyRow[] {
  const rows: PolicyRow[] = [];
  flatten("", p, rows);
  return rows;
}
