// One measured import for the import benchmark, in a process of its own so its
// peak RSS (PGlite, the audio worker thread and all) is the import's alone.
// Usage: node --import tsx import-bench-child.ts <dataDir> <source path>
// Prints one JSON line: { seconds, maxRssBytes, report counts }.
import path from "node:path";
import { parseServerEnvironment } from "../config/env";
import { applyPendingMigrations } from "../db/apply-migrations";
import { openDatabase } from "../db/database";
import { embeddedDatasource } from "../db/datasource";
import { projectMigrationPaths } from "../db/migrations";
import { startJobRuntime } from "../jobs/job-runtime";
import type { ImportReport } from "./import-report";
import { enqueueImport } from "./start-import";
import { waitForJob } from "./testing/import-fixtures";

const [dataDir, source] = process.argv.slice(2) as [string, string];
const projectRoot = path.resolve(import.meta.dirname, "..", "..");
const database = await openDatabase(embeddedDatasource(dataDir, projectRoot), "import benchmark");
await applyPendingMigrations(database.connection, projectMigrationPaths(projectRoot));
const roots = [path.dirname(source)];
const environment = parseServerEnvironment({ DATA_DIR: dataDir, IMPORT_ROOTS: roots[0] });
const runtime = await startJobRuntime({ database, environment, projectRoot, dataDir });
const started = performance.now();
const queued = await enqueueImport(runtime.queue, { corpusName: "Benchmark", source: { kind: "path", path: source } }, roots);
const job = await waitForJob(runtime.queue, queued.id, ["succeeded", "failed", "cancelled"], 600_000);
const seconds = (performance.now() - started) / 1000;
await runtime.stop();
await database.close();
const report = job.result as unknown as ImportReport | null;
const durationSeconds = (report?.entries ?? []).reduce((sum, entry) => sum + (entry.durationSeconds ?? 0), 0);
console.log(
  JSON.stringify({
    status: job.status,
    seconds,
    audioSeconds: durationSeconds,
    // resourceUsage().maxRSS is in kilobytes and covers worker threads too.
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    counts: report?.counts ?? null,
  }),
);
