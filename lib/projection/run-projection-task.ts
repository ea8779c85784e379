import { fileURLToPath } from "node:url";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import { ProjectionCancelledError } from "./projection-cancelled-error";
import { ProjectionInputError } from "./projection-input-error";
import type { ClusteringTask, ProjectionTask, ProjectionTaskStage, ProjectionWorkerMessage } from "./projection-task-protocol";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
// A cancelled task stops between epochs or neighbour blocks; if it has not
// answered by then, the thread is stopped from outside.
const CANCEL_GRACE_MS = 3000;

export interface ProjectionTaskResult {
  coordinates: Float32Array;
  seconds: Readonly<Record<string, number>>;
}

export interface ClusteringTaskResult {
  labels: Int32Array;
  details: Readonly<Record<string, number | boolean>>;
  stabilities: readonly number[];
  seconds: number;
}

type TaskOptions = { signal?: AbortSignal; onProgress?: (stage: ProjectionTaskStage, done: number, total: number) => void };

/**
 * Runs a projection task (UMAP, or placing points into a stored projection)
 * in a worker thread. Errors the worker reports come back as the same typed
 * errors; an abort cancels the task.
 */
export async function runProjectionTask(task: ProjectionTask, options: TaskOptions = {}): Promise<ProjectionTaskResult> {
  const message = await runInWorker(task, options);
  if (message.kind !== "result") throw new Error("the projection worker answered with clusters");
  return { coordinates: message.coordinates, seconds: message.seconds };
}

/** Clusters full embeddings (HDBSCAN or k-means) in a worker thread, like runProjectionTask. */
export async function runClusteringTask(task: ClusteringTask, options: TaskOptions = {}): Promise<ClusteringTaskResult> {
  const message = await runInWorker(task, options);
  if (message.kind !== "clusters") throw new Error("the clustering worker answered with coordinates");
  return { labels: message.labels, details: message.details, stabilities: message.stabilities, seconds: message.seconds };
}

type Answer = Extract<ProjectionWorkerMessage, { kind: "result" | "clusters" }>;

function runInWorker(task: ProjectionTask | ClusteringTask, options: TaskOptions): Promise<Answer> {
  const { signal } = options;
  if (signal?.aborted) return Promise.reject(new ProjectionCancelledError("the projection was cancelled"));
  const worker = startTypeScriptWorker(PROJECT_ROOT, "lib/projection/projection-task.worker.ts", task);
  return new Promise<Answer>((resolve, reject) => {
    let settled = false;
    let killTimer: NodeJS.Timeout | undefined;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(killTimer);
      signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      outcome();
    };
    const onAbort = () => {
      worker.postMessage({ kind: "cancel" });
      killTimer = setTimeout(() => finish(() => reject(new ProjectionCancelledError("the projection was cancelled"))), CANCEL_GRACE_MS);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.on("message", (message: ProjectionWorkerMessage) => {
      if (message.kind === "progress") options.onProgress?.(message.stage, message.done, message.total);
      else if (message.kind === "error") finish(() => reject(workerError(message.name, message.message)));
      else finish(() => resolve(message));
    });
    worker.on("error", (error) => finish(() => reject(error)));
    worker.on("exit", (code) => finish(() => reject(new Error(`the projection worker stopped (exit code ${code}) before answering`))));
  });
}

function workerError(name: string, message: string): Error {
  if (name === "ProjectionCancelledError") return new ProjectionCancelledError(message);
  if (name === "ProjectionInputError") return new ProjectionInputError(message);
  return new Error(message);
}
