import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitForJob } from "../corpus/testing/import-fixtures";
import { ensureModelRecord, saveAnalysis } from "../db/analysis.repository";
import { createRecording, ensureCorpus } from "../db/corpus.repository";
import { readProjectionPointEmbeddings } from "../db/projection.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { createJobQueue, type JobQueue } from "../jobs/job-queue";
import { startJobWorker, type JobWorker } from "../jobs/job-worker";
import { adjustedRandIndex } from "./clustering/adjusted-rand-index";
import { createClusterJobHandler } from "./cluster-job";
import { createPlaceJobHandler, createProjectJobHandler } from "./projection-job";
import { CLUSTER_JOB_KIND, PLACE_JOB_KIND, PROJECT_JOB_KIND } from "./projection-job-kinds";
import type { ProjectionPointsPayload } from "./projection-points-payload";
import {
  serveAnalyseMissing,
  serveClusterings,
  serveCreateClustering,
  serveCreateProjection,
  serveDeleteProjection,
  serveProjectableModels,
  serveProjection,
  serveProjectionPoints,
  servePlaceNewPoints,
} from "./serve-projections";
import { syntheticEmbeddings } from "./synthetic-embeddings";
import { serveBulkLabel } from "../labels/serve-bulk-label";

/**
 * The projection job end to end on the real database: a set with embeddings
 * for most recordings, the UMAP job in its worker thread, the stored points,
 * reproducibility per seed, placing newly analysed recordings, cancelling,
 * and labelling a selection.
 */

// Single-user mode: the local researcher may do everything, so a bare request will do.
const LOCAL = new Request("http://127.0.0.1/api/projections");
const DIMS = 16;
const RECORDINGS = 48;
const WITH_EMBEDDING = 40;

let database: TestDatabase;
let queue: JobQueue;
let worker: JobWorker;
let modelsDir: string;
let corpusId: string;
let modelId: string;
const recordingIds: string[] = [];
const hashes: string[] = [];
const data = syntheticEmbeddings(RECORDINGS, DIMS, 3, 7);

function scores(index: number) {
  const values = CANONICAL_LABELS.map((_, label) => (label === index % 9 ? 0.6 : 0.05));
  return { labels: [...CANONICAL_LABELS] as string[], scores: values, top: CANONICAL_LABELS[index % 9]!, confidence: 0.6 };
}

async function storeEmbedding(index: number, range?: { startSeconds: number; endSeconds: number }, vector?: Float32Array): Promise<void> {
  await saveAnalysis(database.prisma, {
    audioHash: hashes[index]!,
    modelId,
    ...(range ? { range } : {}),
    utteranceScores: scores(index),
    frameRate: 50,
    frameCount: 10,
    frameScoresHash: "0".repeat(64),
    embedding: vector ?? data.vectors.slice(index * DIMS, (index + 1) * DIMS),
    executionProvider: "cpu",
    windowSettings: {},
    timings: {},
  });
}

const dependencies = () => ({ database, queue, modelsDir });

async function createAndRun(body: Record<string, unknown>) {
  const response = await serveCreateProjection(dependencies(), LOCAL, body);
  expect(response.status).toBe(202);
  const created = (await response.json()) as { projection: { id: string }; job: { id: string } };
  const job = await waitForJob(queue, created.job.id, ["succeeded", "failed", "cancelled"], 120_000);
  return { id: created.projection.id, job };
}

async function points(id: string): Promise<ProjectionPointsPayload> {
  const response = await serveProjectionPoints(database, LOCAL, id);
  expect(response.status).toBe(200);
  return (await response.json()) as ProjectionPointsPayload;
}

const baseRequest = () => ({
  modelId,
  selection: { corpusIds: [corpusId] },
  parameters: { nNeighbors: 8, minDist: 0.1, metric: "euclidean", seed: 11, supervised: false, nEpochs: 60 },
});

