// `npm run import -- <path> [--corpus NAME] [--manifest FILE] ...`: see IMPORT_USAGE.
import { writeFile } from "node:fs/promises";
import { importRootsFrom, readInvocationDirectory } from "../config/env";
import { importReportToCsv, summariseImport, type ImportReport } from "../corpus/import-report";
import { enqueueImport } from "../corpus/start-import";
import type { JobView } from "../jobs/job-view";
import { formatImportProgress, IMPORT_USAGE, ImportUsageError, parseImportArguments } from "./import-arguments";
import { runJobFromCli } from "./job-cli";
import { exitWithError } from "./serve-workbench";

const projectRoot = process.cwd();

try {
  const command = parseImportArguments(process.argv.slice(2), readInvocationDirectory());
  if (command === "help") {
    console.log(IMPORT_USAGE);
    process.exit(0);
  }
  const { request } = command;
  const job = await runJobFromCli({
    projectRoot,
    serverPath: "/api/imports",
    body: request,
    enqueueInProcess: (queue, environment) => enqueueImport(queue, request, importRootsFrom(environment, projectRoot)),
    formatProgress: (view) => formatImportProgress(view, 24),
    announce: (where) =>
      `Importing ${request.source.kind === "path" ? request.source.path : "upload"} into corpus "${request.corpusName}" (${where})`,
  });
  process.exit(await finish(job, command.reportPath));
} catch (error) {
  if (error instanceof ImportUsageError) {
    console.error(`error: ${error.message}\n\n${IMPORT_USAGE}`);
    process.exit(1);
  }
  exitWithError(error);
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
