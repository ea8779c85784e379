import { createHash, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openAudioStore, type AudioStore } from "../corpus/audio-store";
import { createRecording, ensureCorpus } from "../db/corpus.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import type { RecordingLabelState } from "../domain/label-state";
import {
  type AttentionJson,
  type LabelHistoryJson,
  serveLabelEdit,
  serveLabelHistory,
  serveLabelState,
  serveNextAttention,
  serveUndoRedo,
  type StaleVersionJson,
} from "./serve-labels";

/** The labelling routes' logic as the route handlers call it, against a real database. */

let database: TestDatabase;
let dataDir: string;
let store: AudioStore;
let corpusId: string;

async function addRecording(name: string): Promise<string> {
  const [id] = await createRecording(database.prisma, {
    corpusId,
    contentHash: createHash("sha256").update(`${name} ${randomUUID()}`).digest("hex"),
    originalName: name,
    format: "wav/pcm_s16le",
    sampleRate: 16_000,
    channels: 1,
    sizeBytes: 1000,
    tracks: [{ trackIndex: -1, analysisHash: createHash("sha256").update(`audio ${name}`).digest("hex"), durationSeconds: 20, quality: {}, qualityFlags: [] }],
    metadata: {},
  });
  return id!;
}

// ACCOUNTS is off in these tests: every request is the local researcher's.
const local = new Request("http://127.0.0.1:3000/api/recordings");
const post = (recordingId: string, body: unknown) => serveLabelEdit({ database, request: local, store, recordingId, body });

async function body<T>(response: Response, status: number): Promise<T> {
  expect(response.status).toBe(status);
  expect(response.headers.get("cache-control")).toBe("no-store");
  return (await response.json()) as T;
}

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(tmpdir(), "serve-labels-"));
  store = openAudioStore(dataDir);
  corpusId = (await ensureCorpus(database.prisma, "Label routes")).id;
});

