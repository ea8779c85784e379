// One measured projection for the projection benchmark, in a process of its
// own so that its peak RSS (worker threads included) is that run's alone.
// Usage: node --import tsx projection-bench-child.ts <mode> <n> <dims> <seed> [vectors.f32]
//   ours           exactKnn + runUmap
//   umap-js-epochs exactKnn fed to umap-js (setPrecomputedKNN, initializeFit, step)
//   umap-js        plain umap-js fit with default settings
// Writes the input vectors to the optional file (for umap-learn) and prints one JSON line.
import { writeFileSync } from "node:fs";
import { UMAP } from "umap-js";
import { exactKnn } from "./exact-knn";
import { runUmap } from "./run-umap";
import { mulberry32 } from "./seeded-random";
import { syntheticEmbeddings } from "./synthetic-embeddings";

const BENCH_CLUSTERS = 20;
const NEIGHBOURS = 15;
const AGREEMENT_SAMPLE = 2000;

const [mode, nText, dimsText, seedText, vectorsFile] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const n = Number(nText);
const dims = Number(dimsText);
const seed = Number(seedText);
const { vectors, labels } = syntheticEmbeddings(n, dims, BENCH_CLUSTERS, seed, 0.5);
if (vectorsFile) writeFileSync(vectorsFile, new Uint8Array(vectors.buffer), { flush: true });

// Sampled between tasks only (the timer cannot fire during synchronous work); maxRSS is the real peak.
let peakHeapUsed = 0;
let peakArrayBuffers = 0;
const sampleHeap = (): void => {
  const usage = process.memoryUsage();
  peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
  peakArrayBuffers = Math.max(peakArrayBuffers, usage.arrayBuffers);
};
const sampler = setInterval(sampleHeap, 50);

const started = performance.now();
let figures: Record<string, number>;
let coordinates: ArrayLike<number>;
if (mode === "ours") {
  const knn = await exactKnn({ vectors, dims, k: NEIGHBOURS, metric: "cosine" });
  const knnDone = performance.now();
  sampleHeap();
  let firstEpochAt = 0;
  let epochs = 0;
  coordinates = await runUmap({
    vectors,
    dims,
    metric: "cosine",
    nNeighbors: NEIGHBOURS,
    minDist: 0.1,
    seed,
    knn,
    onEpoch: (epoch) => {
      if (epoch === 1) firstEpochAt = performance.now();
      epochs = epoch;
    },
  });
  const done = performance.now();
  sampleHeap();
  const epochSeconds = (done - firstEpochAt) / 1000 / Math.max(1, epochs - 1);
  figures = {
    knnSeconds: (knnDone - started) / 1000,
    graphSeconds: (firstEpochAt - knnDone) / 1000 - epochSeconds,
    epochsSeconds: (done - firstEpochAt) / 1000 + epochSeconds,
    epochs,
    totalSeconds: (done - started) / 1000,
  };
} else if (mode === "umap-js-epochs") {
  const knn = await exactKnn({ vectors, dims, k: NEIGHBOURS, metric: "cosine" });
  const knnDone = performance.now();
  const rowsOf = (values: ArrayLike<number>) => Array.from({ length: n }, (_, i) => Array.from({ length: NEIGHBOURS }, (_, c) => values[i * NEIGHBOURS + c]!));
  const umap = new UMAP({ nNeighbors: NEIGHBOURS, minDist: 0.1, random: mulberry32(seed) });
  umap.setPrecomputedKNN(rowsOf(knn.indices), rowsOf(knn.distances));
  const total = umap.initializeFit(Array.from({ length: n }, () => []));
  const graphDone = performance.now();
  sampleHeap();
  for (let epoch = 0; epoch < total; epoch += 1) umap.step();
  const done = performance.now();
  sampleHeap();
  coordinates = umap.getEmbedding().flat();
  figures = {
    knnSeconds: (knnDone - started) / 1000,
    graphSeconds: (graphDone - knnDone) / 1000,
    epochsSeconds: (done - graphDone) / 1000,
    epochs: total,
    totalSeconds: (done - started) / 1000,
  };
} else {
  const rows = Array.from({ length: n }, (_, i) => Array.from(vectors.subarray(i * dims, (i + 1) * dims)));
  const prepared = performance.now();
  // Default settings, as a user of umap-js would call it (only the PRNG seeded, which costs nothing).
  const embedding = new UMAP({ random: mulberry32(seed) }).fit(rows);
  const done = performance.now();
  sampleHeap();
  coordinates = embedding.flat();
  figures = { totalSeconds: (done - prepared) / 1000 };
}
clearInterval(sampler);
console.log(
  JSON.stringify({
    ...figures,
    // Quality check on the first points: share of each one's 10 nearest 2-D neighbours from its own cluster.
    clusterAgreement: agreement(coordinates, labels, Math.min(n, AGREEMENT_SAMPLE), 10),
    // resourceUsage().maxRSS is in kilobytes and covers worker threads too.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    peakHeapUsedBytes: peakHeapUsed,
    peakArrayBuffersBytes: peakArrayBuffers,
  }),
);

function agreement(xy: ArrayLike<number>, classes: Int32Array, count: number, k: number): number {
  let agreeing = 0;
  const distances = new Float64Array(count);
  const order = Array.from({ length: count }, (_, j) => j);
  for (let i = 0; i < count; i += 1) {
    for (let j = 0; j < count; j += 1) distances[j] = j === i ? Infinity : (xy[2 * i]! - xy[2 * j]!) ** 2 + (xy[2 * i + 1]! - xy[2 * j + 1]!) ** 2;
    order.sort((a, b) => distances[a]! - distances[b]!);
    for (let c = 0; c < k; c += 1) if (classes[order[c]!] === classes[i]) agreeing += 1;
  }
  return agreeing / (count * k);
}
