import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAnalysesOfRecording } from "../db/analysis.repository";
import { listRecordings } from "../db/corpus.repository";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";
import type { JobRecord } from "../jobs/job-types";
import { startJobWorker } from "../jobs/job-worker";
import { createAudioProcessor, type AudioProcessor } from "../corpus/audio-processor";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "../corpus/audio-store";
import { importHarness, sineChannel, waitForJob, writeWav } from "../corpus/testing/import-fixtures";
import { type AnalysisReport, createAnalysisJobHandler } from "./analysis-job";
import { ANALYSE_JOB_KIND, type AnalyseJobRequest } from "./analysis-job-payload";
import { readFrameScores } from "./frame-scores-file";
import { createInferenceEngine, type InferenceEngine } from "./inference-engine";
import { enqueueAnalysis } from "./start-analysis";

let database: TestDatabase;
let dataDir: string;
let root: string;
let modelsDir: string;
let store: AudioStore;
let processor: AudioProcessor;
let engine: InferenceEngine;
let queue: JobQueue;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-analysis-data-"));
  root = mkdtempSync(path.join(tmpdir(), "resonance-analysis-root-"));
  modelsDir = mkdtempSync(path.join(tmpdir(), "resonance-analysis-models-"));
  for (const folder of ["funasr-like", "full-outputs"]) {
    cpSync(path.join(PROJECT_ROOT, "models", "testing", folder), path.join(modelsDir, folder), { recursive: true });
  }
  store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  processor = createAudioProcessor({ dataDir, projectRoot: PROJECT_ROOT });
  engine = createInferenceEngine({ projectRoot: PROJECT_ROOT, device: "cpu", threads: 1 });
  queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });

  writeWav(path.join(root, "a-interview.wav"), [sineChannel(220, 3, 16_000)], 16_000);
  writeWav(path.join(root, "b-reading.wav"), [sineChannel(330, 1.5, 22_050)], 22_050);
  writeWav(path.join(root, "c-click.wav"), [sineChannel(440, 0.01, 16_000)], 16_000);
  const { report } = await importHarness({ database, store, processor, dataDir, roots: [root] }).run({
    corpusName: "Clinic",
    source: { kind: "path", path: root },
  });
  expect(report.counts.imported + report.counts.warnings).toBe(3);
});

afterAll(async () => {
  await processor?.close();
  await engine?.close();
  await database?.destroy();
  for (const folder of [dataDir, root, modelsDir]) if (folder) rmSync(folder, { recursive: true, force: true });
});

async function analyse(request: AnalyseJobRequest): Promise<{ job: JobRecord; report: AnalysisReport }> {
  const queued = await enqueueAnalysis(queue, request, modelsDir);
  const worker = startJobWorker({
    queue,
    workerId: "analysis-test",
    pollIntervalMs: 50,
    handlers: { [ANALYSE_JOB_KIND]: createAnalysisJobHandler({ database, store, engine, modelsDir }) },
  });
  try {
    const job = await waitForJob(queue, queued.id, ["succeeded", "failed", "cancelled"]);
    return { job, report: job.result as unknown as AnalysisReport };
  } finally {
    await worker.stop();
  }
}

const byName = async () => new Map((await listRecordings(database.prisma)).map((recording) => [recording.originalName, recording]));

