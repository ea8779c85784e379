import { describe, expect, it } from "vitest";
import { exactKnn } from "./exact-knn";
import { placeIntoProjection } from "./place-into-projection";
import { runUmap } from "./run-umap";
import { syntheticEmbeddings } from "./synthetic-embeddings";

const dims = 64;
const all = syntheticEmbeddings(330, dims, 3, 21);
// The first 300 points make the projection; the last 30 (10 per blob) arrive later.
const reference = { vectors: all.vectors.subarray(0, 300 * dims), labels: all.labels.subarray(0, 300) };
const arriving = { vectors: all.vectors.subarray(300 * dims), labels: all.labels.subarray(300) };
const parameters = { dims, metric: "cosine", nNeighbors: 15, minDist: 0.1, seed: 4 } as const;

describe("placeIntoProjection", async () => {
  const coordinates = await runUmap({ ...parameters, vectors: reference.vectors });
  const placed = await placeIntoProjection({ ...parameters, reference: { vectors: reference.vectors, coordinates }, vectors: arriving.vectors });

  it("places each new point among its nearest projection points", async () => {
    expect(placed).toHaveLength(60);
    expect(placed.every(Number.isFinite)).toBe(true);
    // The spread of the projection, to judge distances by.
    const xs = Array.from({ length: 300 }, (_, i) => coordinates[2 * i]!);
    const ys = Array.from({ length: 300 }, (_, i) => coordinates[2 * i + 1]!);
    const extent = Math.hypot(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    const together = new Float32Array([...reference.vectors, ...arriving.vectors]);
    const knn = await exactKnn({ vectors: together, dims, k: 16, metric: "cosine" });
    for (let q = 0; q < 30; q += 1) {
      const row = 300 + q;
      const neighbours = Array.from(knn.indices.subarray(row * 16 + 1, row * 16 + 16)).filter((j) => j < 300);
      const cx = neighbours.reduce((sum, j) => sum + coordinates[2 * j]!, 0) / neighbours.length;
      const cy = neighbours.reduce((sum, j) => sum + coordinates[2 * j + 1]!, 0) / neighbours.length;
      expect(Math.hypot(placed[2 * q]! - cx, placed[2 * q + 1]! - cy)).toBeLessThan(0.1 * extent);
    }
  });

  it("puts each new point in its own blob", () => {
    for (let q = 0; q < 30; q += 1) {
      const nearest = Array.from({ length: 300 }, (_, j) => j)
        .sort((i, j) => Math.hypot(placed[2 * q]! - coordinates[2 * i]!, placed[2 * q + 1]! - coordinates[2 * i + 1]!) -
          Math.hypot(placed[2 * q]! - coordinates[2 * j]!, placed[2 * q + 1]! - coordinates[2 * j + 1]!))
        .slice(0, 10);
      expect(nearest.filter((j) => reference.labels[j] === arriving.labels[q]).length).toBeGreaterThanOrEqual(9);
    }
  });

  it("is reproducible and leaves the projection as it was", async () => {
    const before = coordinates.slice();
    const again = await placeIntoProjection({ ...parameters, reference: { vectors: reference.vectors, coordinates }, vectors: arriving.vectors });
    expect(Buffer.from(again.buffer)).toEqual(Buffer.from(placed.buffer));
    expect(coordinates).toEqual(before);
  });

  it("rejects embeddings that do not match the stored coordinates", async () => {
    await expect(
      placeIntoProjection({ ...parameters, reference: { vectors: reference.vectors, coordinates: coordinates.subarray(0, 20) }, vectors: arriving.vectors }),
    ).rejects.toThrow(/10 coordinate pairs but 300 64-dimensional embeddings/);
  });
});
