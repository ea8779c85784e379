import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureStoreFolders, openAudioStore, type AudioStore } from "../corpus/audio-store";
import { applyLabelEditOptimistically } from "../domain/apply-label-edit";
import { nextAttention, type AttentionCandidate } from "../domain/attention-order";
import { CANONICAL_INDEX, CANONICAL_LABELS, type CanonicalLabel } from "../domain/emotion-labels";
import type { LabelEdit, LabelStatus, RecordingLabelState } from "../domain/label-state";
import { writeFrameScores } from "../inference/frame-scores-file";
import { LabelEditError } from "../labels/label-edit-error";
import { saveAnalysis } from "./analysis.repository";
import { createRecording, ensureCorpus, ensureModelEntry } from "./corpus.repository";
import {
  applyLabelEdit,
  backfillModelPredictions,
  findNextAttention,
  listLabelHistory,
  readLabelState,
  redoLabelEdit,
  refreshModelPrediction,
  undoLabelEdit,
} from "./label.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "./testing/test-database";
import { ensureLocalResearcher, LOCAL_DISPLAY_NAME } from "./user.repository";

/**
 * The label repository against a real database (PGlite, or PostgreSQL when
 * TEST_DATABASE_URL is set): every edit kind, undo and redo, the label chain,
 * version conflicts, atomicity, accepting model labels from stored analyses,
 * the denormalised status columns and "next recording that needs attention".
 */

const K = CANONICAL_LABELS.length;
const RATE = 50;
const OFFSET = 0.0125;

let database: TestDatabase;
let dataDir: string;
let store: AudioStore;
let corpusId: string;
let authorId: string;
let modelId: string;
let otherModelId: string;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

async function addRecording(name: string, options: { durationSeconds?: number; analysisHash?: string; corpus?: string } = {}): Promise<string> {
  const [id] = await createRecording(database.prisma, {
    corpusId: options.corpus ?? corpusId,
    contentHash: sha256(`content of ${name} ${randomUUID()}`),
    originalName: name,
    format: "wav/pcm_s16le",
    sampleRate: 16_000,
    channels: 1,
    sizeBytes: 1000,
    tracks: [{ trackIndex: -1, analysisHash: options.analysisHash ?? sha256(`audio of ${name} ${randomUUID()}`), durationSeconds: options.durationSeconds ?? 10, quality: {}, qualityFlags: [] }],
    metadata: {},
  });
  return id!;
}

function scoresWithTop(label: CanonicalLabel, score: number): number[] {
  const scores = new Array<number>(K).fill((1 - score) / (K - 1));
  scores[CANONICAL_INDEX[label]] = score;
  return scores;
}

/** A whole-recording analysis: utterance scores with `top`, and frame scores that are `first` for the first half, `second` after. */
async function analyse(
  analysisHash: string,
  options: { top: CanonicalLabel; confidence: number; seconds?: number; first?: CanonicalLabel; second?: CanonicalLabel; model?: string },
): Promise<void> {
  const frames = RATE * (options.seconds ?? 10);
  const frameScores = new Float32Array(frames * K);
  for (let frame = 0; frame < frames; frame++) {
    const row = scoresWithTop(frame < frames / 2 ? (options.first ?? "angry") : (options.second ?? "sad"), 0.8);
    frameScores.set(row, frame * K);
  }
  await ensureStoreFolders(store);
  await saveAnalysis(database.prisma, {
    audioHash: analysisHash,
    modelId: options.model ?? modelId,
    utteranceScores: { labels: [...CANONICAL_LABELS], scores: scoresWithTop(options.top, options.confidence), top: options.top, confidence: options.confidence },
    frameRate: RATE,
    frameCount: frames,
    frameScoresHash: await writeFrameScores(store, frameScores),
    embedding: null,
    executionProvider: "cpu",
    windowSettings: { frameOffsetSeconds: OFFSET },
    timings: {},
  });
  await refreshModelPrediction(database.prisma, analysisHash);
}

async function state(recordingId: string): Promise<RecordingLabelState> {
  return (await readLabelState(database.prisma, recordingId))!;
}

