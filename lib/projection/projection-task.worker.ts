// Worker thread that runs one projection task, so the server's event loop
// keeps answering requests while the layout is computed (50,000 points take
// about a minute of CPU).
import { parentPort, workerData } from "node:worker_threads";
import { placeIntoProjection } from "./place-into-projection";
import type { ProjectionParentMessage, ProjectionTask, ProjectionWorkerMessage } from "./projection-task-protocol";
import { runUmap } from "./run-umap";

const task = workerData as ProjectionTask;
const controller = new AbortController();
parentPort!.on("message", (message: ProjectionParentMessage) => {
  if (message.kind === "cancel") controller.abort();
});
const post = (message: ProjectionWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

async function run(): Promise<{ coordinates: Float32Array; seconds: Record<string, number> }> {
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

run().then(
  ({ coordinates, seconds }) => post({ kind: "result", coordinates, seconds }, [coordinates.buffer as ArrayBuffer]),
  (error: unknown) =>
    post({
      kind: "error",
      name: error instanceof Error ? error.name : "Error",
      message: error instanceof Error ? error.message : String(error),
    }),
);
