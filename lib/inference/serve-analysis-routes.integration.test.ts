import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeWav } from "../audio/wav-encode";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "../corpus/audio-store";
import { writeFrameScores } from "./frame-scores-file";
import type { RecordingMedia } from "../corpus/corpus-types";
import { describeWebUiFolder } from "../corpus/webui-folder";
import { ensureWebUiModel } from "../corpus/webui-model";
import { saveAnalysis, type NewAnalysis } from "../db/analysis.repository";
import { createRecording, ensureCorpus, findRecordingMedia } from "../db/corpus.repository";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { CANONICAL_LABELS } from "../domain/emotion-labels";
import { formatWebUiTimestamp, webUiFolderName } from "../domain/webui-export";
import { parseSearchParams } from "../http/search-params";
import { registerModel } from "./analysis-job";
import { scanModels } from "./model-registry";
import { type AnalysisView, serveAnalyses } from "./serve-analyses";
import { type CurvesJson, curvesQuerySchema, type CurvesQuery, serveCurves } from "./serve-curves";
import { type ModelsListing, serveModels } from "./serve-models";
import { serverUtcOffsetMinutes, serveWebUiDownload } from "./serve-webui-download";

/**
 * The analysis routes' logic against a real database and audio store: the
 * models under models/testing, analyses stored by the repository the job
 * writes through, and the WebUI download read back by our own WebUI import.
 */

const MODELS_DIR = path.join(PROJECT_ROOT, "models", "testing");
const RATE = 50;
const SECONDS = 2;
const FRAMES = RATE * SECONDS;
const OFFSET = 0.0125;
const K = CANONICAL_LABELS.length;

let database: TestDatabase;
let dataDir: string;
let store: AudioStore;
let analysed: RecordingMedia;
let imported: RecordingMedia;
let modelIds: Map<string, string>;
let wavBytes: Uint8Array;

const sha256 = (text: string | Uint8Array) => createHash("sha256").update(text).digest("hex");

/** Frame f, class k: a value that changes along both, so wrong bucketing or order shows. */
const frameValue = (frame: number, k: number) => (k + 1) / 100 + frame / 1000;

function frameScores(frames: number): Float32Array {
  const scores = new Float32Array(frames * K);
  for (let frame = 0; frame < frames; frame++) for (let k = 0; k < K; k++) scores[frame * K + k] = frameValue(frame, k);
  return scores;
}

const UTTERANCE = [0.05, 0.02, 0.03, 0.6, 0.1, 0.05, 0.1, 0.03, 0.02];

/** Stores the frame scores in the store, then the analysis row that names them. */
async function save(audioHash: string, modelKey: string, extra: Partial<NewAnalysis> = {}, frames = frameScores(extra.frameCount ?? FRAMES)): Promise<void> {
  await ensureStoreFolders(store);
  const frameScoresHash = await writeFrameScores(store, frames);
  await saveAnalysis(database.prisma, analysisOf(audioHash, modelKey, { ...extra, frameScoresHash }));
}

function analysisOf(audioHash: string, modelKey: string, extra: Partial<NewAnalysis> = {}): NewAnalysis {
  return {
    audioHash,
    modelId: modelIds.get(modelKey)!,
    utteranceScores: {
      labels: [...CANONICAL_LABELS],
      scores: UTTERANCE,
      top: "happy",
      confidence: 0.6,
      model: { labels: ["ang", "hap", "neu", "sad"], scores: [0.05, 0.6, 0.1, 0.1] },
    },
    frameRate: RATE,
    frameCount: FRAMES,
    frameScoresHash: "",
    embedding: new Float32Array(16).map((_, index) => index / 16 - 0.5),
    executionProvider: "cpu",
    windowSettings: { windows: 1, overlapSeconds: 0.5, frameOffsetSeconds: OFFSET, threads: 1, cudaFallback: "libcudart.so.12: cannot open" },
    timings: { audioSeconds: SECONDS, decodeMs: 3, sessionMs: 40, inferenceMs: 20, realTimeFactor: 100 },
    ...extra,
  };
}

