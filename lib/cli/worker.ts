// `npm run worker`: claims jobs from the shared PostgreSQL database and runs them on this host.
import path from "node:path";
import { readServerEnvironment, readWorkerEnvironment } from "../config/env";
import { describeDatasource } from "../db/datasource";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import type { JobRunOutcome } from "../jobs/job-worker";
import { resolveDataDir, startJobRuntime, workerIdOfThisProcess } from "../jobs/job-runtime";
import { exitWithError } from "./serve-workbench";
import { resolveWorkerKinds } from "./worker-kinds";
import { checkModels, checkSharedStore, openWorkerDatabase } from "./worker-preflight";

/**
 * A stateless worker for hosts other than the server's (GPU machines): it
 * keeps nothing of its own, so any number can be started and stopped at any
 * time. Jobs are shared through the Job table: a claim takes one row with
 * `FOR UPDATE SKIP LOCKED`, heartbeats keep it, and a job whose worker dies is
 * taken over by another worker after JOB_HEARTBEAT_TIMEOUT_SECONDS.
 *
 * The log says which job (id and kind) started and how it ended, never what
 * it worked on: file names and patient codes stay out of logs.
 */

/** How long a SIGINT/SIGTERM may take to hand the job back before the process exits anyway. */
const STOP_GRACE_MS = 30_000;

const projectRoot = process.cwd();

try {
  await runWorker();
} catch (error) {
  exitWithError(error);
}

async function runWorker(): Promise<void> {
  const environment = readServerEnvironment();
  const kinds = resolveWorkerKinds(readWorkerEnvironment().WORKER_KINDS);
  const dataDir = resolveDataDir(environment, projectRoot);
  const modelsDir = path.resolve(projectRoot, environment.MODELS_DIR);
  const database = await openWorkerDatabase(environment, projectRoot);
  let modelNames = "";
  try {
    await checkSharedStore(database, dataDir);
    if (kinds.includes(ANALYSE_JOB_KIND)) {
      modelNames = (await checkModels(modelsDir)).map((model) => `${model.manifest.id} ${model.manifest.version}`).join(", ");
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const workerId = workerIdOfThisProcess();
  const started = new Map<string, number>();
  const runtime = await startJobRuntime({
    database,
    environment,
    projectRoot,
    dataDir,
    kinds,
    sweepStore: false,
    // Hosts may carry different models; a job for one this host lacks is left for another.
    missingModel: "hand back",
    onError: (error) => log(`job loop: ${error instanceof Error ? error.message : String(error)}`),
    onNotice: log,
    onJobStarted: (job) => {
      started.set(job.id, performance.now());
      log(`job ${job.id} ${job.kind} started (attempt ${job.attempts} of ${job.maxAttempts})`);
    },
    onJobFinished: (job, outcome) => {
      const seconds = (performance.now() - (started.get(job.id) ?? performance.now())) / 1000;
      started.delete(job.id);
      log(`job ${job.id} ${job.kind} ${describeOutcome(outcome)} after ${seconds.toFixed(1)} s`);
    },
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`${signal} again: exiting now; the job in hand is taken over by another worker after its heartbeat lapses.`);
      process.exit(130);
    }
    stopping = true;
    log(`${signal} received: handing the job in hand back to the queue and stopping…`);
    setTimeout(() => {
      log(`Could not stop within ${STOP_GRACE_MS / 1000} s; exiting. The job in hand is taken over after its heartbeat lapses.`);
      process.exit(1);
    }, STOP_GRACE_MS).unref();
    void runtime
      .stop()
      .then(() => database.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  log(
    `Worker ${workerId} ready: runs ${kinds.join(", ")} jobs from ${describeDatasource(database.connection.datasource)}, ` +
      `store in ${dataDir}${modelNames ? `, models ${modelNames}` : ""}; heartbeat timeout ${environment.JOB_HEARTBEAT_TIMEOUT_SECONDS} s.`,
  );
  if (kinds.includes(ANALYSE_JOB_KIND)) {
    await runtime.engine.probe().then(
      (provider) => log(`Inference on ${provider.active} (${provider.threads} thread${provider.threads === 1 ? "" : "s"} per session).`),
      (error: unknown) => log(`Inference is unavailable on this host: ${error instanceof Error ? error.message : String(error)}`),
    );
  }
}

function describeOutcome(outcome: JobRunOutcome): string {
  switch (outcome) {
    case "retrying":
      return "failed and will be retried";
    case "handed-back":
      return "handed back to the queue";
    case "lease-lost":
      return "lost to another worker (its heartbeat lapsed)";
    case "unrecorded":
      return "ended but its outcome could not be stored; another worker will retry it";
    default:
      return outcome;
  }
}

function log(message: string): void {
  console.log(`${new Date().toISOString()} ${message}`);
}
