import { readServerEnvironment, type ServerEnvironment } from "../config/env";
import type { Database } from "../db/database";
import { openServerDatabase } from "../db/open-server-database";
import { AppError } from "../domain/app-error";
import type { JobQueue } from "../jobs/job-queue";
import type { JobRecord } from "../jobs/job-types";
import { resolveDataDir, startJobRuntime } from "../jobs/job-runtime";
import { toJobView, type JobView } from "../jobs/job-view";
import { readServerAddress } from "./server-address";
import { openServerSession } from "./server-session";
import { askCredentials } from "./terminal-input";

/**
 * What `npm run import` and `npm run analyze` share: start a job through the
 * server that owns this data folder (PGlite cannot be opened twice), or, when
 * none runs, in this process; follow it with a progress line; cancel on
 * Ctrl-C. Either way the job goes through the queue, so progress, cancel and
 * report are those the workbench shows.
 */

/** The running server refused the request (a path outside the roots, an unknown model). */
export class ServerRefusedError extends AppError {
  override readonly name = "ServerRefusedError";
  readonly code = "SERVER_REFUSED";
}

export interface JobCliOptions {
  projectRoot: string;
  /** The server route that queues the job, e.g. /api/imports. */
  serverPath: string;
  body: unknown;
  /** Queues the job in this process when no server runs. */
  enqueueInProcess(queue: JobQueue, environment: ServerEnvironment, database: Database): Promise<JobRecord>;
  formatProgress(job: JobView): string;
  /** Printed once the job is queued, with where it runs. */
  announce(where: string): string;
}

export async function runJobFromCli(options: JobCliOptions): Promise<JobView> {
  const environment = readServerEnvironment();
  const server = readServerAddress(resolveDataDir(environment, options.projectRoot));
  const connection = server ? await throughServer(server.url, options) : await inProcess(environment, options);
  console.log(options.announce(connection.describe));
  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.log("\nCancelling… (Ctrl-C again to quit at once)");
    void connection.cancel();
  });
  try {
    return await follow(connection, options.formatProgress);
  } finally {
    await connection.close();
  }
}

interface JobConnection {
  describe: string;
  get(): Promise<JobView>;
  cancel(): Promise<void>;
  close(): Promise<void>;
}

async function throughServer(url: string, options: JobCliOptions): Promise<JobConnection> {
  const session = await openServerSession(url, () => askCredentials(url));
  try {
    const response = await fetch(`${url}${options.serverPath}`, {
      method: "POST",
      headers: { "Content-Type": "application/json", ...session.headers },
      body: JSON.stringify(options.body),
    });
    if (!response.ok) {
      const refusal = (await response.json().catch(() => ({}))) as { error?: string };
      throw new ServerRefusedError(refusal.error ?? `The server at ${url} answered ${response.status}.`);
    }
    // Routes answer with the job itself, or with what they made and its job (an export: { exportId, job }).
    const answer = (await response.json()) as JobView | { job: JobView };
    const { id } = "job" in answer ? answer.job : answer;
    return {
      describe: `through the running server at ${url}${session.username ? ` as ${session.username}` : ""}`,
      get: async () => (await (await fetch(`${url}/api/jobs/${id}`, { headers: session.headers })).json()) as JobView,
      cancel: async () => {
        await fetch(`${url}/api/jobs/${id}/cancel`, { method: "POST", headers: session.headers });
      },
      close: () => session.close(),
    };
  } catch (error) {
    await session.close();
    throw error;
  }
}

async function inProcess(environment: ServerEnvironment, options: JobCliOptions): Promise<JobConnection> {
  const database = await openServerDatabase();
  const runtime = await startJobRuntime({
    database,
    environment,
    projectRoot: options.projectRoot,
    dataDir: resolveDataDir(environment, options.projectRoot),
    onNotice: (message) => console.log(message),
  });
  const close = async () => {
    await runtime.stop();
    await database.close();
  };
  try {
    const job = await options.enqueueInProcess(runtime.queue, environment, database);
    return {
      describe: "in this process; no server is running on this data folder",
      get: async () => toJobView(await runtime.queue.get(job.id)),
      cancel: async () => {
        await runtime.queue.cancel(job.id);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function follow(connection: JobConnection, format: (job: JobView) => string): Promise<JobView> {
  const tty = process.stdout.isTTY === true;
  let lastLine = "";
  let lastPrinted = 0;
  for (;;) {
    const job = await connection.get();
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") {
      if (tty && lastLine) process.stdout.write("\n");
      return job;
    }
    const line = format(job);
    if (tty) {
      const columns = process.stdout.columns ?? 100;
      process.stdout.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns - 1, lastLine.length))}`);
    } else if (line !== lastLine && Date.now() - lastPrinted > 5000) {
      console.log(line);
      lastPrinted = Date.now();
    }
    lastLine = line;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