async function edit(recordingId: string, labelEdit: LabelEdit): Promise<RecordingLabelState> {
  const current = await state(recordingId);
  return applyLabelEdit(database.prisma, { recordingId, expectedVersion: current.version, edit: labelEdit, authorId, store });
}

async function undo(recordingId: string): Promise<RecordingLabelState> {
  return undoLabelEdit(database.prisma, { recordingId, expectedVersion: (await state(recordingId)).version, authorId });
}

async function redo(recordingId: string): Promise<RecordingLabelState> {
  return redoLabelEdit(database.prisma, { recordingId, expectedVersion: (await state(recordingId)).version, authorId });
}

async function columns(recordingId: string) {
  return database.prisma.recording.findUniqueOrThrow({
    where: { id: recordingId },
    select: { version: true, labelStatus: true, humanEmotion: true, modelEmotion: true, modelConfidence: true, note: true, reviewedAt: true },
  });
}

async function failure(promise: Promise<unknown>): Promise<LabelEditError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(LabelEditError);
  return error as LabelEditError;
}

/** What the optimistic and the server's state must agree on: everything but label ids and timestamps. */
function comparable(labelState: RecordingLabelState) {
  const label = (view: RecordingLabelState["recordingLabel"]) => view && { ...view, id: "", createdAt: "" };
  return {
    ...labelState,
    reviewedAt: labelState.reviewedAt !== null,
    recordingLabel: label(labelState.recordingLabel),
    regions: labelState.regions.map((region) => ({ ...region, label: label(region.label) })),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "label-repository-"));
  store = openAudioStore(dataDir);
  corpusId = (await ensureCorpus(database.prisma, "Labelling")).id;
  authorId = (await ensureLocalResearcher(database.prisma)).id;
  const model = (key: string) => ({ modelKey: key, version: "1.0.0", name: key, fileHash: sha256(key), labelNames: [...CANONICAL_LABELS], manifest: {} });
  modelId = await ensureModelEntry(database.prisma, model("test-model"));
  otherModelId = await ensureModelEntry(database.prisma, model("other-model"));
});