async function addRecording(corpusId: string, name: string, analysisHash: string): Promise<RecordingMedia> {
  const [id] = await createRecording(database.prisma, {
    corpusId,
    contentHash: sha256(`content of ${name}`),
    originalName: name,
    format: "wav/pcm_s16le",
    sampleRate: 16_000,
    channels: 1,
    sizeBytes: 64_044,
    tracks: [{ trackIndex: -1, analysisHash, durationSeconds: SECONDS, quality: {}, qualityFlags: [] }],
    metadata: {},
  });
  return (await findRecordingMedia(database.prisma, id!))!;
}

function curvesQuery(text: string): CurvesQuery {
  const parsed = parseSearchParams(curvesQuerySchema, new URLSearchParams(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "serve-analysis-"));
  store = openAudioStore(dataDir);
  const { models } = await scanModels(MODELS_DIR);
  modelIds = new Map();
  for (const model of models) modelIds.set(model.manifest.id, await registerModel(database, model));

  const corpus = await ensureCorpus(database.prisma, "Analysis routes");
  wavBytes = encodeWav(new Float32Array(16_000 * SECONDS).map((_, index) => 0.3 * Math.sin(index / 7)), 16_000, "pcm16");
  const analysisHash = sha256(wavBytes);
  mkdirSync(path.dirname(store.analysisPath(analysisHash)), { recursive: true });
  writeFileSync(store.analysisPath(analysisHash), wavBytes);
  analysed = await addRecording(corpus.id, "interview-03.wav", analysisHash);
  // A few milliseconds apart, so "newest first" has one answer.
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  await save(analysisHash, "testing-full-outputs");
  await tick();
  await save(analysisHash, "testing-full-outputs", { range: { startSeconds: 0.5, endSeconds: 1.5 }, frameCount: 50 });
  await tick();
  await save(analysisHash, "testing-funasr-like", { embedding: null });

  // A WebUI result imported with the recording: utterance scores, no frames.
  const importedHash = sha256("imported audio");
  const webUiModel = await ensureWebUiModel(database);
  const [importedId] = await createRecording(
    database.prisma,
    {
      corpusId: corpus.id,
      contentHash: sha256("imported content"),
      originalName: "processed_audio.wav",
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: 100,
      tracks: [{ trackIndex: -1, analysisHash: importedHash, durationSeconds: 1, quality: {}, qualityFlags: [] }],
      metadata: {},
    },
    { modelId: webUiModel, labelNames: [...CANONICAL_LABELS], utteranceScores: UTTERANCE, topLabel: "happy", confidence: 0.6, details: { source: "emotion2vec+ WebUI" } },
  );
  imported = (await findRecordingMedia(database.prisma, importedId!))!;
});

