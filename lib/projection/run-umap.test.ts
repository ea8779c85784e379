import { describe, expect, it } from "vitest";
import { ProjectionCancelledError } from "./projection-cancelled-error";
import { runUmap } from "./run-umap";
import { syntheticEmbeddings } from "./synthetic-embeddings";

/** Share of each point's `k` nearest 2-D neighbours that carry its label, averaged. */
function neighbourLabelAgreement(coordinates: Float32Array, labels: ArrayLike<number>, k: number): number {
  const n = labels.length;
  let agreeing = 0;
  for (let i = 0; i < n; i += 1) {
    const nearest = Array.from({ length: n }, (_, j) => j)
      .filter((j) => j !== i)
      .map((j) => ({ j, d: (coordinates[2 * i]! - coordinates[2 * j]!) ** 2 + (coordinates[2 * i + 1]! - coordinates[2 * j + 1]!) ** 2 }))
      .sort((a, b) => a.d - b.d)
      .slice(0, k);
    agreeing += nearest.filter(({ j }) => labels[j] === labels[i]).length;
  }
  return agreeing / (n * k);
}

const blobs = syntheticEmbeddings(300, 64, 3, 42);

describe("runUmap", () => {
  it("gives bit-identical coordinates for the same inputs and seed, and different ones for another seed", async () => {
    const options = { vectors: blobs.vectors, dims: 64, metric: "cosine", nNeighbors: 10, minDist: 0.1, nEpochs: 100 } as const;
    const first = await runUmap({ ...options, seed: 7 });
    const again = await runUmap({ ...options, seed: 7 });
    const other = await runUmap({ ...options, seed: 8 });
    expect(first).toHaveLength(600);
    expect(Buffer.from(again.buffer)).toEqual(Buffer.from(first.buffer));
    expect(Buffer.from(other.buffer)).not.toEqual(Buffer.from(first.buffer));
  });

  it("keeps three Gaussian blobs in 64-D apart in 2-D", async () => {
    for (const metric of ["cosine", "euclidean"] as const) {
      const coordinates = await runUmap({ vectors: blobs.vectors, dims: 64, metric, nNeighbors: 15, minDist: 0.1, seed: 1 });
      expect(coordinates.every(Number.isFinite)).toBe(true);
      expect(neighbourLabelAgreement(coordinates, blobs.labels, 10)).toBeGreaterThan(0.95);
    }
  });

  it("pulls labelled points together when supervised", async () => {
    // Pure noise: without labels there is nothing to separate.
    const noise = syntheticEmbeddings(240, 16, 1, 3);
    const labels = Array.from({ length: 240 }, (_, i) => i % 3);
    const options = { vectors: noise.vectors, dims: 16, metric: "euclidean", nNeighbors: 10, minDist: 0.1, seed: 2, nEpochs: 200 } as const;
    const unsupervised = neighbourLabelAgreement(await runUmap(options), labels, 10);
    const supervised = neighbourLabelAgreement(await runUmap({ ...options, labels }), labels, 10);
    expect(unsupervised).toBeLessThan(0.5);
    expect(supervised).toBeGreaterThan(0.8);
  });

  it("reports every epoch in order", async () => {
    const seen: [number, number][] = [];
    await runUmap({ vectors: blobs.vectors, dims: 64, metric: "cosine", nNeighbors: 10, minDist: 0.1, seed: 1, nEpochs: 30, onEpoch: (e, t) => seen.push([e, t]) });
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => [i + 1, 30]));
  });

  it("stops between epochs when cancelled", async () => {
    const controller = new AbortController();
    let epochs = 0;
    const run = runUmap({
      vectors: blobs.vectors,
      dims: 64,
      metric: "cosine",
      nNeighbors: 10,
      minDist: 0.1,
      seed: 1,
      signal: controller.signal,
      onEpoch: (epoch) => {
        epochs = epoch;
        if (epoch === 5) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(ProjectionCancelledError);
    expect(epochs).toBe(5);
  });

  it("says when there are too few points for the neighbour count", async () => {
    await expect(
      runUmap({ vectors: new Float32Array(10 * 4), dims: 4, metric: "cosine", nNeighbors: 15, minDist: 0.1, seed: 1 }),
    ).rejects.toThrow(/needs more than 15 points .* has 10 points/);
  });
});
