import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * `npm run bench -- projection`: UMAP time (neighbour search, graph, epochs)
 * and peak memory for 2,000, 10,000 and 50,000 synthetic 768-D embeddings in
 * 20 clusters (seeded), each run in a child process of its own; against plain
 * umap-js `fit` with default settings (2,000 and 10,000 only), our exact
 * neighbours fed to umap-js's own graph and step() (the same sizes, to show
 * where the time goes), and Debian's umap-learn where it is installed.
 * Targets (issue 7): 10,000 points in at most 10 s, 50,000 in at most 90 s,
 * peak memory under 1.5 GB at 50,000.
 */
const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
const TSX = path.join(PROJECT_ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs");
const CHILD = path.join(import.meta.dirname, "projection-bench-child.ts");
const DIMS = 768;
const SEED = 7;
const SIZES = [2_000, 10_000, 50_000];
const BASELINE_SIZES = [2_000, 10_000];

type Figures = Record<string, unknown>;

export async function runProjectionBenchmark(): Promise<Record<string, unknown>> {
  const umapLearn = umapLearnVersion();
  const figures: Record<string, unknown> = {
    targets: { seconds10k: 10, seconds50k: 90, peakRssBytes50k: 1.5 * 1024 ** 3 },
    data: { dims: DIMS, clusters: 20, seed: SEED, metric: "cosine", nNeighbors: 15, minDist: 0.1 },
  };
  const scratch = mkdtempSync(path.join(tmpdir(), "resonance-projection-bench-"));
  try {
    for (const n of SIZES) {
      const vectorsFile = umapLearn ? path.join(scratch, `vectors-${n}.f32`) : undefined;
      const row: Figures = { ours: measure("ours", n, vectorsFile) };
      if (BASELINE_SIZES.includes(n)) {
        row.umapJsDefaultFit = measure("umap-js", n);
        row.oursNeighboursWithUmapJsEpochs = measure("umap-js-epochs", n);
        row.speedupOverUmapJs = ratio(row.umapJsDefaultFit, row.ours);
      } else {
        row.umapJsDefaultFit = {
          skipped: "not run: plain umap-js took about 60 s and 1.6 GB for 20,000 points here (issue 7) and grows faster than linearly",
        };
      }
      if (vectorsFile) {
        row.umapLearn = measureUmapLearn(vectorsFile, n);
        row.ratioToUmapLearn = ratio(row.ours, row.umapLearn);
      }
      figures[`n${n}`] = row;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  figures.umapLearn = umapLearn ?? "not available: Debian bookworm has no python3-umap-learn package (apt-cache policy shows no candidate), and PyPI is out of reach";
  return figures;
}

function measure(mode: string, n: number, vectorsFile?: string): Figures {
  const args = ["--import", TSX, CHILD, mode, String(n), String(DIMS), String(SEED)];
  if (vectorsFile) args.push(vectorsFile);
  const child = spawnSync(process.execPath, args, { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 1 << 24 });
  if (child.status !== 0) return { failed: child.stderr.trim().split("\n").slice(-3).join(" ") };
  const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
  return Object.fromEntries(Object.entries(result).map(([key, value]) => [key, key.endsWith("Bytes") ? value : round(value)]));
}

function umapLearnVersion(): string | undefined {
  const probe = spawnSync("python3", ["-c", "import umap; print(umap.__version__)"], { encoding: "utf8" });
  return probe.status === 0 ? `umap-learn ${probe.stdout.trim()}` : undefined;
}

const UMAP_LEARN_SCRIPT = `
import sys, time, resource, numpy, umap
n, dims, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
x = numpy.fromfile(path, dtype=numpy.float32).reshape(n, dims)
started = time.perf_counter()
umap.UMAP(n_neighbors=15, min_dist=0.1, metric="cosine", random_state=7).fit_transform(x)
print('{"totalSeconds": %f, "maxRssBytes": %d}' % (time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
`;

function measureUmapLearn(vectorsFile: string, n: number): Figures {
  const child = spawnSync("python3", ["-c", UMAP_LEARN_SCRIPT, String(n), String(DIMS), vectorsFile], { encoding: "utf8" });
  if (child.status !== 0) return { failed: child.stderr.trim().split("\n").slice(-3).join(" ") };
  return JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Figures;
}

function ratio(slow: unknown, fast: unknown): number | undefined {
  const a = (slow as { totalSeconds?: number }).totalSeconds;
  const b = (fast as { totalSeconds?: number }).totalSeconds;
  return a && b ? round(a / b) : undefined;
}

function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
