import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applyPendingMigrations } from "../db/apply-migrations";
import { openDatabase } from "../db/database";
import { embeddedDatasource } from "../db/datasource";
import { projectMigrationPaths } from "../db/migrations";
import { createJobQueue } from "./job-queue";

/**
 * Job queue overhead on the embedded database: how many jobs per second can
 * be enqueued, and claimed + completed by one worker. Jobs in this product run
 * for seconds to minutes, so this is the ceiling the queue puts on tiny jobs.
 */
export async function runJobQueueBenchmark(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(path.join(tmpdir(), "resonance-bench-"));
  const jobs = 1000;
  const opened = performance.now();
  const database = await openDatabase(embeddedDatasource(dir, process.cwd()), "benchmark");
  try {
    await applyPendingMigrations(database.connection, projectMigrationPaths(process.cwd()));
    const openSeconds = (performance.now() - opened) / 1000;
    const queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });

    let start = performance.now();
    for (let i = 0; i < jobs; i++) await queue.enqueue("bench", { i });
    const enqueueSeconds = (performance.now() - start) / 1000;

    start = performance.now();
    let done = 0;
    for (;;) {
      const claimed = await queue.claim("bench-worker");
      if (!claimed) break;
      await queue.complete(claimed.lease, null);
      done++;
    }
    const claimSeconds = (performance.now() - start) / 1000;
    return {
      database: "embedded (PGlite)",
      jobs,
      openAndMigrateSeconds: round(openSeconds),
      enqueuePerSecond: round(jobs / enqueueSeconds),
      claimAndCompletePerSecond: round(done / claimSeconds),
      peakRssMegabytes: round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
