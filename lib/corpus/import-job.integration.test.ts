import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listRecordings } from "../db/corpus.repository";
import { createTestDatabase, PROJECT_ROOT, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { startJobWorker } from "../jobs/job-worker";
import { createAudioProcessor, type AudioProcessor } from "./audio-processor";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "./audio-store";
import { createImportJobHandler, importReportOf } from "./import-job";
import { IMPORT_JOB_KIND } from "./import-job-payload";
import { ImportPathError } from "./import-path-error";
import { enqueueImport } from "./start-import";
import { importHarness, sineChannel, waitForJob, writeWav, type ImportHarness } from "./testing/import-fixtures";
import { WEBUI_IMPORT_MODEL } from "./webui-model";

let database: TestDatabase;
let dataDir: string;
let root: string;
let outside: string;
let store: AudioStore;
let processor: AudioProcessor;
let harness: ImportHarness;

const FIXTURES = path.join(PROJECT_ROOT, "datasets", "fixtures", "audio");

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "resonance-import-data-"));
  root = mkdtempSync(path.join(tmpdir(), "resonance-import-root-"));
  outside = mkdtempSync(path.join(tmpdir(), "resonance-import-outside-"));
  store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  processor = createAudioProcessor({ dataDir, projectRoot: PROJECT_ROOT });
  harness = importHarness({ database, store, processor, dataDir, roots: [root] });
});

