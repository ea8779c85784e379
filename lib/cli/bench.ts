// `npm run bench [-- NAME...]`: runs benchmarks and writes one JSON file per
// benchmark under bench-results/. Targets are checked against these figures,
// never in timed unit tests.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { APP_VERSION } from "../app-version";
import { benchmarkDspStages } from "../audio/dsp/dsp-stages.bench";
import { benchmarkResampler } from "../audio/dsp/resampler.bench";
import { runEditorBenchmark } from "../../e2e/bench/editor-bench";
import { runImportBenchmark } from "../corpus/import.bench";
import { runExplorerBenchmark } from "../corpus/serve-explorer.bench";
import { runSpectrogramBenchmark } from "../corpus/serve-spectrogram.bench";
import { runPermutationTestBenchmark } from "../domain/statistics/permutation-test.bench";
import { runInferenceBenchmark } from "../inference/inference.bench";
import { runProjectionBenchmark } from "../projection/projection.bench";
import { runJobQueueBenchmark } from "../jobs/job-queue.bench";
import { runExportBenchmark } from "../exports/export.bench";
import { runClusteringBenchmark } from "../projection/clustering/clustering.bench";
import { runScatterBenchmark } from "../../e2e/bench/scatter-bench";
import { runTeamBenchmark } from "../annotations/team.bench";

type Benchmark = () => Promise<Record<string, unknown>>;

const BENCHMARKS: Record<string, Benchmark> = {
  "job-queue": runJobQueueBenchmark,
  resampler: benchmarkResampler,
  "dsp-stages": benchmarkDspStages,
  import: runImportBenchmark,
  inference: runInferenceBenchmark,
  spectrogram: runSpectrogramBenchmark,
  explorer: runExplorerBenchmark,
  editor: runEditorBenchmark,
  statistics: async () => runPermutationTestBenchmark(),
  // UMAP against plain umap-js, then the scatter in Chromium: the issue asks for both in one run.
  projection: async () => ({ umap: await runProjectionBenchmark(), scatter: await runScatterBenchmark() }),
  clustering: runClusteringBenchmark,
  export: runExportBenchmark,
  scatter: runScatterBenchmark,
  // Needs PostgreSQL (TEST_DATABASE_URL): 20 annotators saving through the production server with accounts on.
  team: () => runTeamBenchmark(),
};

const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = requested.filter((name) => !BENCHMARKS[name]);
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(", ")}. Available: ${Object.keys(BENCHMARKS).join(", ")}`);
  process.exit(2);
}

const outDir = path.join(process.cwd(), "bench-results");
mkdirSync(outDir, { recursive: true });
for (const name of requested.length > 0 ? requested : Object.keys(BENCHMARKS)) {
  console.log(`Running ${name}…`);
  const figures = await BENCHMARKS[name]!();
  const result = {
    benchmark: name,
    version: APP_VERSION,
    at: new Date().toISOString(),
    machine: { cores: os.cpus().length, memoryBytes: os.totalmem(), node: process.version, platform: process.platform },
    figures,
  };
  const file = path.join(outDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(figures, null, 2));
  console.log(`Wrote ${file}`);
}
