import { hostname } from "node:os";
import path from "node:path";
import { importRootsFrom, type ServerEnvironment } from "../config/env";
import { listReferencedAudioHashes } from "../db/corpus.repository";
import type { Database } from "../db/database";
import { backfillModelPredictions } from "../db/label.repository";
import { createAudioProcessor } from "../corpus/audio-processor";
import { ensureStoreFolders, openAudioStore, sweepOrphans } from "../corpus/audio-store";
import { createImportJobHandler } from "../corpus/import-job";
import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { cpus } from "node:os";
import { createAnalysisJobHandler } from "../inference/analysis-job";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import { createInferenceEngine, type InferenceEngine } from "../inference/inference-engine";
import { defaultThreads } from "../inference/onnx-session";
import { recordInferenceAvailability } from "../inference/provider-registry";
import { createExportJobHandler } from "../exports/export-job";
import { EXPORT_JOB_KIND } from "../exports/export-job-kind";
import { createClusterJobHandler } from "../projection/cluster-job";
import { createPlaceJobHandler, createProjectJobHandler } from "../projection/projection-job";
import { CLUSTER_JOB_KIND, PLACE_JOB_KIND, PROJECT_JOB_KIND } from "../projection/projection-job-kinds";
import { createJobQueue, type JobQueue } from "./job-queue";
import type { JobRecord } from "./job-types";
import { type JobHandler, type JobRunOutcome, startJobWorker } from "./job-worker";

/**
 * The background work of one process: the queue, the capability handlers and a
 * worker loop claiming their jobs. The server runs one; so do CLIs that work
 * without a server, and `npm run worker` processes on other hosts against
 * PostgreSQL.
 */
export interface JobRuntime {
  queue: JobQueue;
  engine: InferenceEngine;
  /** Stops claiming and hands the job in hand back to the queue (checkpoint kept), then closes the worker threads. */
  stop(): Promise<void>;
}

export interface JobRuntimeOptions {
  database: Database;
  environment: ServerEnvironment;
  projectRoot: string;
  /** The data folder resolved to an absolute path. */
  dataDir: string;
  /** Reports loop failures; never given audio or patient data. */
  onError?: (error: unknown) => void;
  /** Operational notices worth one log line (e.g. the CUDA fallback). */
  onNotice?: (message: string) => void;
  /** Called after a job succeeded. */
  onSucceeded?: (job: JobRecord) => void;
  /**
   * How old an unreferenced stored file must be before the start-up sweep
   * removes it. Default: 0 on the embedded database (nobody else can be
   * writing), an hour on PostgreSQL (other workers may be mid-import).
   */
  orphanGraceMs?: number;
  /**
   * Whether start-up removes unreferenced stored files (default true). A
   * worker on another host leaves that to the server: its clock and its view
   * of a shared store are the wrong ones to judge what is stale.
   */
  sweepStore?: boolean;
  /** The job kinds this process claims; default every kind it has a handler for. */
  kinds?: readonly string[];
  /** What an analysis job for a model this host lacks does (see AnalysisJobDependencies); "fail" by default. */
  missingModel?: "fail" | "hand back";
  /** Called when this process starts a job (for an operator's log line). */
  onJobStarted?: (job: JobRecord) => void;
  /** Called once per job this process ran, with what became of it. */
  onJobFinished?: (job: JobRecord, outcome: JobRunOutcome) => void;
}

/** In PostgreSQL mode other workers may be mid-import: leave their fresh files alone for this long. */
const SHARED_STORE_GRACE_MS = 60 * 60 * 1000;

