// `npm run import -- <path> [--corpus NAME] [--manifest FILE] ...`
//
// With a server running on this data folder, the CLI asks it to run the import
// (PGlite cannot be opened twice); otherwise it opens the database itself and
// runs the import job in this process. Either way the job goes through the
// queue, so progress, cancellation (Ctrl-C) and the report are the same as in
// the workbench.
import { writeFile } from "node:fs/promises";
import { importRootsFrom, readInvocationDirectory, readServerEnvironment } from "../config/env";
import { importReportToCsv, summariseImport, type ImportReport } from "../corpus/import-report";
import { enqueueImport } from "../corpus/start-import";
import type { ImportJobRequest } from "../corpus/import-job-payload";
import { openServerDatabase } from "../db/open-server-database";
import { AppError } from "../domain/app-error";
import { resolveDataDir, startJobRuntime } from "../jobs/job-runtime";
import { toJobView, type JobView } from "../jobs/job-view";
import { formatImportProgress, IMPORT_USAGE, ImportUsageError, parseImportArguments } from "./import-arguments";
import { exitWithError } from "./serve-workbench";
import { readServerAddress } from "./server-address";

/** The running server refused the import (a path outside the roots, a bad option). */
class ImportRefusedError extends AppError {
  override readonly name = "ImportRefusedError";
  readonly code = "IMPORT_REFUSED";
}

interface JobConnection {
  describe: string;
  get(): Promise<JobView>;
  cancel(): Promise<void>;
  close(): Promise<void>;
}

const projectRoot = process.cwd();

try {
  const command = parseImportArguments(process.argv.slice(2), readInvocationDirectory());
  if (command === "help") {
    console.log(IMPORT_USAGE);
    process.exit(0);
  }
  const environment = readServerEnvironment();
  const dataDir = resolveDataDir(environment, projectRoot);
  const server = readServerAddress(dataDir);
  const connection = server ? await throughServer(server.url, command.request) : await inProcess(command.request);
  console.log(`Importing ${command.request.source.kind === "path" ? command.request.source.path : "upload"} into corpus "${command.request.corpusName}" (${connection.describe})`);

  let interrupted = false;
  process.on("SIGINT", () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.log("\nCancelling… (Ctrl-C again to quit at once)");
    void connection.cancel();
  });

  const job = await follow(connection);
  await connection.close();
  process.exit(await finish(job, command.reportPath));
} catch (error) {
  if (error instanceof ImportUsageError) {
    console.error(`error: ${error.message}\n\n${IMPORT_USAGE}`);
    process.exit(1);
  }
  exitWithError(error);
}

async function throughServer(url: string, request: ImportJobRequest): Promise<JobConnection> {
  const response = await fetch(`${url}/api/imports`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => ({}))) as { error?: string };
    throw new ImportRefusedError(refusal.error ?? `The server at ${url} answered ${response.status}.`);
  }
  const { id } = (await response.json()) as JobView;
  return {
    describe: `through the running server at ${url}`,
    get: async () => (await (await fetch(`${url}/api/jobs/${id}`)).json()) as JobView,
    cancel: async () => {
      await fetch(`${url}/api/jobs/${id}/cancel`, { method: "POST" });
    },
    close: async () => undefined,
  };
}

async function inProcess(request: ImportJobRequest): Promise<JobConnection> {
  const environment = readServerEnvironment();
  const database = await openServerDatabase();
  const runtime = await startJobRuntime({
    database,
    environment,
    projectRoot,
    dataDir: resolveDataDir(environment, projectRoot),
  });
  try {
    const job = await enqueueImport(runtime.queue, request, importRootsFrom(environment, projectRoot));
    return {
      describe: "in this process; no server is running on this data folder",
      get: async () => toJobView(await runtime.queue.get(job.id)),
      cancel: async () => {
        await runtime.queue.cancel(job.id);
      },
      close: async () => {
        await runtime.stop();
        await database.close();
      },
    };
  } catch (error) {
    await runtime.stop();
    await database.close();
    throw error;
  }
}

async function follow(connection: JobConnection): Promise<JobView> {
  const tty = process.stdout.isTTY === true;
  let lastLine = "";
  let lastPrinted = 0;
  for (;;) {
    const job = await connection.get();
    if (job.status === "succeeded" || job.status === "failed" || job.status === "cancelled") {
      if (tty) process.stdout.write("\n");
      return job;
    }
    const line = formatImportProgress(job, 24);
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

async function finish(job: JobView, reportPath: string | undefined): Promise<number> {
  if (job.status === "cancelled") {
    console.log("The import was cancelled. Files imported before that are kept.");
    return 130;
  }
  if (job.status === "failed") {
    console.error(`error: the import failed: ${job.error?.message ?? "unknown error"}`);
    return 1;
  }
  const report = job.result as unknown as ImportReport;
  for (const entry of report.entries) {
    if (entry.outcome === "imported" || entry.outcome === "duplicate") continue;
    console.log(`  ${entry.outcome.padEnd(22)} ${entry.path}${entry.reason ? `: ${entry.reason}` : ""}`);
  }
  console.log(`Done: ${summariseImport(report)}.`);
  if (reportPath) {
    await writeFile(reportPath, importReportToCsv(report));
    console.log(`Report written to ${reportPath}`);
  }
  return report.counts.failed > 0 || report.counts.problems > 0 ? 3 : 0;
}
