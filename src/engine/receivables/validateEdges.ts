/**
 * Checks bucket edges given by a user (Policy sheet or a function argument): at least one,
 * whole numbers of days, strictly ascending (credit-method.md §6).
 * @example validateEdges([0, 30, 60], "edges") //=> ok([0, 30, 60])
 * @example validateEdges([0, 60, 30], "edges") //=> err(invalidInput("edges", "must be strictly ascending: 30 follows 60"))
 */
import { err, invalidInput, ok, type Result } from "../errors";

export function validateEdges(edges: number[], field: string): Result<number[]> {
  if (edges.length === 0) return err(invalidInput(field, "needs at least one edge"));
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isInteger(edges[i])) return err(invalidInput(field, `edge ${i + 1} (${edges[i]}) must be a whole number of days`));
    if (i > 0 && edges[i] <= edges[i - 1]) {
      return err(invalidInput(field, `must be strictly ascending: ${edges[i]} follows ${edges[i - 1]}`));
    }
  }
  return ok(edges);
}
