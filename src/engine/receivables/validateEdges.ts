/**
 * Checks bucket edges given by a user (Policy sheet or a function argument): at least one,
 * whole numbers of days, strictly ascending (credit-method.md §6).
 * @example validateEdges([0, 30, 60], "edges") //=> ok([0, 30, 60])
 * @example validateEdges([0, 60, 30], "edges") //=> err(invalidInput("edges", detail("ascending", { previous: 60, next: 30 })))
 */
import { detail, err, inside, invalidInput, ok, type Field, type Result } from "../errors";

export function validateEdges(edges: number[], field: Field): Result<number[]> {
  if (edges.length === 0) return err(invalidInput(field, detail("needsAtLeast", { count: 1, unit: "edge" })));
  for (let i = 0; i < edges.length; i++) {
    if (!Number.isInteger(edges[i])) return err(invalidInput(inside(field, { item: i + 1 }), detail("wholeDays", { got: edges[i] })));
    if (i > 0 && edges[i] <= edges[i - 1]) {
      return err(invalidInput(field, detail("ascending", { previous: edges[i - 1], next: edges[i] })));
    }
  }
  return ok(edges);
}
