import { existsSync } from "node:fs";
import path from "node:path";
import { listCorpora } from "../db/corpus.repository";
import type { Database } from "../db/database";
import { findJobsByPayloadField } from "../db/job.repository";
import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { enqueueImport } from "../corpus/start-import";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import { enqueueAnalysis } from "../inference/start-analysis";
import type { JobQueue } from "./job-queue";

/**
 * The first start on an empty database imports the demo corpus and analyses
 * it with the default model, so a fresh clone shows real curves. Idempotent:
 * it never imports twice (not even after the researcher deleted the corpus),
 * and the analysis is queued once the import has succeeded, also when the
 * server was restarted in between.
 */
export const DEMO_CORPUS_NAME = "Demo study";
export const DEFAULT_MODEL_ID = "resonance-synthetic-baseline";

export interface DemoSeedOptions {
  database: Database;
  queue: JobQueue;
  projectRoot: string;
  modelsDir: string;
  /** The model the demo is analysed with; DEFAULT_MODEL_ID unless a test says otherwise. */
  modelId?: string;
  log: (message: string) => void;
}

/** Queues whatever the demo still needs; call at start-up and whenever a job finishes. */
export async function seedDemo(options: DemoSeedOptions): Promise<void> {
  const { database, queue, projectRoot, modelsDir, log } = options;
  const folder = path.join(projectRoot, "datasets", "demo");
  const manifest = path.join(folder, "manifest.csv");
  if (!existsSync(manifest)) return;

  const imports = await findJobsByPayloadField(database.prisma, IMPORT_JOB_KIND, "corpusName", DEMO_CORPUS_NAME);
  if (imports.length === 0) {
    if ((await listCorpora(database.prisma)).length > 0) return;
    await enqueueImport(queue, { corpusName: DEMO_CORPUS_NAME, source: { kind: "path", path: folder }, manifestPath: manifest }, [folder]);
    log(`Importing the demo corpus (${path.relative(projectRoot, folder)}); follow it in the Jobs panel. Set DEMO=0 to skip.`);
    return;
  }
  if (!imports.some((job) => job.status === "succeeded")) return;
  const analyses = await findJobsByPayloadField(database.prisma, ANALYSE_JOB_KIND, "selection.corpusName", DEMO_CORPUS_NAME);
  if (analyses.length > 0) return;
  try {
    const modelId = options.modelId ?? DEFAULT_MODEL_ID;
    await enqueueAnalysis(queue, { modelId, selection: { corpusName: DEMO_CORPUS_NAME } }, modelsDir);
    log(`Analysing the demo corpus with ${modelId}; follow it in the Jobs panel.`);
  } catch (error) {
    log(`The demo corpus is imported but not analysed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
