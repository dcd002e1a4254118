/**
 * Labels of the aging buckets for the given upper edges (credit-method.md §6): one more label
 * than edges. By due date the first bucket is "Not due" when its edge is 0 (else "≤e");
 * by invoice date it is "≤e" (days since invoice). Middle buckets read "a–b" (en dash) or just
 * "a" when one day wide; the last is ">e".
 * @example bucketLabels([0, 30, 60, 90, 180, 365]) //=> ["Not due", "1–30", "31–60", "61–90", "91–180", "181–365", ">365"]
 */
export function bucketLabels(edges: number[], basis: "dueDate" | "invoiceDate" = "dueDate"): string[] {
  if (edges.length === 0) return ["All"];
  const labels = [basis === "dueDate" && edges[0] === 0 ? "Not due" : `≤${edges[0]}`];
  for (let i = 1; i < edges.length; i++) {
    const from = edges[i - 1] + 1;
    labels.push(from === edges[i] ? `${from}` : `${from}–${edges[i]}`);
  }
  labels.push(`>${edges[edges.length - 1]}`);
  return labels;
}