export async function startJobRuntime(options: JobRuntimeOptions): Promise<JobRuntime> {
  const { database, environment } = options;
  const queue = createJobQueue(database, { heartbeatTimeoutSeconds: environment.JOB_HEARTBEAT_TIMEOUT_SECONDS });
  const store = openAudioStore(options.dataDir);
  await ensureStoreFolders(store);

  const embedded = database.connection.datasource.mode === "embedded";
  // The embedded database's lock proves nobody else is working: jobs left
  // running were ours when the last process died, and files no row names are
  // leftovers of a crash.
  if (embedded) await queue.requeueRunning();
  if (options.sweepStore ?? true) {
    await sweepOrphans(
      store,
      await listReferencedAudioHashes(database.prisma),
      new Date(Date.now() - (options.orphanGraceMs ?? (embedded ? 0 : SHARED_STORE_GRACE_MS))),
    );
  }

  // Databases from before the label history migration have analyses but no
  // model prediction on Recording. Awaited, so the analysis job never races
  // it; a failure is reported and the server still starts.
  await backfillModelPredictions(database.prisma).catch((error: unknown) => options.onError?.(error));

  const processor = createAudioProcessor({ dataDir: options.dataDir, projectRoot: options.projectRoot });
  const engine = createInferenceEngine({
    projectRoot: options.projectRoot,
    device: environment.INFERENCE_DEVICE,
    threads: environment.INFERENCE_THREADS ?? defaultThreads(cpus().length),
  });
  recordInferenceAvailability({ state: "probing" });
  void engine.probe().then(
    (provider) => {
      recordInferenceAvailability({ state: "ready", provider });
      // Said once, here, rather than on every analysis.
      if (provider.fallbackReason) options.onNotice?.(`Inference runs on the CPU: CUDA is unavailable (${provider.fallbackReason}).`);
    },
    (error: unknown) => recordInferenceAvailability({ state: "unavailable", reason: error instanceof Error ? error.message : String(error) }),
  );
  const handlers: Record<string, JobHandler> = {
    [IMPORT_JOB_KIND]: createImportJobHandler({
      database,
      store,
      processor,
      // The project's own demo corpus is always readable, whatever IMPORT_ROOTS says.
      importRoots: [...importRootsFrom(environment, options.projectRoot), path.join(options.projectRoot, "datasets", "demo")],
      dataDir: options.dataDir,
    }),
    [ANALYSE_JOB_KIND]: createAnalysisJobHandler({
      database,
      store,
      engine,
      modelsDir: path.resolve(options.projectRoot, environment.MODELS_DIR),
      ...(options.missingModel ? { missingModel: options.missingModel } : {}),
    }),
    [PROJECT_JOB_KIND]: createProjectJobHandler(database),
    [PLACE_JOB_KIND]: createPlaceJobHandler(database),
    [CLUSTER_JOB_KIND]: createClusterJobHandler(database),
    [EXPORT_JOB_KIND]: createExportJobHandler({ database, store, dataDir: options.dataDir }),
  };
  const worker = startJobWorker({
    queue,
    workerId: workerIdOfThisProcess(),
    handlers: options.kinds ? pickHandlers(handlers, options.kinds) : handlers,
    heartbeatIntervalMs: heartbeatIntervalMs(environment.JOB_HEARTBEAT_TIMEOUT_SECONDS),
    onLoopError: options.onError,
    ...(options.onSucceeded ? { onSucceeded: options.onSucceeded } : {}),
    ...(options.onJobStarted ? { onStarted: options.onJobStarted } : {}),
    ...(options.onJobFinished ? { onFinished: options.onJobFinished } : {}),
  });
  return {
    queue,
    engine,
    stop: async () => {
      // The worker first: its job sees the abort and is handed back whole.
      // Closing the engine under a running analysis would instead record the
      // recording in hand as failed before the abort arrives.
      await worker.stop();
      await Promise.all([processor.close(), engine.close()]);
    },
  };
}

/** How this process names itself in the Job table's workerId: unique across hosts sharing a database. */
export function workerIdOfThisProcess(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * A third of the timeout (at most the usual 5 s), so a live worker's job is
 * never taken over because a short JOB_HEARTBEAT_TIMEOUT_SECONDS lapsed
 * between two of its heartbeats.
 */
function heartbeatIntervalMs(heartbeatTimeoutSeconds: number): number {
  return Math.min(5000, Math.max(100, (heartbeatTimeoutSeconds * 1000) / 3));
}

function pickHandlers(handlers: Readonly<Record<string, JobHandler>>, kinds: readonly string[]): Record<string, JobHandler> {
  const picked: Record<string, JobHandler> = {};
  for (const kind of kinds) {
    const handler = handlers[kind];
    if (!handler) throw new Error(`No handler for job kind "${kind}"; known kinds: ${Object.keys(handlers).join(", ")}.`);
    picked[kind] = handler;
  }
  return picked;
}

export function resolveDataDir(environment: Pick<ServerEnvironment, "DATA_DIR">, projectRoot: string): string {
  return path.resolve(projectRoot, environment.DATA_DIR);
}
