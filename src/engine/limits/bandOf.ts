/**
 * The band of a value among ascending upper edges, each edge inclusive (value ≤ edge[i] is band
 * i; above the last edge is the last band, index edges.length). With `isLastEdgeExclusive`, a
 * value equal to the last edge belongs to the top band instead — the layout of the
 * working-assets table of credit-method.md §5.2, where (0.3, 1.0) is 20 % and ≥ 1.0 is 25 %.
 * @example bandOf(15.5, [0, 15, 30, 60]) //=> 2
 */
export function bandOf(value: number, edges: readonly number[], isLastEdgeExclusive = false): number {
  const last = edges.length - 1;
  for (let i = 0; i < edges.length; i++) {
    const isInBand = isLastEdgeExclusive && i === last ? value < edges[i] : value <= edges[i];
    if (isInBand) return i;
  }
  return edges.length;
}
