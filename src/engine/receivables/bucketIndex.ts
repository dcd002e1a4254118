/**
 * The aging bucket of a number of days (credit-method.md §6). `edges` are the buckets' upper
 * edges, ascending; each bucket holds its upper edge, the last bucket is open-ended.
 * With the default edges [0, 30, 60, 90, 180, 365]: 0 (due today) → 0 "Not due", 1 and 30 → 1
 * "1–30", 31 → 2 "31–60", …, 365 → 5 "181–365", 366 → 6 ">365".
 * @example bucketIndex(31, [0, 30, 60, 90, 180, 365]) //=> 2
 */
export function bucketIndex(daysPastDue: number, edges: number[]): number {
  if (Number.isNaN(daysPastDue)) throw new RangeError("bucketIndex: days past due is NaN");
  for (let i = 0; i < edges.length; i++) if (daysPastDue <= edges[i]) return i;
  return edges.length;
}
