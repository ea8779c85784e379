/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32: 32-bit state,
 * period 2³², well distributed for permutation tests of a few thousand
 * draws), so a permutation test gives the same p-value for the same seed on
 * every machine. Pass its result wherever a `random: () => number` is taken.
 */
export function createSeededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
