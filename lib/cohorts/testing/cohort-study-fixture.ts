import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type AudioStore, ensureStoreFolders, openAudioStore } from "../../corpus/audio-store";
import type { RecordingSubject } from "../../corpus/corpus-types";
import { createRecording, ensureCorpus, ensureModelEntry } from "../../db/corpus.repository";
import { applyLabelEdit, readLabelState } from "../../db/label.repository";
import type { TestDatabase } from "../../db/testing/test-database";
import { ensureLocalResearcher } from "../../db/user.repository";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../../domain/emotion-labels";
import type { LabelEdit } from "../../domain/label-state";
import { writeFrameScores } from "../../inference/frame-scores-file";

/**
 * A small study whose statistics are known by hand, for the cohort
 * integration tests (10 s recordings, embeddings of 4 dimensions, model M1):
 *
 *   Depressed  D1  d1a  session v1 (2024-01-10)  regions sad 0–6 s, happy 6–8 s (+ a deleted fearful one)  emb (2,0,0,0)
 *                  d1b  session v2 (2024-02-10)  whole label happy, then changed to sad                    emb (4,0,0,0)
 *                  d1c  session v3 (no date)     whole label angry                                         no analysis
 *              D2  d2a                           M1 frames: 250 sad, 250 neutral                           emb (1,1,0,0)
 *              D3  d3a                           M1 utterance only, top sad                                emb (1,0,1,0)
 *                  d3b                           nothing: no label, no analysis
 *   Controls   C1  c1a  whole label happy                                                                   emb (0,2,0,0)
 *                  c1b  whole label neutral                                                                 no analysis
 *              C2  c2a  M1 frames: all happy                                                               emb (0,1,0,1)
 *              C3  c3a  whole label neutral (M1 says angry: the human label wins)                          emb (0,3,0,0)
 *   (no cohort)    orphan: a recording without a patient
 *
 * Model M2 has analysed d2a only, so M1 (most analyses) is the default.
 */
export interface CohortStudy {
  database: TestDatabase;
  store: AudioStore;
  corpusId: string;
  otherCorpusId: string;
  /** Cohort ids by name. */
  cohorts: Record<"Depressed" | "Controls", string>;
  /** Patient ids by code. */
  patients: Record<string, string>;
  /** Recording ids by name (d1a …, orphan, other: a recording of the other corpus). */
  recordings: Record<string, string>;
  /** Patient of the other corpus. */
  foreignPatientId: string;
  models: { m1: string; m2: string };
  destroy(): void;
}

const K = CANONICAL_LABELS.length;
const FRAMES = 500;