afterAll(async () => {
  await processor?.close();
  await database?.destroy();
  for (const folder of [dataDir, root, outside]) if (folder) rmSync(folder, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe(`corpus import on ${testDatabaseMode()}`, () => {
  it("imports a folder with a manifest, reports every file, and stores complete recordings", async () => {
    const folder = path.join(root, "study");
    const interview = writeWav(path.join(folder, "session", "interview-01.wav"), [sineChannel(440, 2, 44_100), sineChannel(660, 2, 44_100)], 44_100);
    copyFileSync(path.join(folder, "session", "interview-01.wav"), path.join(folder, "session", "second-copy.wav"));
    copyFileSync(path.join(FIXTURES, "tone.flac"), path.join(folder, "tone.flac"));
    writeFileSync(path.join(folder, "empty.wav"), "");
    writeFileSync(path.join(folder, "notes.wav"), "These are my notes, not audio.\n");
    writeFileSync(
      path.join(folder, "manifest.csv"),
      [
        "path,patient,cohort,session,date,phq9,diagnosis",
        "session/interview-01.wav,P01,depression;pilot,S1,2024-03-05,12,MDD",
        "tone.flac,P02,control,S1,2024-03-06,abc,none",
        "missing.wav,P03,control,S1,2024-03-07,3,none",
      ].join("\n"),
    );

    const { job, report } = await harness.run({ corpusName: "Study", source: { kind: "path", path: folder } });
    expect(job.status).toBe("succeeded");
    const byPath = new Map(report.entries.map((entry) => [entry.path, entry]));
    expect(byPath.get("session/interview-01.wav")?.outcome).toBe("imported");
    expect(byPath.get("session/second-copy.wav")).toMatchObject({ outcome: "duplicate", code: "DUPLICATE_CONTENT" });
    expect(byPath.get("tone.flac")?.outcome).toBe("imported");
    expect(byPath.get("empty.wav")).toMatchObject({ outcome: "failed", code: "AUDIO_EMPTY" });
    expect(byPath.get("notes.wav")).toMatchObject({ outcome: "failed", code: "AUDIO_NOT_AUDIO" });
    expect(byPath.get("notes.wav")?.reason).toMatch(/notes\.wav is not audio/);
    expect(byPath.get("manifest.csv:3")).toMatchObject({ outcome: "problem", code: "MANIFEST_ROW_INVALID" });
    expect(byPath.get("manifest.csv:3")?.reason).toMatch(/phq9/);
    expect(byPath.get("missing.wav")).toMatchObject({ outcome: "problem", code: "MANIFEST_FILE_MISSING" });
    expect(report.counts).toMatchObject({ imported: 2, duplicates: 1, failed: 2, problems: 2 });

    const recordings = await listRecordings(database.prisma);
    expect(recordings).toHaveLength(2);
    const recording = recordings.find((r) => r.originalName === "interview-01.wav")!;
    expect(recording).toMatchObject({
      corpusName: "Study",
      format: "wav/pcm_s16le",
      sampleRate: 44_100,
      channels: 2,
      trackIndex: -1,
      contentHash: sha256(interview),
      patientCode: "P01",
      sessionCode: "S1",
      sessionDate: "2024-03-05",
      cohorts: ["depression", "pilot"],
    });
    expect(recording.metadata).toMatchObject({ phq9: 12, diagnosis: "MDD", importedFrom: "session/interview-01.wav" });
    expect(recording.durationSeconds).toBeCloseTo(2, 3);
    // The flac row was invalid: the audio is kept, without the row's metadata.
    expect(recordings.find((r) => r.originalName === "tone.flac")?.patientCode).toBeNull();

    expect(readFileSync(store.originalPath(recording.contentHash))).toEqual(Buffer.from(interview));
    const analysis = readFileSync(store.analysisPath(recording.analysisHash!));
    expect(analysis.subarray(0, 4).toString()).toBe("RIFF");
    expect(analysis.readUInt32LE(24)).toBe(16_000);
    expect(analysis.readUInt16LE(22)).toBe(1);
    expect(analysis.length).toBe(44 + 2 * 32_000);
    expect(statSync(store.peaksPath(recording.analysisHash!)).size).toBeGreaterThan(0);
  });

  it("re-importing a corrected manifest updates metadata without duplicating recordings", async () => {
    const folder = path.join(root, "study");
    writeFileSync(
      path.join(folder, "manifest.csv"),
      ["path,patient,cohort,session,date,phq9", "session/interview-01.wav,P01,depression,S2,2024-04-01,14", "tone.flac,P02,control,S1,2024-03-06,4"].join("\n"),
    );
    const { report } = await harness.run({ corpusName: "Study", source: { kind: "path", path: folder } });
    expect(report.counts).toMatchObject({ imported: 0, duplicates: 3 });
    const recordings = await listRecordings(database.prisma);
    expect(recordings).toHaveLength(2);
    const interview = recordings.find((r) => r.originalName === "interview-01.wav")!;
    expect(interview).toMatchObject({ sessionCode: "S2", sessionDate: "2024-04-01" });
    expect(interview.metadata).toMatchObject({ phq9: 14 });
    expect(recordings.find((r) => r.originalName === "tone.flac")).toMatchObject({ patientCode: "P02", metadata: { phq9: 4 } });
  });

  it("keeps the channels of a two-channel session as separate tracks with their roles", async () => {
    const folder = path.join(root, "dyad");
    writeWav(path.join(folder, "therapy.wav"), [sineChannel(300, 1, 48_000, 0.3), sineChannel(900, 1, 48_000, 0.6)], 48_000);
    writeFileSync(path.join(folder, "manifest.csv"), "path,patient,channel_roles\ntherapy.wav,P09,therapist;patient\n");
    const { report } = await harness.run({ corpusName: "Dyads", source: { kind: "path", path: folder } });
    expect(report.counts.imported).toBe(1);
    const tracks = (await listRecordings(database.prisma)).filter((r) => r.corpusName === "Dyads");
    expect(tracks.map((t) => [t.trackIndex, t.metadata.channelRole])).toEqual([
      [0, "therapist"],
      [1, "patient"],
    ]);
    expect(tracks[0]!.analysisHash).not.toBe(tracks[1]!.analysisHash);
    expect(tracks.every((t) => Math.abs(t.durationSeconds - 1) < 1e-3 && t.patientCode === "P09")).toBe(true);
  });

  it("creates a new corpus in the workspace the request names", async () => {
    const lab = await database.prisma.workspace.create({ data: { name: "Speech lab" }, select: { id: true } });
    const folder = path.join(root, "lab");
    writeWav(path.join(folder, "read-aloud.wav"), [sineChannel(523, 1.2, 16_000, 0.35)], 16_000);
    const { report } = await harness.run({ corpusName: "Lab corpus", workspace: "Speech lab", source: { kind: "path", path: folder } });
    expect(report.counts, JSON.stringify(report.entries)).toMatchObject({ imported: 1 });
    expect(await database.prisma.corpus.findUniqueOrThrow({ where: { name: "Lab corpus" }, select: { workspaceId: true } })).toEqual({ workspaceId: lab.id });
  });

  it("imports emotion2vec+ WebUI output folders with their result and embedding", async () => {
    const folder = path.join(root, "webui", "outputs_20250101_120000");
    writeWav(path.join(folder, "processed_audio.wav"), [sineChannel(220, 1.5, 16_000)], 16_000);
    const scores = { angry: 0.05, disgusted: 0.01, fearful: 0.02, happy: 0.6, neutral: 0.2, other: 0.02, sad: 0.05, surprised: 0.04, unknown: 0.01 };
    writeFileSync(
      path.join(folder, "result.json"),
      JSON.stringify({ emotion: "开心/happy", confidence: 0.6, scores, granularity: "utterance", timestamp: "2025-01-01 12:00:00" }),
    );
    writeFileSync(path.join(folder, "embedding.npy"), npyFloat32([0.5, -1, 2, 0.25]));

    const { report } = await harness.run({ corpusName: "WebUI", source: { kind: "path", path: path.join(root, "webui") } });
    expect(report.entries).toEqual([expect.objectContaining({ path: "outputs_20250101_120000", outcome: "imported" })]);
    const [recording] = (await listRecordings(database.prisma)).filter((r) => r.corpusName === "WebUI");
    expect(recording?.metadata).toMatchObject({ source: "emotion2vec+ WebUI", webuiStartedAt: "2025-01-01T12:00:00" });
    const analyses = await database.prisma.analysis.findMany({ where: { audioHash: recording!.analysisHash! }, include: { model: true } });
    expect(analyses).toHaveLength(1);
    expect(analyses[0]!.model.modelKey).toBe(WEBUI_IMPORT_MODEL.modelKey);
    expect(analyses[0]!.utteranceScores).toMatchObject({ top: "happy", confidence: 0.6, scores: Object.values(scores) });
    expect(analyses[0]!.embeddingDim).toBe(4);
    expect([...new Float32Array(new Uint8Array(analyses[0]!.embedding!).buffer)]).toEqual([0.5, -1, 2, 0.25]);
    // The explorer and "needs attention" read the prediction from the recording row.
    const row = await database.prisma.recording.findUniqueOrThrow({ where: { id: recording!.id } });
    expect(row).toMatchObject({ modelEmotion: "happy", modelConfidence: 0.6, labelStatus: "predicted" });
  });

  it("refuses paths outside the import roots, and symlinks that lead out", async () => {
    await expect(enqueueImport(harness.queue, { corpusName: "X", source: { kind: "path", path: outside } }, [root])).rejects.toMatchObject({
      code: "IMPORT_PATH_OUTSIDE_ROOTS",
    });
    await expect(
      enqueueImport(harness.queue, { corpusName: "X", source: { kind: "path", path: path.join(root, "..", path.basename(outside)) } }, [root]),
    ).rejects.toBeInstanceOf(ImportPathError);

    const folder = path.join(root, "with-link");
    writeWav(path.join(outside, "secret.wav"), [sineChannel(440, 1, 16_000)], 16_000);
    writeWav(path.join(folder, "inside.wav"), [sineChannel(550, 1, 16_000)], 16_000);
    symlinkSync(path.join(outside, "secret.wav"), path.join(folder, "escape.wav"));
    const { report } = await harness.run({ corpusName: "Links", source: { kind: "path", path: folder } });
    expect(report.entries.find((e) => e.path === "escape.wav")).toMatchObject({ outcome: "problem", code: "IMPORT_PATH_REFUSED" });
    expect(report.entries.find((e) => e.path === "inside.wav")?.outcome).toBe("imported");
  });

  it("resumes where it stopped when its worker shuts down, importing each file once", async () => {
    const folder = path.join(root, "resume");
    for (let index = 0; index < 4; index++) writeWav(path.join(folder, `clip-${index}.wav`), [sineChannel(200 + 100 * index, 1, 22_050)], 22_050);
    const queued = await enqueueImport(harness.queue, { corpusName: "Resume", source: { kind: "path", path: folder } }, [root]);
    const handler = createImportJobHandler({ database, store, processor, dataDir, importRoots: [root] });

    const first = startJobWorker({ queue: harness.queue, workerId: "first", pollIntervalMs: 50, handlers: { [IMPORT_JOB_KIND]: handler } });
    const deadline = Date.now() + 60_000;
    while (((await harness.queue.get(queued.id)).checkpoint as { nextTask?: number } | null)?.nextTask === undefined) {
      if (Date.now() > deadline) throw new Error("no checkpoint within 60 s");
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await first.stop();
    const handedBack = await harness.queue.get(queued.id);
    expect(handedBack.status === "queued" || handedBack.status === "succeeded").toBe(true);
    // What was done so far is already a (partial) report.
    expect(importReportOf(handedBack)?.entries.length).toBeGreaterThanOrEqual(1);

    const second = startJobWorker({ queue: harness.queue, workerId: "second", pollIntervalMs: 50, handlers: { [IMPORT_JOB_KIND]: handler } });
    try {
      const done = await waitForJob(harness.queue, queued.id, ["succeeded", "failed"]);
      const report = done.result as { entries: { path: string; outcome: string }[] };
      expect(report.entries.map((e) => e.path).sort()).toEqual(["clip-0.wav", "clip-1.wav", "clip-2.wav", "clip-3.wav"]);
      expect(report.entries.every((e) => e.outcome === "imported")).toBe(true);
      expect((await listRecordings(database.prisma)).filter((r) => r.corpusName === "Resume")).toHaveLength(4);
    } finally {
      await second.stop();
    }
  });
});

/** A float32 little-endian 1-D .npy file (format 1.0). */
function npyFloat32(values: readonly number[]): Uint8Array {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${values.length},), }`;
  const unpadded = 10 + header.length + 1;
  header += " ".repeat((64 - (unpadded % 64)) % 64) + "\n";
  const bytes = new Uint8Array(10 + header.length + 4 * values.length);
  bytes.set([0x93, ...Buffer.from("NUMPY"), 1, 0]);
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  bytes.set(Buffer.from(header, "latin1"), 10);
  new Float32Array(bytes.buffer, 10 + header.length).set(values);
  return bytes;
}
