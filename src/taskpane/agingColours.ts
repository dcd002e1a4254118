/**
 * Fixed colours of the aging buckets, the same in every run and theme: not due is green, the
 * oldest bucket dark red, the buckets between run through yellow, orange and red in order. Mid
 * tones, legible as bars on the light and the dark pane background.
 * @example agingColours(2) //=> ["#2E7D32", "#7F1D1D"]
 */
const RAMP = ["#2E7D32", "#8DB600", "#E0B000", "#F08C00", "#E35205", "#C62828", "#7F1D1D"] as const;
const NOT_DUE = RAMP[0];
const OLDEST = RAMP[RAMP.length - 1];

/** The colour of each of `count` buckets, from not due to the oldest. */
export function agingColours(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [NOT_DUE];
  // First and last are fixed; the others are spread evenly over the ramp's inner colours.
  return Array.from({ length: count }, (_, i) => {
    if (i === 0) return NOT_DUE;
    if (i === count - 1) return OLDEST;
    const position = 1 + Math.round(((i - 1) * (RAMP.length - 3)) / Math.max(1, count - 3));
    return RAMP[Math.min(RAMP.length - 2, position)]!;
  });
}

/** The colour of unapplied cash (a credit, not an age): neutral blue-grey. */
export const UNAPPLIED_COLOUR = "#5B7083";
