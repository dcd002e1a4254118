/**
 * The name of the first figure that is not a finite number, or undefined: how a computation over
 * finite inputs tells that an intermediate overflowed (net worth near 1.8e308 doubles past the
 * largest double), so that it returns an error naming the figure instead of Infinity or NaN.
 * @example firstNonFinite({ workingAssets: 1.5e308 * 2, basis: 10 }) //=> "workingAssets"
 */
export function firstNonFinite(figures: Readonly<Record<string, number | undefined>>): string | undefined {
  for (const name in figures) {
    const value = figures[name];
    if (value !== undefined && !Number.isFinite(value)) return name;
  }
  return undefined;
}
