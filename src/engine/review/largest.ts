/**
 * The first `count` items in the order of `compare`, as `[...items].sort(compare).slice(0, count)`
 * gives them (ties keep the items' order), by insertion into a short list: O(n × count) with no
 * copy or sort of all the items. The review wants the ten largest exposures of up to 10k
 * customers, where sorting all of them with a comparator cost more than the rest of that step
 * (issue 6).
 * @example largest([5, 9, 1, 7], 2, (a, b) => b - a) //=> [9, 7]
 */
export function largest<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const top: T[] = [];
  if (count <= 0) return top;
  for (const item of items) {
    if (top.length === count && compare(item, top[count - 1]) >= 0) continue;
    // Room at the end (or the last one drops out), then move the item up past the ones it beats.
    let at = Math.min(top.length, count - 1);
    if (top.length < count) top.push(item);
    while (at > 0 && compare(item, top[at - 1]) < 0) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = item;
  }
  return top;
}
