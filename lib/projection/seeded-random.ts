import { createSeededRandom } from "../domain/statistics/seeded-random";

/**
 * The project's one seeded PRNG (mulberry32, lib/domain/statistics), under
 * the name the projection code uses: a projection's seed reproduces it.
 */
export const mulberry32 = createSeededRandom;

/** Standard normal samples (Box–Muller) from a uniform source. */
export function gaussian(random: () => number): () => number {
  return () => {
    const u = 1 - random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
}