afterAll(async () => {
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`label repository on ${testDatabaseMode()}`, () => {
  it("creates the local researcher once per client", async () => {
    const first = await ensureLocalResearcher(database.prisma);
    expect(first).toEqual({ id: authorId, displayName: LOCAL_DISPLAY_NAME });
    expect(await database.prisma.user.count({ where: { username: "local" } })).toBe(1);
  });

  it("reads an untouched recording as version 0 without labels, and nothing for an unknown id", async () => {
    const id = await addRecording("fresh.wav");
    expect(await state(id)).toEqual({
      recordingId: id,
      version: 0,
      reviewedAt: null,
      note: "",
      recordingLabel: null,
      regions: [],
      status: "unlabelled",
      modelPrediction: null,
      undoTitle: null,
      redoTitle: null,
    });
    expect(await readLabelState(database.prisma, randomUUID())).toBeNull();
  });

  it("applies every edit kind as the editor predicts it, and answers what a fresh read returns", async () => {
    const hash = sha256("every edit kind");
    const id = await addRecording("every-kind.wav", { analysisHash: hash });
    await analyse(hash, { top: "happy", confidence: 0.55, first: "angry", second: "sad" });
    const [r1, r2] = [randomUUID(), randomUUID()];
    const edits: LabelEdit[] = [
      { kind: "region.create", regionId: r1, startSeconds: 6, endSeconds: 8, constraints: { noOverlap: true, minSeconds: 0.5 } },
      { kind: "region.create", regionId: r2, startSeconds: 1, endSeconds: 2 },
      { kind: "region.update", regionId: r2, startSeconds: 1.5, endSeconds: 3.25 },
      { kind: "label.set", regionId: r1, emotion: "sad" },
      { kind: "label.set", regionId: r2, emotion: "neutral" },
      { kind: "label.set", regionId: r2, emotion: null },
      { kind: "note.set", regionId: null, note: "background music from 0:40" },
      { kind: "note.set", regionId: r1, note: "sighs" },
      { kind: "label.accept-model", regionId: null },
      { kind: "label.set", regionId: null, emotion: "fearful" },
      { kind: "label.accept-model", regionId: null, modelKey: "test-model" },
      { kind: "review.set", reviewed: true },
      { kind: "review.set", reviewed: false },
      { kind: "region.delete", regionId: r2 },
    ];
    for (const labelEdit of edits) {
      const before = await state(id);
      const optimistic = applyLabelEditOptimistically(before, labelEdit, new Date(), LOCAL_DISPLAY_NAME);
      const saved = await applyLabelEdit(database.prisma, { recordingId: id, expectedVersion: before.version, edit: labelEdit, authorId, store });
      expect(comparable(saved), labelEdit.kind).toEqual(comparable(optimistic));
      expect(await state(id)).toEqual(saved);
    }
    const final = await state(id);
    expect(final).toMatchObject({
      version: edits.length,
      note: "background music from 0:40",
      reviewedAt: null,
      recordingLabel: { emotion: "happy", source: "model", confidence: 0.55, modelKey: "test-model", authorName: LOCAL_DISPLAY_NAME },
      regions: [{ id: r1, startSeconds: 6, endSeconds: 8, note: "sighs", label: { emotion: "sad", source: "human", confidence: null, modelKey: null } }],
      status: "labelled",
      modelPrediction: { emotion: "happy", confidence: 0.55, modelKey: "test-model" },
      undoTitle: "Delete region 0:01.50–0:03.25",
      redoTitle: null,
    });
  });

  it("accepts the model's label for a region from the mean of its frame scores; the editor leaves it for the server", async () => {
    const hash = sha256("accept region");
    const id = await addRecording("accept-region.wav", { analysisHash: hash });
    await analyse(hash, { top: "happy", confidence: 0.6, first: "angry", second: "sad" });
    const early = randomUUID();
    const late = randomUUID();
    await edit(id, { kind: "region.create", regionId: early, startSeconds: 1, endSeconds: 3 });
    await edit(id, { kind: "region.create", regionId: late, startSeconds: 7, endSeconds: 9.5 });
    const before = await state(id);
    const acceptEdit: LabelEdit = { kind: "label.accept-model", regionId: late };
    const optimistic = applyLabelEditOptimistically(before, acceptEdit, new Date(), LOCAL_DISPLAY_NAME);
    const saved = await applyLabelEdit(database.prisma, { recordingId: id, expectedVersion: before.version, edit: acceptEdit, authorId, store });
    const lateRegion = saved.regions.find((region) => region.id === late)!;
    expect(lateRegion.label).toMatchObject({ emotion: "sad", source: "model", modelKey: "test-model", authorName: LOCAL_DISPLAY_NAME });
    expect(lateRegion.label?.confidence).toBeCloseTo(0.8, 6);
    // Everything else agrees; the optimistic state kept the region's label (none) and its status.
    const withoutLate = (labelState: RecordingLabelState) => ({
      ...comparable(labelState),
      status: "",
      undoTitle: "",
      regions: comparable(labelState).regions.map((region) => (region.id === late ? { ...region, label: null } : region)),
    });
    expect(withoutLate(saved)).toEqual(withoutLate(optimistic));
    expect(optimistic.regions.find((region) => region.id === late)?.label).toBeNull();
    expect(saved.undoTitle).toBe("Accept model label sad for region 0:07.00–0:09.50");
    const earlyState = await edit(id, { kind: "label.accept-model", regionId: early });
    expect(earlyState.regions.find((region) => region.id === early)?.label?.emotion).toBe("angry");
    expect(earlyState.status).toBe("labelled");
    expect((await listLabelHistory(database.prisma, id))[0]).toMatchObject({ kind: "label.set", source: "model", after: { emotion: "angry", modelKey: "test-model" } });
  });

  it("takes a named model's analysis, and refuses when there is no model result", async () => {
    const hash = sha256("two models");
    const id = await addRecording("two-models.wav", { analysisHash: hash });
    await analyse(hash, { top: "sad", confidence: 0.7, model: otherModelId });
    await analyse(hash, { top: "angry", confidence: 0.9 });
    expect((await state(id)).modelPrediction).toEqual({ emotion: "angry", confidence: 0.9, modelKey: "test-model" });
    const named = await edit(id, { kind: "label.accept-model", regionId: null, modelKey: "other-model" });
    expect(named.recordingLabel).toMatchObject({ emotion: "sad", confidence: 0.7, modelKey: "other-model" });

    const bare = await addRecording("not-analysed.wav");
    const none = await failure(edit(bare, { kind: "label.accept-model", regionId: null }));
    expect(none.code).toBe("NO_MODEL_RESULT");
    expect(none.message).toContain("not-analysed.wav has no analysis");
    expect((await failure(edit(id, { kind: "label.accept-model", regionId: null, modelKey: "missing-model" }))).message).toContain("by missing-model");

    // Imported results have utterance scores but no frames: nothing to take for a region.
    const importedHash = sha256("imported");
    const imported = await addRecording("imported.wav", { analysisHash: importedHash });
    await saveAnalysis(database.prisma, {
      audioHash: importedHash,
      modelId,
      utteranceScores: { labels: [...CANONICAL_LABELS], scores: scoresWithTop("sad", 0.5), top: "sad", confidence: 0.5 },
      frameRate: 0,
      frameCount: 0,
      frameScoresHash: null as unknown as string,
      embedding: null,
      executionProvider: "imported",
      windowSettings: {},
      timings: {},
    });
    const region = randomUUID();
    await edit(imported, { kind: "region.create", regionId: region, startSeconds: 0, endSeconds: 1 });
    const noFrames = await failure(edit(imported, { kind: "label.accept-model", regionId: region }));
    expect(noFrames).toMatchObject({ code: "NO_MODEL_RESULT", message: expect.stringContaining("no frame scores") });
    expect((await edit(imported, { kind: "label.accept-model", regionId: null })).recordingLabel?.emotion).toBe("sad");
  });

  it("undoes twice, redoes once, and a new edit discards what was left to redo", async () => {
    const id = await addRecording("undo-chain.wav");
    const region = randomUUID();
    await edit(id, { kind: "region.create", regionId: region, startSeconds: 2, endSeconds: 4 });
    await edit(id, { kind: "label.set", regionId: region, emotion: "neutral" });
    const afterLabel = await edit(id, { kind: "label.set", regionId: region, emotion: "sad" });
    expect(afterLabel.undoTitle).toBe("Label region 0:02.00–0:04.00 as sad");

    const once = await undo(id);
    expect(once.regions[0]?.label?.emotion).toBe("neutral");
    expect(once).toMatchObject({ undoTitle: "Label region 0:02.00–0:04.00 as neutral", redoTitle: "Label region 0:02.00–0:04.00 as sad", version: 4 });
    const twice = await undo(id);
    expect(twice.regions[0]?.label).toMatchObject({ emotion: null, source: "human" });
    expect(twice).toMatchObject({ undoTitle: "Create region 0:02.00–0:04.00", redoTitle: "Label region 0:02.00–0:04.00 as neutral", status: "unlabelled" });
    expect(await state(id)).toEqual(twice);

    const redone = await redo(id);
    expect(redone.regions[0]?.label?.emotion).toBe("neutral");
    expect(redone).toMatchObject({ undoTitle: "Label region 0:02.00–0:04.00 as neutral", redoTitle: "Label region 0:02.00–0:04.00 as sad" });
    expect(await state(id)).toEqual(redone);

    const moved = await edit(id, { kind: "region.update", regionId: region, startSeconds: 2.5, endSeconds: 4 });
    expect(moved.redoTitle).toBeNull();
    expect((await failure(redo(id))).code).toBe("NOTHING_TO_REDO");
    const history = await listLabelHistory(database.prisma, id);
    expect(history.map((entry) => [entry.kind, entry.state])).toEqual([
      ["region.update", "done"],
      ["label.set", "discarded"],
      ["label.set", "done"],
      ["region.create", "done"],
    ]);
    expect(history.map((entry) => entry.version)).toEqual([7, 3, 2, 1]);

    await undo(id);
    await undo(id);
    await undo(id);
    const empty = await state(id);
    expect(empty).toMatchObject({ regions: [], undoTitle: null, redoTitle: "Create region 0:02.00–0:04.00" });
    const nothing = await failure(undo(id));
    expect(nothing).toMatchObject({ code: "NOTHING_TO_UNDO", message: "undo-chain.wav has no edit to undo." });
  });

  it("brings a deleted region back on undo, with its note and label, and deletes it again on redo", async () => {
    const id = await addRecording("undo-delete.wav");
    const region = randomUUID();
    await edit(id, { kind: "region.create", regionId: region, startSeconds: 1, endSeconds: 2 });
    await edit(id, { kind: "label.set", regionId: region, emotion: "angry" });
    const noted = await edit(id, { kind: "note.set", regionId: region, note: "shouting" });
    const deleted = await edit(id, { kind: "region.delete", regionId: region });
    expect(deleted.regions).toEqual([]);
    expect(deleted.status).toBe("unlabelled");
    expect(await database.prisma.region.count({ where: { id: region, deletedAt: { not: null } } })).toBe(1);

    const restored = await undo(id);
    expect(restored.regions).toEqual(noted.regions);
    expect(restored.status).toBe("labelled");
    expect((await redo(id)).regions).toEqual([]);
  });

  it("keeps labels append-only: every change is a new row, the old one points at it, and undo restores the label exactly", async () => {
    const hash = sha256("label chain");
    const id = await addRecording("label-chain.wav", { analysisHash: hash });
    await analyse(hash, { top: "surprised", confidence: 0.42 });
    await edit(id, { kind: "label.set", regionId: null, emotion: "neutral" });
    await edit(id, { kind: "label.accept-model", regionId: null });
    const human = await edit(id, { kind: "label.set", regionId: null, emotion: "sad" });
    expect(human.recordingLabel).toMatchObject({ emotion: "sad", source: "human" });

    const restored = await undo(id);
    expect(restored.recordingLabel).toMatchObject({ emotion: "surprised", source: "model", confidence: 0.42, modelKey: "test-model", authorName: LOCAL_DISPLAY_NAME });
    expect((await redo(id)).recordingLabel).toMatchObject({ emotion: "sad", source: "human", confidence: null, modelKey: null });

    const rows = await database.prisma.label.findMany({
      where: { recordingId: id },
      select: { id: true, emotion: true, source: true, confidence: true, modelId: true, supersededById: true },
    });
    // neutral, surprised (model), sad, surprised again (undo), sad again (redo).
    expect(rows).toHaveLength(5);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const first = rows.find((row) => !rows.some((other) => other.supersededById === row.id))!;
    const chain = [first];
    while (chain.at(-1)!.supersededById) chain.push(byId.get(chain.at(-1)!.supersededById!)!);
    expect(chain.map((row) => [row.emotion, row.source, row.confidence, row.modelId])).toEqual([
      ["neutral", "human", null, null],
      ["surprised", "model", 0.42, modelId],
      ["sad", "human", null, null],
      ["surprised", "model", 0.42, modelId],
      ["sad", "human", null, null],
    ]);
    expect(rows.filter((row) => row.supersededById === null)).toHaveLength(1);
  });

  it("refuses an edit based on an old version, naming what happened, and writes nothing", async () => {
    const id = await addRecording("stale.wav");
    await edit(id, { kind: "note.set", regionId: null, note: "first" });
    const stale = await failure(
      applyLabelEdit(database.prisma, { recordingId: id, expectedVersion: 0, edit: { kind: "note.set", regionId: null, note: "second" }, authorId, store }),
    );
    expect(stale.code).toBe("STALE_VERSION");
    expect(stale.message).toMatch(/stale\.wav was changed in another tab or by another person .*reloaded/);
    expect((await failure(undoLabelEdit(database.prisma, { recordingId: id, expectedVersion: 5, authorId }))).code).toBe("STALE_VERSION");
    expect((await failure(redoLabelEdit(database.prisma, { recordingId: id, expectedVersion: 0, authorId }))).code).toBe("STALE_VERSION");
    expect(await columns(id)).toMatchObject({ version: 1, note: "first" });
    const missing = await failure(
      applyLabelEdit(database.prisma, { recordingId: randomUUID(), expectedVersion: 0, edit: { kind: "review.set", reviewed: true }, authorId, store }),
    );
    expect(missing.code).toBe("RECORDING_NOT_FOUND");
  });

  it("lets exactly one of two concurrent edits on the same version win", async () => {
    const id = await addRecording("race.wav");
    const [a, b] = [randomUUID(), randomUUID()];
    const results = await Promise.allSettled(
      [a, b].map((regionId, index) =>
        applyLabelEdit(database.prisma, {
          recordingId: id,
          expectedVersion: 0,
          edit: { kind: "region.create", regionId, startSeconds: index, endSeconds: index + 1 },
          authorId,
          store,
        }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatchObject({ code: "STALE_VERSION" });
    expect(await database.prisma.region.count({ where: { recordingId: id } })).toBe(1);
    expect(await database.prisma.labelEdit.count({ where: { recordingId: id } })).toBe(1);
    expect((await columns(id)).version).toBe(1);
  });

  it("refuses invalid regions with a message for the researcher, and rolls back a failure after the first write", async () => {
    const id = await addRecording("invalid.wav", { durationSeconds: 30 });
    const region = randomUUID();
    await edit(id, { kind: "region.create", regionId: region, startSeconds: 10, endSeconds: 20 });
    const counts = async () => ({
      regions: await database.prisma.region.count({ where: { recordingId: id } }),
      edits: await database.prisma.labelEdit.count({ where: { recordingId: id } }),
      ...(await columns(id)),
    });
    const before = await counts();
    const constraints = { noOverlap: true, minSeconds: 0.5 };
    const overlap = await failure(edit(id, { kind: "region.create", regionId: randomUUID(), startSeconds: 19, endSeconds: 25, constraints }));
    expect(overlap).toMatchObject({ code: "REGION_INVALID", message: "Region 0:19.00–0:25.00 overlaps region 0:10.00–0:20.00 in invalid.wav." });
    expect((await failure(edit(id, { kind: "region.create", regionId: randomUUID(), startSeconds: 12.3, endSeconds: 12.4, constraints }))).message).toBe(
      "Region 0:12.30–0:12.40 is shorter than the minimum 0.5 s in invalid.wav.",
    );
    expect((await failure(edit(id, { kind: "region.update", regionId: region, startSeconds: 25, endSeconds: 31 }))).code).toBe("REGION_INVALID");
    expect((await failure(edit(id, { kind: "label.set", regionId: randomUUID(), emotion: "sad" }))).code).toBe("REGION_NOT_FOUND");
    // Touching ends are no overlap, and nesting is fine when overlap is allowed.
    await edit(id, { kind: "region.create", regionId: randomUUID(), startSeconds: 20, endSeconds: 25, constraints });
    await edit(id, { kind: "region.create", regionId: randomUUID(), startSeconds: 12, endSeconds: 14 });
    const valid = await counts();
    expect(valid.regions).toBe(before.regions + 2);

    // A region id another recording already uses fails at the insert, after the version bump: all of it rolls back.
    const elsewhere = await addRecording("elsewhere.wav");
    const taken = randomUUID();
    await edit(elsewhere, { kind: "region.create", regionId: taken, startSeconds: 0, endSeconds: 1 });
    const clash = await failure(edit(id, { kind: "region.create", regionId: taken, startSeconds: 1, endSeconds: 2 }));
    expect(clash.code).toBe("REGION_INVALID");
    expect(await counts()).toEqual(valid);
  });

  it("keeps labelStatus and humanEmotion in step through edits, undo and review", async () => {
    const hash = sha256("status");
    const id = await addRecording("status.wav", { analysisHash: hash });
    const statusOf = async () => (await columns(id)).labelStatus as LabelStatus;
    expect(await statusOf()).toBe("unlabelled");
    await analyse(hash, { top: "happy", confidence: 0.5 });
    expect(await columns(id)).toMatchObject({ labelStatus: "predicted", modelEmotion: "happy", modelConfidence: 0.5, humanEmotion: null });
    const [a, b] = [randomUUID(), randomUUID()];
    await edit(id, { kind: "region.create", regionId: a, startSeconds: 0, endSeconds: 1 });
    await edit(id, { kind: "region.create", regionId: b, startSeconds: 2, endSeconds: 3 });
    expect(await statusOf()).toBe("predicted");
    await edit(id, { kind: "label.set", regionId: a, emotion: "sad" });
    expect(await statusOf()).toBe("in_progress");
    await edit(id, { kind: "label.set", regionId: b, emotion: "sad" });
    expect(await statusOf()).toBe("labelled");
    await undo(id);
    expect(await statusOf()).toBe("in_progress");
    await edit(id, { kind: "label.set", regionId: null, emotion: "angry" });
    expect(await columns(id)).toMatchObject({ labelStatus: "labelled", humanEmotion: "angry" });
    await edit(id, { kind: "review.set", reviewed: true });
    expect(await columns(id)).toMatchObject({ labelStatus: "reviewed", reviewedAt: expect.any(Date) });
    await undo(id);
    await undo(id);
    expect(await columns(id)).toMatchObject({ labelStatus: "in_progress", humanEmotion: null, reviewedAt: null });
    await edit(id, { kind: "label.set", regionId: null, emotion: null });
    expect(await columns(id)).toMatchObject({ labelStatus: "in_progress", humanEmotion: null });
  });

  it("lists the history newest first, with titles, authors and states, for a recording or one region", async () => {
    const id = await addRecording("history.wav", { durationSeconds: 30 });
    const [a, b] = [randomUUID(), randomUUID()];
    await edit(id, { kind: "region.create", regionId: a, startSeconds: 12.3, endSeconds: 15 });
    await edit(id, { kind: "region.create", regionId: b, startSeconds: 20, endSeconds: 21 });
    await edit(id, { kind: "label.set", regionId: a, emotion: "neutral" });
    await edit(id, { kind: "label.set", regionId: a, emotion: "sad" });
    await edit(id, { kind: "review.set", reviewed: true });
    await undo(id);
    const history = await listLabelHistory(database.prisma, id);
    expect(history.map((entry) => entry.title)).toEqual([
      "Mark reviewed",
      "Label region 0:12.30–0:15.00 as sad",
      "Label region 0:12.30–0:15.00 as neutral",
      "Create region 0:20.00–0:21.00",
      "Create region 0:12.30–0:15.00",
    ]);
    expect(history[0]).toMatchObject({ kind: "review.set", state: "undone", undoneAt: expect.any(String), source: "human", authorName: LOCAL_DISPLAY_NAME });
    expect(history[1]).toMatchObject({ state: "done", undoneAt: null, regionId: a, before: { emotion: "neutral" }, after: { emotion: "sad", source: "human" } });
    const regionHistory = await listLabelHistory(database.prisma, id, { regionId: a });
    expect(regionHistory.map((entry) => entry.kind)).toEqual(["label.set", "label.set", "region.create"]);
  });

  it("offers the next recording that needs attention in the domain rule's order, wrapping and skipping the current one", async () => {
    const corpus = (await ensureCorpus(database.prisma, "Attention")).id;
    const add = async (name: string, prediction?: [CanonicalLabel, number], label?: CanonicalLabel) => {
      const hash = sha256(`attention ${name}`);
      const id = await addRecording(name, { analysisHash: hash, corpus });
      if (prediction) await analyse(hash, { top: prediction[0], confidence: prediction[1] });
      if (label) await edit(id, { kind: "label.set", regionId: null, emotion: label });
      return id;
    };
    const ids = {
      agree: await add("agree.wav", ["sad", 0.3], "sad"),
      disagreeSure: await add("disagree-sure.wav", ["happy", 0.9], "sad"),
      disagreeUnsure: await add("disagree-unsure.wav", ["happy", 0.4], "angry"),
      unsure: await add("unsure.wav", ["neutral", 0.25]),
      sure: await add("sure.wav", ["neutral", 0.95]),
      tieB: await add("b-tie.wav", ["neutral", 0.5]),
      tieA: await add("a-tie.wav", ["neutral", 0.5]),
      Upper: await add("Zulu.wav"),
      lower: await add("alpha.wav"),
      reviewed: await add("reviewed.wav", ["happy", 0.1], "sad"),
    };
    await edit(ids.reviewed, { kind: "review.set", reviewed: true });

    const rows = await database.prisma.recording.findMany({
      where: { corpusId: corpus },
      select: { id: true, originalName: true, labelStatus: true, humanEmotion: true, modelEmotion: true, modelConfidence: true },
    });
    const candidates: AttentionCandidate[] = rows.map((row) => ({
      recordingId: row.id,
      name: row.originalName,
      status: row.labelStatus as LabelStatus,
      humanEmotion: row.humanEmotion,
      modelEmotion: row.modelEmotion,
      modelConfidence: row.modelConfidence,
    }));
    const expected: string[] = [];
    let target = nextAttention(candidates);
    while (target && expected.length < candidates.length && !expected.includes(target.recordingId)) {
      expected.push(target.recordingId);
      target = nextAttention(candidates, candidates.find((candidate) => candidate.recordingId === target!.recordingId));
    }
    expect(expected).toEqual([ids.disagreeUnsure, ids.disagreeSure, ids.unsure, ids.tieA, ids.tieB, ids.sure, ids.Upper, ids.lower]);

    const walked: string[] = [];
    let found = await findNextAttention(database.prisma, { corpusId: corpus });
    expect(found).toEqual({ recordingId: ids.disagreeUnsure, reason: "disagreement" });
    while (found && walked.length < expected.length) {
      walked.push(found.recordingId);
      found = await findNextAttention(database.prisma, { corpusId: corpus, afterRecordingId: found.recordingId });
    }
    expect(walked).toEqual(expected);
    // After the last it wraps to the first.
    expect(found?.recordingId).toBe(ids.disagreeUnsure);
    expect(await findNextAttention(database.prisma, { corpusId: corpus, afterRecordingId: ids.unsure })).toEqual({ recordingId: ids.tieA, reason: "low-confidence" });
    expect(await findNextAttention(database.prisma, { corpusId: corpus, afterRecordingId: ids.sure })).toEqual({ recordingId: ids.Upper, reason: "no-human-label" });
    // A recording that no longer needs attention still says where to go on from.
    expect((await findNextAttention(database.prisma, { corpusId: corpus, afterRecordingId: ids.agree }))?.recordingId).toBe(ids.tieA);
    expect(await findNextAttention(database.prisma, { corpusId: (await ensureCorpus(database.prisma, "Empty")).id })).toBeNull();
  });

  it("backfills model predictions of recordings analysed before the columns existed", async () => {
    const hash = sha256("backfill");
    const id = await addRecording("backfill.wav", { analysisHash: hash });
    const twin = await addRecording("backfill-twin.wav", { analysisHash: hash });
    await analyse(hash, { top: "fearful", confidence: 0.66 });
    await database.prisma.recording.updateMany({ where: { analysisHash: hash }, data: { modelEmotion: null, modelConfidence: null, labelStatus: "unlabelled" } });
    await edit(twin, { kind: "label.set", regionId: null, emotion: "sad" });
    expect(await backfillModelPredictions(database.prisma)).toBeGreaterThanOrEqual(1);
    expect(await columns(id)).toMatchObject({ modelEmotion: "fearful", modelConfidence: 0.66, labelStatus: "predicted" });
    expect(await columns(twin)).toMatchObject({ modelEmotion: "fearful", labelStatus: "labelled", humanEmotion: "sad" });
    expect(await backfillModelPredictions(database.prisma)).toBe(0);
  });
});
