// One measured clustering for the clustering benchmark, in a process of its
// own so that its peak RSS (worker threads included) is that run's alone.
// Usage: node --import tsx clustering-bench-child.ts <mode> <n> <dims> <seed> [labels.i32]
//   hdbscan-exact   hdbscan with the exact spanning tree
//   hdbscan-approx  hdbscan with the kNN spanning tree joined across components
//   kmeans          kMeans, k = 10, cosine
// Writes the labels to the optional file (to compare two modes) and prints one JSON line.
import { writeFileSync } from "node:fs";
import { syntheticEmbeddings } from "../synthetic-embeddings";
import { adjustedRandIndex } from "./adjusted-rand-index";
import { hdbscan, type HdbscanStage } from "./hdbscan";
import { kMeans } from "./k-means";

const BENCH_CLUSTERS = 20;
const BENCH_MIN_CLUSTER_SIZE = 25;
const BENCH_KMEANS_K = 10;

const [mode, nText, dimsText, seedText, labelsFile] = process.argv.slice(2) as [string, string, string, string, string | undefined];
const n = Number(nText);
const dims = Number(dimsText);
const seed = Number(seedText);
// As the projection benchmark: 20 clusters whose centres are closer than the noise is wide.
const { vectors, labels: truth } = syntheticEmbeddings(n, dims, BENCH_CLUSTERS, seed, 0.5);

const started = performance.now();
let figures: Record<string, number>;
let labels: Int32Array;
if (mode === "kmeans") {
  const result = await kMeans({ vectors, dims, k: BENCH_KMEANS_K, metric: "cosine", seed });
  figures = { totalSeconds: (performance.now() - started) / 1000, iterations: result.iterations, inertia: result.inertia };
  labels = result.labels;
} else {
  const stageStart = new Map<HdbscanStage, number>();
  const result = await hdbscan({
    vectors,
    dims,
    metric: "cosine",
    minClusterSize: BENCH_MIN_CLUSTER_SIZE,
    exact: mode === "hdbscan-exact",
    onProgress: (stage) => {
      if (!stageStart.has(stage)) stageStart.set(stage, performance.now());
    },
  });
  const done = performance.now();
  const at = (stage: HdbscanStage): number => stageStart.get(stage) ?? done;
  figures = {
    totalSeconds: (done - started) / 1000,
    neighboursSeconds: (at("spanning-tree") - started) / 1000,
    spanningTreeSeconds: (at("clusters") - at("spanning-tree")) / 1000,
    hierarchySeconds: (done - at("clusters")) / 1000,
    clusters: result.clusters.length,
    noiseFraction: result.labels.filter((label) => label < 0).length / n,
  };
  labels = result.labels;
}
if (labelsFile) writeFileSync(labelsFile, new Uint8Array(labels.buffer));
figures.adjustedRandIndexToTruth = adjustedRandIndex(labels, truth);
figures.maxRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify(figures));