describe(`analysis jobs on ${testDatabaseMode()}`, () => {
  it("analyses a corpus and its regions, stores curves, scores and embeddings, and reports a too-short recording", async () => {
    const recordings = await byName();
    const interview = recordings.get("a-interview.wav")!;
    await database.prisma.region.create({ data: { recordingId: interview.id, startSeconds: 0.5, endSeconds: 2 } });

    const { job, report } = await analyse({ modelId: "testing-funasr-like", selection: { corpusName: "Clinic" } });
    expect(job.status).toBe("succeeded");
    expect(report.counts).toEqual({ analysed: 2, cached: 0, failed: 1 });
    expect(report.model).toMatchObject({ id: "testing-funasr-like", version: "1.0.0", executionProvider: "cpu" });
    expect(report.entries.find((entry) => entry.name === "c-click.wav")).toMatchObject({ outcome: "failed", code: "AUDIO_TOO_SHORT" });
    expect(job.progress).toMatchObject({ done: 3, total: 3, unit: "recordings" });

    const analyses = await listAnalysesOfRecording(database.prisma, interview.id);
    expect(analyses.map((analysis) => analysis.rangeKey).sort()).toEqual(["", "0.500-2.000"]);
    const whole = analyses.find((analysis) => analysis.rangeKey === "")!;
    // 3 s at 16 kHz: floor((48000 − 400) / 320) + 1 frames.
    expect(whole.frameCount).toBe(149);
    expect(whole.frameRate).toBe(50);
    const frameScores = await readFrameScores(store, whole.frameScoresHash!);
    expect(frameScores).toHaveLength(149 * CANONICAL_LABELS.length);
    for (let frame = 0; frame < 149; frame++) {
      const sum = frameScores.subarray(frame * 9, frame * 9 + 9).reduce((total, value) => total + value, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    expect(whole.embedding).toHaveLength(16);
    expect(whole.executionProvider).toBe("cpu");
    const scores = whole.utteranceScores as { labels: string[]; scores: number[]; top: string; confidence: number };
    expect(scores.labels).toEqual([...CANONICAL_LABELS]);
    expect(scores.scores.reduce((total, value) => total + value, 0)).toBeCloseTo(1, 5);
    expect(scores.top).toBe(CANONICAL_LABELS[scores.scores.indexOf(Math.max(...scores.scores))]);
    const region = analyses.find((analysis) => analysis.rangeKey !== "")!;
    expect(region.frameCount).toBe(Math.floor((1.5 * 16_000 - 400) / 320) + 1);
  });

  it("does nothing on a re-run unless forced", async () => {
    const interview = (await byName()).get("a-interview.wav")!;
    const before = await listAnalysesOfRecording(database.prisma, interview.id);
    const again = await analyse({ modelId: "testing-funasr-like", selection: { corpusName: "Clinic" } });
    expect(again.report.counts).toEqual({ analysed: 0, cached: 2, failed: 1 });
    expect((await listAnalysesOfRecording(database.prisma, interview.id)).map((a) => a.createdAt)).toEqual(before.map((a) => a.createdAt));

    const forced = await analyse({ modelId: "testing-funasr-like", selection: { recordingIds: [interview.id] }, force: true });
    expect(forced.report.counts).toEqual({ analysed: 1, cached: 0, failed: 0 });
  });

  it("treats a changed model file as a new model, keeping the old results apart", async () => {
    const interview = (await byName()).get("a-interview.wav")!;
    // Same graph, one byte of its producer string changed: a different file, so a different identity.
    const onnx = path.join(modelsDir, "funasr-like", "model.onnx");
    const bytes = readFileSync(onnx);
    const at = bytes.indexOf(Buffer.from("pytorch"));
    expect(at).toBeGreaterThan(0);
    bytes[at] = "P".charCodeAt(0);
    writeFileSync(onnx, bytes);

    const { report } = await analyse({ modelId: "testing-funasr-like", selection: { recordingIds: [interview.id] } });
    expect(report.counts.analysed).toBe(1);
    const models = await database.prisma.model.findMany({ where: { modelKey: "testing-funasr-like" } });
    expect(models).toHaveLength(2);
    expect(new Set(models.map((model) => model.fileHash)).size).toBe(2);
  });

  it("runs a model whose graph has its own utterance outputs and maps its labels", async () => {
    const reading = (await byName()).get("b-reading.wav")!;
    const { report } = await analyse({ modelId: "testing-full-outputs", selection: { recordingIds: [reading.id] } });
    expect(report.counts.analysed).toBe(1);
    const [analysis] = await listAnalysesOfRecording(database.prisma, reading.id, { modelKey: "testing-full-outputs" });
    const scores = analysis!.utteranceScores as { scores: number[]; model: { labels: string[]; scores: number[] } };
    expect(scores.model.labels).toEqual(["ang", "hap", "neu", "sad"]);
    // disgusted, fearful, other, surprised, unknown have no counterpart in this model.
    expect([1, 2, 5, 7, 8].map((index) => scores.scores[index])).toEqual([0, 0, 0, 0, 0]);
    expect(analysis!.embedding).toHaveLength(8);
  });

  it("batches short recordings of equal length, with the same results as one at a time", async () => {
    const folder = path.join(root, "batch");
    for (let index = 0; index < 3; index++) writeWav(path.join(folder, `clip-${index}.wav`), [sineChannel(180 + 90 * index, 2, 16_000)], 16_000);
    await importHarness({ database, store, processor, dataDir, roots: [root] }).run({ corpusName: "Batch", source: { kind: "path", path: folder } });
    const { report } = await analyse({ modelId: "testing-funasr-like", selection: { corpusName: "Batch" } });
    expect(report.counts).toEqual({ analysed: 3, cached: 0, failed: 0 });
    for (const recording of (await listRecordings(database.prisma)).filter((r) => r.corpusName === "Batch")) {
      const [stored] = await listAnalysesOfRecording(database.prisma, recording.id, { modelKey: "testing-funasr-like" });
      const storedScores = await readFrameScores(store, stored!.frameScoresHash!);
      const alone = await engine.analyse({ modelFolder: path.join(modelsDir, "funasr-like"), audioPath: store.analysisPath(recording.analysisHash!), batchSize: 1 });
      expect(stored!.windowSettings).toMatchObject({ batchedRecordings: 3 });
      expect(storedScores).toHaveLength(alone.frameScores.length);
      let worst = 0;
      for (let index = 0; index < alone.frameScores.length; index++) worst = Math.max(worst, Math.abs(storedScores[index]! - alone.frameScores[index]!));
      expect(worst).toBeLessThan(1e-6);
    }
  });

  it("hands a job for a model its host lacks back to the queue, where a worker that has it does it", async () => {
    // At least 2 s before the retry: time enough to stop the first worker before it claims the job again.
    const retrying = createJobQueue(database, { heartbeatTimeoutSeconds: 60, backoff: { baseSeconds: 4, maxSeconds: 4 } });
    const queued = await enqueueAnalysis(retrying, { modelId: "testing-full-outputs", selection: { corpusName: "Clinic" }, force: true }, modelsDir);
    const bare = mkdtempSync(path.join(tmpdir(), "resonance-no-models-"));
    const worker = (workerId: string, folder: string) =>
      startJobWorker({
        queue: retrying,
        workerId,
        pollIntervalMs: 50,
        handlers: { [ANALYSE_JOB_KIND]: createAnalysisJobHandler({ database, store, engine, modelsDir: folder, missingModel: "hand back" }) },
      });
    const lacking = worker("host-without-the-model", bare);
    try {
      await expect.poll(async () => (await retrying.get(queued.id)).error?.message ?? "", { timeout: 30_000, interval: 50 }).toMatch(/Handed back for a worker that has the model/);
    } finally {
      await lacking.stop();
      rmSync(bare, { recursive: true, force: true });
    }
    expect(await retrying.get(queued.id)).toMatchObject({ status: "queued", attempts: 1, error: { transient: true } });
    const able = worker("host-with-the-model", modelsDir);
    try {
      expect((await waitForJob(retrying, queued.id, ["succeeded", "failed", "cancelled"])).status).toBe("succeeded");
    } finally {
      await able.stop();
    }
  });

  it("refuses an unknown model at once, naming the ones there are", async () => {
    await expect(enqueueAnalysis(queue, { modelId: "emotion2vec-plus-large", selection: { corpusName: "Clinic" } }, modelsDir)).rejects.toThrow(
      /No model emotion2vec-plus-large .* Available: testing-full-outputs 1\.0\.0, testing-funasr-like 1\.0\.0/,
    );
  });
});
