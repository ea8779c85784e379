import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecording, ensureCorpus } from "../db/corpus.repository";
import { createTestDatabase, testDatabaseMode, type TestDatabase } from "../db/testing/test-database";
import { type RecordingResponse, serveRecording } from "./serve-recording";

let database: TestDatabase;
// ACCOUNTS is off here: the local researcher asks.
const local = new Request("http://127.0.0.1:3000/api/recordings");
let recordingIds: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  const corpus = await ensureCorpus(database.prisma, "Editor summary");
  recordingIds = await createRecording(database.prisma, {
    corpusId: corpus.id,
    contentHash: "c".repeat(64),
    originalName: "interview-03.m4a",
    format: "mp4/aac",
    sampleRate: 44_100,
    channels: 2,
    sizeBytes: 1_000_000,
    tracks: [
      { trackIndex: 0, analysisHash: "a".repeat(64), durationSeconds: 35, quality: {}, qualityFlags: [], role: "therapist" },
      { trackIndex: 1, analysisHash: "b".repeat(64), durationSeconds: 35, quality: {}, qualityFlags: ["clipping"], role: "patient" },
    ],
    metadata: { truth_spans: '[{"start":1,"end":2,"emotion":"sad"}]', phq9: 12 },
    subject: { patientCode: "P07", cohorts: ["treatment", "2026"], sessionCode: "S2", sessionDate: "2026-03-04" },
  });
});

afterAll(async () => {
  await database?.destroy();
});

describe(`GET /api/recordings/:id on ${testDatabaseMode()}`, () => {
  it("answers one track's summary with its subject, channels and metadata", async () => {
    const response = await serveRecording(database, local, recordingIds[1]!.toUpperCase());
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const { recording } = (await response.json()) as RecordingResponse;
    expect(recording).toMatchObject({
      id: recordingIds[1],
      corpusName: "Editor summary",
      originalName: "interview-03.m4a",
      format: "mp4/aac",
      durationSeconds: 35,
      channels: 2,
      trackIndex: 1,
      qualityFlags: ["clipping"],
      patientCode: "P07",
      sessionCode: "S2",
      sessionDate: "2026-03-04",
      cohorts: ["2026", "treatment"],
      metadata: { truth_spans: '[{"start":1,"end":2,"emotion":"sad"}]', phq9: 12, channelRole: "patient" },
    });
  });

  it("answers 404 with a reason for an unknown or malformed id", async () => {
    const unknown = await serveRecording(database, local, "00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({
      error: "There is no recording with id 00000000-0000-4000-8000-000000000000.",
      code: "RECORDING_NOT_FOUND",
    });
    const malformed = await serveRecording(database, local, "../etc/passwd");
    expect(malformed.status).toBe(404);
    expect(((await malformed.json()) as { error: string }).error).toContain("(malformed)");
  });
});
