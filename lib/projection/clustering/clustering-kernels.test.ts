import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WAT_ASSEMBLER_DEBIAN_PACKAGE } from "../../wasm/wat-module";
import { gaussian, mulberry32 } from "../seeded-random";
import { buildDistanceKernelModule, DISTANCE_KERNEL, isClusteringAssemblerInstalled } from "./clustering-kernels-build";
import { pairDistance } from "./pair-distance";
import { createRowDistances } from "./row-distances";

describe("clustering distance kernel", () => {
  it.skipIf(!isClusteringAssemblerInstalled())(`matches its .wat source (skipped without wat2wasm: apt-get install ${WAT_ASSEMBLER_DEBIAN_PACKAGE})`, () => {
    expect(buildDistanceKernelModule(), "distance-kernel.generated.ts is stale: run npx tsx lib/projection/clustering/clustering-kernels-build.ts").toBe(
      readFileSync(DISTANCE_KERNEL.generated, "utf8"),
    );
  });

  for (const metric of ["euclidean", "cosine"] as const) {
    it(`computes pairDistance's float64 distances, and float32 ones within their bound (${metric})`, () => {
      // 37 dimensions: padded to 40 in the kernel. Rows far from the origin and close to each
      // other (the hard case for float32), one a copy of another, and row 3 zero (cosine's special case).
      const dims = 37;
      const n = 41;
      const normal = gaussian(mulberry32(4));
      const vectors = Float32Array.from({ length: n * dims }, (_, i) => (Math.floor(i / dims) === 3 ? 0 : 300 + normal() * 0.01));
      vectors.copyWithin(7 * dims, 8 * dims, 9 * dims);
      const distances = createRowDistances(vectors, n, dims, metric);
      let worstRatio = 0;
      for (const from of [0, 3, 8, 11]) {
        for (const count of [1, 2, 7, n]) {
          for (let t = 0; t < count; t += 1) distances.rows[t] = distances.exactRows[t] = (t * 17 + 5) % n;
          const approximate = distances.approximate(from, count);
          const exact = distances.exact(from, count);
          expect(exact.length).toBe(count);
          for (let t = 0; t < count; t += 1) {
            const expected = pairDistance(vectors, dims, metric, from, distances.rows[t]!);
            expect(Math.abs(exact[t]! - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
            const error = Math.abs(approximate[t]! - expected);
            expect(error).toBeLessThanOrEqual(distances.errorBound(approximate[t]!));
            worstRatio = Math.max(worstRatio, error / distances.errorBound(approximate[t]!));
          }
        }
      }
      // The bound is not so loose that it would send every pair to float64.
      expect(worstRatio).toBeGreaterThan(metric === "cosine" ? 1e-4 : 1e-3);
      expect(distances.between(3, 3)).toBe(0);
      expect(distances.between(7, 8)).toBe(0);
      expect(distances.between(3, 4)).toBe(metric === "cosine" ? 1 : pairDistance(vectors, dims, metric, 3, 4));
    });
  }
});