afterAll(async () => {
  await database?.destroy();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe(`label routes on ${testDatabaseMode()}`, () => {
  it("serves the state, applies an edit as the local researcher, and answers 404 for unknown or malformed ids", async () => {
    const id = await addRecording("route-state.wav");
    const initial = await body<RecordingLabelState>(await serveLabelState(database, local, id), 200);
    expect(initial).toMatchObject({ recordingId: id, version: 0, status: "unlabelled" });

    const saved = await body<RecordingLabelState>(await post(id, { expectedVersion: 0, edit: { kind: "label.set", regionId: null, emotion: "sad" } }), 200);
    expect(saved).toMatchObject({ version: 1, recordingLabel: { emotion: "sad", source: "human", authorName: "Local researcher" }, undoTitle: "Label recording as sad" });
    // Upper-case ids name the same recording.
    expect((await body<RecordingLabelState>(await serveLabelState(database, local, id.toUpperCase()), 200)).version).toBe(1);

    const unknown = await body<{ error: string; code: string }>(await serveLabelState(database, local, randomUUID()), 404);
    expect(unknown.code).toBe("RECORDING_NOT_FOUND");
    expect((await body<{ error: string }>(await serveLabelState(database, local, "not-a-uuid"), 404)).error).toContain("(malformed)");
    expect((await body<{ code: string }>(await post(randomUUID(), { expectedVersion: 0, edit: { kind: "review.set", reviewed: true } }), 404)).code).toBe("RECORDING_NOT_FOUND");
  });

  it("answers 409 with the current state when the edit was based on an old version", async () => {
    const id = await addRecording("route-stale.wav");
    await post(id, { expectedVersion: 0, edit: { kind: "note.set", regionId: null, note: "from the other tab" } });
    const stale = await body<StaleVersionJson>(await post(id, { expectedVersion: 0, edit: { kind: "note.set", regionId: null, note: "mine" } }), 409);
    expect(stale.code).toBe("STALE_VERSION");
    expect(stale.error).toContain("route-stale.wav was changed in another tab or by another person");
    expect(stale.state).toEqual(await (await serveLabelState(database, local, id)).json());
    expect(stale.state).toMatchObject({ version: 1, note: "from the other tab" });
    const staleUndo = await body<StaleVersionJson>(await serveUndoRedo({ database, request: local, recordingId: id, body: { expectedVersion: 7 }, direction: "undo" }), 409);
    expect(staleUndo.state.version).toBe(1);
  });

  it("names every invalid field of an edit in a 400", async () => {
    const id = await addRecording("route-invalid.wav");
    const problem = async (payload: unknown) => (await body<{ error: string; code: string }>(await post(id, payload), 400)).error;
    expect(await problem({ edit: { kind: "review.set", reviewed: true } })).toMatch(/^Invalid label edit\. expectedVersion: must be the version of the state/);
    expect(await problem({ expectedVersion: 1.5, edit: { kind: "review.set", reviewed: true } })).toContain("expectedVersion: must be a whole number");
    expect(await problem({ expectedVersion: 0, edit: { kind: "region.split" } })).toContain("edit.kind: kind must be one of region.create, region.update");
    expect(await problem({ expectedVersion: 0, edit: { kind: "label.set", regionId: null, emotion: "furious" } })).toContain(
      "edit.emotion: must be one of angry, disgusted, fearful, happy, neutral, other, sad, surprised, unknown, or null",
    );
    const region = await problem({ expectedVersion: 0, edit: { kind: "region.create", regionId: "r1", startSeconds: "1", endSeconds: 2 } });
    expect(region).toContain("edit.regionId: must be a UUID");
    expect(region).toContain("edit.startSeconds: must be a number of seconds");
    expect(await problem({ expectedVersion: 0, edit: { kind: "region.create", regionId: randomUUID(), startSeconds: 1, endSeconds: 2, constraints: { noOverlap: "yes", minSeconds: -1 } } })).toMatch(
      /edit\.constraints\.noOverlap: must be true or false.*edit\.constraints\.minSeconds: must be 0 or more/,
    );
    expect(await problem("just text")).toContain("must be an object { expectedVersion, edit }");
    expect((await body<{ code: string }>(await post(id, {}), 400)).code).toBe("EDIT_INVALID");
  });

  it("answers 400 for an edit the recording refuses and 404 for a region it does not have", async () => {
    const id = await addRecording("route-refused.wav");
    const region = randomUUID();
    await post(id, { expectedVersion: 0, edit: { kind: "region.create", regionId: region, startSeconds: 1, endSeconds: 5 } });
    const invalid = await body<{ error: string; code: string }>(
      await post(id, { expectedVersion: 1, edit: { kind: "region.create", regionId: randomUUID(), startSeconds: 4, endSeconds: 30, constraints: { noOverlap: true, minSeconds: 0 } } }),
      400,
    );
    expect(invalid).toEqual({ code: "REGION_INVALID", error: "Region 0:04.00–0:30.00 lies outside the recording (0:00.00–0:20.00) in route-refused.wav." });
    const missing = await body<{ code: string }>(await post(id, { expectedVersion: 1, edit: { kind: "region.delete", regionId: randomUUID() } }), 404);
    expect(missing.code).toBe("REGION_NOT_FOUND");
    const noModel = await body<{ code: string; error: string }>(await post(id, { expectedVersion: 1, edit: { kind: "label.accept-model", regionId: region } }), 400);
    expect(noModel).toMatchObject({ code: "NO_MODEL_RESULT", error: expect.stringContaining("route-refused.wav has no analysis") });
  });

  it("undoes and redoes, and says when there is nothing to undo", async () => {
    const id = await addRecording("route-undo.wav");
    const nothing = await body<{ code: string; error: string }>(await serveUndoRedo({ database, request: local, recordingId: id, body: { expectedVersion: 0 }, direction: "undo" }), 400);
    expect(nothing).toEqual({ code: "NOTHING_TO_UNDO", error: "route-undo.wav has no edit to undo." });
    await post(id, { expectedVersion: 0, edit: { kind: "review.set", reviewed: true } });
    const undone = await body<RecordingLabelState>(await serveUndoRedo({ database, request: local, recordingId: id, body: { expectedVersion: 1 }, direction: "undo" }), 200);
    expect(undone).toMatchObject({ version: 2, reviewedAt: null, status: "unlabelled", undoTitle: null, redoTitle: "Mark reviewed" });
    const redone = await body<RecordingLabelState>(await serveUndoRedo({ database, request: local, recordingId: id, body: { expectedVersion: 2 }, direction: "redo" }), 200);
    expect(redone).toMatchObject({ version: 3, status: "reviewed", undoTitle: "Mark reviewed", redoTitle: null });
    expect((await body<{ error: string }>(await serveUndoRedo({ database, request: local, recordingId: id, body: {}, direction: "redo" }), 400)).error).toMatch(
      /^Invalid redo request\. expectedVersion: /,
    );
  });

  it("serves the history, narrowed to a region, and checks its query", async () => {
    const id = await addRecording("route-history.wav");
    const region = randomUUID();
    await post(id, { expectedVersion: 0, edit: { kind: "region.create", regionId: region, startSeconds: 1, endSeconds: 2 } });
    await post(id, { expectedVersion: 1, edit: { kind: "note.set", regionId: null, note: "x" } });
    const all = await body<LabelHistoryJson>(await serveLabelHistory(database, local, id, new URLSearchParams()), 200);
    expect(all.entries.map((entry) => entry.title)).toEqual(["Edit note", "Create region 0:01.00–0:02.00"]);
    const one = await body<LabelHistoryJson>(await serveLabelHistory(database, local, id, new URLSearchParams({ region })), 200);
    expect(one.entries.map((entry) => entry.kind)).toEqual(["region.create"]);
    expect((await body<{ error: string }>(await serveLabelHistory(database, local, id, new URLSearchParams({ region: "r1" })), 400)).error).toContain("region: must be a UUID");
    expect((await serveLabelHistory(database, local, randomUUID(), new URLSearchParams())).status).toBe(404);
  });

  it("serves the next recording that needs attention within a corpus", async () => {
    const corpus = (await ensureCorpus(database.prisma, "Attention routes")).id;
    const [id] = await createRecording(database.prisma, {
      corpusId: corpus,
      contentHash: createHash("sha256").update("attention route").digest("hex"),
      originalName: "waiting.wav",
      format: "wav/pcm_s16le",
      sampleRate: 16_000,
      channels: 1,
      sizeBytes: 1000,
      tracks: [{ trackIndex: -1, analysisHash: createHash("sha256").update("attention route audio").digest("hex"), durationSeconds: 5, quality: {}, qualityFlags: [] }],
      metadata: {},
    });
    const first = await body<AttentionJson>(await serveNextAttention(database, local, new URLSearchParams({ corpus })), 200);
    expect(first).toEqual({ target: { recordingId: id, reason: "no-human-label" } });
    // The only one, open now: nothing else needs attention.
    expect(await body<AttentionJson>(await serveNextAttention(database, local, new URLSearchParams({ corpus, after: id! })), 200)).toEqual({ target: null });
    expect((await body<{ error: string }>(await serveNextAttention(database, local, new URLSearchParams({ corpus: "x" })), 400)).error).toContain("corpus: must be a UUID");
  });
});
