import { readServerEnvironment } from "../config/env";
import { getServerDatabase } from "../db/server-database";
import { createJobQueue, type JobQueue } from "./job-queue";

/** The job queue on the server process's database, for route handlers and server actions. */
export async function getServerJobQueue(): Promise<JobQueue> {
  const database = await getServerDatabase();
  return createJobQueue(database, { heartbeatTimeoutSeconds: readServerEnvironment().JOB_HEARTBEAT_TIMEOUT_SECONDS });
}
