// Worker thread that runs one projection task, so the server's event loop
// keeps answering requests while the layout is computed (50,000 points take
// about a minute of CPU).
import { parentPort, workerData } from "node:worker_threads";
import { placeIntoProjection } from "./place-into-projection";
import { hdbscan } from "./clustering/hdbscan";
import { kMeans } from "./clustering/k-means";
import type { ClusteringTask, ProjectionParentMessage, ProjectionTask, ProjectionWorkerMessage } from "./projection-task-protocol";
import { runUmap } from "./run-umap";

const task = workerData as ProjectionTask | ClusteringTask;
const controller = new AbortController();
parentPort!.on("message", (message: ProjectionParentMessage) => {
  if (message.kind === "cancel") controller.abort();
});
const post = (message: ProjectionWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function cluster(clustering: ClusteringTask): Promise<void> {
  const started = performance.now();
  if (clustering.kind === "hdbscan") {
    const result = await hdbscan({
      vectors: clustering.vectors,
      dims: clustering.dims,
      metric: clustering.metric,
      minClusterSize: clustering.minClusterSize,
      ...(clustering.minSamples ? { minSamples: clustering.minSamples } : {}),
      signal: controller.signal,
      onProgress: (stage, done, total) => post({ kind: "progress", stage, done, total }),
    });
    post(
      {
        kind: "clusters",
        labels: result.labels,
        details: { exact: result.exact, clusters: result.clusters.length },
        stabilities: result.clusters.map((entry) => entry.stability),
        seconds: (performance.now() - started) / 1000,
      },
      [result.labels.buffer as ArrayBuffer],
    );
    return;
  }
  post({ kind: "progress", stage: "iterations", done: 0, total: 1 });
  const result = await kMeans({ vectors: clustering.vectors, dims: clustering.dims, k: clustering.k, metric: clustering.metric, seed: clustering.seed, signal: controller.signal });
  post(
    {
      kind: "clusters",
      labels: result.labels,
      details: { inertia: result.inertia, iterations: result.iterations },
      stabilities: [],
      seconds: (performance.now() - started) / 1000,
    },
    [result.labels.buffer as ArrayBuffer],
  );
}

async function run(task: ProjectionTask): Promise<{ coordinates: Float32Array; seconds: Record<string, number> }> {
  const started = performance.now();
  if (task.kind === "umap") {
    let epochsStarted = 0;
    const coordinates = await runUmap({
      vectors: task.vectors,
      dims: task.dims,
      ...task.parameters,
      ...(task.labels ? { labels: task.labels } : {}),
      signal: controller.signal,
      onNeighbourSearch: (done, total) => post({ kind: "progress", stage: "neighbours", done, total }),
      onEpoch: (epoch, total) => {
        if (epochsStarted === 0) epochsStarted = performance.now();
        post({ kind: "progress", stage: "epochs", done: epoch, total });
      },
    });
    const end = performance.now();
    const layoutStart = epochsStarted || end;
    return { coordinates, seconds: { neighboursAndGraph: (layoutStart - started) / 1000, epochs: (end - layoutStart) / 1000, total: (end - started) / 1000 } };
  }
  post({ kind: "progress", stage: "placing", done: 0, total: 1 });
  const coordinates = await placeIntoProjection({
    reference: { vectors: task.referenceVectors, coordinates: task.referenceCoordinates },
    vectors: task.vectors,
    dims: task.dims,
    ...task.parameters,
    signal: controller.signal,
  });
  return { coordinates, seconds: { total: (performance.now() - started) / 1000 } };
}

const fail = (error: unknown) =>
    post({
      kind: "error",
      name: error instanceof Error ? error.name : "Error",
      message: error instanceof Error ? error.message : String(error),
    });

if (task.kind === "hdbscan" || task.kind === "kmeans") {
  cluster(task).catch(fail);
} else {
  run(task).then(({ coordinates, seconds }) => post({ kind: "result", coordinates, seconds }, [coordinates.buffer as ArrayBuffer]), fail);
}