beforeAll(async () => {
  database = await createTestDatabase();
  queue = createJobQueue(database, { heartbeatTimeoutSeconds: 60 });
  modelsDir = mkdtempSync(path.join(tmpdir(), "resonance-projection-models-"));
  corpusId = (await ensureCorpus(database.prisma, "Projection clinic")).id;
  for (let index = 0; index < RECORDINGS; index += 1) {
    const hash = createHash("sha256").update(`projection-${index}`).digest("hex");
    hashes.push(hash);
    const [id] = await createRecording(database.prisma, {
      corpusId,
      contentHash: hash,
      originalName: `session-${String(index).padStart(2, "0")}.wav`,
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: 1000,
      tracks: [{ trackIndex: -1, analysisHash: hash, durationSeconds: 30, quality: {}, qualityFlags: [] }],
      metadata: { phq9: index % 27, site: index % 2 ? "north" : "south" },
      subject: { patientCode: `P${index % 12}`, cohorts: [index % 2 ? "depression" : "control"], sessionCode: `S${Math.floor(index / 12)}` },
    });
    recordingIds.push(id!);
  }
  modelId = await ensureModelRecord(database.prisma, {
    modelKey: "absent-from-models-dir",
    version: "1",
    fileHash: "f".repeat(64),
    name: "Test embedder",
    labelNames: [...CANONICAL_LABELS],
    manifestHash: "e".repeat(64),
    manifest: {},
  });
  for (let index = 0; index < WITH_EMBEDDING; index += 1) await storeEmbedding(index);
  worker = startJobWorker({
    queue,
    workerId: "projection-test",
    pollIntervalMs: 50,
    heartbeatIntervalMs: 100,
    handlers: {
      [PROJECT_JOB_KIND]: createProjectJobHandler(database),
      [PLACE_JOB_KIND]: createPlaceJobHandler(database),
      [CLUSTER_JOB_KIND]: createClusterJobHandler(database),
    },
  });
}, 60_000);

afterAll(async () => {
  await worker?.stop();
  await database?.destroy();
  if (modelsDir) rmSync(modelsDir, { recursive: true, force: true });
});

