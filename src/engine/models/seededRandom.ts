/**
 * A small deterministic PRNG (mulberry32) for the engine's models: k-fold assignment and any other
 * resampling. The engine never calls Math.random; a seed is an argument, so a fit is reproducible.
 * (Same generator as src/app/seededRandom.ts, which the engine may not import.)
 * @example seededRandom(1)() //=> 0.6270739405881613 on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
