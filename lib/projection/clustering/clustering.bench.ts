import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { adjustedRandIndex } from "./adjusted-rand-index";
import { HDBSCAN_EXACT_LIMIT } from "./hdbscan";

/**
 * `npm run bench -- clustering`: HDBSCAN and k-means time and peak memory on
 * synthetic 768-D embeddings (20 clusters whose centres are closer than the
 * noise is wide, as the projection benchmark; cosine), each run in a child
 * process of its own: HDBSCAN (minClusterSize 25) with the exact and the
 * approximate tree at 2,000, 5,000 and 10,000 points (exact at 10,000 is
 * beyond HDBSCAN_EXACT_LIMIT, forced here to measure the two trees'
 * agreement, as an adjusted Rand index), the approximate tree at 20,000 and
 * 50,000 (stopped after LARGEST_SECONDS), and k-means (k = 10) at 10,000 and
 * 50,000. The clusters are far enough apart that the kNN graph falls into
 * 20 components, the most expensive case for joining them.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const CHILD = path.join(import.meta.dirname, "clustering-bench-child.ts");
const DIMS = 768;
const SEED = 7;
// 50,000 points can take minutes on a small machine: a run well past 2 minutes is stopped, not waited for.
const LARGEST_SECONDS = 180;

type Figures = Record<string, unknown>;

export async function runClusteringBenchmark(): Promise<Record<string, unknown>> {
  const figures: Figures = {
    data: { dims: DIMS, clusters: 20, seed: SEED, metric: "cosine", minClusterSize: 25, kMeansK: 10 },
    exactLimit: HDBSCAN_EXACT_LIMIT,
  };
  const scratch = mkdtempSync(path.join(tmpdir(), "resonance-clustering-bench-"));
  const labelsFile = (mode: string, n: number): string => path.join(scratch, `${mode}-${n}.i32`);
  try {
    for (const n of [2_000, 5_000, 10_000]) {
      const row: Figures = {};
      row.exact = measure("hdbscan-exact", n, labelsFile("exact", n));
      row.approximate = measure("hdbscan-approx", n, labelsFile("approximate", n));
      row.agreement = agreement(labelsFile("exact", n), labelsFile("approximate", n));
      figures[`hdbscan${n}`] = row;
    }
    figures.hdbscan20000 = { approximate: measure("hdbscan-approx", 20_000) };
    figures.hdbscan50000 = { approximate: measure("hdbscan-approx", 50_000, undefined, LARGEST_SECONDS) };
    for (const n of [10_000, 50_000]) figures[`kMeans${n}`] = measure("kmeans", n);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}

function measure(mode: string, n: number, labelsFile?: string, timeoutSeconds?: number): Figures {
  const args = ["--import", TSX, CHILD, mode, String(n), String(DIMS), String(SEED)];
  if (labelsFile) args.push(labelsFile);
  const timeout = timeoutSeconds === undefined ? undefined : timeoutSeconds * 1000;
  const child = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 1 << 24, timeout });
  if (child.signal && timeoutSeconds !== undefined) return { stopped: `still running after ${timeoutSeconds} s: too slow here, see the 20,000-point figures` };
  if (child.status !== 0) return { failed: child.stderr.trim().split("\n").slice(-3).join(" ") };
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, key.endsWith("Bytes") ? value : round(value, 4)]));
}

function agreement(fileA: string, fileB: string): Figures {
  try {
    const read = (file: string) => new Int32Array(new Uint8Array(readFileSync(file)).buffer);
    return { adjustedRandIndex: round(adjustedRandIndex(read(fileA), read(fileB)), 4) };
  } catch {
    return { failed: "a run wrote no labels" };
  }
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