export async function buildCohortStudy(database: TestDatabase): Promise<CohortStudy> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cohort-study-"));
  const store = openAudioStore(dataDir);
  await ensureStoreFolders(store);
  const corpus = await ensureCorpus(database.prisma, "Cohort study");
  const other = await ensureCorpus(database.prisma, "Other study");
  const recordings: Record<string, string> = {};
  const hashes: Record<string, string> = {};
  const author = await ensureLocalResearcher(database.prisma);

  const add = async (name: string, subject?: RecordingSubject, corpusId = corpus.id) => {
    hashes[name] = sha256(`audio ${name} ${randomUUID()}`);
    const [id] = await createRecording(database.prisma, {
      corpusId,
      contentHash: sha256(`content ${name} ${randomUUID()}`),
      originalName: `${name}.wav`,
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: 1000,
      tracks: [{ trackIndex: -1, analysisHash: hashes[name]!, durationSeconds: 10, quality: {}, qualityFlags: [] }],
      metadata: {},
      ...(subject ? { subject } : {}),
    });
    recordings[name] = id!;
  };
  const depressed = (patientCode: string, sessionCode?: string, sessionDate?: string): RecordingSubject => ({
    patientCode,
    cohorts: ["Depressed"],
    ...(sessionCode ? { sessionCode } : {}),
    ...(sessionDate ? { sessionDate } : {}),
  });
  const controls = (patientCode: string): RecordingSubject => ({ patientCode, cohorts: ["Controls"] });

  await add("d1a", depressed("D1", "v1", "2024-01-10"));
  await add("d1b", depressed("D1", "v2", "2024-02-10"));
  await add("d1c", depressed("D1", "v3"));
  await add("d2a", depressed("D2"));
  await add("d3a", depressed("D3"));
  await add("d3b", depressed("D3"));
  await add("c1a", controls("C1"));
  await add("c1b", controls("C1"));
  await add("c2a", controls("C2"));
  await add("c3a", controls("C3"));
  await add("orphan");
  await add("other", { patientCode: "X1", cohorts: [] }, other.id);

  const edit = async (name: string, labelEdit: LabelEdit) => {
    const state = await readLabelState(database.prisma, recordings[name]!);
    await applyLabelEdit(database.prisma, { recordingId: recordings[name]!, expectedVersion: state!.version, edit: labelEdit, authorId: author.id, store });
  };
  const region = async (name: string, startSeconds: number, endSeconds: number, emotion: CanonicalLabel) => {
    const regionId = randomUUID();
    await edit(name, { kind: "region.create", regionId, startSeconds, endSeconds });
    await edit(name, { kind: "label.set", regionId, emotion });
    return regionId;
  };
  await region("d1a", 0, 6, "sad");
  await region("d1a", 6, 8, "happy");
  const deleted = await region("d1a", 8, 10, "fearful");
  await edit("d1a", { kind: "region.delete", regionId: deleted });
  await edit("d1b", { kind: "label.set", regionId: null, emotion: "happy" });
  await edit("d1b", { kind: "label.set", regionId: null, emotion: "sad" });
  await edit("d1c", { kind: "label.set", regionId: null, emotion: "angry" });
  await edit("c1a", { kind: "label.set", regionId: null, emotion: "happy" });
  await edit("c1b", { kind: "label.set", regionId: null, emotion: "neutral" });
  await edit("c3a", { kind: "label.set", regionId: null, emotion: "neutral" });

  const model = (key: string) =>
    ensureModelEntry(database.prisma, { modelKey: key, version: "1", name: key.toUpperCase(), fileHash: sha256(key), labelNames: [...CANONICAL_LABELS], manifest: {} });
  const models = { m1: await model("m1"), m2: await model("m2") };
  const analyse = async (name: string, options: { top: CanonicalLabel; embedding: number[]; frames?: CanonicalLabel[]; modelId?: string }) => {
    const frameScores = options.frames ? framesOf(options.frames) : null;
    await database.prisma.analysis.create({
      data: {
        audioHash: hashes[name]!,
        modelId: options.modelId ?? models.m1,
        rangeKey: "",
        utteranceScores: { labels: [...CANONICAL_LABELS], scores: scoresWithTop(options.top), top: options.top, confidence: 0.6 },
        frameRate: frameScores ? 50 : null,
        frameCount: frameScores ? frameScores.length / K : null,
        frameScoresHash: frameScores ? await writeFrameScores(store, frameScores) : null,
        embeddingDim: options.embedding.length,
        embedding: new Uint8Array(Float32Array.from(options.embedding).buffer),
        executionProvider: "cpu",
      },
    });
  };
  const half = <T>(first: T, second: T) => Array.from({ length: FRAMES }, (_, frame) => (frame < FRAMES / 2 ? first : second));
  // d1a's frames say angry throughout: its human regions must win.
  await analyse("d1a", { top: "angry", embedding: [2, 0, 0, 0], frames: half<CanonicalLabel>("angry", "angry") });
  await analyse("d1b", { top: "angry", embedding: [4, 0, 0, 0] });
  await analyse("d2a", { top: "sad", embedding: [1, 1, 0, 0], frames: half<CanonicalLabel>("sad", "neutral") });
  await analyse("d2a", { top: "happy", embedding: [9, 9, 9, 9], modelId: models.m2 });
  await analyse("d3a", { top: "sad", embedding: [1, 0, 1, 0] });
  await analyse("c1a", { top: "sad", embedding: [0, 2, 0, 0] });
  await analyse("c2a", { top: "happy", embedding: [0, 1, 0, 1], frames: half<CanonicalLabel>("happy", "happy") });
  await analyse("c3a", { top: "angry", embedding: [0, 3, 0, 0] });

  const cohortRows = await database.prisma.cohort.findMany({ where: { corpusId: corpus.id }, select: { id: true, name: true } });
  const patientRows = await database.prisma.patient.findMany({ select: { id: true, code: true } });
  const patients = Object.fromEntries(patientRows.map((row) => [row.code, row.id]));
  return {
    database,
    store,
    corpusId: corpus.id,
    otherCorpusId: other.id,
    cohorts: Object.fromEntries(cohortRows.map((row) => [row.name, row.id])) as CohortStudy["cohorts"],
    patients,
    recordings,
    foreignPatientId: patients.X1!,
    models,
    destroy: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function scoresWithTop(label: CanonicalLabel): number[] {
  return CANONICAL_LABELS.map((candidate) => (candidate === label ? 0.6 : 0.05));
}

function framesOf(labels: readonly CanonicalLabel[]): Float32Array {
  const scores = new Float32Array(labels.length * K).fill(0.05);
  labels.forEach((label, frame) => (scores[frame * K + CANONICAL_INDEX[label]] = 0.6));
  return scores;
}