afterAll(async () => {
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`analysis routes on ${testDatabaseMode()}`, () => {
  it("lists the runnable test models and the broken folders with their reasons, without server paths", async () => {
    const response = await serveModels(MODELS_DIR);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(MODELS_DIR);
    const body = JSON.parse(text) as ModelsListing;
    const funasr = body.models.find((model) => model.id === "testing-funasr-like");
    expect(funasr).toMatchObject({
      name: "Test: FunASR-like export",
      version: "1.0.0",
      labels: [...CANONICAL_LABELS],
      frameRate: 50,
      maxWindowSeconds: 30,
      hasHead: true,
      frameScoresFromUtteranceHead: true,
    });
    expect(funasr?.fileHash).toBe(sha256(readFileSync(path.join(MODELS_DIR, "funasr-like", "model.onnx"))));
    expect(body.models.find((model) => model.id === "testing-full-outputs")).toMatchObject({
      labels: ["ang", "hap", "neu", "sad"],
      hasHead: false,
      frameScoresFromUtteranceHead: false,
      maxWindowSeconds: 2,
    });
    const reasons = new Map(body.invalid.map((entry) => [entry.folderName, entry.reason]));
    expect(reasons.get("invalid-manifest")).toMatch(/labels/);
    expect(reasons.get("invalid-manifest")).toMatch(/frames\.rate/);
    expect(reasons.get("label-mismatch")).toMatch(/9 classes but the manifest lists 5 labels/);
    expect(body.models.map((model) => model.id)).not.toContain("testing-invalid-manifest");
  });

  it("answers an empty listing for a models folder that does not exist", async () => {
    const body = (await (await serveModels(path.join(dataDir, "no-models"))).json()) as ModelsListing;
    expect(body).toEqual({ models: [], invalid: [] });
  });

  it("lists a recording's analyses newest first, with scores, provider and timings but no frames", async () => {
    const response = await serveAnalyses(database, analysed.id);
    const text = await response.text();
    expect(text).not.toContain("frameScores");
    const { analyses } = JSON.parse(text) as { analyses: AnalysisView[] };
    expect(analyses.map((analysis) => [analysis.model.key, analysis.rangeKey])).toEqual([
      ["testing-funasr-like", ""],
      ["testing-full-outputs", "0.500-1.500"],
      ["testing-full-outputs", ""],
    ]);
    const [funasr, region, whole] = analyses as [AnalysisView, AnalysisView, AnalysisView];
    expect(whole).toMatchObject({
      model: { key: "testing-full-outputs", version: "1.0.0", name: "Test: all four outputs" },
      range: null,
      utterance: { labels: [...CANONICAL_LABELS], scores: UTTERANCE, top: "happy", confidence: 0.6, model: { labels: ["ang", "hap", "neu", "sad"] } },
      frameRate: RATE,
      frameCount: FRAMES,
      embeddingDim: 16,
      executionProvider: "cpu",
      threads: 1,
      cudaFallback: "libcudart.so.12: cannot open",
      timings: { audioSeconds: SECONDS, decodeMs: 3, sessionMs: 40, inferenceMs: 20, realTimeFactor: 100 },
    });
    expect(Date.parse(whole.createdAt)).toBeLessThanOrEqual(Date.parse(funasr.createdAt));
    expect(region.range).toEqual({ startSeconds: 0.5, endSeconds: 1.5 });
    expect(funasr.embeddingDim).toBeNull();

    const importedViews = (await (await serveAnalyses(database, imported.id)).json()) as { analyses: AnalysisView[] };
    expect(importedViews.analyses).toHaveLength(1);
    expect(importedViews.analyses[0]).toMatchObject({ executionProvider: "imported", frameCount: null, threads: null, timings: {}, utterance: { top: "happy" } });
  });

  it("reduces the frame scores to one bucket per pixel, row-major, with each bucket's min, max and mean", async () => {
    const response = await serveCurves({ database, store, media: analysed, query: curvesQuery("model=testing-full-outputs&pixels=10") });
    expect(response.status).toBe(200);
    const curves = (await response.json()) as CurvesJson;
    expect(curves).toMatchObject({ labels: [...CANONICAL_LABELS], frameRate: RATE, frameCount: FRAMES, from: 0, to: SECONDS, buckets: 10, perFrame: false, framesInRange: FRAMES });
    expect(curves.bucketSeconds).toBeCloseTo(0.2, 12);
    expect(curves.mean).toHaveLength(10 * K);
    // Frame f sits at 0.0125 + f / 50 s: bucket b (0.2 s wide) holds frames 10b … 10b + 9.
    for (let bucket = 0; bucket < 10; bucket++) {
      for (let k = 0; k < K; k++) {
        const cell = bucket * K + k;
        // Within 0.0005 (4 decimals and float32): half of one frame's step.
        expect(curves.min[cell]).toBeCloseTo(frameValue(10 * bucket, k), 3);
        expect(curves.max[cell]).toBeCloseTo(frameValue(10 * bucket + 9, k), 3);
        expect(curves.mean[cell]).toBeCloseTo(frameValue(10 * bucket + 4.5, k), 3);
      }
    }
    for (const value of curves.mean) expect(String(value).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(4);
  });

  it("serves one bucket per frame when zoomed in, and null where the range runs past the end", async () => {
    const zoomed = (await (await serveCurves({ database, store, media: analysed, query: curvesQuery("model=testing-full-outputs&from=1&to=1.1&pixels=800") })).json()) as CurvesJson;
    expect(zoomed).toMatchObject({ perFrame: true, buckets: 5, framesInRange: 5, bucketSeconds: 1 / RATE });
    expect(zoomed.from).toBeCloseTo(1.0025, 6);
    expect(zoomed.mean.slice(0, K)).toEqual(CANONICAL_LABELS.map((_, k) => Math.round(frameValue(50, k) * 10_000) / 10_000));

    const past = (await (await serveCurves({ database, store, media: analysed, query: curvesQuery("model=testing-full-outputs&from=1&to=4&pixels=20") })).json()) as CurvesJson;
    expect(past).toMatchObject({ perFrame: false, buckets: 20, framesInRange: 50 });
    expect(past.mean.at(-1)).toBeNull();
    expect(past.mean[0]).not.toBeNull();
  });

  it("answers 404 without an analysis or frame scores, and 400 for a range after the end", async () => {
    const unknown = await serveCurves({ database, store, media: analysed, query: curvesQuery("model=emotion2vec-plus-large") });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string; code: string })).toMatchObject({ code: "ANALYSIS_NOT_FOUND", error: expect.stringContaining("interview-03.wav") });

    const noFrames = await serveCurves({ database, store, media: imported, query: curvesQuery("model=emotion2vec-plus-webui-import") });
    expect(noFrames.status).toBe(404);
    expect(((await noFrames.json()) as { code: string }).code).toBe("CURVES_NOT_AVAILABLE");

    const after = await serveCurves({ database, store, media: analysed, query: curvesQuery("model=testing-full-outputs&from=5") });
    expect(after.status).toBe(400);
    expect(((await after.json()) as { error: string }).error).toContain("after the end of the recording");
  });

  it("names every bad curves parameter", () => {
    const problems = (text: string) => {
      const parsed = parseSearchParams(curvesQuerySchema, new URLSearchParams(text));
      return parsed.ok ? "" : parsed.message;
    };
    expect(curvesQuery("model=m")).toEqual({ model: "m", from: 0, pixels: 1000 });
    expect(problems("")).toContain("model");
    expect(problems("model=m&pixels=0")).toContain("pixels must be at least 1");
    expect(problems("model=m&pixels=2.5")).toContain("whole number");
    expect(problems("model=m&pixels=100000")).toContain("at most");
    expect(problems("model=m&from=-1")).toContain("from must be 0 or more");
    expect(problems("model=m&from=3&to=2")).toContain("to must be after from");
    expect(problems("model=m&to=abc")).toContain("to must be a number");
  });

  it("keeps an hour of curves at 1000 pixels to a few hundred KB", async () => {
    const frames = 3600 * RATE;
    const hourHash = sha256("an hour");
    const corpus = await ensureCorpus(database.prisma, "Analysis routes");
    const hour = await addRecording(corpus.id, "hour.wav", hourHash);
    const scores = new Float32Array(frames * K).map((_, index) => ((index * 2_654_435_761) % 1_000_003) / 1_000_003);
    await save(hourHash, "testing-funasr-like", { frameCount: frames }, scores);
    const response = await serveCurves({ database, store, media: { ...hour, durationSeconds: 3600 }, query: curvesQuery("model=testing-funasr-like&pixels=1000") });
    const bytes = (await response.arrayBuffer()).byteLength;
    expect(response.status).toBe(200);
    expect(bytes).toBeLessThan(300_000);
  });

  it("zips the latest analysis as a WebUI output folder that our WebUI import reads back", async () => {
    const response = await serveWebUiDownload({ database, store, media: analysed, query: { model: "testing-full-outputs" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const analyses = ((await (await serveAnalyses(database, analysed.id)).json()) as { analyses: AnalysisView[] }).analyses;
    const createdAt = new Date(analyses.find((analysis) => analysis.model.key === "testing-full-outputs" && analysis.rangeKey === "")!.createdAt);
    const offset = serverUtcOffsetMinutes(createdAt);
    const folderName = webUiFolderName(createdAt, offset);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${folderName}.zip"`);
    const zip = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(zip.length));

    const target = extractZip(zip, "full-outputs");
    const folder = await describeWebUiFolder(path.join(target, folderName));
    expect(folder.startedAt).toBe(formatWebUiTimestamp(createdAt, offset).replace(" ", "T"));
    expect(folder.result).toMatchObject({ emotion: "happy", confidence: 0.6, granularity: "utterance", timestamp: formatWebUiTimestamp(createdAt, offset), warnings: [] });
    expect(CANONICAL_LABELS.map((label) => folder.result.scores[label])).toEqual(UTTERANCE);
    expect(folder.embedding).toEqual({ shape: [16], data: new Float32Array(16).map((_, index) => index / 16 - 0.5) });
    expect(readFileSync(folder.audioPath)).toEqual(Buffer.from(wavBytes));
    // Exactly the WebUI's five fields, in its order.
    expect(Object.keys(JSON.parse(readFileSync(path.join(target, folderName, "result.json"), "utf8")) as object)).toEqual([
      "emotion",
      "confidence",
      "scores",
      "granularity",
      "timestamp",
    ]);
  });

  it("leaves out embedding.npy when the model gave no embedding, and answers 404 without audio or analysis", async () => {
    const response = await serveWebUiDownload({ database, store, media: analysed, query: { model: "testing-funasr-like" } });
    expect(response.status).toBe(200);
    const target = extractZip(new Uint8Array(await response.arrayBuffer()), "funasr-like");
    const folderName = /filename="(.+)\.zip"/.exec(response.headers.get("content-disposition") ?? "")![1]!;
    const folder = await describeWebUiFolder(path.join(target, folderName));
    expect(folder.embedding).toBeUndefined();

    const none = await serveWebUiDownload({ database, store, media: analysed, query: { model: "emotion2vec-plus-large" } });
    expect(none.status).toBe(404);
    const noAudio = await serveWebUiDownload({ database, store, media: imported, query: { model: "emotion2vec-plus-webui-import" } });
    expect(noAudio.status).toBe(404);
    expect(((await noAudio.json()) as { code: string }).code).toBe("ANALYSIS_AUDIO_MISSING");
  });
});

/** Extracts with Debian's unzip, else Python's zipfile, else a reader for the stored (uncompressed) entries we write. */
function extractZip(zip: Uint8Array, name: string): string {
  const target = path.join(dataDir, `unzipped-${name}`);
  const zipPath = path.join(dataDir, `${name}.zip`);
  writeFileSync(zipPath, zip);
  const tried = (command: string, args: string[]) => {
    try {
      execFileSync(command, args, { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (tried("unzip", ["-q", "-o", zipPath, "-d", target])) return target;
  if (tried("python3", ["-c", "import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])", zipPath, target])) return target;
  for (const entry of readStoredZip(zip)) {
    mkdirSync(path.dirname(path.join(target, entry.name)), { recursive: true });
    writeFileSync(path.join(target, entry.name), entry.data);
  }
  return target;
}

/** Entries of a zip whose entries are all stored: local header (30 bytes + name + extra) then the data. */
function readStoredZip(zip: Uint8Array): { name: string; data: Uint8Array }[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const entries: { name: string; data: Uint8Array }[] = [];
  let offset = 0;
  while (view.getUint32(offset, true) === 0x04034b50) {
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(zip.subarray(offset + 30, offset + 30 + nameLength));
    const start = offset + 30 + nameLength + extraLength;
    entries.push({ name, data: zip.subarray(start, start + size) });
    offset = start + size;
  }
  return entries;
}
