import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAudioProcessor, type AudioProcessor } from "../corpus/audio-processor";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "../corpus/audio-store";
import { createImportJobHandler } from "../corpus/import-job";
import { IMPORT_JOB_KIND } from "../corpus/import-job-payload";
import { sineChannel, waitForJob, writeWav } from "../corpus/testing/import-fixtures";
import { listCorpora, listRecordings } from "../db/corpus.repository";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { createAnalysisJobHandler } from "../inference/analysis-job";
import { ANALYSE_JOB_KIND } from "../inference/analysis-job-payload";
import { createInferenceEngine, type InferenceEngine } from "../inference/inference-engine";
import { DEMO_CORPUS_NAME, seedDemo } from "./demo-seed";
import { createJobQueue, type JobQueue } from "./job-queue";
import { startJobWorker } from "./job-worker";

let database: TestDatabase;
let projectRoot: string;
let dataDir: string;
let modelsDir: string;
let store: AudioStore;
let processor: AudioProcessor;
let engine: InferenceEngine;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  projectRoot = mkdtempSync(path.join(tmpdir(), "resonance-demo-project-"));
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-demo-data-"));
  modelsDir = path.join(projectRoot, "models");
  cpSync(path.join(PROJECT_ROOT, "models", "testing", "funasr-like"), path.join(modelsDir, "funasr-like"), { recursive: true });
  const demo = path.join(projectRoot, "datasets", "demo");
  mkdirSync(demo, { recursive: true });
  writeWav(path.join(demo, "p01-s1.wav"), [sineChannel(200, 2, 16_000)], 16_000);
  writeWav(path.join(demo, "p02-s1.wav"), [sineChannel(300, 3, 16_000)], 16_000);
  writeFileSync(path.join(demo, "manifest.csv"), "path,patient,cohort,session,session_date\np01-s1.wav,P01,control,S1,2026-01-05\np02-s1.wav,P02,depression,S1,2026-01-06\n");
  store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  processor = createAudioProcessor({ dataDir, projectRoot: PROJECT_ROOT });
  engine = createInferenceEngine({ projectRoot: PROJECT_ROOT, device: "cpu", threads: 1 });
  queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });
});

afterAll(async () => {
  await processor?.close();
  await engine?.close();
  await database?.destroy();
  for (const folder of [projectRoot, dataDir]) if (folder) rmSync(folder, { recursive: true, force: true });
});

describe(`the demo corpus on a first start, on ${testDatabaseMode()}`, () => {
  it("is imported once on an empty database and analysed once the import succeeded; later starts do nothing new", async () => {
    const said: string[] = [];
    const seed = () => seedDemo({ database, queue, projectRoot, modelsDir, modelId: "testing-funasr-like", log: (line) => said.push(line) });
    const worker = startJobWorker({
      queue,
      workerId: "demo",
      pollIntervalMs: 50,
      handlers: {
        [IMPORT_JOB_KIND]: createImportJobHandler({ database, store, processor, dataDir, importRoots: [path.join(projectRoot, "datasets", "demo")] }),
        [ANALYSE_JOB_KIND]: createAnalysisJobHandler({ database, store, engine, modelsDir }),
      },
      onSucceeded: () => void seed(),
    });
    try {
      await seed();
      await seed();
      const imports = await queue.list({ kind: IMPORT_JOB_KIND });
      expect(imports).toHaveLength(1);
      await waitForJob(queue, imports[0]!.id, ["succeeded"]);
      const deadline = Date.now() + 60_000;
      while ((await queue.list({ kind: ANALYSE_JOB_KIND })).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const [analysis] = await queue.list({ kind: ANALYSE_JOB_KIND });
      const done = await waitForJob(queue, analysis!.id, ["succeeded", "failed"]);
      expect(done.result).toMatchObject({ counts: { analysed: 2, failed: 0 } });
    } finally {
      await worker.stop();
    }
    expect((await listCorpora(database.prisma)).map((corpus) => corpus.name)).toEqual([DEMO_CORPUS_NAME]);
    expect((await listRecordings(database.prisma)).map((recording) => recording.patientCode).sort()).toEqual(["P01", "P02"]);
    expect(said.join("\n")).toMatch(/Importing the demo corpus[\s\S]*Analysing the demo corpus with testing-funasr-like/);

    // A later start, even after the corpus was emptied by hand, queues nothing new.
    await seed();
    expect(await queue.list({ kind: IMPORT_JOB_KIND })).toHaveLength(1);
    expect(await queue.list({ kind: ANALYSE_JOB_KIND })).toHaveLength(1);
  });

  it("does not import the demo into a database that already holds corpora", async () => {
    await database.prisma.job.deleteMany();
    const said: string[] = [];
    await seedDemo({ database, queue, projectRoot, modelsDir, log: (line) => said.push(line) });
    expect(await queue.list({ kind: IMPORT_JOB_KIND })).toHaveLength(0);
    expect(said).toEqual([]);
  });
});
