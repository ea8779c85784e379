// `npm run analyze -- --model ID [--corpus NAME | --cohort NAME | --recording ID ...] [--force] [--no-regions]`
import path from "node:path";
import { parseArgs } from "node:util";
import type { AnalysisReport } from "../inference/analysis-job";
import type { AnalyseJobRequest } from "../inference/analysis-job-payload";
import { enqueueAnalysis } from "../inference/start-analysis";
import type { JobView } from "../jobs/job-view";
import { formatAnalysisProgress } from "./analyze-progress";
import { runJobFromCli } from "./job-cli";
import { exitWithError } from "./serve-workbench";

const USAGE = `Usage: npm run analyze -- --model ID [--corpus NAME] [--cohort NAME] [--recording ID ...] [options]

Runs a model from MODELS_DIR over recordings: frame-level emotion curves,
utterance scores and embeddings, stored per recording audio and model.

Options:
  --model ID         the model's manifest id (see models/<folder>/manifest.json)
  --version V        a specific version of that model
  --corpus NAME      every recording of a corpus
  --cohort NAME      every recording of a cohort's patients
  --recording ID     a recording (repeatable)
  --force            re-run where results for this model are stored
  --no-regions       skip analysing regions on their own
  -h, --help         show this help

Exit status: 0 when every recording was analysed (or already was), 3 when some
failed, 1 when the analysis could not run, 130 when cancelled.`;

const projectRoot = process.cwd();

try {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      model: { type: "string" },
      version: { type: "string" },
      corpus: { type: "string" },
      cohort: { type: "string" },
      recording: { type: "string", multiple: true },
      force: { type: "boolean", default: false },
      "no-regions": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help || !values.model) {
    console.log(USAGE);
    process.exit(values.help ? 0 : 1);
  }
  const request: AnalyseJobRequest = {
    modelId: values.model,
    ...(values.version ? { modelVersion: values.version } : {}),
    selection: {
      ...(values.corpus ? { corpusName: values.corpus } : {}),
      ...(values.cohort ? { cohortName: values.cohort } : {}),
      ...(values.recording ? { recordingIds: values.recording } : {}),
    },
    force: values.force,
    includeRegions: !values["no-regions"],
  };
  const job = await runJobFromCli({
    projectRoot,
    serverPath: "/api/analyses",
    body: request,
    enqueueInProcess: (queue, environment) => enqueueAnalysis(queue, request, path.resolve(projectRoot, environment.MODELS_DIR)),
    formatProgress: (view) => formatAnalysisProgress(view, 24),
    announce: (where) => `Analysing with ${request.modelId} (${where})`,
  });
  process.exit(finish(job));
} catch (error) {
  if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
    console.error(`error: ${error.message}\n\n${USAGE}`);
    process.exit(1);
  }
  exitWithError(error);
}

function finish(job: JobView): number {
  if (job.status === "cancelled") {
    console.log("The analysis was cancelled. Results stored before that are kept.");
    return 130;
  }
  if (job.status === "failed") {
    console.error(`error: the analysis failed: ${job.error?.message ?? "unknown error"}`);
    return 1;
  }
  const report = job.result as unknown as AnalysisReport;
  for (const entry of report.entries) {
    if (entry.outcome === "failed") console.log(`  failed  ${entry.name} (${entry.recordingId}): ${entry.reason ?? ""}`);
  }
  const { analysed, cached, failed } = report.counts;
  console.log(
    `Done with ${report.model.id} ${report.model.version}${report.model.executionProvider ? ` on ${report.model.executionProvider}` : ""}: ${analysed} analysed, ${cached} already stored, ${failed} failed.`,
  );
  return failed > 0 ? 3 : 0;
}