describe(`projections on ${testDatabaseMode()}`, () => {
  let firstId = "";

  it("projects the recordings that have an embedding, counts the ones without, and stores the input hash", async () => {
    const { id, job } = await createAndRun(baseRequest());
    expect(job.status).toBe("succeeded");
    firstId = id;
    const summary = (await (await serveProjection(database, LOCAL, id)).json()) as { projection: Record<string, unknown> };
    expect(summary.projection).toMatchObject({ status: "succeeded", pointCount: WITH_EMBEDDING, missingCount: RECORDINGS - WITH_EMBEDDING, dims: DIMS, level: "recording" });
    expect(summary.projection.inputHash).toMatch(/^[0-9a-f]{64}$/);
    expect(String(summary.projection.name)).toContain("per recording");
    const models = (await (await serveProjectableModels(database, LOCAL)).json()) as { models: { id: string; recordingEmbeddings: number }[] };
    expect(models.models).toEqual([expect.objectContaining({ id: modelId, recordingEmbeddings: WITH_EMBEDDING })]);

    const payload = await points(id);
    expect(payload.count).toBe(WITH_EMBEDDING);
    expect(payload.recordingIds).toEqual(recordingIds.slice(0, WITH_EMBEDDING));
    expect(payload.x.every(Number.isFinite) && payload.y.every(Number.isFinite)).toBe(true);
    expect(payload.cohorts[0]).toBe("control");
    expect(payload.patients[1]).toBe("P1");
    expect(payload.modelEmotion[2]).toBe(CANONICAL_LABELS[2]);
    expect(payload.metadata.phq9?.[5]).toBe(5);
    expect(payload.metadata.site?.[1]).toBe("north");

    // The synthetic clusters stay apart: each point's nearest other point in 2-D is mostly of its own cluster.
    let same = 0;
    for (let i = 0; i < payload.count; i += 1) {
      let best = -1;
      let bestDistance = Infinity;
      for (let j = 0; j < payload.count; j += 1) {
        if (i === j) continue;
        const distance = (payload.x[i]! - payload.x[j]!) ** 2 + (payload.y[i]! - payload.y[j]!) ** 2;
        if (distance < bestDistance) [best, bestDistance] = [j, distance];
      }
      if (data.labels[best] === data.labels[i]) same += 1;
    }
    expect(same / payload.count).toBeGreaterThan(0.9);
  }, 120_000);

  it("gives the same coordinates and input hash for the same inputs and seed, and different ones for another seed", async () => {
    const again = await createAndRun(baseRequest());
    const other = await createAndRun({ ...baseRequest(), parameters: { ...baseRequest().parameters, seed: 12 } });
    const [first, second, third] = await Promise.all([points(firstId), points(again.id), points(other.id)]);
    expect(second.x).toEqual(first.x);
    expect(second.y).toEqual(first.y);
    expect(third.x).not.toEqual(first.x);
    const hashOf = async (id: string) => ((await (await serveProjection(database, LOCAL, id)).json()) as { projection: { inputHash: string } }).projection.inputHash;
    expect(await hashOf(again.id)).toBe(await hashOf(firstId));
    expect(await hashOf(other.id)).toBe(await hashOf(firstId));
  }, 120_000);

  it("clusters the full embeddings with HDBSCAN and k-means and summarises each cluster", async () => {
    const cluster = async (body: Record<string, unknown>) => {
      const response = await serveCreateClustering(dependencies(), LOCAL, firstId, body);
      expect(response.status).toBe(202);
      const created = (await response.json()) as { clusteringId: string; job: { id: string } };
      expect((await waitForJob(queue, created.job.id, ["succeeded", "failed", "cancelled"], 120_000)).status).toBe("succeeded");
      const listed = (await (await serveClusterings(database, LOCAL, firstId)).json()) as {
        clusterings: { id: string; status: string; labels: number[]; summary: { clusters: { id: number; size: number; cohortMix: { label: string; count: number }[]; representatives: number[] }[] } }[];
      };
      return listed.clusterings.find((entry) => entry.id === created.clusteringId)!;
    };
    const truth = Array.from(data.labels.subarray(0, WITH_EMBEDDING));
    const density = await cluster({ algorithm: "hdbscan", minClusterSize: 5 });
    expect(density.status).toBe("succeeded");
    expect(density.labels).toHaveLength(WITH_EMBEDDING);
    expect(adjustedRandIndex(density.labels, truth)).toBeGreaterThan(0.95);
    const kmeans = await cluster({ algorithm: "kmeans", k: 3, seed: 1 });
    expect(adjustedRandIndex(kmeans.labels, truth)).toBe(1);
    const clusters = kmeans.summary.clusters.filter((entry) => entry.id >= 0);
    expect(clusters.map((entry) => entry.size).reduce((a, b) => a + b, 0)).toBe(WITH_EMBEDDING);
    expect(clusters[0]!.representatives.every((index) => kmeans.labels[index] === 0)).toBe(true);
    expect(clusters[0]!.cohortMix.map((entry) => entry.label).sort()).toEqual(["control", "depression"]);
    const refused = await serveCreateClustering(dependencies(), LOCAL, firstId, { algorithm: "kmeans", k: 0 });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: string }).error).toMatch(/k must be at least 1/);
  }, 120_000);

  it("places recordings analysed later into the finished projection without moving its points", async () => {
    const before = await points(firstId);
    for (let index = WITH_EMBEDDING; index < WITH_EMBEDDING + 3; index += 1) await storeEmbedding(index);
    const response = await servePlaceNewPoints(dependencies(), LOCAL, firstId);
    expect(response.status).toBe(202);
    const { job } = (await response.json()) as { job: { id: string } };
    expect((await waitForJob(queue, job.id, ["succeeded", "failed", "cancelled"], 120_000)).status).toBe("succeeded");
    const after = await points(firstId);
    expect(after.count).toBe(WITH_EMBEDDING + 3);
    expect(after.x.slice(0, WITH_EMBEDDING)).toEqual(before.x);
    expect(after.placed.filter(Boolean)).toHaveLength(3);
    expect(after.recordingIds.slice(WITH_EMBEDDING)).toEqual(recordingIds.slice(WITH_EMBEDDING, WITH_EMBEDDING + 3));
    const summary = (await (await serveProjection(database, LOCAL, firstId)).json()) as { projection: { missingCount: number; pointCount: number } };
    expect(summary.projection).toMatchObject({ pointCount: WITH_EMBEDDING + 3, missingCount: RECORDINGS - WITH_EMBEDDING - 3 });
    // The stored embeddings come back in point order for clustering.
    const stored = await readProjectionPointEmbeddings(database.prisma, firstId);
    expect(Array.from(stored.vectors.subarray(DIMS * 2, DIMS * 3))).toEqual(Array.from(data.vectors.subarray(DIMS * 2, DIMS * 3)));
  }, 120_000);

  it("projects regions when asked per region, with the regions' own embeddings and labels", async () => {
    const regionVectors = syntheticEmbeddings(12, DIMS, 2, 3).vectors;
    for (let index = 0; index < 12; index += 1) {
      const recording = Math.floor(index / 3);
      const range = { startSeconds: (index % 3) * 5, endSeconds: (index % 3) * 5 + 4 };
      await database.prisma.region.create({ data: { recordingId: recordingIds[recording]!, ...range } });
      await storeEmbedding(recording, range, regionVectors.slice(index * DIMS, (index + 1) * DIMS));
    }
    const { id, job } = await createAndRun({ ...baseRequest(), level: "region", selection: { recordingIds: recordingIds.slice(0, 4) }, parameters: { ...baseRequest().parameters, nNeighbors: 4 } });
    expect(job.status).toBe("succeeded");
    const payload = await points(id);
    expect(payload.count).toBe(12);
    expect(payload.regionIds.every((regionId) => regionId !== null)).toBe(true);
    expect(payload.startSeconds.slice(0, 3)).toEqual([0, 5, 10]);
  }, 120_000);

  it("fails with a clear message when too few recordings have embeddings, and offers to analyse the missing ones", async () => {
    const { id, job } = await createAndRun({ ...baseRequest(), selection: { recordingIds: recordingIds.slice(RECORDINGS - 4) } });
    expect(job.status).toBe("failed");
    expect(job.error?.message).toMatch(/0 recordings of the set have an embedding from Test embedder 1 \(4 have none yet\)/);
    const summary = (await (await serveProjection(database, LOCAL, id)).json()) as { projection: { status: string; error: string } };
    expect(summary.projection.status).toBe("failed");
    // The model is not under MODELS_DIR (imported results), so it cannot be run: said, not queued.
    const analyse = await serveAnalyseMissing(dependencies(), LOCAL, id);
    expect(analyse.status).toBe(409);
    expect(((await analyse.json()) as { error: string }).error).toMatch(/No model absent-from-models-dir/);
  }, 120_000);

  it("cancels a running projection and stores no points", async () => {
    // Written in bulk: 1,500 rows one by one would take most of the test.
    const big = syntheticEmbeddings(1500, 64, 4, 5);
    const corpus = (await ensureCorpus(database.prisma, "Cancel corpus")).id;
    const rows = Array.from({ length: 1500 }, (_, index) => createHash("sha256").update(`cancel-${index}`).digest("hex"));
    await database.prisma.recording.createMany({
      data: rows.map((hash, index) => ({
        corpusId: corpus,
        contentHash: hash,
        analysisHash: hash,
        originalName: `c-${index}.wav`,
        format: "wav/pcm_s16le",
        durationSeconds: 1,
        sampleRate: 16_000,
        channels: 1,
        sizeBytes: 10,
      })),
    });
    await database.prisma.analysis.createMany({
      data: rows.map((hash, index) => ({
        audioHash: hash,
        modelId,
        utteranceScores: scores(index),
        embeddingDim: 64,
        embedding: new Uint8Array(big.vectors.slice(index * 64, (index + 1) * 64).buffer),
        executionProvider: "cpu",
      })),
    });
    const response = await serveCreateProjection(dependencies(), LOCAL, {
      modelId,
      selection: { corpusIds: [corpus] },
      parameters: { nNeighbors: 15, minDist: 0.1, metric: "cosine", seed: 1, supervised: false, nEpochs: 2000 },
    });
    const created = (await response.json()) as { projection: { id: string }; job: { id: string } };
    const deadline = Date.now() + 60_000;
    while ((await queue.get(created.job.id)).progress?.message !== "Laying out") {
      if (Date.now() > deadline) throw new Error("the projection never reached its epochs");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await queue.cancel(created.job.id);
    const job = await waitForJob(queue, created.job.id, ["succeeded", "failed", "cancelled"], 30_000);
    expect(job.status).toBe("cancelled");
    expect((await points(created.projection.id)).count).toBe(0);
    const summary = (await (await serveProjection(database, LOCAL, created.projection.id)).json()) as { projection: { status: string } };
    expect(summary.projection.status).toBe("cancelled");
  }, 180_000);

  it("labels a selection in one transaction, and writes nothing when one target is gone", async () => {
    const ok = await serveBulkLabel(database, LOCAL, { targets: recordingIds.slice(0, 3).map((recordingId) => ({ recordingId, regionId: null })), emotion: "sad" });
    expect(ok.status).toBe(200);
    const labelled = await database.prisma.recording.findMany({ where: { id: { in: recordingIds.slice(0, 3) } }, select: { humanEmotion: true } });
    expect(labelled.map((row) => row.humanEmotion)).toEqual(["sad", "sad", "sad"]);
    expect(await database.prisma.labelEdit.count({ where: { recordingId: { in: recordingIds.slice(0, 3) } } })).toBe(3);

    const gone = "00000000-0000-4000-8000-000000000000";
    const refused = await serveBulkLabel(database, LOCAL, {
      targets: [{ recordingId: recordingIds[5]!, regionId: null }, { recordingId: gone, regionId: null }],
      emotion: "happy",
    });
    expect(refused.status).toBe(404);
    expect((await database.prisma.recording.findUnique({ where: { id: recordingIds[5]! }, select: { humanEmotion: true } }))?.humanEmotion).toBeNull();

    const invalid = await serveBulkLabel(database, LOCAL, { targets: [], emotion: "joy" });
    expect(invalid.status).toBe(400);
    const message = ((await invalid.json()) as { error: string }).error;
    expect(message).toMatch(/targets: select at least one point/);
    expect(message).toMatch(/emotion must be one of/);
  }, 60_000);

  it("answers 400 for a bad request, 404 for an unknown projection, and deletes a projection with its points", async () => {
    const bad = await serveCreateProjection(dependencies(), LOCAL, { modelId, selection: {}, parameters: { nNeighbors: 1 } });
    expect(bad.status).toBe(400);
    const text = ((await bad.json()) as { error: string }).error;
    expect(text).toMatch(/name corpora, cohorts or recordings/);
    expect(text).toMatch(/nNeighbors must be at least 2/);
    const unknownModel = await serveCreateProjection(dependencies(), LOCAL, { ...baseRequest(), modelId: "00000000-0000-4000-8000-000000000001" });
    expect(unknownModel.status).toBe(400);
    expect((await serveProjection(database, LOCAL, "00000000-0000-4000-8000-000000000002")).status).toBe(404);
    expect((await serveProjection(database, LOCAL, "not-a-uuid")).status).toBe(400);
    expect((await serveDeleteProjection(database, LOCAL, firstId)).status).toBe(204);
    expect(await database.prisma.projectionPoint.count({ where: { projectionId: firstId } })).toBe(0);
  });
});
